// The place panel: names, codes and parents over time, and the timeline of
// the events around the place (its own and those of its predecessors and
// successors, from /places/{code}/history) with their approving documents.

import { getJSON, el, period, levelName, describeError } from './api.js';

const EVENT_TYPES = {
  established: '设立', abolished: '撤销', renamed: '更名', recoded: '代码变更',
  merged: '合并', split: '拆分', reorganized: '调整', transferred: '划转',
  reparented: '改变隶属',
};

const NAME_TYPES = { standard: '标准名', short: '简称', variant: '别名', historical: '旧名', former: '曾用名' };

const STATUS = { current: '现行', historical: '历史', ceased: '已撤销', abolished: '已撤销' };

/** A link that opens a place through the URL hash (so Back works). */
export function placeLink(text, { id, code }) {
  const href = id ? `#id/${id}` : `#place/${encodeURIComponent(code)}`;
  return el('a', { href, class: 'place-link', dataset: { code: code || '', placeId: id ?? '' } }, text);
}

/**
 * Loads a place and renders it into the pane.
 *
 * @param {HTMLElement} pane
 * @param {{placeID?: number, code?: string}} target
 * @param {{showOnMap?: (summary) => void, showYear?: (year: number) => void}} hooks
 */
export async function showPlace(pane, target, hooks = {}) {
  pane.replaceChildren(el('p', { class: 'hint' }, '载入中… Loading…'));
  pane.setAttribute('aria-busy', 'true');
  try {
    const path = target.placeID ? `/places/id/${target.placeID}` : `/places/${encodeURIComponent(target.code)}`;
    const answer = await getJSON(path);
    const place = answer.place;
    const code = place.summary.code;
    let history = null;
    if (code) {
      try { history = await getJSON(`/places/${encodeURIComponent(code)}/history`); } catch { history = null; }
    }
    pane.replaceChildren(...render(place, history, answer.otherMatches || [], hooks).filter(Boolean));
    pane.dataset.placeId = place.summary.id;
    pane.dataset.code = code || '';
    document.title = `${place.summary.name} · 区划 quhua`;
  } catch (error) {
    pane.replaceChildren(el('p', { class: 'error', role: 'alert' }, `无法载入地点：${describeError(error)}`));
  } finally {
    pane.removeAttribute('aria-busy');
  }
}

function render(place, history, otherMatches, hooks) {
  const s = place.summary;
  const head = el('header', { class: 'place-head' },
    el('h2', { id: 'place-title' }, s.name, ' ', el('span', { class: 'code' }, s.code || '')),
    el('p', { class: 'meta' },
      [levelName(s.level), STATUS[s.status] || s.status, period(s.period)].filter(Boolean).join(' · ')),
    ancestry(place.ancestry),
    place.hasGeometry && hooks.showOnMap
      ? el('button', { type: 'button', class: 'small', onclick: () => hooks.showOnMap(s) }, '在地图上显示 Show on map')
      : null);

  return [
    head,
    otherMatches.length ? others(otherMatches) : null,
    section('沿革 Timeline', timeline(mergeEvents(place.events, history?.events), s.id, hooks), 'timeline'),
    section('名称 Names', names(place.names)),
    section('代码 Codes', table(['方案 Scheme', '代码 Code', '时期 Period'],
      place.codes.map((c) => [c.scheme, c.code, period(c.period) || '—']))),
    section('上级 Parents', table(['上级 Parent', '时期 Period'],
      place.parents.map((p) => [placeLink(`${p.name} ${p.code || ''}`, { id: p.parentID, code: p.code }), period(p.period) || '—']))),
    history?.members?.length > 1 ? section('相关区划 Related places', related(history.members)) : null,
    place.children.length ? section(`下级 Children (${place.children.length})`, children(place.children)) : null,
  ];
}

function section(title, body, className = '') {
  return el('section', { class: `block ${className}` }, el('h3', {}, title), body);
}

function ancestry(chain = []) {
  if (chain.length < 2) return null;
  const items = [...chain].reverse().map((a) => el('li', {}, placeLink(a.place.name, a.place)));
  return el('nav', { 'aria-label': '隶属 Ancestry' }, el('ol', { class: 'crumbs' }, items));
}

function others(list) {
  return el('p', { class: 'others' }, '同名的其他地点 Other matches：',
    list.map((o, i) => [i ? '、' : '', placeLink(`${o.name} ${o.code || ''}`, o)]));
}

