import Foundation
import GRDB
import Register
import Testing

/// The built `quhua` binary, when there is one.
enum QuhuaBinary {
    static let path = Fixtures.root.appendingPathComponent(".build/debug/quhua").path
    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }
    static let skipReason: Comment = "skipped: the quhua binary is not at .build/debug/quhua; build it with `swift build --product quhua`"
}

/// SIGKILL during `register import` and `register patrol add` leaves the register sound and either
/// exactly as before or exactly as after (row counts of every table).
@Suite(.serialized) struct KillTests {
    /// Kill moments spread over the whole run of the command: at once, then every twelfth of the
    /// time the reference run took, and a little after it (so the write itself is hit too).
    static func delays(over duration: Double) -> [Double] {
        [0] + (1...20).map { duration * Double($0) / 12 }
    }

    @Test(.enabled(if: QuhuaBinary.exists, QuhuaBinary.skipReason))
    func killDuringImport() throws {
        let arguments = ["register", "import", Fixtures.before, "--date", "2020-06-18", "--agreement", "陕界〔2020〕1号"]
        let reference = try Fixtures.folder().appendingPathComponent("register.sqlite").path
        let started = Date()
        try #require(run(arguments + ["--db", reference]) == 0, "the reference import failed; is the binary up to date?")
        let duration = Date().timeIntervalSince(started)
        let after = try RegisterStore(path: reference).rowCounts()
        let before = try RegisterStore(path: try Fixtures.folder().appendingPathComponent("empty.sqlite").path).rowCounts()
        #expect(after["marker_version"] == 147)
        var outcomes: [String] = []
        for delay in Self.delays(over: duration) {
            let path = try Fixtures.folder().appendingPathComponent("register.sqlite").path
            let status = try runAndKill(arguments + ["--db", path], after: delay)
            let store = try RegisterStore(path: path)
            #expect(try store.integrityCheck() == ["ok"], "integrity after SIGKILL at \(delay) s")
            let counts = try store.rowCounts()
            #expect(counts == before || counts == after, "a partial import after SIGKILL at \(delay) s: \(counts)")
            outcomes.append(String(format: "%.3fs:", delay) + " \(status == nil ? "killed" : "finished") \(counts == after ? "after" : "before")")
        }
        print("kill -9 during register import: " + outcomes.joined(separator: ", "))
    }

