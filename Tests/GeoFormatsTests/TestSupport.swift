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

/// GDAL's command-line tools, run as separate processes when installed.
enum GDAL {
    static func path(_ tool: String) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin"] where FileManager.default.isExecutableFile(atPath: "\(dir)/\(tool)") {
            return "\(dir)/\(tool)"
        }
        return nil
    }

    static var available: Bool { path("ogrinfo") != nil && path("ogr2ogr") != nil }

    /// GDAL's validate_gpkg.py (Debian's python3-gdal ships it in osgeo_utils/samples).
    static var validateGPKG: String? {
        ["/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py",
         "/usr/share/doc/python3-gdal/examples/validate_gpkg.py"].first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs a program and returns its exit status and combined output.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func ogr2ogr(_ arguments: [String]) throws {
        guard let p = path("ogr2ogr") else { return }
        let r = try run(p, arguments)
        if r.status != 0 { throw GeoFormatError(file: "ogr2ogr", problem: r.output) }
    }

    static func ogrinfo(_ arguments: [String]) throws -> String {
        guard let p = path("ogrinfo") else { return "" }
        return try run(p, arguments).output
    }
}

/// Polygons, lines and points of a geometry in a canonical form for exact comparison: rings
/// oriented (shells counter-clockwise), single parts and multi-parts alike as lists.
func canonical(_ geometry: Geometry?) throws -> [[[Double]]] {
    guard let geometry else { return [] }
    let shape = try Shape(geometry).orientingRings(exteriorCounterClockwise: true)
    switch shape {
    case .polygon, .multiPolygon:
        return shape.polygons.map { $0.map(\.xy) }
    default:
        return shape.paths.map { [$0.xy] }
    }
}

/// The same, with coordinates rounded to `digits` decimals.
func canonical(_ geometry: Geometry?, digits: Int) throws -> [[[Double]]] {
    let scale = pow(10.0, Double(digits))
    return try canonical(geometry).map { $0.map { $0.map { ($0 * scale).rounded() / scale } } }
}

/// The first difference between two layers' features (attributes of `expected`'s keys, and
/// canonical geometry, optionally rounded), or nil when they agree.
func firstDifference(_ expected: FeatureLayer, _ actual: FeatureLayer, digits: Int? = nil,
                     sameKeys: Bool = false, asText: Bool = false) throws -> String? {
    if expected.features.count != actual.features.count {
        return "feature count \(expected.features.count) vs \(actual.features.count)"
    }
    for (k, (a, b)) in zip(expected.features, actual.features).enumerated() {
        for (key, value) in a.properties where b.properties[key] != value {
            // Formats without types (KML, CSV) give text back: compare what a user reads.
            if asText, let other = b.properties[key], other.description == value.description { continue }
            if case .null = value, b.properties[key] == nil { continue }
            // Formats without nulls (DBF, CSV) read empty text as null.
            if value == .string("") && (b.properties[key] ?? .null) == .null { continue }
            return "feature \(k + 1): \(key) = \(value) vs \(b.properties[key].map { "\($0)" } ?? "missing")"
        }
        if sameKeys {
            for (key, value) in b.properties where a.properties[key] == nil && value != .null {
                return "feature \(k + 1): extra \(key) = \(value)"
            }
        }
        let ga = try digits.map { try canonical(a.geometry, digits: $0) } ?? canonical(a.geometry)
        let gb = try digits.map { try canonical(b.geometry, digits: $0) } ?? canonical(b.geometry)
        if ga != gb { return "feature \(k + 1): geometry differs: \(a.geometry?.description.prefix(120) ?? "nil") vs \(b.geometry?.description.prefix(120) ?? "nil")" }
    }
    return nil
}

extension GDAL {
    /// Runs one SQL statement on a SQLite file with the sqlite3 shell (to damage test files).
    static func runSQLite(_ url: URL, _ sql: String) throws {
        let r = try run("/usr/bin/sqlite3", [url.path, sql])
        if r.status != 0 { throw GeoFormatError(file: url.path, problem: r.output) }
    }
}
