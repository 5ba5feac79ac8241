// The one window (一窗通办) for naming applications: a signed-in editor
// (bearer token checked with /whoami, kept in sessionStorage) files a
// naming or renaming application with POST /naming/cases; everyone with a
// token sees the list of cases.

import { getJSON, postJSON, el, token, setToken, describeError, LEVELS } from './api.js';
import { today } from './map.js';

const ROLES = { viewer: '查看 viewer', editor: '编辑 editor', admin: '管理 admin' };
const WRITERS = new Set(['editor', 'admin']);
const ACTIONS = { name: '命名 name', rename: '更名 rename' };

export function setupNaming(pane) {
  const who = el('p', { id: 'whoami', class: 'meta', role: 'status' }, '未登录 Not signed in');
  const tokenInput = el('input', { id: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', value: token() });
  const signIn = el('form', { class: 'signin', onsubmit: (e) => { e.preventDefault(); check(tokenInput.value.trim()); } },
    el('label', { for: 'token' }, '令牌 Token'),
    el('div', { class: 'row' }, tokenInput,
      el('button', { type: 'submit' }, '登录 Sign in'),
      el('button', { type: 'button', class: 'secondary', onclick: () => { tokenInput.value = ''; check(''); } }, '退出 Sign out')),
    who);

  const result = el('div', { id: 'naming-result', 'aria-live': 'polite' });
  const form = applicationForm(async (body, submit) => {
    submit.disabled = true;
    result.replaceChildren(el('p', { class: 'hint' }, '提交中… Sending…'));
    try {
      const answer = await postJSON('/naming/cases', body, { auth: true });
      const created = answer.case || answer;
      result.replaceChildren(el('div', { class: 'ok', role: 'status' },
        el('p', {}, el('strong', {}, '已受理 Application received')), caseView(created)));
      listCases();
    } catch (error) {
      result.replaceChildren(el('p', { class: 'error', role: 'alert' }, `未受理 Not accepted：${describeError(error)}`));
    } finally {
      submit.disabled = false;
    }
  });

  const cases = el('div', { id: 'naming-cases' });
  const state = el('select', { id: 'case-state', onchange: () => listCases() },
    el('option', { value: '' }, '全部 All'),
    Object.entries(STATES).map(([value, label]) => el('option', { value }, label)));
  pane.replaceChildren(
    el('h2', {}, '一窗通办 · 地名申请 Naming applications'),
    signIn, form, result,
    el('h3', {}, '案件 Cases'),
    el('div', { class: 'row' }, el('label', { for: 'case-state' }, '状态 State'), state,
      el('button', { type: 'button', class: 'small secondary', onclick: () => listCases() }, '刷新 Refresh')),
    cases);

  function enable(allowed) {
    form.querySelector('fieldset').disabled = !allowed;
    form.querySelector('.hint').textContent = allowed
      ? '填写后提交；带 * 的为必填项。Fields marked * are required.'
      : '需以编辑身份登录才能提交。Sign in as an editor to apply.';
  }

  async function check(value) {
    setToken(value);
    if (!value) { who.textContent = '未登录 Not signed in'; enable(false); listCases(); return; }
    who.textContent = '验证中… Checking…';
    try {
      const me = await getJSON('/whoami', {}, { auth: true });
      who.textContent = `已登录 Signed in：${me.actor}（${ROLES[me.role] || me.role}）`;
      who.dataset.role = me.role;
      enable(WRITERS.has(me.role));
    } catch (error) {
      who.textContent = `令牌无效 Token refused：${describeError(error)}`;
      enable(false);
    }
    listCases();
  }

  async function listCases() {
    try {
      const answer = await getJSON('/naming/cases', { state: state.value }, { auth: true });
      const list = answer.cases || [];
      cases.replaceChildren(list.length
        ? el('ol', { class: 'cases', reversed: true }, list.map((c) => el('li', {}, caseView(c))))
        : el('p', { class: 'hint' }, '暂无案件 No cases yet'));
    } catch (error) {
      cases.replaceChildren(el('p', { class: 'hint' }, `无法列出案件：${describeError(error)}`));
    }
  }

  enable(false);
  check(token());
}

function field(name, label, input) {
  input.id = `naming-${name}`;
  input.name = name;
  return el('div', { class: 'field' }, el('label', { for: input.id }, label), input);
}

function applicationForm(send) {
  const submit = el('button', { type: 'submit' }, '提交申请 Apply');
  const form = el('form', { class: 'naming', novalidate: false },
    el('p', { class: 'hint' }),
    el('fieldset', { disabled: true },
      el('legend', {}, '申请 Application'),
      field('action', '事项 Action *', el('select', {},
        el('option', { value: 'name' }, '命名 Name'), el('option', { value: 'rename' }, '更名 Rename'))),
      field('proposedName', '拟用名称 Proposed name *', el('input', { required: true, maxlength: 100 })),
      field('romanization', '罗马字拼写 Romanization', el('input', { maxlength: 100 })),
      field('applicant', '申请单位 Applicant *', el('input', { required: true, maxlength: 200 })),
      field('appliedOn', '申请日期 Applied on *', el('input', { type: 'date', required: true, value: today() })),
      field('placeCode', '现区划代码 Place code（更名 rename）', el('input', { inputmode: 'numeric', pattern: '[0-9]{6,12}' })),
      field('parentCode', '上级代码 Parent code', el('input', { inputmode: 'numeric', pattern: '[0-9]{6,12}' })),
      field('level', '层级 Level', el('select', {}, el('option', { value: '' }, '—'),
        Object.entries(LEVELS).filter(([v]) => v !== 'country').map(([v, label]) => el('option', { value: v }, `${label} ${v}`)))),
      field('meaning', '含义 Meaning', el('textarea', { rows: 2 })),
      field('origin', '由来 Origin', el('textarea', { rows: 2 })),
      field('authority', '审批机关 Authority', el('input', {})),
      field('note', '备注 Note', el('textarea', { rows: 2 })),
      submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const body = {};
    for (const [key, value] of new FormData(form)) if (String(value).trim()) body[key] = String(value).trim();
    send(body, submit);
  });
  return form;
}

const STATES = {
  applied: '已申请 applied', under_review: '审核中 under review', approved: '已批准 approved',
  rejected: '不予批准 rejected', announced: '已公告 announced', filed: '已备案 filed',
};

const CASE_FIELDS = [
  ['id', '编号 Case'], ['state', '状态 State'], ['action', '事项 Action'],
  ['proposedName', '拟用名称 Name'], ['romanization', '拼写 Romanization'], ['code', '代码 Code'],
  ['level', '层级 Level'], ['applicant', '申请单位 Applicant'], ['appliedOn', '申请日期 Applied'],
  ['authority', '审批机关 Authority'], ['decidedOn', '决定日期 Decided'], ['decisionDocument', '批准文号 Decision'],
  ['announcedOn', '公告日期 Announced'], ['announcementRef', '公告 Announcement'], ['filedOn', '备案日期 Filed'],
  ['meaning', '含义 Meaning'], ['origin', '由来 Origin'], ['note', '备注 Note'],
  ['kind', '类别 Kind'], ['placeID', '地点 Place id'], ['parentID', '上级 Parent id'], ['eventID', '事件 Event id'],
];

function caseView(c) {
  const known = new Set(CASE_FIELDS.map(([key]) => key));
  const rows = CASE_FIELDS.filter(([key]) => c[key] !== undefined && c[key] !== null)
    .map(([key, label]) => el('div', {}, el('dt', {}, label),
      el('dd', {}, value(key, c[key]))));
  const rest = Object.entries(c).filter(([key, v]) => !known.has(key) && v !== null && typeof v !== 'object');
  rows.push(...rest.map(([key, v]) => el('div', {}, el('dt', {}, key), el('dd', {}, String(v)))));
  return el('dl', { class: 'case', dataset: { caseId: c.id ?? '', state: c.state ?? '' } }, rows);
}

function value(key, v) {
  if (key === 'state') return STATES[v] || v;
  if (key === 'action') return ACTIONS[v] || v;
  if (key === 'level') return `${LEVELS[v] || ''} ${v}`.trim();
  if (key === 'placeID' || key === 'parentID') return el('a', { href: `#id/${v}` }, String(v));
  return String(v);
}
