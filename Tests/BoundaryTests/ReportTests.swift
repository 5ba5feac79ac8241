@testable import Boundary
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
        #expect(html.contains("<div id=\"map\""))
        #expect(html.contains("window.QuhuaLeaflet"))   // Leaflet inlined, with its licence
        #expect(html.contains("Copyright (c) 2010-2019, Vladimir Agafonkin"))
        // Standalone: nothing is loaded from elsewhere.
        let markup = html.replacingOccurrences(of: #"(?s)<script[^>]*>.*?</script>"#, with: "", options: .regularExpression)
        #expect(markup.range(of: #"(src|href)="(https?:)?//"#, options: .regularExpression) == nil)
        #expect(!markup.contains("<link") && !html.contains("<script src"))
        #expect(html.components(separatedBy: "</script>").count - 1 == 3)

        // The data block holds the survey and every finding, numbered as in the text report.
        let open = try #require(html.range(of: "<script type=\"application/json\" id=\"report-data\">"))
        let close = try #require(html.range(of: "</script>", range: open.upperBound..<html.endIndex))
        let block = String(html[open.upperBound..<close.lowerBound])
        #expect(!block.contains("<"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect((data["divisions"] as? [Any])?.count == report.survey.divisions.count)
        #expect((data["lines"] as? [Any])?.count == report.survey.lines.count)
        let findings = try #require(data["findings"] as? [[String: Any]])
        let sorted = report.sortedFindings
        #expect(findings.count == sorted.count)
        for (n, f) in sorted.enumerated() where n < findings.count {
            #expect(findings[n]["n"] as? Int == n + 1)
            #expect(findings[n]["rule"] as? String == f.ruleID)
            #expect(findings[n]["message"] as? String == f.message)
            #expect((findings[n]["at"] != nil) == (f.locationWKB != nil))
        }
        #expect(html.contains("<code>marker.junction</code>"))
        #expect(html.contains("<option value=\"marker.junction\">"))
    }

    @Test func reportMapNumbersAndStrings() {
        #expect(ReportMapData.number(12.345) == "12.35" || ReportMapData.number(12.345) == "12.34")
        #expect(ReportMapData.number(-0.05) == "-0.05")
        #expect(ReportMapData.number(3780801.87) == "3780801.87")
        #expect(ReportMapData.number(100) == "100")
        #expect(ReportMapData.number(0.5) == "0.5")
        #expect(ReportMapData.number(.nan) == "0")
        #expect(ReportMapData.string("a</script>\"\n&") == #""a\u003c/script\u003e\"\n\u0026""#)
    }

    func checkText(_ report: ValidationReport) {
        let text = TextReport.render(report)
        #expect(text.contains("Summary"))
        for rule in Set(report.findings.map(\.ruleID)) { #expect(text.contains(rule)) }
        #expect(!text.contains("\u{1B}["))
        #expect(TextReport.render(report, colour: true).contains("\u{1B}[31m"))
    }
}
