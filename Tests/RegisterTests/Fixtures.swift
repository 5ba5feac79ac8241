import Foundation
import Gazetteer
import Register
import Testing

/// The shipped data and a fresh register for each test.
enum Fixtures {
    /// The package root, found from this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The inspection sample: `before/` is the record of 2020-06-18, `after/` the survey of 2025-06-18.
    static let before = root.appendingPathComponent("GeoData/samples/inspection/before").path
    static let after = root.appendingPathComponent("GeoData/samples/inspection/after").path

    /// A fixed "today" so that the tests do not depend on the clock.
    static let today = day("2025-12-31")

    /// A day the tests know to be valid.
    static func day(_ text: String) -> Day {
        (try? Day.register(text)) ?? Day.today
    }

    /// A new empty folder.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-register-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new register in a new folder.
    static func store() throws -> RegisterStore {
        try RegisterStore(path: try folder().appendingPathComponent("register.sqlite").path)
    }

    /// A register holding the 2020 record.
    static func imported() throws -> RegisterStore {
        let store = try store()
        _ = try store.importInspection(request2020, actor: "test", today: today)
        return store
    }

    static let request2020 = ImportRequest(survey: [before], date: day("2020-06-18"), agreement: "陕界〔2020〕1号",
                                           agreementDate: day("2020-09-01"), parties: ["陕西省", "山西省"], tolerance: 0.2)
    static let request2025 = ImportRequest(survey: [after], date: day("2025-06-18"), agreement: "陕界〔2025〕1号",
                                           parties: ["陕西省", "山西省"], tolerance: 0.2)

    /// Where 0004-001 stood in 2020 and in 2025, from the sample's markers.csv.
    static let position2020 = Position(x: 499936.660, y: 3780801.070)
    static let position2025 = Position(x: 499937.910, y: 3780801.870)

    /// The state of the whole register: rows of every table and the audit log length.
    static func fingerprint(_ store: RegisterStore) throws -> [String: Int] {
        try store.rowCounts()
    }
}

/// Runs `body`, expects it to throw `expected`, and checks that the register did not change.
func expectNothingChanged(_ store: RegisterStore, throws expected: RegisterError, sourceLocation: SourceLocation = #_sourceLocation,
                          _ body: () throws -> Void) throws {
    let before = try Fixtures.fingerprint(store)
    #expect(throws: expected, sourceLocation: sourceLocation) { try body() }
    #expect(try Fixtures.fingerprint(store) == before, "the register changed", sourceLocation: sourceLocation)
}
