import Foundation
import GEOSKit
import LeafletAssets

/// A standalone HTML report: what was checked, a summary table by rule, a map of the survey
/// (divisions, lines, markers) that pans and zooms with every finding on it, clustered where
/// they are dense, and the findings list, filtered by severity, rule and text and shown a page
/// at a time. Clicking a finding in the list zooms the map to it and draws its shape; clicking
/// a finding on the map shows it in the list; `#finding-N` in the address opens finding N.
///
/// The file has no external resources: Leaflet (BSD-2-Clause, its licence is in the page) and
/// the data are inlined, so it opens offline in any browser and can be handed to a reviewer.
/// Reports with 100,000 findings stay usable: the list is paged and the map draws clusters.
///
/// ```swift
/// try HTMLReport.render(report).write(toFile: "survey-report.html", atomically: true, encoding: .utf8)
/// ```
public enum HTMLReport {
    /// Renders the report.
    ///
    /// - Throws: a `GEOSError` when a geometry cannot be read; ``LeafletAssets/Failure`` when
    ///   quhua's copy of Leaflet is missing.
    public static func render(_ report: ValidationReport) throws -> String {
        let survey = report.survey
        let findings = report.sortedFindings
        let data = try ReportMapData(report, findings: findings)

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
        let ruleOptions = counts.sorted { $0.key < $1.key }
            .map { "<option value=\"\(escape($0.key))\">\(escape($0.key)) (\($0.value))</option>" }.joined()
        let severityBoxes = Severity.allCases.reversed().map { s in
            "<label><input type=\"checkbox\" name=\"severity\" value=\"\(s.rawValue)\" checked> <span class=\"badge \(s.rawValue)\">\(report.countsBySeverity[s] ?? 0) \(s.rawValue)</span></label>"
        }.joined(separator: " ")
        let bySeverity = Severity.allCases.reversed().map { s in "<span class=\"badge \(s.rawValue)\">\(report.countsBySeverity[s] ?? 0) \(s.rawValue)</span>" }.joined(separator: " ")
        let files = survey.files.map { "<li><code>\(escape($0.path))</code>: \($0.featureCount) \($0.role.rawValue)</li>" }.joined()
        let note = ([survey.measurementNote].compactMap { $0 } + report.notes).map { "<p class=\"note\">\(escape($0))</p>" }.joined()
        let licence = try LeafletAssets.licence()
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <title>quhua survey report</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        \(try LeafletAssets.css())
        \(HTMLReportScript.style)
        </style></head>
        <body>
        <header><h1>Boundary survey report</h1>
        <div>\(survey.lines.count) lines · \(survey.markers.count) markers · \(survey.divisions.count) divisions · \(escape(survey.inputCRS.description)) · measured in \(escape(survey.metricCRS.identifier)) · profile: \(escape(report.profile.name))</div>
        <div style="margin-top:6px">\(findings.count) findings: \(bySeverity)</div></header>
        <main>
        <section><h2>Map</h2>\(note)
        <div class="legend"><span style="color:#2a4d69">━ boundary line</span><span style="color:#2a4d69">● marker</span><span style="color:#7b2cbf">● marker set (A/B/C)</span><span style="color:#d62828">◯ error</span><span style="color:#c77700">◯ warning</span><span style="color:#1c7ed6">◯ info</span><span class="muted">numbered discs: clusters, click to zoom in</span></div>
        <div id="map" role="region" aria-label="Survey map with findings"></div>
        <p class="muted">Coordinates in \(escape(survey.metricCRS.identifier)); divisions and lines simplified for display within \(TextReport.format(data.displayTolerance)) m.</p>
        <h2 style="margin-top:16px">Summary by rule</h2>
        <table><thead><tr><th>rule</th><th>severity</th><th>findings</th><th>what it checks</th></tr></thead><tbody>
        \(rows)</tbody></table>
        <h2 style="margin-top:16px">Files</h2><ul>\(files)</ul>
        </section>
        <section><h2>Findings <span class="muted" id="shown"></span></h2>
        <div class="filters">\(severityBoxes)
        <select id="rule" aria-label="Rule"><option value="">every rule</option>\(ruleOptions)</select>
        <input id="text" type="search" placeholder="filter: text, code, name…" aria-label="Filter findings by text"></div>
        <div class="pager"><button id="prev" type="button">‹ previous</button><span id="page"></span><button id="next" type="button">next ›</button></div>
        <noscript><p class="note">The map and the findings list need JavaScript; the JSON and GeoJSON reports hold every finding.</p></noscript>
        <ol id="findings"></ol>
        </section>
        </main>
        <footer style="padding:8px 24px;color:#8a96a3">quhua validate · locations in the JSON and GeoJSON reports are in \(escape(survey.inputCRS.identifier)) · map drawn with Leaflet (licence below)</footer>
        <details style="padding:0 24px 16px;color:#8a96a3"><summary>Leaflet licence</summary><pre>\(escape(licence))</pre></details>
        <script type="application/json" id="report-data">\(data.json)</script>
        <script>
        \(try LeafletAssets.inlineScript())
        </script>
        <script>
        \(HTMLReportScript.script)
        </script>
        </body></html>

        """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
