import Boundary
import Foundation
import GEOSKit
import GeoFormats
import Testing

/// Findings reports read back as an error layer: what `quhua export findings` writes out.
@Suite struct FindingsLayerTests {
    typealias D = SurveyTestData

    @Test func theJSONReportOfTheFaultySampleReadsBackFindingByFinding() throws {
        let report = try D.validate(D.sample("faulty"))
        let dir = try D.temporaryFolder()
        let url = dir.appendingPathComponent("report.json")
        try JSONReport.render(report).write(to: url, atomically: true, encoding: .utf8)
        let layer = try FindingsLayer.read(url, context: try GEOSContext())
        #expect(layer.name == "findings")
        #expect(layer.crs == "EPSG:4545")
        #expect(layer.fields == FindingsLayer.fields)
        #expect(layer.features.count == report.findings.count)
        let rules = layer.features.compactMap { $0.properties["rule"]?.stringValue }
        #expect(rules.sorted() == report.findings.map(\.ruleID).sorted())
        #expect(layer.features.filter { $0.geometry != nil }.count == report.findings.filter { $0.locationWKB != nil }.count)
        // The features involved, as FeatureReference describes them.
        let described = Set(report.findings.map { $0.features.map(\.description).joined(separator: "; ") })
        #expect(Set(layer.features.compactMap { $0.properties["features"]?.stringValue }) == described)
    }

    @Test func theGeoJSONLayerReadsBackToo() throws {
        let report = try D.validate(D.sample("faulty"))
        let url = try D.temporaryFolder().appendingPathComponent("findings.geojson")
        try GeoJSONReport.render(report).write(to: url, atomically: true, encoding: .utf8)
        let layer = try FindingsLayer.read(url, context: try GEOSContext())
        #expect(layer.name == "findings")
        #expect(layer.features.count == report.findings.count)
    }

    @Test(arguments: [
        ("[1,2]", "the top level is not an object"), ("{\"schema\":\"other/1\"}", "not a quhua findings report"),
        ("{\"schema\":\"quhua.validate/1\"}", "no \"findings\" list"), ("{", "not valid JSON"),
        ("{\"schema\":\"quhua.validate/1\",\"findings\":[{\"rule\":\"x\",\"location\":{\"type\":\"Point\"}}]}", "not a GeoJSON geometry"),
    ])
    func badReportsAreRefusedNamingTheFile(text: String, expected: String) throws {
        let url = try D.temporaryFolder().appendingPathComponent("bad.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try FindingsLayer.read(url, context: try GEOSContext())
            Issue.record("\(text) was read")
        } catch let error as GeoFormatError {
            #expect(error.file.hasSuffix("bad.json"))
            #expect(error.description.contains(expected), "\(error)")
        }
    }
}
