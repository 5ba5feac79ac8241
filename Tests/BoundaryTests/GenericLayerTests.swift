import Boundary
import Foundation
import GEOSKit
import Testing

/// Plain GIS layers (no left/right codes, no marker numbers) are checked, not refused, and
/// findings name features by code and name wherever the layer has them.
@Suite(.serialized) struct GenericLayerTests {
    typealias D = SurveyTestData

    /// Writes `files` to a temporary folder and validates them.
    func validate(_ files: [(String, String)], geometryOnly: Bool = false) throws -> ValidationReport {
        let dir = try D.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var inputs: [SurveyInput] = []
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            inputs.append(SurveyInput(path: url.path))
        }
        let survey = try SurveyLoader().load(inputs, context: try GEOSContext())
        return try SurveyValidator(profile: .standard, geometryOnly: geometryOnly).validate(survey)
    }

    static func square(_ name: String, _ x0: Double, _ y0: Double, _ side: Double) -> String {
        let c = [(x0, y0), (x0 + side, y0), (x0 + side, y0 + side), (x0, y0 + side), (x0, y0)].map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        return #"{"type":"Feature","properties":{"name":"\#(name)"},"geometry":{"type":"Polygon","coordinates":[[\#(c)]]}}"#
    }

    // Two squares overlapping by 10 m, and a bow-tie.
    let polygons = D.featureCollection([
        square("North field", 500000, 3800000, 1000),
        square("South field", 500990, 3800000, 1000),
        #"{"type":"Feature","properties":{"name":"Bow tie"},"geometry":{"type":"Polygon","coordinates":[[[503000,3800000],[503100,3800100],[503100,3800000],[503000,3800100],[503000,3800000]]]}}"#,
    ])

    @Test func polygonLayerWithOnlyANameIsChecked() throws {
        let report = try validate([("fields.geojson", polygons)])
        #expect(report.survey.divisions.count == 3)
        let overlap = try #require(report.findings.first { $0.ruleID == "coverage.overlap" })
        #expect(Set(overlap.features.compactMap(\.name)) == ["North field", "South field"])
        #expect(overlap.message.contains("North field") || overlap.message.contains("South field"))
        let invalid = report.findings.filter { $0.ruleID == "geometry.invalid" }
        #expect(invalid.map { $0.features.first?.name } == ["Bow tie"])
        #expect(invalid.first?.features.first?.description == "fields #3 (Bow tie)")
        // Polygons carry no survey attributes that a rule needs: nothing about columns.
        #expect(report.findings.allSatisfy { !$0.ruleID.hasPrefix("line.") && !$0.ruleID.hasPrefix("marker.") })
    }

    // Two lines crossing, with a name and nothing else.
    let lines = D.featureCollection([
        #"{"type":"Feature","properties":{"name":"road"},"geometry":{"type":"LineString","coordinates":[[500000,3800000],[500100,3800100]]}}"#,
        #"{"type":"Feature","properties":{"name":"river"},"geometry":{"type":"LineString","coordinates":[[500000,3800100],[500100,3800000]]}}"#,
    ])

    @Test func lineLayerWithoutCodesIsCheckedAndTheColumnsReportedOnce() throws {
        let report = try validate([("network.geojson", lines)])
        #expect(report.survey.lines.count == 2)
        #expect(report.findings.contains { $0.ruleID == "line.crossing" })
        let attribution = report.findings.filter { $0.ruleID == "line.attribution" }
        #expect(attribution.count == 1, "\(attribution.map(\.message))")
        #expect(attribution.first?.message.contains("no left division code column") == true)
        #expect(attribution.first?.message.contains("no line id column") == true)
        #expect(attribution.first?.features.isEmpty == true)
        #expect(report.notes.isEmpty)

        let geometryOnly = try validate([("network.geojson", lines)], geometryOnly: true)
        #expect(geometryOnly.findings.contains { $0.ruleID == "line.crossing" })
        #expect(!geometryOnly.findings.contains { $0.ruleID == "line.attribution" })
        #expect(!geometryOnly.rules.contains { $0.id == "line.attribution" })
        #expect(geometryOnly.notes.contains { $0.contains("line.attribution") })
        #expect(geometryOnly.notes.contains { $0.contains("network.geojson") && $0.contains("lineLeft") })
        #expect(TextReport.render(geometryOnly).contains("Note: geometry only"))
    }

    // Three points, two of them 0.1 m apart, no numbers, no lines.
    let points = D.featureCollection([
        #"{"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Point","coordinates":[500000,3800000]}}"#,
        #"{"type":"Feature","properties":{"name":"b"},"geometry":{"type":"Point","coordinates":[500000.1,3800000]}}"#,
        #"{"type":"Feature","properties":{"name":"c"},"geometry":{"type":"Point","coordinates":[500500,3800000]}}"#,
    ])

    @Test func pointLayerWithoutNumbersIsCheckedAndTheColumnsReportedOnce() throws {
        let report = try validate([("wells.geojson", points)])
        #expect(report.survey.markers.count == 3)
        let format = report.findings.filter { $0.ruleID == "marker.number-format" }
        #expect(format.count == 1)
        #expect(format.first?.message.contains("no marker number column") == true)
        #expect(report.findings.filter { $0.ruleID == "marker.unmatched" }.count == 1)
        let near = report.findings.filter { $0.ruleID == "marker.duplicate" }
        #expect(near.count == 1)
        #expect(Set(near.first?.features.compactMap(\.name) ?? []) == ["a", "b"])
        #expect(near.first?.message.contains("#1") == true)
        #expect(!report.findings.contains { ["marker.type-count", "marker.junction", "marker.order"].contains($0.ruleID) })

        let geometryOnly = try validate([("wells.geojson", points)], geometryOnly: true)
        #expect(geometryOnly.findings.map(\.ruleID) == ["marker.duplicate"])
    }

    @Test func usCountiesAreNamed() throws {
        let report = try D.validate([SurveyInput(path: D.path("us-counties/geojson-counties-fips.json"), role: .divisions)])
        let overlaps = report.findings.filter { $0.ruleID == "coverage.overlap" }
        #expect(overlaps.count == 5)
        #expect(overlaps.allSatisfy { $0.features.allSatisfy { $0.name != nil } })
        #expect(overlaps.contains { $0.features.contains { $0.label == "36005 Bronx" } })
        #expect(!report.findings.contains { $0.ruleID == "line.attribution" || $0.ruleID == "marker.number-format" })
    }

    @Test func cnAtlasFindingsNameCodeAndNameInEveryFormat() throws {
        var profile = Profile.standard
        for id in ["geometry.spike", "geometry.short-segment", "geometry.repeated-point"] { profile.rules[id] = RuleSettings(enabled: false) }
        let report = try D.validate([SurveyInput(path: D.path("cn-atlas/derived_prefectures.geojson"), role: .divisions)], profile: profile)
        let dalian = try #require(report.findings.first { $0.ruleID == "geometry.invalid" && $0.features.first?.key == "210200" })
        #expect(dalian.features.first?.name == "大连市")
        #expect(dalian.features.first?.label == "210200 大连市")
        #expect(TextReport.render(report).contains("(210200 大连市)"))
        let json = try JSONReport.render(report)
        #expect(json.contains(#""name" : "大连市""#))
        #expect(try GeoJSONReport.render(report).contains("210200 大连市"))
        #expect(try HTMLReport.render(report).contains("210200 大连市"))
    }
}
