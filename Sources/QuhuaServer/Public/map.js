// The map: divisions as they were on the chosen day (a year slider redraws
// /collections/divisions/items?datetime=…), survey boundary lines and
// markers when the server has them, and click → reverse lookup.
// No tile layer: the app works with no internet, so polygons sit on a
// plain background.

import * as L from './vendor/leaflet/leaflet.esm.js';
import { getJSON, el, levelName, describeError } from './api.js';

const CHINA = [[17.5, 73], [54, 135.5]];
const LEVEL_ORDER = { country: 0, province: 1, prefecture: 2, county: 3, township: 4, village: 5 };
const TODAY_STEP = 2025; // the slider's last step means "today"

/** Today as YYYY-MM-DD in the user's time zone. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The day a slider value stands for: the last day of that year, or today. */
export function dayOfStep(step) {
  return Number(step) >= TODAY_STEP ? today() : `${step}-12-31`;
}

function hue(code = '') {
  const n = parseInt(code.slice(0, 2), 10) || 0;
  return (n * 137) % 360;   // neighbouring province codes get distant colours
}

function divisionStyle(feature) {
  const p = feature.properties;
  const province = p.level === 'province';
  return {
    color: province ? '#5b6573' : '#8a94a3', weight: province ? 1 : 0.6,
    fillColor: `hsl(${hue(p.code)} 45% ${province ? 82 : 74}%)`, fillOpacity: 0.85,
  };
}

/**
 * Creates the map and its controls.
 *
 * @param {{onReverse: (answer, latlng) => void, onReverseStart: () => void,
 *          onReverseError: (error) => void, onOpen: (target) => void}} hooks
 * @returns {{showPlace: (summary) => boolean, day: () => string}}
 */
export function setupMap(hooks) {
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 2, maxZoom: 14, attributionControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  map.attributionControl.addAttribution('区划 quhua');
  map.fitBounds(CHINA);
  L.control.scale({ imperial: false }).addTo(map);
  // Panes keep the drawing order whatever loads first: divisions, then
  // province borders, then the survey's lines and markers on top.
  map.createPane('outlines').style.zIndex = 420;
  map.createPane('survey').style.zIndex = 450;
  window.quhuaMap = map;   // for debugging and the browser test

  const slider = document.getElementById('year');
  const output = document.getElementById('year-out');
  const status = document.getElementById('map-status');
  const info = document.getElementById('feature-info');
  const layers = L.control.layers(null, null, { collapsed: false, position: 'topright' }).addTo(map);

  let divisions = L.layerGroup().addTo(map);
  let outlines = L.layerGroup().addTo(map);
  let byPlaceID = new Map();
  let controller = null;
  let timer = 0;
  let pinned = null;
  let clickMarker = null;
  layers.addOverlay(divisions, '区划 Divisions');

  function setStatus(state, text, day) {
    status.dataset.state = state;
    if (day) status.dataset.day = day;
    status.textContent = text;
  }

  function showInfo(p, pin = false) {
    if (pin) pinned = p;
    const shown = p || pinned;
    if (!shown) { info.hidden = true; return; }
    info.hidden = false;
    info.dataset.code = shown.code || '';
    info.dataset.parentCode = shown.parent_code || '';
    info.replaceChildren(
      el('strong', { class: 'name' }, shown.name), ' ', el('span', { class: 'code' }, shown.code), ' ',
      el('span', { class: 'meta' }, levelName(shown.level)),
      el('div', { class: 'parent' }, '上级 Parent：',
        shown.parent_code
          ? el('span', { class: 'parent-name', dataset: { code: shown.parent_code } }, `${shown.parent_name || '?'} (${shown.parent_code})`)
          : '—'),
      el('div', { class: 'meta' }, `于 ${shown.day || status.dataset.day || ''}`));
  }

  function tooltip(p) {
    return `<strong>${escape(p.name)}</strong> ${escape(p.code)}<br>${escape(levelName(p.level))}`
      + (p.parent_code ? `<br>上级：${escape(p.parent_name || '')} (${escape(p.parent_code)})` : '');
  }

  function draw(collection, day) {
    divisions.clearLayers();
    outlines.clearLayers();
    byPlaceID = new Map();
    const features = [...collection.features].sort((a, b) =>
      (LEVEL_ORDER[a.properties.level] ?? 9) - (LEVEL_ORDER[b.properties.level] ?? 9));
    const layer = L.geoJSON(features, {
      style: divisionStyle,
      onEachFeature(feature, path) {
        const p = feature.properties;
        byPlaceID.set(Number(p.place_id ?? feature.id), path);
        path.bindTooltip(tooltip(p), { sticky: true, direction: 'top', opacity: 0.95 });
        path.on('mouseover', () => { path.setStyle({ weight: 2.5, color: '#1d4ed8' }); showInfo(p); });
        path.on('mouseout', () => { layer.resetStyle(path); showInfo(null); });
        path.on('click', () => showInfo(p, true));
      },
    }).addTo(divisions);
    layer.eachLayer((path) => {
      const p = path.feature.properties;
      const node = path.getElement?.();
      if (!node) return;
      node.dataset.code = p.code || '';
      node.dataset.name = p.name || '';
      node.dataset.level = p.level || '';
      node.dataset.parentCode = p.parent_code || '';
      node.dataset.parentName = p.parent_name || '';
      node.setAttribute('aria-label', `${p.name} ${p.code}`);
    });
    // Province borders on top of the lower levels, not clickable.
    L.geoJSON(features.filter((f) => f.properties.level === 'province'), {
      interactive: false, pane: 'outlines', style: { color: '#3b4350', weight: 1.4, fill: false },
    }).addTo(outlines);
    pinned = null;
    showInfo(null);
    setStatus('ready', `${day} · ${features.length} 个区划`, day);
  }

  async function load() {
    const day = dayOfStep(slider.value);
    controller?.abort();
    controller = new AbortController();
    setStatus('loading', `${day} 载入中…`, day);
    try {
      let url = '/collections/divisions/items';
      let params = { datetime: day, limit: 10000 };
      const collection = { type: 'FeatureCollection', features: [] };
      for (let page = 0; url && page < 20; page += 1) {   // follow "next" if there is more
        const answer = await getJSON(url, params, { signal: controller.signal });
        collection.features.push(...(answer.features || []));
        const next = (answer.links || []).find((link) => link.rel === 'next');
        url = next ? next.href : null;
        params = {};
      }
      draw(collection, day);
    } catch (error) {
      if (error.name !== 'AbortError') setStatus('error', `无法载入地图：${describeError(error)}`, day);
    }
  }

  function showYear() {
    const step = Number(slider.value);
    output.textContent = step >= TODAY_STEP ? `今天 ${today()}` : String(step);
    slider.setAttribute('aria-valuetext', step >= TODAY_STEP ? `今天 ${today()}` : `${step} 年末`);
  }

  slider.addEventListener('input', () => {
    showYear();
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });
  slider.addEventListener('change', () => { clearTimeout(timer); load(); });

  async function reverse(latlng) {
    clickMarker?.remove();
    clickMarker = L.circleMarker(latlng, { radius: 5, color: '#b91c1c', weight: 2, fillOpacity: 1, interactive: false }).addTo(map);
    hooks.onReverseStart?.();
    try {
      const answer = await getJSON('/reverse', { lon: latlng.lng.toFixed(6), lat: latlng.lat.toFixed(6), at: dayOfStep(slider.value) });
      hooks.onReverse(answer, latlng);
    } catch (error) {
      hooks.onReverseError?.(error);
    }
  }

  map.on('click', (event) => reverse(event.latlng));

  surveyLayers(map, layers);
  showYear();
  load();

  return {
    day: () => dayOfStep(slider.value),
    /** Looks up a point typed in (the keyboard's way to "click" the map). */
    reverseAt(lat, lon) {
      const latlng = L.latLng(lat, lon);
      if (!map.getBounds().contains(latlng)) map.setView(latlng, Math.max(map.getZoom(), 6));
      return reverse(latlng);
    },
    /** Moves the slider to a year (clamped to its range) and redraws. */
    setYear(year) {
      slider.value = String(Math.min(Math.max(year, Number(slider.min)), Number(slider.max)));
      showYear();
      clearTimeout(timer);
      load();
    },
    /** Zooms to a division drawn on the current day; false if it is not drawn. */
    showPlace(summary) {
      const path = byPlaceID.get(Number(summary.id));
      if (!path) {
        setStatus('ready', `${status.dataset.day}：地图上没有 ${summary.name}（该日无边界）`);
        return false;
      }
      map.fitBounds(path.getBounds(), { maxZoom: 9, padding: [20, 20] });
      path.setStyle({ weight: 3, color: '#1d4ed8' });
      setTimeout(() => divisions.eachLayer((g) => g.resetStyle?.(path)), 2000);
      showInfo(path.feature.properties, true);
      return true;
    },
  };
}