function mergeEvents(own = [], related = []) {
  const byID = new Map();
  for (const e of [...own, ...(related || [])]) byID.set(e.id, e);
  return [...byID.values()].sort((a, b) => (a.effectiveDate || '').localeCompare(b.effectiveDate || ''));
}

function timeline(events, placeID, hooks) {
  if (!events.length) return el('p', { class: 'hint' }, '没有记录的事件 No recorded events');
  return el('ol', { class: 'events' }, events.map((e) => {
    const own = e.participants.some((p) => p.placeID === placeID);
    return el('li', {
      class: `event ${own ? 'own' : 'related'}`,
      dataset: { eventId: e.id, date: e.effectiveDate, type: e.type, year: (e.effectiveDate || '').slice(0, 4) },
    },
    el('div', { class: 'when' }, hooks.showYear
      ? el('button', { type: 'button', title: '在地图上看这一年 Show this year on the map',
        onclick: () => hooks.showYear(Number(e.effectiveDate.slice(0, 4))) },
      el('time', { datetime: e.effectiveDate }, e.effectiveDate))
      : el('time', { datetime: e.effectiveDate }, e.effectiveDate)),
    el('div', { class: 'what' },
      el('p', {}, el('strong', { class: `type type-${e.type}` }, EVENT_TYPES[e.type] || e.type), ' ',
        participants(e), e.detail ? el('span', { class: 'detail' }, ` ${e.detail}`) : null),
      e.documents.map(documentView)));
  }));
}

function participants(e) {
  const before = e.participants.filter((p) => p.role === 'predecessor');
  const after = e.participants.filter((p) => p.role === 'successor');
  const other = e.participants.filter((p) => p.role !== 'predecessor' && p.role !== 'successor');
  const names = (list) => list.map((p, i) => [i ? '、' : '', placeLink(`${p.name || '?'}${p.code ? ` (${p.code})` : ''}`, { id: p.placeID, code: p.code })]);
  const parts = [];
  if (before.length || after.length) parts.push(names(before), ' → ', names(after));
  if (other.length && !e.detail) parts.push(parts.length ? '；' : '', names(other));
  return el('span', { class: 'who' }, parts);
}

function documentView(d) {
  return el('details', { class: 'doc' },
    el('summary', {},
      d.number ? el('span', { class: 'number' }, d.number) : null, ' ',
      d.title || '（无标题）', d.date ? el('span', { class: 'date' }, ` ${d.date}`) : null),
    d.citation ? el('p', { class: 'citation' }, '出处 Source：', d.citation) : null,
    d.body ? el('div', { class: 'body' }, d.body) : null);
}

function names(list) {
  const main = list.filter((n) => n.type !== 'variant');
  const variants = list.filter((n) => n.type === 'variant');
  const rows = (items) => items.map((n) => [
    el('span', { lang: n.language && n.script ? `${n.language}-${n.script}` : n.language }, n.text),
    NAME_TYPES[n.type] || n.type, n.romanization || '', period(n.period) || '—', n.source || '']);
  const head = ['名称 Name', '类型 Type', '拼音 Romanization', '时期 Period', '来源 Source'];
  return el('div', {}, table(head, rows(main)),
    variants.length ? el('details', {}, el('summary', {}, `其他写法 Variants (${variants.length})`), table(head, rows(variants))) : null);
}

function related(members) {
  const RELATION = { origin: '本体', before: '前身', after: '后继' };
  return el('ul', { class: 'related' }, members.map((m) => el('li', {},
    el('span', { class: 'tag' }, RELATION[m.relation] || m.relation), ' ',
    placeLink(`${m.place.code || ''} ${m.place.name}`, m.place), ' ',
    el('span', { class: 'meta' }, (m.names || []).join('，') || period(m.place.period)))));
}

function children(list) {
  const shown = list.slice(0, 200);
  return el('details', {}, el('summary', {}, '展开 Show'),
    el('ul', { class: 'children' }, shown.map((c) => el('li', {}, placeLink(`${c.name} ${c.code || ''}`, c)))),
    list.length > shown.length ? el('p', { class: 'hint' }, `…及另外 ${list.length - shown.length} 个`) : null);
}

function table(head, rows) {
  if (!rows.length) return el('p', { class: 'hint' }, '—');
  return el('table', {},
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));
}
