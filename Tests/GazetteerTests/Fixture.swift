import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// The shipped GeoData and a gazetteer built from it once per test run, shared by the tests.
enum Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let geoData = packageRoot.appendingPathComponent("GeoData")
    static let areacodes = geoData.appendingPathComponent("areacodes")

    /// A fresh temporary folder, removed at exit.
    static func temporaryDirectory(_ label: String = "gazetteer") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Built: Sendable {
        var store: GazetteerStore
        var reports: [ImportReport]
        /// The township subset imported (every division row, townships of Chongqing 50xxxx).
        var townshipFile: URL
    }

    /// Every division row of the areacity file and the townships of Chongqing, to keep the
    /// test run short (the full file is imported by `make demo`).
    static func townshipSubset() throws -> URL {
        let text = try String(contentsOf: geoData.appendingPathComponent("areacity/ok_data_level4.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { index, line in
            index == 0 || line.contains(",0,\"") || line.contains(",1,\"") || line.contains(",2,\"") || line.hasPrefix("50")
        }.map(\.element)
        let url = temporaryDirectory("areacity").appendingPathComponent("townships-50.csv")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The shared gazetteer: the areacodes history, Chongqing's townships, prefecture polygons, GeoNames names.
    ///
    /// Built on first use (a `static let` is initialised once, also when suites ask for it in
    /// parallel). Suites that only read it run in parallel; the one that writes to it and compares
    /// snapshots of it (``ImportTests``) is serialized, and no other suite writes to it.
    static let shared: Result<Built, GazetteerError> = {
        do {
            let path = temporaryDirectory("shared").appendingPathComponent("gazetteer.sqlite").path
            let store = try GazetteerStore(path: path)
            var reports = [try AreaCodesImporter(directory: areacodes).run(into: store, actor: "tests")]
            let townships = try townshipSubset()
            reports.append(try TownshipImporter(file: townships).run(into: store, actor: "tests"))
            reports.append(try GeometryImporter(file: geoData.appendingPathComponent("cn-atlas/derived_prefectures.geojson")).run(into: store, actor: "tests"))
            reports.append(try GeoNamesImporter(file: geoData.appendingPathComponent("geonames-cn/geonames_cities15000_CN.tsv")).run(into: store, actor: "tests"))
            return .success(Built(store: store, reports: reports, townshipFile: townships))
        } catch let error as GazetteerError {
            return .failure(error)
        } catch {
            return .failure(.database("\(error)"))
        }
    }()

    static func store() throws -> GazetteerStore { try shared.get().store }

    /// Everything in the database that an import could change: row counts and a checksum of every table.
    static func snapshot(_ store: GazetteerStore) throws -> [String: String] {
        try store.read { db in
            var result: [String: String] = [:]
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_trigram_%'
                AND name NOT LIKE 'geometry_rtree_%' ORDER BY name
                """)
            for table in tables {
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table)")
                var hasher = Hasher()
                var count = 0
                while let row = try rows.next() {
                    count += 1
                    for value in row.databaseValues { hasher.combine(value) }
                }
                result[table] = "\(count) rows, \(hasher.finalize())"
            }
            return result
        }
    }
}

/// The `quhua` executable built next to the tests, for the suites that run it (``KillTests``,
/// ``AsOfSearchCLITests``); their tests are skipped, saying so, when it is not built.
enum QuhuaExecutable {
    /// Where it is looked for: beside the test bundle, then in the package's debug build folder.
    static let candidates: [URL] = [
        Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("quhua"),
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("quhua"),
        Fixture.packageRoot.appendingPathComponent(".build/debug/quhua"),
    ].compactMap { $0 }

    /// The first candidate that is an executable file.
    static var url: URL? { candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } }

    /// Whether there is one: the condition of the `.enabled(if:)` trait of the tests that run it.
    static var isBuilt: Bool { url != nil }

    /// Shown in the test output when those tests are skipped.
    static var skipReason: Comment {
        "skipped: the quhua executable is not built next to the tests (run swift build): looked in \(candidates.map(\.path))"
    }
}
