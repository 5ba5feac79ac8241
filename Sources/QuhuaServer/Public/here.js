// The "here" pane: the answer of /reverse for a clicked point — the
// divisions whose polygon held the point on the chosen day, with their
// ancestry.

import { el, levelName, period, describeError } from './api.js';
import { placeLink } from './place.js';

export function showReverseLoading(pane) {
  pane.setAttribute('aria-busy', 'true');
  pane.replaceChildren(el('p', { class: 'hint' }, '查询中… Looking up…'));
}

export function showReverseError(pane, error) {
  pane.removeAttribute('aria-busy');
  pane.replaceChildren(el('p', { class: 'error', role: 'alert' }, `反查失败 Reverse lookup failed：${describeError(error)}`));
}

/**
 * Renders a /reverse answer:
 * `{lon, lat, at, deepestLevel?, stop, results: [{place, ancestry, polygonLevel, boundarySource, heldThen?}]}`;
 * `stop` says at which level the answer stops and why.
 */
export function showReverse(pane, answer) {
  pane.removeAttribute('aria-busy');
  const results = answer.results || [];
  pane.dataset.count = results.length;
  pane.replaceChildren(...[
    el('h2', {}, '此处 Here'),
    el('p', { class: 'meta', id: 'reverse-where' },
      `经度 ${Number(answer.lon).toFixed(4)}，纬度 ${Number(answer.lat).toFixed(4)} · 于 ${answer.at || '今天'}`),
    results.length
      ? el('ol', { class: 'reverse', id: 'reverse-results' }, results.map(result))
      : el('p', { class: 'hint', id: 'reverse-results' }, '此处没有已知区划 No division here'),
    answer.stop ? el('p', { class: 'meta', id: 'reverse-stop' }, `止于 Stops：${answer.stop}`) : null,
  ].filter(Boolean));
}

function result(r) {
  const p = r.place;
  const chain = (r.ancestry || []).map((a) => a.place || a).filter((a) => a && a.id !== p.id);
  return el('li', { dataset: { code: p.code || '', placeId: p.id } },
    el('p', {}, placeLink(p.name, p), ' ', el('span', { class: 'code' }, p.code || ''), ' ',
      el('span', { class: 'meta' }, [levelName(p.level), period(p.period)].filter(Boolean).join(' · '))),
    held(r.heldThen),
    chain.length ? el('p', { class: 'meta' }, '隶属 ', chain.reverse().map((a, i) => [i ? ' › ' : '', placeLink(a.name, a)])) : null,
    r.boundarySource ? el('p', { class: 'meta' }, `边界来源 Boundary：${r.boundarySource}`) : null);
}

function held(value) {
  if (!value || (Array.isArray(value) && !value.length)) return null;
  if (typeof value === 'string') return el('p', { class: 'meta' }, `当时 Then：${value}`);
  const list = (Array.isArray(value) ? value : [value]).map((v) => v.place || v);
  return el('p', { class: 'meta held' }, '当时此范围分属 Held then by：',
    list.map((v, i) => [i ? '、' : '', placeLink(`${v.name}${v.code ? ` ${v.code}` : ''}`, v)]));
}
