/// The style and script of the HTML report's map and findings list (plain CSS and JavaScript,
/// run over Leaflet inlined in the same page).
enum HTMLReportScript {
    static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
    header{padding:14px 24px;background:#1d3557;color:#fff}header h1{margin:0 0 4px;font-size:20px}
    main{display:grid;grid-template-columns:minmax(0,3fr) minmax(340px,2fr);gap:16px;padding:16px 24px}
    section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:12px 16px;min-width:0}
    h2{font-size:16px;margin:4px 0 10px}
    #map{height:62vh;min-height:360px;border:1px solid #dde2e8;background:#eef3f7}
    .leaflet-container{background:#eef3f7;font:inherit}
    .cluster{display:flex;align-items:center;justify-content:center;border-radius:50%;color:#fff;font:700 11px sans-serif;
      border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.35);opacity:.92}
    .cluster.error{background:#d62828}.cluster.warning{background:#e07b00}.cluster.info{background:#1c7ed6}
    table{border-collapse:collapse;width:100%}td,th{padding:4px 6px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
    td.num{text-align:right;font-weight:600}tr.clean td{color:#8a96a3}tr.error td.num{color:#d62828}tr.warning td.num{color:#c77700}
    .filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;margin-bottom:8px}
    .filters select,.filters input[type=search]{font:inherit;padding:3px 6px;border:1px solid #c8d0da;border-radius:4px;max-width:100%}
    .filters input[type=search]{flex:1;min-width:10em}
    #findings{list-style:none;padding:0;margin:0}#findings li{padding:6px 4px;border-bottom:1px solid #eef0f3;cursor:pointer}
    #findings li:hover{background:#f1f5fb}#findings li.selected{background:#fff3bf}
    #findings .n{display:inline-block;min-width:2.6em;font-weight:700}.sev{text-transform:uppercase;font-size:11px;font-weight:700}
    li.error .sev{color:#d62828}li.warning .sev{color:#c77700}li.info .sev{color:#1c7ed6}
    .measure{color:#55606e}.features{color:#6b7785;font-size:12px;margin-left:2.6em}
    .pager{display:flex;gap:8px;align-items:center;margin:8px 0}.pager button{font:inherit;padding:2px 10px}
    .badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#fff;color:#1d2733;font-weight:600}
    .badge.error{background:#ffe3e3}.badge.warning{background:#fff3bf}.badge.info{background:#e7f5ff}
    .note{color:#8a5a00}.legend span{margin-right:14px}.muted{color:#6b7785}
    @media (max-width:900px){main{grid-template-columns:1fr}}
    """

    static let script = #"""
    (function () {
    "use strict";
    const L = window.QuhuaLeaflet;
    const data = JSON.parse(document.getElementById("report-data").textContent);
    const PAGE = 200, CELL = 44;
    const COLORS = { error: "#d62828", warning: "#e07b00", info: "#1c7ed6" };
    const RANK = { info: 0, warning: 1, error: 2 };
    const ll = (p) => L.latLng(p[1], p[0]);
    const $ = (id) => document.getElementById(id);
    // Tooltips as text nodes: names and messages come from the survey files and are never HTML.
    const tip = (text) => document.createTextNode(text);

    // The survey, drawn once on a canvas, in the survey's metric CRS (no basemap: works offline).
    const view = L.map("map", { crs: L.CRS.Simple, minZoom: -24, maxZoom: 8, zoomSnap: 0.25, preferCanvas: true, attributionControl: false });
    const renderer = L.canvas({ padding: 0.3 });
    const base = L.layerGroup().addTo(view);
    for (const d of data.divisions) {
      L.polygon(d.rings.map((r) => r.map(ll)), { renderer, color: "#c9bfa5", weight: 0.8, fillColor: "#fbf8ef", fillOpacity: 1, fillRule: "evenodd" })
        .bindTooltip(tip(d.label), { sticky: true }).addTo(base);
    }
    for (const l of data.lines) {
      L.polyline(l.paths.map((r) => r.map(ll)), { renderer, color: "#2a4d69", weight: 1.6 }).bindTooltip(tip("line " + l.label), { sticky: true }).addTo(base);
    }
    for (const m of data.markers) {
      L.circleMarker(ll(m), { renderer, radius: 2, weight: 0, fillOpacity: 1, fillColor: m[3] ? "#7b2cbf" : "#2a4d69" })
        .bindTooltip(tip("marker " + m[2])).addTo(base);
    }
    const full = L.latLngBounds(ll([data.extent[0], data.extent[1]]), ll([data.extent[2], data.extent[3]]));
    view.fitBounds(full.pad(0.03));

    // Filters.
    const findings = data.findings;
    const byNumber = new Map(findings.map((f) => [f.n, f]));
    let shown = findings, page = 0, selected = null;
    const severityBoxes = [...document.querySelectorAll("input[name=severity]")];
    function applyFilters() {
      const severities = new Set(severityBoxes.filter((b) => b.checked).map((b) => b.value));
      const rule = $("rule").value, text = $("text").value.trim().toLowerCase();
      shown = findings.filter((f) => severities.has(f.severity) && (!rule || f.rule === rule)
        && (!text || (f.message + " " + f.features + " " + f.rule).toLowerCase().includes(text)));
      $("shown").textContent = shown.length === findings.length ? `all ${findings.length}` : `${shown.length} of ${findings.length}`;
      document.body.dataset.shown = String(shown.length);
      page = 0;
      renderList();
      renderMarks();
    }
    severityBoxes.forEach((b) => b.addEventListener("change", applyFilters));
    $("rule").addEventListener("change", applyFilters);
    let typing = 0;
    $("text").addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(applyFilters, 200); });

    // The list, a page at a time.
    function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
    function renderList() {
      const list = $("findings");
      const pages = Math.max(1, Math.ceil(shown.length / PAGE));
      page = Math.min(page, pages - 1);
      const items = shown.slice(page * PAGE, page * PAGE + PAGE).map((f) => {
        const li = el("li", f.severity + (selected === f ? " selected" : ""));
        li.id = "finding-" + f.n;
        li.dataset.n = f.n;
        li.append(el("span", "n", String(f.n)), el("span", "sev", f.severity), " ", el("code", null, f.rule), " ", f.message, " ");
        if (f.measure) li.append(el("span", "measure", f.measure));
        if (f.features) li.append(el("div", "features", f.features));
        if (!f.at) li.append(el("div", "features muted", "no location"));
        return li;
      });
      list.replaceChildren(...items);
      if (!shown.length) list.append(el("li", "muted", findings.length ? "No finding matches the filters." : "No findings: the survey passes every rule."));
      $("page").textContent = shown.length ? `${page * PAGE + 1}–${Math.min(shown.length, page * PAGE + PAGE)} of ${shown.length}` : "";
      $("prev").disabled = page === 0;
      $("next").disabled = page >= pages - 1;
    }
    $("prev").addEventListener("click", () => { page -= 1; renderList(); });
    $("next").addEventListener("click", () => { page += 1; renderList(); });
    $("findings").addEventListener("click", (event) => {
      const li = event.target.closest("li[data-n]");
      if (li) select(byNumber.get(Number(li.dataset.n)), true);
    });

    // Findings on the map: clustered on a pixel grid, redrawn when the view changes.
    const marks = L.layerGroup().addTo(view);
    function renderMarks() {
      marks.clearLayers();
      const visible = view.getBounds().pad(0.25);
      const cells = new Map();
      for (const f of shown) {
        if (!f.at) continue;
        const at = ll(f.at);
        if (!visible.contains(at)) continue;
        const p = view.latLngToLayerPoint(at);
        const key = Math.floor(p.x / CELL) + ":" + Math.floor(p.y / CELL);
        const cell = cells.get(key);
        if (cell) { cell.members.push(f); if (RANK[f.severity] > RANK[cell.worst]) cell.worst = f.severity; }
        else cells.set(key, { members: [f], worst: f.severity });
      }
      for (const { members, worst } of cells.values()) {
        if (members.length === 1) {
          const f = members[0];
          L.circleMarker(ll(f.at), { renderer, radius: 6, color: COLORS[f.severity], weight: 2.5, fillOpacity: 0.25 })
            .bindTooltip(tip(`${f.n}. ${f.rule}: ${f.message}`)).on("click", () => select(f, false)).addTo(marks);
        } else {
          const size = Math.round(20 + Math.min(CELL - 26, Math.log2(members.length) * 3));
          const box = L.latLngBounds(members.map((f) => ll(f.at)));
          L.marker(box.getCenter(), { icon: L.divIcon({ className: "", iconSize: [size, size],
              html: `<div class="cluster ${worst}" style="width:${size}px;height:${size}px">${members.length}</div>` }),
              title: `${members.length} findings` })
            .on("click", () => view.fitBounds(box.pad(0.3), { maxZoom: view.getZoom() + 3 })).addTo(marks);
        }
      }
      document.body.dataset.clusters = String(cells.size);
    }
    view.on("zoomend moveend", renderMarks);

    // Selecting a finding: its shape stands out, the map zooms to it, the list shows it.
    const highlight = L.layerGroup().addTo(view);
    function select(f, zoom) {
      if (!f) return;
      selected = f;
      highlight.clearLayers();
      const style = { renderer, color: "#ffd43b", weight: 6, opacity: 0.9, fill: false };
      if (f.shape) {
        const rings = f.shape.map((r) => r.map(ll));
        (f.closed ? L.polygon(rings, { ...style, fill: true, fillColor: COLORS[f.severity], fillOpacity: 0.25 }) : L.polyline(rings, style)).addTo(highlight);
      }
      for (const p of f.points || []) L.circleMarker(ll(p), { renderer, radius: 5, color: COLORS[f.severity], weight: 2 }).addTo(highlight);
      if (f.at) L.circleMarker(ll(f.at), { renderer, radius: 11, color: COLORS[f.severity], weight: 4, fill: false }).addTo(highlight);
      if (zoom && f.at) {
        const b = f.box || [f.at[0], f.at[1], f.at[0], f.at[1]];
        const span = Math.max(b[2] - b[0], b[3] - b[1], data.displayTolerance * 20);
        view.fitBounds(L.latLngBounds(ll([b[0] - span, b[1] - span]), ll([b[2] + span, b[3] + span])), { animate: false });
      }
      const index = shown.indexOf(f);
      if (index >= 0 && Math.floor(index / PAGE) !== page) { page = Math.floor(index / PAGE); }
      renderList();
      const li = document.getElementById("finding-" + f.n);
      if (li) li.scrollIntoView({ block: "nearest" });
      document.body.dataset.selected = String(f.n);
      if (location.hash !== "#finding-" + f.n) history.replaceState(null, "", "#finding-" + f.n);
    }

    applyFilters();
    const wanted = /^#finding-(\d+)$/.exec(location.hash);
    if (wanted) select(byNumber.get(Number(wanted[1])), true);
    document.body.dataset.ready = "true";
    })();
    """#
}
