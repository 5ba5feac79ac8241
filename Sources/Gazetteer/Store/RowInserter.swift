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

/// Rows inserted many at a time: one multi-row `INSERT … VALUES (…), (…), …` per
/// ``batchSize`` rows, which saves SQLite a statement run per row — most of the cost of
/// loading narrow tables such as the search index's key tables. Rows are kept until a batch is
/// full; ``finish()`` writes the rest one by one. Used only inside a write transaction.
///
/// ```swift
/// var grams = try BatchInserter(db, table: "search_gram", columns: ["gram", "doc"])
/// try grams.add(.text("万州"), .integer(42))
/// try grams.finish()
/// ```
struct BatchInserter {
    /// A value to bind.
    enum Value {
        case text(String)
        case integer(Int64)
        case null
    }

    /// Rows per multi-row statement.
    let batchSize: Int
    private let columns: Int
    private let batch: RowInserter
    private let single: RowInserter
    private var pending: [Value] = []

    /// Prepares the statements.
    ///
    /// - Parameters:
    ///   - conflict: `""`, or a conflict clause such as `OR IGNORE`.
    ///   - batchSize: Rows per statement; kept under SQLite's limit of 32,766 bound values.
    init(_ db: Database, table: String, columns: [String], conflict: String = "", batchSize: Int = 256) throws {
        self.columns = columns.count
        self.batchSize = max(1, min(batchSize, 32_766 / max(1, columns.count)))
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let head = "INSERT \(conflict) INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        batch = try RowInserter(db, sql: head + Array(repeating: row, count: self.batchSize).joined(separator: ", "))
        single = try RowInserter(db, sql: head + row)
        pending.reserveCapacity(self.batchSize * columns.count)
    }

    /// Adds a row of a two-column table; writes a batch when one is full.
    ///
    /// - Throws: ``GazetteerError/database(_:)`` when SQLite refuses a batch or the table does not
    ///   have two columns.
    mutating func add(_ first: Value, _ second: Value) throws {
        try expect(2)
        pending.append(first); pending.append(second)
        try writeIfFull()
    }

    /// Adds a row of a three-column table; writes a batch when one is full.
    ///
    /// - Throws: ``GazetteerError/database(_:)`` when SQLite refuses a batch or the table does not
    ///   have three columns.
    mutating func add(_ first: Value, _ second: Value, _ third: Value) throws {
        try expect(3)
        pending.append(first); pending.append(second); pending.append(third)
        try writeIfFull()
    }

    // Rows are appended value by value (no array per row: this runs a million times for the index).
    private func expect(_ width: Int) throws {
        guard width == columns else { throw GazetteerError.database("a row of \(width) values for \(columns) columns") }
    }

    private mutating func writeIfFull() throws {
        guard pending.count == batchSize * columns else { return }
        for (offset, value) in pending.enumerated() { Self.bind(value, at: Int32(offset + 1), in: batch) }
        try batch.step()
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the rows of the last, partial batch.
    ///
    /// - Throws: ``GazetteerError/database(_:)`` when SQLite refuses a row.
    mutating func finish() throws {
        var index = 0
        while index < pending.count {
            for column in 0..<columns { Self.bind(pending[index + column], at: Int32(column + 1), in: single) }
            try single.step()
            index += columns
        }
        pending.removeAll()
    }

    private static func bind(_ value: Value, at index: Int32, in inserter: RowInserter) {
        switch value {
        case let .text(text): inserter.bind(index, text)
        case let .integer(number): inserter.bind(index, number)
        case .null: inserter.bind(index, nil as Int64?)
        }
    }
}
