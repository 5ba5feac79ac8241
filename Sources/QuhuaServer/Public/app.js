// quhua web app: wires the search box, the place panel, the map and the
// naming window together. Places open through the URL hash
// (#place/500101, #id/3507) so links, Back and bookmarks work.

import { setupSearch } from './search.js';
import { showPlace } from './place.js';
import { setupMap } from './map.js';
import { showReverse, showReverseLoading, showReverseError } from './here.js';
import { setupNaming } from './naming.js';

const panes = {
  place: document.getElementById('pane-place'),
  here: document.getElementById('pane-here'),
  naming: document.getElementById('pane-naming'),
};

/** Shows one tab of the side panel (ARIA tabs: arrows move between tabs). */
function selectTab(name, focus = false) {
  for (const [key, pane] of Object.entries(panes)) {
    const tab = document.getElementById(`tab-${key}`);
    const selected = key === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    pane.hidden = !selected;
    if (selected && focus) tab.focus();
  }
}

const tabNames = Object.keys(panes);
for (const name of tabNames) {
  const tab = document.getElementById(`tab-${name}`);
  tab.addEventListener('click', () => selectTab(name));
  tab.addEventListener('keydown', (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = tabNames[(tabNames.indexOf(name) + step + tabNames.length) % tabNames.length];
    selectTab(next, true);
  });
}

const reverseOut = document.getElementById('reverse-out');
const reverseForm = document.getElementById('reverse-form');
const map = setupMap({
  onReverseStart: () => { showReverseLoading(reverseOut); selectTab('here'); },
  onReverse: (answer) => {
    showReverse(reverseOut, answer);
    reverseForm.lon.value = Number(answer.lon).toFixed(5);
    reverseForm.lat.value = Number(answer.lat).toFixed(5);
  },
  onReverseError: (error) => showReverseError(reverseOut, error),
});

reverseForm.addEventListener('submit', (event) => {
  event.preventDefault();
  map.reverseAt(Number(reverseForm.lat.value), Number(reverseForm.lon.value));
});

function open(target) {
  const hash = target.placeID ? `#id/${target.placeID}` : `#place/${encodeURIComponent(target.code)}`;
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  const [kind, value] = location.hash.slice(1).split('/');
  if (!value) return;
  const target = kind === 'id' ? { placeID: Number(value) } : { code: decodeURIComponent(value) };
  selectTab('place');
  showPlace(panes.place, target, {
    showOnMap: (summary) => map.showPlace(summary),
    showYear: (year) => map.setYear(year),
  });
}

setupSearch(open);
setupNaming(panes.naming);
window.addEventListener('hashchange', route);
route();
