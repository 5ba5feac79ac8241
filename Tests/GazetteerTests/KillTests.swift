import Foundation
import GRDB
import XCTest
@testable import Gazetteer

/// A `quhua` import killed with SIGKILL half-way leaves a sound database holding exactly what
/// it held before; readers keep answering, from the last committed state, while it writes.
final class KillTests: XCTestCase {
    /// The `quhua` executable built next to the test bundle.
    private func quhua() throws -> URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("quhua"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("quhua"),
            Fixture.packageRoot.appendingPathComponent(".build/debug/quhua"),
        ].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the quhua executable is not built next to the tests (run swift build): looked in \(candidates.map(\.path))")
        }
        return found
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testKilledImportLeavesTheDatabaseAsBefore() throws {
        let executable = try quhua()
        let folder = Fixture.temporaryDirectory("kill")
        let database = folder.appendingPathComponent("gazetteer.sqlite").path

        // A small committed base: five named features.
        let base = folder.appendingPathComponent("base.csv")
        try (["name,code,level"] + (1...5).map { "基础地物\($0),BASE\($0),feature" }).joined(separator: "\n")
            .write(to: base, atomically: true, encoding: .utf8)
        let first = try run(executable, ["import", "names", base.path, "--db", database, "--actor", "kill-test"])
        XCTAssertEqual(first.status, 0, first.output)
        let store = try GazetteerStore(path: database)
        let before = try Fixture.snapshot(store)
        let placesBefore = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM place") }
        XCTAssertEqual(placesBefore, 5)

        // A large import, killed while it writes.
        let big = folder.appendingPathComponent("big.csv")
        var lines = ["name,code,level"]
        lines.reserveCapacity(150_001)
        for index in 1...150_000 { lines.append("测试地物\(index),KILL\(index),feature") }
        try lines.joined(separator: "\n").write(to: big, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = executable
        process.arguments = ["import", "names", big.path, "--db", database, "--progress", "--actor", "kill-test"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()

        // Wait until the import is inside its transaction and has written 20 000 rows.
        var seen = ""
        let reader = errors.fileHandleForReading
        var readersAnswered = 0
        while !seen.contains("rows 20000") {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if seen.contains("rows 1000"), readersAnswered == 0 {
                // Readers keep answering while the write runs, and see the committed state.
                let (count, hits) = try store.read { db in
                    (try Int.fetchOne(db, sql: "SELECT count(*) FROM place") ?? -1, 0)
                }
                XCTAssertEqual(count, 5)
                XCTAssertEqual(hits, 0)
                XCTAssertEqual(try NameSearch(store: store).search(SearchQuery("基础地物")).count, 5)
                XCTAssertTrue(try NameSearch(store: store).search(SearchQuery("测试地物")).isEmpty)
                readersAnswered += 1
            }
        }
        XCTAssertTrue(seen.contains("rows 20000"), "the import did not get under way: \(seen.suffix(500))")
        XCTAssertEqual(readersAnswered, 1)
        XCTAssertTrue(process.isRunning, "the import finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGKILL)

        let reopened = try GazetteerStore(path: database)
        XCTAssertEqual(try reopened.integrityCheck(), ["ok"])
        XCTAssertEqual(try Fixture.snapshot(reopened), before)
        XCTAssertEqual(try reopened.auditLog().filter { $0.action == "import.csv" }.count, 1)

        // The same import, run to the end, lands.
        let again = try run(executable, ["import", "names", base.path, "--db", database])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.output.contains("unchanged"), again.output)
    }

    func testCommandLineExitCodes() throws {
        let executable = try quhua()
        let database = Fixture.temporaryDirectory("exit").appendingPathComponent("g.sqlite").path
        let usage = try run(executable, ["search", "--limit", "0", "万州", "--db", database])
        XCTAssertEqual(usage.status, 2, usage.output)
        let badDate = try run(executable, ["tree", "--at", "1990-13", "--db", database])
        XCTAssertEqual(badDate.status, 2, badDate.output)
        let folder = Fixture.temporaryDirectory("exit-csv")
        let csv = folder.appendingPathComponent("bad.csv")
        try "name,code\n某村,999999999999\n".write(to: csv, atomically: true, encoding: .utf8)
        let invalid = try run(executable, ["import", "names", csv.path, "--db", folder.appendingPathComponent("g.sqlite").path])
        XCTAssertEqual(invalid.status, 3, invalid.output)
        XCTAssertTrue(invalid.output.contains("bad.csv:2: no place has code 999999999999"), invalid.output)
    }

    /// The verbs on a database built by the CLI: the tree equals the yearly table, JSON parses.
    func testVerbsEndToEnd() throws {
        let executable = try quhua()
        let database = Fixture.temporaryDirectory("cli").appendingPathComponent("g.sqlite").path
        let built = try run(executable, ["import", "areacodes", Fixture.areacodes.path, "--db", database, "--actor", "cli-test"])
        XCTAssertEqual(built.status, 0, built.output)
        let tree = try run(executable, ["tree", "--at", "1981", "--db", database])
        XCTAssertEqual(tree.status, 0)
        XCTAssertTrue(tree.output == (try String(contentsOf: Fixture.areacodes.appendingPathComponent("data/1981.txt"), encoding: .utf8)),
                      "quhua tree --at 1981 differs from data/1981.txt")
        let subtree = try run(executable, ["tree", "--at", "1990", "--root", "510000", "--indent", "--db", database])
        XCTAssertTrue(subtree.output.hasPrefix("510000 四川省\n  510100 成都市\n    510104 锦江区\n"), String(subtree.output.prefix(200)))

        let history = try run(executable, ["history", "万县", "--format", "json", "--db", database])
        XCTAssertEqual(history.status, 0, history.output)
        let chain = try JSONDecoder().decode(HistoryChain.self, from: Data(history.output.utf8))
        XCTAssertEqual(chain.events.last?.detail, "万县区 → 万州区")

        let search = try run(executable, ["search", "cqs", "--format", "json", "--db", database])
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(search.output.utf8))
        XCTAssertEqual(hits.first?.placeName, "重庆市")

        let show = try run(executable, ["show", "500101", "--at", "1996", "--db", database])
        XCTAssertTrue(show.output.contains("511200 万县市 › 万州区 (not yet in existence; then part of 511202 龙宝区, 511203 天城区, 511204 五桥区)"), show.output)

        let missing = try run(executable, ["history", "不存在县", "--db", database])
        XCTAssertEqual(missing.status, 3)
        XCTAssertTrue(missing.output.contains("error: not found"), missing.output)
    }
}
