// The patrol page: find the markers near where I stand (or by number), record what I see,
// and send it — now, or when the connection returns (outbox.js).

import { el } from '../api.js';
import * as outbox from './outbox.js';

const TOKEN_KEY = 'quhua.patrol.token';   // kept on the phone: patrols are recorded day after day
const CONDITIONS = {
  intact: '完好', damaged: '损坏', tilted: '倾斜', buried: '掩埋', moved: '移位', missing: '丢失',
};

const $ = (id) => document.getElementById(id);
let chosen = null;          // the marker being recorded
let lastPosition = null;    // { lon, lat, accuracy } from the last position fix

// MARK: - Server

class HttpError extends Error {
  constructor(status, problem) {
    super([status, problem?.title, problem?.detail].filter(Boolean).join(' · '));
    this.status = status;
    this.problem = problem;
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) throw new HttpError(response.status, data ?? { detail: text.slice(0, 200) });
  return data;
}

// MARK: - Signing in

async function showWho() {
  const who = $('who');
  if (!localStorage.getItem(TOKEN_KEY)) { who.textContent = '未登录 Not signed in — 输入令牌 enter your token'; return; }
  try {
    const grant = await call('GET', '/whoami');
    who.textContent = `${grant.actor} · ${grant.role}`;
  } catch (error) {
    who.textContent = error instanceof HttpError ? `令牌无效 ${error.message}` : '离线：令牌稍后验证 Offline: the token is checked later';
  }
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = $('token').value.trim();
  if (value) localStorage.setItem(TOKEN_KEY, value); else localStorage.removeItem(TOKEN_KEY);
  $('token').value = '';
  showWho();
  flush();
});

// MARK: - Finding markers

function position() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) { reject(new Error('此设备无定位 No location on this device')); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy }),
      (e) => reject(new Error(`定位失败 Location failed: ${e.message}`)),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 10000 });
  });
}

function showMarkers(markers, emptyText) {
  const list = $('markers');
  list.replaceChildren(...markers.map((m) => el('li', {},
    el('button', { type: 'button', dataset: { number: m.number }, onclick: () => choose(m) },
      el('span', { class: 'number' }, m.number),
      el('span', { class: 'distance' }, m.distance == null ? '' : formatDistance(m.distance)),
      el('span', { class: 'meta' },
        `${m.type ? `${m.type}型 · ` : ''}界线 line ${m.line}` +
        (m.condition ? ` · ${CONDITIONS[m.condition] || m.condition} ${m.condition}` : '') +
        (m.patrolOverdue ? ' · 巡查逾期 patrol overdue' : ''))))));
  $('find-status').textContent = markers.length ? '' : emptyText;
}

function formatDistance(metres) {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}

$('near').addEventListener('click', async () => {
  $('find-status').textContent = '定位中… Locating…';
  try {
    lastPosition = await position();
    $('find-status').textContent = '查找中… Searching…';
    const { markers } = await call('GET', `/register/markers?near=${lastPosition.lon},${lastPosition.lat}&limit=8`);
    showMarkers(markers, '附近没有界桩 No markers near here');
  } catch (error) {
    $('find-status').textContent = error.message;
  }
});

$('number-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const number = $('number').value.trim();
  if (!number) return;
  $('find-status').textContent = '查找中… Searching…';
  try {
    const { markers } = await call('GET', `/register/markers?number=${encodeURIComponent(number)}&limit=8`);
    showMarkers(markers, `没有编号为 ${number} 的界桩 No marker numbered ${number}`);
  } catch (error) {
    // Offline: the number typed is recorded as it is; the server checks it when the patrol arrives.
    if (!(error instanceof HttpError)) {
      showMarkers([{ number, line: '?', type: '' }], '');
      $('find-status').textContent = '离线：按编号记录 Offline: recording by number';
    } else {
      $('find-status').textContent = error.message;
    }
  }
});

// MARK: - Recording

function choose(marker) {
  chosen = marker;
  $('record-number').textContent = marker.number;
  $('patrol-form').reset();
  $('record').hidden = false;
  $('record').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

$('cancel').addEventListener('click', () => { chosen = null; $('record').hidden = true; });

function readPhoto(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, mediaType: file.type, data: String(reader.result).split(',', 2)[1] || '' });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

$('patrol-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!chosen) return;
  const condition = new FormData($('patrol-form')).get('condition');
  const observation = { marker: chosen.number, condition, note: $('note').value.trim() || undefined };
  if ($('measured').checked) {
    try { lastPosition = await position(); } catch (error) { $('outbox-status').textContent = error.message; return; }
    observation.position = { lon: lastPosition.lon, lat: lastPosition.lat };
  }
  const photos = await Promise.all([...$('photos').files].map(readPhoto));
  const body = {
    clientId: outbox.newClientId(),
    date: today(),
    observations: [observation],
    position: lastPosition ? { lon: lastPosition.lon, lat: lastPosition.lat } : undefined,
    photos: photos.map((p) => ({ ...p, marker: chosen.number })),
  };
  await outbox.keep(body);
  chosen = null;
  $('record').hidden = true;
  await render();
  flush();
});

// MARK: - Outbox

async function render() {
  const entries = (await outbox.all()).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const waiting = entries.filter((e) => e.state === 'waiting').length;
  $('outbox-status').textContent = waiting
    ? `${waiting} 条待发送 waiting to send${navigator.onLine ? '' : ' — 离线 offline'}`
    : '全部已发送 Everything is sent';
  $('outbox').replaceChildren(...entries.slice(0, 20).map((e) => {
    const o = e.body.observations[0] || {};
    const state = e.state === 'sent' ? `已发送 sent${e.patrolId ? ` #${e.patrolId}` : ''}`
      : e.state === 'refused' ? `被拒绝 refused: ${e.error}` : `待发送 waiting${e.error ? ` (${e.error})` : ''}`;
    return el('li', { class: e.state, dataset: { clientId: e.clientId } },
      el('span', { class: 'state' }, state), ' · ',
      `${o.marker} ${CONDITIONS[o.condition] || ''} ${o.condition} · ${e.body.date}`,
      e.state === 'refused' ? el('button', { type: 'button', onclick: async () => { await outbox.remove(e.clientId); render(); } }, '删除 Discard') : null);
  }));
}

async function flush() {
  if (!localStorage.getItem(TOKEN_KEY)) { await render(); return; }
  await outbox.sendWaiting((body) => call('POST', '/register/patrols', body));
  await render();
}

function showNetwork() {
  const net = $('net');
  net.textContent = navigator.onLine ? '在线 online' : '离线 offline';
  net.classList.toggle('offline', !navigator.onLine);
}

$('send').addEventListener('click', flush);
window.addEventListener('online', () => { showNetwork(); flush(); });
window.addEventListener('offline', showNetwork);
setInterval(flush, 15000);   // also when the browser's online event never comes

showNetwork();
showWho();
flush();
