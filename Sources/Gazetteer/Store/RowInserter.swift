import GRDB
import GRDBSQLite

/// A prepared `INSERT` run through SQLite's C API, for bulk loads.
///
/// Loading the search index writes about twenty rows per name; through GRDB's
/// `execute(arguments:)` every row first becomes an array of boxed values, which costs more
/// than SQLite's own work. An inserter binds each value straight into the prepared statement.
/// It is only used inside a write transaction of the connection that made it.
///
/// ```swift
/// var grams = try RowInserter(db, sql: "INSERT INTO search_gram (gram, doc) VALUES (?, ?)")
/// grams.bind(1, "万州"); grams.bind(2, 42)
/// try grams.step()
/// ```
struct RowInserter {
    private let statement: Statement
    private let db: Database
    private let sql: String

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        self.db = db
        self.sql = sql
        statement = try db.makeStatement(sql: sql)
    }

    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds parameter `index` (from 1) to a text, or NULL.
    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(statement.sqliteStatement, index); return }
        _ = value.withCString { sqlite3_bind_text(statement.sqliteStatement, index, $0, -1, Self.transient) }
    }

    /// Binds parameter `index` (from 1) to an integer, or NULL.
    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(statement.sqliteStatement, index); return }
        sqlite3_bind_int64(statement.sqliteStatement, index, value)
    }

    /// Binds parameter `index` (from 1) to an integer.
    func bind(_ index: Int32, _ value: Int) { bind(index, Int64(value)) }

    /// Binds parameter `index` (from 1) to 1 or 0.
    func bind(_ index: Int32, _ value: Bool) { bind(index, Int64(value ? 1 : 0)) }

    /// Runs the statement with the values bound, then resets it for the next row.
    ///
    /// - Throws: ``GazetteerError/database(_:)`` with SQLite's message when the row is refused.
    func step() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite error \(code)"
            sqlite3_reset(statement.sqliteStatement)
            throw GazetteerError.database("\(message) (\(sql.prefix(60))…)")
        }
        sqlite3_reset(statement.sqliteStatement)
    }
}
