import Boundary
import Foundation
import GEOSKit

/// Paths of the shipped GeoData and helpers to load the sample surveys.
enum SurveyTestData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent("GeoData").appendingPathComponent(relative).path }

    static func sample(_ name: String) -> [SurveyInput] {
        ["lines.geojson", "markers.csv", "divisions.geojson"].map { SurveyInput(path: path("samples/\(name)/\($0)")) }
    }

    static func validate(_ inputs: [SurveyInput], profile: Profile = .standard) throws -> ValidationReport {
        let context = try GEOSContext()
        let survey = try SurveyLoader(profile: profile).load(inputs, context: context)
        return try SurveyValidator(profile: profile).validate(survey)
    }

    /// A temporary folder for purpose-built files, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-survey-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let crsMember = #""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4545"}}"#

    static func featureCollection(_ features: [String], crs: Bool = true) -> String {
        "{\"type\":\"FeatureCollection\",\(crs ? crsMember + "," : "")\"features\":[\(features.joined(separator: ","))]}"
    }

    static func lineFeature(_ id: String, _ left: String, _ right: String, _ coords: [(Double, Double)]) -> String {
        let c = coords.map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
        return #"{"type":"Feature","properties":{"line_id":"\#(id)","left":"\#(left)","right":"\#(right)"},"geometry":{"type":"LineString","coordinates":[\#(c)]}}"#
    }
}
