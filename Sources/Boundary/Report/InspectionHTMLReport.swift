import Foundation
import GEOSKit

/// A standalone HTML report of a joint inspection: both epochs on one SVG map (the record dashed, the
/// survey solid), moved markers with arrows, missing and new markers, changed stretches and the areas
/// changing hands shaded; a detail map of every changed stretch and every moved marker, drawn to
/// scale; a table per line; the marker changes; the survey's validation findings.
///
/// The file has no external resources: open it in any browser or hand it to the inspection team.
///
/// ```swift
/// try InspectionHTMLReport.render(report).write(toFile: "inspection.html", atomically: true, encoding: .utf8)
/// ```
public enum InspectionHTMLReport {
    /// Renders the report.
    ///
    /// - Throws: a `GEOSError` when a geometry cannot be read.
    public static func render(_ report: InspectionReport) throws -> String {
        let s = report.settings, sum = report.summary
        let e = HTMLReport.escape
        typealias F = InspectionFormat
        let recordYear = s.recordDate.map { " \($0.year)" } ?? "", surveyYear = s.surveyDate.map { " \($0.year)" } ?? ""

        // Overview map.
        var drawn = report.before.lines.map(\.geometry) + report.after.lines.map(\.geometry) + report.before.divisions.map(\.geometry)
        if drawn.isEmpty { drawn = (report.before.markers + report.after.markers).map(\.position) }
        var extent: Envelope?
        for g in drawn {
            guard let box = try g.envelope else { continue }
            extent = extent?.union(box) ?? box
        }
        // A little more room than SVGMap's own margin, for the arrows and labels of markers near the edge.
        let whole = extent ?? Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
        let overview = InspectionMap(extent: whole.expanded(by: max(whole.width, whole.height) * 0.03), report: report)
        var svg = overview.open(label: "Both epochs of the boundary lines with the changes found")
        svg += try overview.epochs()
        svg += "<g class=\"changes\">\n"
        for l in report.lines where l.comparison.verdict != .unchanged {
            for (k, st) in l.comparison.afterStretches.enumerated() {
                svg += "<path d=\"\(overview.path(st.coordinates))\" class=\"stretch\"/>"
                let c = st.maximumOffsetAt
                svg += "<a href=\"#line-\(e(l.id ?? ""))-\(k + 1)\"><circle cx=\"\(overview.map.x(c))\" cy=\"\(overview.map.y(c))\" r=\"14\" class=\"halo\"><title>line \(e(l.label)): \(F.chainage(st.length)) m changed, up to \(F.m(st.maximumOffset)) off</title></circle>"
                svg += "<text x=\"\(overview.map.x(c))\" y=\"\(overview.map.y(c))\" dx=\"16\" dy=\"-10\" class=\"label changed\">\(e(l.id ?? "")) changed</text></a>\n"
            }
            for a in l.comparison.areas { svg += "<path d=\"\(overview.path(rings: a.rings))\" class=\"face \(a.side.rawValue)\"/>" }
        }
        svg += "</g>\n"
        svg += overview.markerSymbols(arrowLength: 26)
        svg += "</svg>"

        // Details of each changed stretch.
        var details = ""
        for l in report.lines where l.comparison.verdict != .unchanged {
            let c = l.comparison
            for (k, st) in c.afterStretches.enumerated() {
                var box = Envelope(minX: st.coordinates[0].x, minY: st.coordinates[0].y, maxX: st.coordinates[0].x, maxY: st.coordinates[0].y)
                for p in st.coordinates { box = box.union(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) }
                let faces = c.areas.filter { a in a.rings.first?.contains { p in box.expanded(by: st.maximumOffset).intersects(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) } ?? false }
                for a in faces { for p in a.rings[0] { box = box.union(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) } }
                let margin = max(box.width, box.height) * 0.25 + 1
                let detail = InspectionMap(extent: box.expanded(by: margin), report: report)
                var d = detail.open(label: "Detail of line \(l.label)")
                d += try detail.epochs()
                for a in faces { d += "<path d=\"\(detail.path(rings: a.rings))\" class=\"face \(a.side.rawValue)\"><title>\(F.area(a.area)) from \(e(a.fromCode ?? "")) to \(e(a.toCode ?? ""))</title></path>" }
                d += "<path d=\"\(detail.path(st.coordinates))\" class=\"stretch\"/>"
                let at = st.maximumOffsetAt
                d += "<circle cx=\"\(detail.map.x(at))\" cy=\"\(detail.map.y(at))\" r=\"8\" class=\"peak\"/><text x=\"\(detail.map.x(at))\" y=\"\(detail.map.y(at))\" dx=\"14\" dy=\"-14\" class=\"label\">\(F.m(st.maximumOffset)) off</text>"
                for a in faces {
                    d += "<text x=\"\(detail.map.x(a.anchor))\" y=\"\(detail.map.y(a.anchor))\" dy=\"70\" class=\"label area\" text-anchor=\"middle\">\(F.area(a.area)): \(e(a.fromCode ?? a.side.rawValue)) → \(e(a.toCode ?? "other side"))</text>"
                }
                d += detail.markerSymbols(arrowLength: 26)
                d += detail.scaleBar() + "</svg>"
                let faceText = faces.map { "\(F.area($0.area)) \($0.side.rawValue) of the agreed line: <b>\(e($0.fromCode ?? $0.side.rawValue))</b> would lose it to <b>\(e($0.toCode ?? "the other side"))</b>" }.joined(separator: "; ")
                details += """
                <div class="detail" id="line-\(e(l.id ?? ""))-\(k + 1)"><h3>Line \(e(l.label)) — \(c.verdict.words)</h3>
                <p>\(F.chainage(st.from))–\(F.chainage(st.to)) m along the survey line (record \(F.chainage(min(st.fromOnOther, st.toOnOther)))–\(F.chainage(max(st.fromOnOther, st.toOnOther))) m): \(F.chainage(st.length)) m farther than \(F.m(c.tolerance)) from the agreed line, up to \(F.m(st.maximumOffset)). \(faceText)</p>
                \(d)</div>

                """
            }
        }

        // Details of each moved marker, to scale.
        var markerPanels = ""
        for m in report.markers.matches where m.isMoved {
            let from = Coordinate(x: m.before.x, y: m.before.y), to = Coordinate(x: m.after.x, y: m.after.y)
            let half = max(m.distance * 0.9, 0.3)
            let centre = Coordinate(x: (from.x + to.x) / 2, y: (from.y + to.y) / 2)
            let panel = InspectionMap(extent: Envelope(minX: centre.x - half, minY: centre.y - half, maxX: centre.x + half, maxY: centre.y + half), report: report)
            var p = panel.open(label: "Marker \(m.before.label)")
            p += try panel.epochs(divisions: false)
            p += "<line x1=\"\(panel.map.x(from))\" y1=\"\(panel.map.y(from))\" x2=\"\(panel.map.x(to))\" y2=\"\(panel.map.y(to))\" class=\"move\" marker-end=\"url(#arrow)\"/>"
            p += "<circle cx=\"\(panel.map.x(from))\" cy=\"\(panel.map.y(from))\" r=\"26\" class=\"old-marker\"/><circle cx=\"\(panel.map.x(to))\" cy=\"\(panel.map.y(to))\" r=\"22\" class=\"new-marker\"/>"
            p += panel.scaleBar() + "</svg>"
            markerPanels += """
            <figure class="marker"><figcaption><b>\(e(m.before.label))</b> line \(e(m.before.lineID ?? "?")): \(F.m(m.distance)) toward \(F.azimuth(m.azimuth))<br>dx \(F.signed(m.dx)) m, dy \(F.signed(m.dy)) m</figcaption>\(p)</figure>

            """
        }

        // Tables.
        var lineRows = ""
        for l in report.lines {
            let c = l.comparison
            let counts = report.markerCounts(onLine: l.id)
            var notes: [String] = []
            if let a = l.afterID { notes.append("survey id \(e(a))") }
            if c.reversed { notes.append("surveyed reversed") }
            if l.divisionsDiffer { notes.append("other divisions in the survey") }
            let link = c.afterStretches.isEmpty ? e(l.id ?? "") : "<a href=\"#line-\(e(l.id ?? ""))-1\">\(e(l.id ?? ""))</a>"
            lineRows += "<tr class=\"\(c.verdict.rawValue)\"><td>\(link)</td><td>\(e(l.leftCode ?? "?"))|\(e(l.rightCode ?? "?"))</td><td class=\"verdict\">\(c.verdict.words)</td>"
            lineRows += "<td class=\"num\">\(F.m(c.hausdorff))</td><td class=\"num\">\(F.m(c.frechet))</td><td class=\"num\">\(c.afterStretches.count)</td>"
            lineRows += "<td class=\"num\">\(c.areaLeftToRight > 0 ? F.area(c.areaLeftToRight) : "–")</td><td class=\"num\">\(c.areaRightToLeft > 0 ? F.area(c.areaRightToLeft) : "–")</td>"
            lineRows += "<td class=\"num\">\(counts.intact) / \(counts.moved) / \(counts.missing) / \(counts.new)</td><td>\(notes.joined(separator: "; "))</td></tr>\n"
        }
        for l in report.missingLines { lineRows += "<tr class=\"changed\"><td>\(e(l.id ?? ""))</td><td>\(e(l.leftCode ?? "?"))|\(e(l.rightCode ?? "?"))</td><td class=\"verdict\">missing from the survey</td><td colspan=\"7\">\(F.chainage(l.length)) m in the record</td></tr>\n" }
        for l in report.newLines { lineRows += "<tr class=\"changed\"><td>\(e(l.id ?? ""))</td><td>\(e(l.leftCode ?? "?"))|\(e(l.rightCode ?? "?"))</td><td class=\"verdict\">new in the survey</td><td colspan=\"7\">\(F.chainage(l.length)) m in the survey</td></tr>\n" }

        var markerRows = ""
        for m in report.markers.matches.filter({ $0.distance > s.unchangedDistance }).sorted(by: { $0.distance > $1.distance }) {
            markerRows += "<tr class=\"\(m.isMoved ? "changed" : "within-tolerance")\"><td>\(e(m.before.label))</td><td>\(e(m.before.lineID ?? ""))</td><td>\(m.isMoved ? "moved" : "intact")</td><td class=\"num\">\(F.signed(m.dx))</td><td class=\"num\">\(F.signed(m.dy))</td><td class=\"num\">\(F.m(m.distance))</td><td class=\"num\">\(F.azimuth(m.azimuth))</td><td>\(m.method == .position ? "matched by position" : "")\(m.typeChanged ? " type \(e(m.before.type.isEmpty ? "–" : m.before.type)) → \(e(m.after.type.isEmpty ? "–" : m.after.type))" : "")</td></tr>\n"
        }
        for m in report.markers.typeChanged where m.distance <= s.unchangedDistance {
            markerRows += "<tr class=\"within-tolerance\"><td>\(e(m.before.label))</td><td>\(e(m.before.lineID ?? ""))</td><td>type changed</td><td colspan=\"4\"></td><td>\(e(m.before.type.isEmpty ? "–" : m.before.type)) → \(e(m.after.type.isEmpty ? "–" : m.after.type))</td></tr>\n"
        }
        for m in report.markers.missing { markerRows += "<tr class=\"changed\"><td>\(e(m.label))</td><td>\(e(m.lineID ?? ""))</td><td>missing</td><td colspan=\"4\">last at \(F.at(m.x, m.y))</td><td></td></tr>\n" }
        for m in report.markers.new { markerRows += "<tr class=\"new\"><td>\(e(m.label))</td><td>\(e(m.lineID ?? ""))</td><td>new</td><td colspan=\"4\">at \(F.at(m.x, m.y))</td><td></td></tr>\n" }

        var findings = ""
        for f in report.validation.sortedFindings {
            findings += "<li class=\"\(f.severity.rawValue)\"><span class=\"sev\">\(f.severity.rawValue)</span> <code>\(e(f.ruleID))</code> \(e(f.message))</li>\n"
        }
        let next = s.nextInspection.map { "next joint inspection due <b>\($0)</b>" } ?? "next inspection: survey date unknown"
        let badges = [
            ("changed", "\(sum.changedLines) changed"), ("within-tolerance", "\(sum.withinToleranceLines) within tolerance"),
            ("unchanged", "\(sum.unchangedLines) unchanged"),
        ].map { "<span class=\"badge \($0.0)\">\($0.1)</span>" }.joined(separator: " ")
        let markerBadges = "<span class=\"badge changed\">\(sum.movedMarkers) moved</span> <span class=\"badge changed\">\(sum.missingMarkers) missing</span> <span class=\"badge new\">\(sum.newMarkers) new</span> <span class=\"badge unchanged\">\(sum.intactMarkers) intact</span>"
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>quhua joint inspection report</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
        header{padding:14px 24px;background:#1d3557;color:#fff}header h1{margin:0 0 4px;font-size:20px}header .row{margin-top:4px}
        main{display:grid;grid-template-columns:minmax(0,3fr) minmax(340px,2fr);gap:16px;padding:16px 24px}
        section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:12px 16px;min-width:0}
        h2{font-size:16px;margin:4px 0 10px}h3{font-size:14px;margin:4px 0}
        svg{width:100%;height:auto;border:1px solid #dde2e8;background:#eef3f7;display:block}
        svg path,svg line{vector-effect:non-scaling-stroke}
        .divisions path{fill:#fbf8ef;stroke:#d8cfb8;stroke-width:.8}
        .survey path{fill:none;stroke:#1d3557;stroke-width:2.6;stroke-linejoin:round}
        .record path{fill:none;stroke:#e76f51;stroke-width:1.6;stroke-dasharray:7 5;stroke-linejoin:round}
        .stretch{fill:none;stroke:#d62828;stroke-width:9;stroke-opacity:.35;stroke-linecap:round}
        .face.left{fill:#f08c00;fill-opacity:.45;stroke:#f08c00;stroke-width:1}.face.right{fill:#7b2cbf;fill-opacity:.4;stroke:#7b2cbf;stroke-width:1}
        .halo{fill:none;stroke:#d62828;stroke-width:3}.peak{fill:#d62828}
        .label{font:600 13px sans-serif;paint-order:stroke;stroke:#fff;stroke-width:3px;fill:#1d2733}.label.changed{fill:#d62828}
        .label.area{font-size:18px;fill:#4a1d7a}.label.small{font-size:14px}
        .marks circle.intact{fill:#1d3557}.marks .missing{stroke:#d62828;stroke-width:3}.marks .new{stroke:#2b9348;stroke-width:3}
        .marks line.arrow,.move{stroke:#d62828;stroke-width:2.5}.marks text{font:600 12px sans-serif;fill:#d62828;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .marks text.new{fill:#2b9348;stroke:#fff;stroke-width:3px}
        .old-marker{fill:#fff;stroke:#e76f51;stroke-width:4}.new-marker{fill:#1d3557}
        .scale line{stroke:#1d2733;stroke-width:2}.scale text{font:600 13px sans-serif;fill:#1d2733}
        .detail .label{font-size:30px;stroke-width:6px}.detail .label.area{font-size:34px}.detail .scale text{font-size:28px}
        .detail .marks text{font-size:26px}.marker .scale text{font-size:70px}.marker .scale line{stroke-width:3}
        table{border-collapse:collapse;width:100%}td,th{padding:4px 6px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
        td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        tr.changed .verdict,tr.changed td:nth-child(3){color:#d62828;font-weight:700}tr.within-tolerance td:nth-child(3){color:#c77700;font-weight:600}
        tr.unchanged td{color:#6b7785}tr.new td:nth-child(3){color:#2b9348;font-weight:700}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#fff;color:#1d2733;font-weight:600;margin-right:4px}
        .badge.changed{background:#ffe3e3}.badge.within-tolerance{background:#fff3bf}.badge.unchanged{background:#e6fcf5}.badge.new{background:#ebfbee}
        .legend span{margin-right:14px;white-space:nowrap}.detail{margin-bottom:14px}.detail:target{outline:3px solid #fab005}
        .markers-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
        figure{margin:0}figcaption{font-size:12px;margin-bottom:4px}
        ol{list-style:none;padding:0;margin:0}li{padding:5px 4px;border-bottom:1px solid #eef0f3}
        .sev{text-transform:uppercase;font-size:11px;font-weight:700}li.error .sev{color:#d62828}li.warning .sev{color:#c77700}li.info .sev{color:#1c7ed6}
        .note{color:#55606e;font-size:12px}
        @media (max-width:900px){main{grid-template-columns:1fr}}
        </style></head>
        <body>
        <header><h1>Joint inspection report</h1>
        <div class="row">record <b>\(e(InspectionReport.origin(report.before)))</b>\(s.recordDate.map { " (\($0))" } ?? "") against survey <b>\(e(InspectionReport.origin(report.after)))</b>\(s.surveyDate.map { " (\($0))" } ?? "") · measured in \(e(report.before.metricCRS.identifier))\(report.transformed ? " (survey transformed from \(e(report.after.inputCRS.identifier)))" : "") · \(next)</div>
        <div class="row">lines: \(badges) · markers: \(markerBadges) · \(F.area(sum.areaChangingHands)) changing hands · survey validation: \(sum.findings) finding\(sum.findings == 1 ? "" : "s")</div></header>
        <main>
        <section><h2>Both epochs</h2>
        <div class="legend"><span style="color:#e76f51">┅ record\(recordYear) (dashed)</span> <span style="color:#1d3557">━ survey\(surveyYear) (solid)</span> <span style="color:#d62828">◯ changed stretch</span> <span style="color:#d62828">➔ moved marker</span> <span style="color:#d62828">✕ missing marker</span> <span style="color:#2b9348">✚ new marker</span></div>
        \(svg)
        <p class="note">Arrows show the direction of each move; their length on this map is not to scale (the moves are centimetres to metres). The detail maps are to scale.</p>
        <h2 style="margin-top:14px">Lines</h2>
        <table><thead><tr><th>line</th><th>left|right</th><th>verdict</th><th>Hausdorff</th><th>Fréchet</th><th>stretches</th><th>left → right</th><th>right → left</th><th>markers intact / moved / missing / new</th><th></th></tr></thead><tbody>
        \(lineRows)</tbody></table>
        <p class="note">Tolerances: lines \(F.m(s.lineTolerance)) (unchanged up to \(F.m(s.unchangedDistance))), markers \(F.m(s.markerTolerance)) (matched within \(F.m(s.markerSearchRadius))). Left and right are seen walking the agreed line from its first point; "left → right" is land left of the agreed line that the surveyed line gives to the right division.</p>
        </section>
        <section><h2>Changed stretches</h2>
        <div class="legend"><span style="color:#f08c00">■ left of the agreed line: the left division loses it</span> <span style="color:#7b2cbf">■ right of the agreed line: the right division loses it</span></div>
        \(details.isEmpty ? "<p>No line differs beyond the tolerance.</p>" : details)
        <h2>Moved markers</h2>
        \(markerPanels.isEmpty ? "<p>No marker moved beyond the tolerance.</p>" : "<div class=\"markers-grid\">\(markerPanels)</div><p class=\"note\">Hollow: the record's position; filled: the survey's; to scale.</p>")
        <h2 style="margin-top:14px">Marker changes</h2>
        <table><thead><tr><th>marker</th><th>line</th><th>status</th><th>dx m</th><th>dy m</th><th>moved</th><th>toward</th><th></th></tr></thead><tbody>
        \(markerRows.isEmpty ? "<tr><td colspan=\"8\">Every marker of the record is in place.</td></tr>" : markerRows)</tbody></table>
        <h2 style="margin-top:14px">Validation of the survey</h2>
        <ol>\(findings.isEmpty ? "<li>No findings: the survey passes every rule of quhua validate.</li>" : findings)</ol>
        </section>
        </main>
        <footer style="padding:8px 24px;color:#8a96a3">quhua inspect · coordinates in \(e(report.before.metricCRS.identifier)) · profile: \(e(report.validation.profile.name))</footer>
        </body></html>

        """
    }
}
