import Foundation
import GEOSKit
@testable import GeoFormats

/// Paths of the shipped GeoData and scratch folders for tests.
enum TestData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func url(_ relative: String) -> URL { root.appendingPathComponent("GeoData").appendingPathComponent(relative) }
    static let prefectures = url("cn-atlas/derived_prefectures.geojson")
    static let usCounties = url("us-counties/geojson-counties-fips.json")
    static let cnAtlas = url("cn-atlas/cn-atlas.json")

    /// A new empty folder under the system temporary folder.
    static func scratch(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("quhua-formats-tests")
            .appendingPathComponent("\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `text` (UTF-8) or bytes to a file in `dir`.
    @discardableResult
    static func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @discardableResult
    static func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        try write(Array(text.utf8), name, in: dir)
    }
}

/// The GeoFormatError a closure throws, or nil.
func formatError(_ body: () throws -> Void) -> GeoFormatError? {
    do {
        try body()
        return nil
    } catch let e as GeoFormatError {
        return e
    } catch {
        return GeoFormatError(file: "?", problem: "unexpected error type: \(error)")
    }
}
