import Foundation
import XCTest
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
        var areacodesReport: ImportReport
    }

    /// The shared gazetteer with the areacodes history.
    static let shared: Result<Built, GazetteerError> = {
        do {
            let path = temporaryDirectory("shared").appendingPathComponent("gazetteer.sqlite").path
            let store = try GazetteerStore(path: path)
            let report = try AreaCodesImporter(directory: areacodes).run(into: store, actor: "tests")
            return .success(Built(store: store, areacodesReport: report))
        } catch let error as GazetteerError {
            return .failure(error)
        } catch {
            return .failure(.database("\(error)"))
        }
    }()

    static func store() throws -> GazetteerStore { try shared.get().store }
}