/** Adds boundary-lines and markers overlays when /collections lists them. */
async function surveyLayers(map, control) {
  let ids = [];
  try {
    const answer = await getJSON('/collections');
    ids = (answer.collections || []).map((c) => c.id);
  } catch { return; }

  if (ids.includes('boundary-lines')) {
    const lines = await items('boundary-lines');
    if (lines) {
      const layer = L.geoJSON(lines, {
        style: { color: '#c2410c', weight: 2.5, dashArray: '6 4' },
        pane: 'survey',
        bubblingMouseEvents: false,   // a popup, not a reverse lookup
        onEachFeature(feature, path) {
          const p = feature.properties;
          path.bindPopup(popup('界线 Boundary line', [
            ['编号 Line', p.line_id ?? feature.id],
            ['左侧 Left', p.left_code ?? p.left], ['右侧 Right', p.right_code ?? p.right],
            ['长度 Length', p.length_m != null ? `${Math.round(p.length_m).toLocaleString()} m` : null]]));
        },
      }).addTo(map);
      control.addOverlay(layer, `界线 Boundary lines (${lines.features.length})`);
    }
  }
  if (ids.includes('markers')) {
    const markers = await items('markers');
    if (markers) {
      const layer = L.geoJSON(markers, {
        pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
          radius: 4, pane: 'survey', bubblingMouseEvents: false, color: '#7c2d12', weight: 1.5, fillColor: '#fb923c', fillOpacity: 1,
        }),
        onEachFeature(feature, marker) {
          const p = feature.properties;
          marker.bindPopup(popup('界桩 Marker', [
            ['编号 Number', p.number ?? feature.id], ['类型 Type', p.type || '—'],
            ['界线 Line', p.line_id ?? p.line], ['高程 Elevation', p.elevation]]));
        },
      }).addTo(map);
      control.addOverlay(layer, `界桩 Markers (${markers.features.length})`);
      // Small dots when the whole country shows, real markers when zoomed in.
      const size = () => layer.eachLayer((m) => m.setRadius(map.getZoom() < 7 ? 1.5 : 4));
      map.on('zoomend', size);
      size();
    }
  }
}

async function items(id) {
  try {
    return await getJSON(`/collections/${id}/items`, { limit: 10000 });
  } catch { return null; }
}

function popup(title, rows) {
  return `<strong>${escape(title)}</strong><table class="popup">${rows
    .map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v ?? '—')}</td></tr>`).join('')}</table>`;
}

function escape(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
