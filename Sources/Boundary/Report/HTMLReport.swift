import Foundation
import GEOSKit

/// A standalone HTML report: what was checked, a summary table by rule, an SVG map of the survey
/// (divisions, lines, markers) with every finding drawn and numbered on it, and the findings list.
/// Each finding in the list links to its mark on the map (which then stands out) and back.
///
/// The file has no external resources: open it in any browser or hand it to a reviewer.
///
/// ```swift
/// try HTMLReport.render(report).write(toFile: "survey-report.html", atomically: true, encoding: .utf8)
/// ```
public enum HTMLReport {
    /// Renders the report.
    ///
    /// - Throws: a `GEOSError` when a geometry cannot be read.
    public static func render(_ report: ValidationReport) throws -> String {
        let survey = report.survey
        let context = survey.context
        let findings = report.sortedFindings
        var extent: Envelope?
        func grow(_ g: Geometry?) throws { if let e = try g?.envelope { extent = extent.map { $0.union(e) } ?? e } }
        for d in survey.divisions { try grow(d.geometry) }
        for l in survey.lines { try grow(l.geometry) }
        for m in survey.markers { try grow(m.position) }
        if extent == nil { for f in findings { try grow(try f.location(in: context)) } }
        let map = SVGMap(extent: extent ?? Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1))

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(map.width)) \(Int(map.height))\" role=\"img\" aria-label=\"Survey map with findings\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" class=\"sea\"/>\n<g class=\"divisions\">\n"
        for d in survey.divisions {
            svg += "<path d=\"\(try map.path(d.geometry))\"><title>\(escape(d.label))</title></path>\n"
        }
        svg += "</g>\n<g class=\"lines\">\n"
        for l in survey.lines {
            svg += "<path d=\"\(try map.path(l.geometry))\"><title>line \(escape(l.label))</title></path>\n"
        }
        svg += "</g>\n<g class=\"markers\">\n"
        for m in survey.markers {
            for p in try map.points(m.position) {
                svg += "<circle cx=\"\(map.x(p))\" cy=\"\(map.y(p))\" r=\"1.6\" class=\"\(m.type.isEmpty ? "single" : "set")\"><title>marker \(escape(m.label))</title></circle>\n"
            }
        }
        svg += "</g>\n<g class=\"findings\">\n"
        for (n, f) in findings.enumerated() {
            guard let g = try f.location(in: context), try !g.isEmpty else { continue }
            let id = n + 1
            let anchor = try g.type == .point ? try g.coordinates()[0] : try g.pointOnSurface().coordinates().first ?? Coordinate(x: 0, y: 0)
            svg += "<a href=\"#finding-\(id)\"><g id=\"m\(id)\" class=\"finding \(f.severity.rawValue)\"><title>\(id). \(escape(f.ruleID)): \(escape(f.message))</title>"
            let type = try g.type
            if type != .point && type != .multiPoint {
                svg += "<path d=\"\(try map.path(g))\" class=\"shape\"/>"
            }
            for p in try map.points(g) where type == .multiPoint {
                svg += "<circle cx=\"\(map.x(p))\" cy=\"\(map.y(p))\" r=\"4\" class=\"spot\"/>"
            }
            svg += "<circle cx=\"\(map.x(anchor))\" cy=\"\(map.y(anchor))\" r=\"7\" class=\"ring\"/>"
            svg += "<text x=\"\(map.x(anchor))\" y=\"\(map.y(anchor))\" dx=\"9\" dy=\"-7\">\(id)</text></g></a>\n"
        }
        svg += "</g>\n</svg>"

        var rows = ""
        let counts = report.countsByRule
        for d in RuleCatalogue.definitions where report.rules.contains(where: { $0.id == d.id }) {
            let n = counts[d.id] ?? 0
            let sev = report.profile.severity(for: d)
            rows += "<tr class=\"\(n > 0 ? sev.rawValue : "clean")\"><td><code>\(d.id)</code></td><td>\(sev.rawValue)</td><td class=\"num\">\(n)</td><td>\(escape(d.summary))</td></tr>\n"
        }
        for (id, n) in counts.sorted(by: { $0.key < $1.key }) where RuleCatalogue.definition(id) == nil {
            rows += "<tr class=\"error\"><td><code>\(escape(id))</code></td><td>error</td><td class=\"num\">\(n)</td><td></td></tr>\n"
        }

        var items = ""
        for (n, f) in findings.enumerated() {
            let id = n + 1
            let unit = report.unit(of: f.ruleID).map { $0 == "count" ? "" : " \($0)" } ?? ""
            var measure = ""
            if let v = f.value {
                measure = "<span class=\"measure\">measured \(TextReport.format(v))\(unit)" + (f.tolerance.map { ", tolerance \(TextReport.format($0))\(unit)" } ?? "") + "</span>"
            }
            let hasLocation = f.locationWKB != nil
            items += "<li id=\"finding-\(id)\" class=\"\(f.severity.rawValue)\"><span class=\"n\">\(id)</span> <span class=\"sev\">\(f.severity.rawValue)</span> <code>\(escape(f.ruleID))</code> "
            items += hasLocation ? "<a href=\"#m\(id)\">\(escape(f.message))</a>" : escape(f.message)
            items += " \(measure)<div class=\"features\">\(escape(f.features.map(\.description).joined(separator: ", ")))</div></li>\n"
        }

        let bySeverity = Severity.allCases.reversed().map { s in "<span class=\"badge \(s.rawValue)\">\(report.countsBySeverity[s] ?? 0) \(s.rawValue)</span>" }.joined(separator: " ")
        let files = survey.files.map { "<li><code>\(escape($0.path))</code>: \($0.featureCount) \($0.role.rawValue)</li>" }.joined()
        let note = ([survey.measurementNote].compactMap { $0 } + report.notes).map { "<p class=\"note\">\(escape($0))</p>" }.joined()
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>quhua survey report</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
        header{padding:16px 24px;background:#1d3557;color:#fff}header h1{margin:0 0 4px;font-size:20px}
        main{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:16px;padding:16px 24px}
        section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:12px 16px}
        h2{font-size:16px;margin:4px 0 10px}
        svg{width:100%;height:auto;border:1px solid #dde2e8;background:#eef3f7}
        .sea{fill:#eef3f7}.divisions path{fill:#fbf8ef;stroke:#c9bfa5;stroke-width:.8}
        .lines path{fill:none;stroke:#2a4d69;stroke-width:1.6;stroke-linejoin:round}
        .markers circle.single{fill:#2a4d69}.markers circle.set{fill:#7b2cbf}
        .finding .ring{fill:none;stroke-width:2.5}.finding text{font:bold 11px sans-serif;paint-order:stroke;stroke:#fff;stroke-width:3px}
        .finding .shape{fill:none;stroke-width:4;stroke-opacity:.8}.finding .spot{stroke:none}
        .finding.error .ring,.finding.error .shape{stroke:#d62828}.finding.error text,.finding.error .spot{fill:#d62828}
        .finding.warning .ring,.finding.warning .shape{stroke:#f08c00}.finding.warning text,.finding.warning .spot{fill:#c77700}
        .finding.info .ring,.finding.info .shape{stroke:#1c7ed6}.finding.info text,.finding.info .spot{fill:#1c7ed6}
        .finding:target .ring{stroke-width:6;r:14}.finding:target text{font-size:16px}
        table{border-collapse:collapse;width:100%}td,th{padding:4px 6px;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
        td.num{text-align:right;font-weight:600}tr.clean td{color:#8a96a3}tr.error td.num{color:#d62828}tr.warning td.num{color:#c77700}
        ol{list-style:none;padding:0;margin:0}li{padding:6px 4px;border-bottom:1px solid #eef0f3}li:target{background:#fff3bf}
        li .n{display:inline-block;min-width:2em;font-weight:700}.sev{text-transform:uppercase;font-size:11px;font-weight:700}
        li.error .sev{color:#d62828}li.warning .sev{color:#c77700}li.info .sev{color:#1c7ed6}
        .measure{color:#55606e}.features{color:#6b7785;font-size:12px;margin-left:2em}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;background:#fff;color:#1d2733;font-weight:600}
        .badge.error{background:#ffe3e3}.badge.warning{background:#fff3bf}.badge.info{background:#e7f5ff}
        .note{color:#8a5a00}.legend span{margin-right:14px}a{color:inherit}
        @media (max-width:900px){main{grid-template-columns:1fr}}
        </style></head>
        <body>
        <header><h1>Boundary survey report</h1>
        <div>\(survey.lines.count) lines · \(survey.markers.count) markers · \(survey.divisions.count) divisions · \(escape(survey.inputCRS.description)) · measured in \(escape(survey.metricCRS.identifier)) · profile: \(escape(report.profile.name))</div>
        <div style="margin-top:6px">\(findings.count) findings: \(bySeverity)</div></header>
        <main>
        <section><h2>Map</h2>\(note)
        <div class="legend"><span style="color:#2a4d69">━ boundary line</span><span style="color:#2a4d69">● marker</span><span style="color:#7b2cbf">● marker set (A/B/C)</span><span style="color:#d62828">◯ error</span><span style="color:#c77700">◯ warning</span><span style="color:#1c7ed6">◯ info</span></div>
        \(svg)
        <h2 style="margin-top:16px">Summary by rule</h2>
        <table><thead><tr><th>rule</th><th>severity</th><th>findings</th><th>what it checks</th></tr></thead><tbody>
        \(rows)</tbody></table>
        <h2 style="margin-top:16px">Files</h2><ul>\(files)</ul>
        </section>
        <section><h2>Findings</h2><ol>
        \(items.isEmpty ? "<li>No findings: the survey passes every rule.</li>" : items)</ol></section>
        </main>
        <footer style="padding:8px 24px;color:#8a96a3">quhua validate · coordinates on the map in \(escape(survey.metricCRS.identifier)); locations in the JSON and GeoJSON reports are in \(escape(survey.inputCRS.identifier))</footer>
        </body></html>

        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
