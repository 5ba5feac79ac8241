import Boundary
import Foundation
import GEOSKit
import Testing

/// `quhua validate` on the shipped real layers, as division polygons.
@Suite(.serialized) struct SurveyRealLayerTests {
    @Test func cnAtlasPrefecturesHaveTheFiveSelfIntersectionsAndTheTwoHoles() throws {
        var profile = Profile.standard
        for id in ["geometry.spike", "geometry.short-segment", "geometry.repeated-point"] { profile.rules[id] = RuleSettings(enabled: false) }
        let report = try SurveyTestData.validate([SurveyInput(path: SurveyTestData.path("cn-atlas/derived_prefectures.geojson"), role: .divisions)], profile: profile)
        #expect(report.survey.divisions.count == 372)
        #expect(report.survey.measurementNote != nil)   // a country does not fit one 3° zone
        let invalid = Set(report.findings.filter { $0.ruleID == "geometry.invalid" }.compactMap { $0.features.first?.key })
        #expect(invalid == ["210200", "350900", "450700", "621000", "640400"])
        let gaps = report.findings.filter { $0.ruleID == "coverage.gap" }
        #expect(gaps.count == 2)
        let widths = gaps.compactMap(\.value).sorted()
        #expect(widths.count == 2 && abs(widths[0] - 40.76) < 0.5 && abs(widths[1] - 93.96) < 1, "\(widths)")
        #expect(report.findings.filter { $0.ruleID == "coverage.overlap" }.isEmpty)
    }

    @Test func usCountiesHaveTheNewYorkCityOverlaps() throws {
        let report = try SurveyTestData.validate([SurveyInput(path: SurveyTestData.path("us-counties/geojson-counties-fips.json"), role: .divisions)])
        #expect(report.survey.divisions.count == 3222)
        let overlaps = report.findings.filter { $0.ruleID == "coverage.overlap" }
        let boroughs: Set<String> = ["36005", "36047", "36061", "36081", "36085"]
        #expect(overlaps.count == 5)
        #expect(Set(overlaps.flatMap { $0.features.compactMap(\.key) }).intersection(boroughs) == boroughs)
        #expect(report.findings.filter { $0.ruleID == "geometry.invalid" || $0.ruleID.hasPrefix("coverage.gap") }.isEmpty)
    }
}
