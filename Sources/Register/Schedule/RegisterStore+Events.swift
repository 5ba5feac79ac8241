import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// Records an event along a line (a flood, an earthquake, construction) that calls for an earlier joint inspection.
    ///
    /// ```swift
    /// try store.addLineEvent(line: "0005", on: try Day.register("2023-07-30"), kind: .flood, note: "渭河洪水", actor: "li")
    /// ```
    /// - Throws: ``RegisterError/unknownLine(_:)``, ``RegisterError/futureDate(_:date:today:)``.
    @discardableResult
    public func addLineEvent(line: String, on day: Day, kind: LineEventKind, note: String? = nil, actor: String,
                             today: Day = .today) throws -> LineEventRecord {
        try day.checkNotFuture("event", today: today)
        return try write { db in
            _ = try Self.line(line, at: nil, db)
            try db.execute(sql: "INSERT INTO line_event (line_id, date, kind, note, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [line, day.description, kind.rawValue, note, Timestamp.now()])
            let record = LineEventRecord(id: db.lastInsertedRowID, line: line, date: day, kind: kind, note: note)
            return (record, [AuditRecord(actor: actor, action: "event.add", entity: "line_event \(record.id)", details: record)])
        }
    }

    /// The events recorded against a line (every line when `nil`), oldest first.
    public func lineEvents(line: String? = nil) throws -> [LineEventRecord] {
        try read { db in try Self.lineEvents(line: line, db) }
    }

    static func lineEvents(line: String?, _ db: Database) throws -> [LineEventRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM line_event WHERE ? IS NULL OR line_id = ? ORDER BY date, id",
                         arguments: [line, line]).map { row in
            LineEventRecord(id: row["id"], line: row["line_id"], date: try row.day("date"),
                            kind: LineEventKind(rawValue: row["kind"]) ?? .other, note: row["note"])
        }
    }
}
