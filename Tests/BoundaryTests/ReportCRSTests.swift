import Boundary
import CRS
import Foundation
import GEOSKit
import Testing

/// A survey delivered in longitude/latitude is measured in metres but reported back in longitude/latitude.
@Suite struct ReportCRSTests {
    @Test func geographicSurveyIsReportedInLongitudeLatitude() throws {
        let context = try GEOSContext()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-report-crs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // A boundary line near Xi'an that crosses itself at 108.95 34.25.
        let lines = dir.appendingPathComponent("lines.geojson")
        try Data(#"""
        {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
         "features": [{"type": "Feature", "properties": {"id": "0001", "left": "610100", "right": "610400"},
           "geometry": {"type": "LineString", "coordinates": [[108.90, 34.20], [109.00, 34.30], [109.00, 34.20], [108.90, 34.30]]}}]}
        """#.utf8).write(to: lines)
        let survey = try SurveyLoader().load([SurveyInput(path: lines.path, role: .lines)], context: context)
        #expect(survey.inputCRS == .cgcs2000)
        #expect(!survey.metricCRS.isGeographic)
        let report = try SurveyValidator().validate(survey)
        let crossing = try #require(report.findings.first { $0.ruleID == "line.self-intersection" })
        // The lines are straight in the Gauss-Krüger plane where they are measured, so the crossing
        // lies a few metres from where straight lon/lat segments would cross: within 1e-4°.
        func near(_ text: String) -> Bool {
            let numbers = text.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
            return zip(numbers, numbers.dropFirst()).contains { abs($0 - 108.95) < 1e-4 && abs($1 - 34.25) < 1e-4 }
        }
        // the message names the crossing in the input CRS …
        #expect(near(crossing.message), "\(crossing.message)")
        // … and the JSON and text reports place it there too
        #expect(near(try JSONReport.render(report)))
        let text = TextReport.render(report)
        #expect(text.contains("location 108.9"))
        #expect(!text.contains("3790"))   // no northing in metres anywhere
    }
}
