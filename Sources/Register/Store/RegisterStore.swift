import Foundation
import GRDB

/// The boundary upkeep register: an SQLite file in WAL mode, opened through a GRDB pool.
///
/// Every write runs in one immediate transaction and appends its audit entries in that same
/// transaction, so a write happens completely, with its audit, or not at all — also when the
/// process is killed half-way. Nothing is deleted: ended lines and markers keep their versions,
/// closed work orders and disputes keep their steps (triggers refuse deletes even through raw SQL).
///
/// Photos of patrols are kept by content hash in a `photos/` folder next to the database.
///
/// ```swift
/// let store = try RegisterStore(path: "/tmp/register.sqlite")
/// let result = try store.importInspection(ImportRequest(
///     survey: ["GeoData/samples/inspection/before"], date: try Day(parsing: "2020-06-18"),
///     agreement: "陕界〔2020〕1号"), actor: "li")
/// let history = try store.markerHistory("0004-001")
/// ```
public final class RegisterStore: Sendable {
    /// The path of the database file.
    public let path: String
    /// The folder holding patrol photos, `photos/` next to the database.
    public let photosFolder: String
    let pool: DatabasePool

    /// Opens or creates a register and brings its schema up to date.
    ///
    /// - Parameter path: The database file; its folder must exist.
    /// - Throws: ``RegisterError/database(_:)`` when the file cannot be opened or migrated.
    public init(path: String) throws {
        self.path = path
        photosFolder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("photos").path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try RegisterSchema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw RegisterError.database("cannot open \(path): \(error.message ?? error.description)")
        }
    }

    // MARK: - Checks

    /// Runs SQLite's `PRAGMA integrity_check` and returns its lines (`["ok"]` when sound).
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The number of rows of every register table, by table name: a fingerprint of the state
    /// that checks compare before and after a write.
    public func rowCounts() throws -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for table in RegisterSchema.tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// The names of the applied schema migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try RegisterSchema.migrator.appliedMigrations(db) }
    }

    /// The audit log, newest entry first.
    ///
    /// - Parameter limit: How many entries to return at most.
    public func auditLog(limit: Int = 100) throws -> [RegisterAuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(RegisterAuditEntry.init(row:))
        }
    }

    // MARK: - Internal access

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as DatabaseError { throw Self.translate(error) }
    }

    /// Runs `body` in one immediate transaction and appends its audit entries in the same transaction.
    ///
    /// `body` returns its result and the entries to record; no entries means nothing was
    /// written (an idempotent no-op).
    func write<T>(_ body: (Database) throws -> (T, [AuditRecord])) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let (value, audit) = try body(db)
                    for entry in audit { try entry.append(to: db) }
                    result = value
                    return .commit
                }
                guard let result else { throw RegisterError.database("transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    static func translate(_ error: DatabaseError) -> RegisterError {
        .database(error.message ?? error.description)
    }
}