    @Test(.enabled(if: QuhuaBinary.exists, QuhuaBinary.skipReason))
    func killDuringPatrol() throws {
        let photo = try Fixtures.folder().appendingPathComponent("IMG_0001.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 7, count: 200_000)).write(to: photo)
        let arguments = ["register", "patrol", "add", "--date", "2023-04-02", "--patroller", "王五",
                         "--marker", "0004-001:moved:移位", "--measured", "0004-001=499937.560,3780802.270",
                         "--marker", "0004-002:intact", "--photo", photo.path, "--client-id", "kill-test"]
        func base() throws -> (String, [String: Int]) {
            let path = try Fixtures.folder().appendingPathComponent("register.sqlite").path
            let store = try RegisterStore(path: path)
            _ = try store.importInspection(Fixtures.request2020, actor: "test", today: Fixtures.today)
            return (path, try store.rowCounts())
        }
        let (reference, before) = try base()
        let started = Date()
        try #require(run(arguments + ["--db", reference]) == 0, "the reference patrol failed; is the binary up to date?")
        let duration = Date().timeIntervalSince(started)
        let after = try RegisterStore(path: reference).rowCounts()
        #expect(after["observation"] == 2 && after["photo"] == 1)
        var outcomes: [String] = []
        for delay in Self.delays(over: duration) {
            let (path, _) = try base()
            let status = try runAndKill(arguments + ["--db", path], after: delay)
            let store = try RegisterStore(path: path)
            #expect(try store.integrityCheck() == ["ok"], "integrity after SIGKILL at \(delay) s")
            let counts = try store.rowCounts()
            #expect(counts == before || counts == after, "a partial patrol after SIGKILL at \(delay) s: \(counts)")
            outcomes.append(String(format: "%.3fs:", delay) + " \(status == nil ? "killed" : "finished") \(counts == after ? "after" : "before")")
        }
        print("kill -9 during register patrol add: " + outcomes.joined(separator: ", "))
    }

    /// Kill moments picked by the database itself: the test polls the register for its write lock
    /// (`BEGIN IMMEDIATE`, no waiting) and sends SIGKILL the moment the command holds it, so the
    /// process dies inside its write transaction, not before or after it.
    @Test(.enabled(if: QuhuaBinary.exists, QuhuaBinary.skipReason))
    func killInsideTheWriteTransaction() throws {
        let photo = try Fixtures.folder().appendingPathComponent("IMG_0002.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 9, count: 400_000)).write(to: photo)
        let commands: [(String, [String], Bool)] = [
            ("import", ["register", "import", Fixtures.before, "--date", "2020-06-18", "--agreement", "陕界〔2020〕1号"], false),
            ("patrol", ["register", "patrol", "add", "--date", "2023-04-02", "--patroller", "王五", "--marker", "0004-001:moved",
                        "--measured", "0004-001=499937.560,3780802.270", "--photo", photo.path, "--client-id", "kill-inside"], true),
        ]
        for (name, arguments, needsImport) in commands {
            /// A register migrated (and with the 2020 record when needed) before the command starts:
            /// the command's only write is its own transaction.
            func prepared() throws -> (String, RegisterStore) {
                let path = try Fixtures.folder().appendingPathComponent("register.sqlite").path
                let store = try RegisterStore(path: path)
                if needsImport { _ = try store.importInspection(Fixtures.request2020, actor: "test", today: Fixtures.today) }
                return (path, store)
            }
            let (reference, referenceStore) = try prepared()
            try #require(run(arguments + ["--db", reference]) == 0, "the reference \(name) failed; is the binary up to date?")
            let after = try referenceStore.rowCounts()
            var caught = 0
            for attempt in 1...5 {
                let (path, store) = try prepared()
                let before = try store.rowCounts()
                var configuration = Configuration()
                configuration.busyMode = .immediateError
                let probe = try DatabaseQueue(path: path, configuration: configuration)
                let process = try launch(arguments + ["--db", path])
                var killedInside = false
                while process.isRunning {
                    do {
                        try probe.inDatabase { db in
                            try db.execute(sql: "BEGIN IMMEDIATE")
                            try db.execute(sql: "ROLLBACK")
                        }
                    } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                        kill(process.processIdentifier, SIGKILL)
                        killedInside = true
                        break
                    }
                }
                process.waitUntilExit()
                try probe.close()
                let counts = try store.rowCounts()
                #expect(try store.integrityCheck() == ["ok"], "\(name) attempt \(attempt)")
                // The signal may land just after a commit that was already under way: then the
                // register is as after; never anything in between.
                #expect(counts == before || counts == after, "\(name) attempt \(attempt): \(counts)")
                if killedInside && process.terminationReason == .uncaughtSignal && counts == before { caught += 1 }
            }
            print("kill -9 inside the \(name) write transaction: \(caught) of 5 runs killed holding the write lock, register as before")
            #expect(caught > 0, "the \(name) command was never caught holding the write lock")
        }
    }

    /// Runs the binary to the end and returns its exit status.
    private func run(_ arguments: [String]) throws -> Int32 {
        let process = try launch(arguments)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts the binary, sends SIGKILL after `delay` seconds; the exit status when it finished first, `nil` when killed.
    private func runAndKill(_ arguments: [String], after delay: Double) throws -> Int32? {
        let process = try launch(arguments)
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let finished = !process.isRunning
        if !finished { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return finished || process.terminationReason == .exit ? process.terminationStatus : nil
    }

    private func launch(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: QuhuaBinary.path)
        process.arguments = arguments + ["--actor", "kill-test"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
