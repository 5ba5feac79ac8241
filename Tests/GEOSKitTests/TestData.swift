import Foundation

/// Paths of the shipped GeoData, found from this file's location.
enum TestData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func url(_ relative: String) -> URL { root.appendingPathComponent("GeoData").appendingPathComponent(relative) }
    static let prefectures = url("cn-atlas/derived_prefectures.geojson")
    static let usCounties = url("us-counties/geojson-counties-fips.json")
}
