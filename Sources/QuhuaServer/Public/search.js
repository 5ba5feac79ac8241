// The search box: type-ahead from /autocomplete as the user types
// (characters, pinyin, initials), keyboard navigation in the suggestion
// list (ARIA combobox pattern), and /search when Enter has nothing selected.

import { getJSON, el, levelName, describeError } from './api.js';

const DELAY_MS = 150;

const MATCH_NAMES = {
  exact: '全名', withoutSuffix: '简称', prefix: '前缀', substring: '包含',
  pinyin: '拼音', initials: '首字母', pinyinPrefix: '拼音前缀',
  initialsPrefix: '首字母前缀', spelling: '拼写近似',
};

/**
 * Wires the search form to the server.
 *
 * @param {(target: {placeID?: number, code?: string}) => void} open
 *   called when the user chooses a place.
 */
export function setupSearch(open) {
  const form = document.getElementById('search');
  const input = document.getElementById('q');
  const list = document.getElementById('suggestions');
  let items = [];      // current suggestions
  let active = -1;     // index of the highlighted suggestion
  let timer = 0;
  let controller = null;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0 && list.children[index]) {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      list.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    const item = items[index];
    if (!item) return;
    input.value = item.name;
    close();
    open({ placeID: item.placeID, code: item.code });
  }

  function render(suggestions, note) {
    items = suggestions;
    list.replaceChildren(...suggestions.map((s, i) => el('li', {
      id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false',
      dataset: { code: s.code || '', placeId: s.placeID },
      onmousedown: (event) => { event.preventDefault(); choose(i); },
    },
    el('span', { class: 'name' }, s.name),
    s.matchedName && s.matchedName !== s.name ? el('span', { class: 'was' }, `（${s.matchedName}）`) : null,
    el('span', { class: 'code' }, s.code || ''),
    el('span', { class: 'meta' }, [levelName(s.level), MATCH_NAMES[s.match] || s.match].filter(Boolean).join(' · ')))));
    if (note) list.append(el('li', { class: 'note', role: 'presentation' }, note));
    list.hidden = list.children.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    active = -1;
  }

  async function suggest() {
    const q = input.value.trim();
    if (!q) { render([]); close(); return; }
    controller?.abort();
    controller = new AbortController();
    try {
      const answer = await getJSON('/autocomplete', { q }, { signal: controller.signal });
      if (input.value.trim() !== q) return;     // the user typed on
      render(answer.suggestions || [], (answer.suggestions || []).length ? null : '没有匹配 No match');
      list.dataset.query = q;
    } catch (error) {
      if (error.name !== 'AbortError') render([], describeError(error));
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (list.hidden) { suggest(); return; }
        if (count) highlight((active + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) highlight(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Escape':
        if (!list.hidden) { event.preventDefault(); close(); }
        break;
      case 'Enter':
        if (active >= 0) { event.preventDefault(); choose(active); }
        break;
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 100));

  // Enter with nothing highlighted: the best suggestion, else a full search.
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return;
    if (items.length && !list.hidden && list.dataset.query === q) { choose(Math.max(active, 0)); return; }
    try {
      const answer = await getJSON('/search', { q, limit: 10 });
      const hit = (answer.results || [])[0];
      if (hit) { close(); open({ placeID: hit.placeID, code: hit.placeCode }); }
      else render([], '没有找到 Nothing found');
    } catch (error) {
      render([], describeError(error));
    }
  });
}
