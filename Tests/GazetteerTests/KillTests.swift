import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// A `quhua` import killed with SIGKILL half-way leaves a sound database holding exactly what
/// it held before; readers keep answering, from the last committed state, while it writes.
///
/// Serialized: these tests start, watch and kill processes, so they run one at a time. Each one is
/// skipped, with ``QuhuaExecutable/skipReason`` in the output, when the `quhua` executable is not built.
@Suite(.serialized) struct KillTests {
    /// The `quhua` executable built next to the test bundle (the trait of every test checks that there is one).
    private func quhua() throws -> URL {
        try #require(QuhuaExecutable.url, QuhuaExecutable.skipReason)
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

    @Test(.enabled(if: QuhuaExecutable.isBuilt, QuhuaExecutable.skipReason))
    func killedImportLeavesTheDatabaseAsBefore() throws {
        let executable = try quhua()
        let folder = Fixture.temporaryDirectory("kill")
        let database = folder.appendingPathComponent("gazetteer.sqlite").path

        // A small committed base: five named features.
        let base = folder.appendingPathComponent("base.csv")
        try (["name,code,level"] + (1...5).map { "基础地物\($0),BASE\($0),feature" }).joined(separator: "\n")
            .write(to: base, atomically: true, encoding: .utf8)
        let first = try run(executable, ["import", "names", base.path, "--db", database, "--actor", "kill-test"])
        #expect(first.status == 0, "\(first.output)")
        let store = try GazetteerStore(path: database)
        let before = try Fixture.snapshot(store)
        let placesBefore = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM place") }
        #expect(placesBefore == 5)

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
                #expect(count == 5)
                #expect(hits == 0)
                #expect(try NameSearch(store: store).search(SearchQuery("基础地物")).count == 5)
                #expect(try NameSearch(store: store).search(SearchQuery("测试地物")).isEmpty)
                readersAnswered += 1
            }
        }
        #expect(seen.contains("rows 20000"), "the import did not get under way: \(seen.suffix(500))")
        #expect(readersAnswered == 1)
        #expect(process.isRunning, "the import finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        let reopened = try GazetteerStore(path: database)
        #expect(try reopened.integrityCheck() == ["ok"])
        #expect(try Fixture.snapshot(reopened) == before)
        #expect(try reopened.auditLog().filter { $0.action == "import.csv" }.count == 1)

        // The same import, run to the end, lands.
        let again = try run(executable, ["import", "names", base.path, "--db", database])
        #expect(again.status == 0)
        #expect(again.output.contains("unchanged"), "\(again.output)")
    }

    @Test(.enabled(if: QuhuaExecutable.isBuilt, QuhuaExecutable.skipReason))
    func commandLineExitCodes() throws {
        let executable = try quhua()
        let database = Fixture.temporaryDirectory("exit").appendingPathComponent("g.sqlite").path
        let usage = try run(executable, ["search", "--limit", "0", "万州", "--db", database])
        #expect(usage.status == 2, "\(usage.output)")
        let badDate = try run(executable, ["tree", "--at", "1990-13", "--db", database])
        #expect(badDate.status == 2, "\(badDate.output)")
        let folder = Fixture.temporaryDirectory("exit-csv")
        let csv = folder.appendingPathComponent("bad.csv")
        try "name,code\n某村,999999999999\n".write(to: csv, atomically: true, encoding: .utf8)
        let invalid = try run(executable, ["import", "names", csv.path, "--db", folder.appendingPathComponent("g.sqlite").path])
        #expect(invalid.status == 3, "\(invalid.output)")
        #expect(invalid.output.contains("bad.csv:2: no place has code 999999999999"), "\(invalid.output)")
    }

    /// The verbs on a database built by the CLI: the tree equals the yearly table, JSON parses.
    @Test(.enabled(if: QuhuaExecutable.isBuilt, QuhuaExecutable.skipReason))
    func verbsEndToEnd() throws {
        let executable = try quhua()
        let database = Fixture.temporaryDirectory("cli").appendingPathComponent("g.sqlite").path
        let built = try run(executable, ["import", "areacodes", Fixture.areacodes.path, "--db", database, "--actor", "cli-test"])
        #expect(built.status == 0, "\(built.output)")
        let tree = try run(executable, ["tree", "--at", "1981", "--db", database])
        #expect(tree.status == 0)
        // Compared outside #expect so that a failure says so without printing both whole tables.
        let sameTree = tree.output == (try String(contentsOf: Fixture.areacodes.appendingPathComponent("data/1981.txt"), encoding: .utf8))
        #expect(sameTree, "quhua tree --at 1981 differs from data/1981.txt")
        let subtree = try run(executable, ["tree", "--at", "1990", "--root", "510000", "--indent", "--db", database])
        #expect(subtree.output.hasPrefix("510000 四川省\n  510100 成都市\n    510104 锦江区\n"), "\(subtree.output.prefix(200))")

        let history = try run(executable, ["history", "万县", "--format", "json", "--db", database])
        #expect(history.status == 0, "\(history.output)")
        let chain = try JSONDecoder().decode(HistoryChain.self, from: Data(history.output.utf8))
        #expect(chain.events.last?.detail == "万县区 → 万州区")

        let search = try run(executable, ["search", "cqs", "--format", "json", "--db", database])
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(search.output.utf8))
        #expect(hits.first?.placeName == "重庆市")

        let show = try run(executable, ["show", "500101", "--at", "1996", "--db", database])
        #expect(show.output.contains("511200 万县市 › 万州区 (not yet in existence; then part of 511202 龙宝区, 511203 天城区, 511204 五桥区)"), "\(show.output)")

        let missing = try run(executable, ["history", "不存在县", "--db", database])
        #expect(missing.status == 3)
        // Every verb's message line is `quhua: …` (Terminal.say, since d3a7521); it was `error: …` before.
        #expect(missing.output.contains("quhua: not found"), "\(missing.output)")
    }
}
