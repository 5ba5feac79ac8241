import Boundary
import Foundation
import GEOSKit
import Testing

/// The report renderers: JSON schema, GeoJSON error layer in the input CRS, HTML with map and list.
@Suite(.serialized) struct ReportTests {
    typealias D = SurveyTestData

    /// A small geographic survey with one dangling line, so that locations must go back to degrees.
    func geographicReport() throws -> ValidationReport {
        let dir = try D.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = D.featureCollection([
            D.lineFeature("0001", "610100", "610400", [(108.90, 34.20), (108.95, 34.21)]),
            D.lineFeature("0002", "610100", "610400", [(108.95, 34.21), (108.99, 34.25)]),
        ], crs: false)
        let url = dir.appendingPathComponent("lines.geojson")
        try lines.write(to: url, atomically: true, encoding: .utf8)
        return try D.validate([SurveyInput(path: url.path)])
    }

    @Test func geoJSONLocationsAreInTheInputCRS() throws {
        let report = try geographicReport()
        #expect(report.survey.metricCRS.epsgCode == 4545)
        let dangles = report.findings.filter { $0.ruleID == "line.dangle" }
        #expect(dangles.count == 2)
        let text = try GeoJSONReport.render(report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let crs = (root["crs"] as? [String: Any])?["properties"] as? [String: Any]
        #expect(crs?["name"] as? String == "urn:ogc:def:crs:EPSG::4490")   // the input CRS, named for QGIS
        let features = try #require(root["features"] as? [[String: Any]])
        let points = features.filter { ($0["properties"] as? [String: Any])?["rule"] as? String == "line.dangle" }
            .compactMap { ($0["geometry"] as? [String: Any])?["coordinates"] as? [Double] }
        #expect(points.count == 2)
        for p in points {
            let nearStart = abs(p[0] - 108.90) < 1e-6 && abs(p[1] - 34.20) < 1e-6
            let nearEnd = abs(p[0] - 108.99) < 1e-6 && abs(p[1] - 34.25) < 1e-6
            #expect(nearStart || nearEnd, "\(p)")
        }
        #expect(report.findings.contains { $0.ruleID == "line.pseudo-node" })
    }

    /// JSON, HTML and text of the faulty sample survey (validated once).
    @Test func faultySampleRendersInEveryFormat() throws {
        let report = try D.validate(D.sample("faulty"))
        try checkJSON(report)
        try checkHTML(report)
        checkText(report)
    }

    func checkJSON(_ report: ValidationReport) throws {
        let json = try JSONReport.render(report)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["schema"] as? String == "quhua.validate/1")
        #expect(root["crs"] as? String == "EPSG:4545")
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == report.findings.count)
        for f in findings {
            #expect(f["rule"] is String && f["severity"] is String && f["message"] is String && f["features"] is [Any])
            #expect(f.keys.contains("location") && f.keys.contains("value") && f.keys.contains("tolerance"))
        }
        let offLine = try #require(findings.first { $0["rule"] as? String == "marker.off-line" && ($0["value"] as? Double ?? 0) < 3.5 })
        #expect(offLine["unit"] as? String == "m")
        #expect(abs((offLine["value"] as? Double ?? 0) - 3) < 0.01)
    }

    func checkHTML(_ report: ValidationReport) throws {
        let html = try HTMLReport.render(report)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains("<svg"))
        #expect(html.components(separatedBy: "<path d=\"M").count - 1 >= report.survey.lines.count + report.survey.divisions.count)
        for (n, f) in report.sortedFindings.enumerated() {
            #expect(html.contains("id=\"finding-\(n + 1)\""))
            if f.locationWKB != nil {
                #expect(html.contains("id=\"m\(n + 1)\""))
                #expect(html.contains("href=\"#m\(n + 1)\""))
            }
        }
        #expect(html.contains("<code>marker.junction</code>"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))   // standalone
    }

    func checkText(_ report: ValidationReport) {
        let text = TextReport.render(report)
        #expect(text.contains("Summary"))
        for rule in Set(report.findings.map(\.ruleID)) { #expect(text.contains(rule)) }
        #expect(!text.contains("\u{1B}["))
        #expect(TextReport.render(report, colour: true).contains("\u{1B}[31m"))
    }
}
