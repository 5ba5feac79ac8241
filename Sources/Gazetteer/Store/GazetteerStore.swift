import Foundation
import GRDB

/// The gazetteer database: an SQLite file in WAL mode, opened through a GRDB pool.
///
/// Readers never wait for a writer: while an import runs, searches and lookups keep
/// answering from the last committed state. Every write runs in one transaction and appends
/// to the audit log in that same transaction, so a write either happens completely, with
/// its audit entry, or not at all — also when the process is killed half-way.
///
/// ```swift
/// let store = try GazetteerStore(path: "/tmp/gazetteer.sqlite")
/// print(try store.isEmpty)   // true on a new file
/// ```
public final class GazetteerStore: Sendable {
    /// The path of the database file.
    public let path: String
    /// Where pinyin and initials keys and traditional-to-simplified folding come from; `nil` when the lexicon is missing.
    public let searchKeys: (any SearchKeyProvider)?
    let pool: DatabasePool

    /// Opens or creates a gazetteer database and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - path: The database file; its folder must exist.
    ///   - searchKeys: The source of pinyin search keys and script folding, used when names are indexed and queried.
    /// - Throws: ``GazetteerError/database(_:)`` when the file cannot be opened or migrated.
    public init(path: String, searchKeys: (any SearchKeyProvider)? = PinyinSearchKeys.standard) throws {
        self.path = path
        self.searchKeys = searchKeys
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The one writer gets a larger page cache (64 MiB, taken only as pages are touched): bulk
            // imports and index rebuilds otherwise re-read index pages from the file for every row.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -65536") }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Schema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw GazetteerError.database("cannot open \(path): \(error.message ?? error.description)")
        }
    }

    /// Whether the database holds no places yet (a new file).
    public var isEmpty: Bool {
        get throws { try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM place") ?? 0 } == 0 }
    }

    /// The names of the applied schema migrations, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Runs SQLite's `PRAGMA integrity_check` and returns its lines (`["ok"]` when sound).
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }

    /// The audit log, newest entry first.
    ///
    /// - Parameter limit: How many entries to return at most.
    public func auditLog(limit: Int = 100) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit]).map(AuditEntry.init(row:))
        }
    }

    // MARK: - Internal access

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as DatabaseError { throw Self.translate(error) }
    }

    /// Runs `body` in one immediate transaction and appends its audit entry in the same transaction.
    ///
    /// `body` returns its result and the audit entry to record; returning `nil` for the entry
    /// means nothing was written (an idempotent no-op) and no entry is needed.
    func write<T>(_ body: (Database) throws -> (T, AuditRecord?)) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let (value, audit) = try body(db)
                    if let audit { try audit.append(to: db) }
                    result = value
                    return .commit
                }
                guard let result else { throw GazetteerError.database("transaction produced no result") }
                return result
            }
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    static func translate(_ error: DatabaseError) -> GazetteerError {
        .database(error.message ?? error.description)
    }
}
