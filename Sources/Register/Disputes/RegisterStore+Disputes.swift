import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// Opens a dispute along a stretch of a line.
    ///
    /// Given two markers, the stretch is cut from the line's current geometry between the points
    /// nearest to them; given WKT, it is taken as it is.
    ///
    /// ```swift
    /// let dispute = try store.addDispute(DisputeInput(line: "0005", stretch: .markers(from: "0005-002", to: "0005-003"),
    ///     parties: ["咸阳市", "西安市"], opened: try Day.register("2024-03-01")), actor: "li")
    /// ```
    /// - Throws: ``RegisterError/unknownLine(_:)``, ``RegisterError/unknownMarker(_:)``,
    ///   ``RegisterError/invalidValue(field:value:expected:)`` for markers on another line or bad WKT, date errors.
    public func addDispute(_ input: DisputeInput, actor: String, today: Day = .today) throws -> DisputeRecord {
        try input.opened.checkNotFuture("dispute", today: today)
        guard !input.parties.isEmpty else {
            throw RegisterError.invalidValue(field: "parties", value: "", expected: "the parties, for example \"咸阳市;西安市\"")
        }
        return try write { db in
            let line = try Self.line(input.line, at: nil, db)
            var from: String?, to: String?
            let wkt: String
            switch input.stretch {
            case let .markers(a, b):
                let (ma, mb) = (try Self.marker(a, at: nil, db), try Self.marker(b, at: nil, db))
                for m in [ma, mb] where m.version.line != input.line {
                    throw RegisterError.invalidValue(field: "marker", value: m.label, expected: "a marker on line \(input.line)")
                }
                wkt = try LineStretch.between(ma.version.position, mb.version.position, on: line.version.wkt)
                (from, to) = (a, b)
            case let .wkt(text):
                wkt = try LineStretch.normalised(text)
            }
            try db.execute(sql: """
                INSERT INTO dispute (line_id, from_marker, to_marker, wkt, crs, parties, opened, status, title)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)
                """, arguments: [input.line, from, to, wkt, line.version.crs, JSONText.encode(input.parties) ?? "[]",
                                 input.opened.description, input.title])
            let id = db.lastInsertedRowID
            try Self.insertDisputeStep(id, day: input.opened, status: .open, note: input.note, documents: input.documents, actor: actor, db)
            let record = try Self.dispute(id: id, db)
            return (record, [AuditRecord(actor: actor, action: "dispute.add", entity: "dispute \(id)", details: record)])
        }
    }

    /// Records a step of a dispute: a new status, a note, documents.
    ///
    /// A closed dispute takes no more steps.
    ///
    /// - Parameters:
    ///   - id: The dispute.
    ///   - status: The new status; `nil` to keep the current one.
    ///   - day: The day of the step (not before the previous step, not in the future).
    ///   - note: A note.
    ///   - documents: Document references to add.
    ///   - actor: Who records it.
    ///   - today: Today.
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)``, ``RegisterError/conflict(_:)`` for a closed dispute, date errors.
    @discardableResult
    public func updateDispute(_ id: Int64, status: DisputeStatus?, on day: Day, note: String? = nil, documents: [String] = [],
                              actor: String, today: Day = .today) throws -> DisputeRecord {
        try day.checkNotFuture("dispute step", today: today)
        return try write { db in
            let current = try Self.dispute(id: id, db)
            if current.status == .closed { throw RegisterError.conflict("dispute \(id) is closed") }
            if let last = current.steps.last, day < last.date {
                throw RegisterError.dateTooEarly("dispute \(id) step", date: day.description, earliest: last.date.description)
            }
            let next = status ?? current.status
            try db.execute(sql: "UPDATE dispute SET status = ? WHERE id = ?", arguments: [next.rawValue, id])
            try Self.insertDisputeStep(id, day: day, status: next, note: note, documents: documents, actor: actor, db)
            let record = try Self.dispute(id: id, db)
            return (record, [AuditRecord(actor: actor, action: "dispute.update", entity: "dispute \(id)", details: record.steps.last)])
        }
    }

    /// Disputes, oldest first.
    ///
    /// - Parameters:
    ///   - line: Only disputes on this line.
    ///   - openOnly: Only open or mediating disputes.
    public func disputes(line: String? = nil, openOnly: Bool = false) throws -> [DisputeRecord] {
        try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM dispute WHERE (? IS NULL OR line_id = ?) AND (? = 0 OR status IN ('open','mediating')) ORDER BY id
                """, arguments: [line, line, openOnly]).map { try Self.dispute(id: $0, db) }
        }
    }

    // MARK: - Internal

    private static func insertDisputeStep(_ id: Int64, day: Day, status: DisputeStatus, note: String?, documents: [String],
                                          actor: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO dispute_step (dispute_id, date, status, note, documents, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, day.description, status.rawValue, note, JSONText.encode(documents) ?? "[]", actor, Timestamp.now()])
    }

    static func dispute(id: Int64, _ db: Database) throws -> DisputeRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM dispute WHERE id = ?", arguments: [id]) else {
            throw RegisterError.unknownRecord(kind: "dispute", id: String(id))
        }
        let steps = try Row.fetchAll(db, sql: "SELECT * FROM dispute_step WHERE dispute_id = ? ORDER BY id", arguments: [id]).map { s in
            DisputeStep(date: try s.day("date"), status: DisputeStatus(rawValue: s["status"]) ?? .open, note: s["note"],
                        documents: JSONText.strings(s["documents"]), actor: s["actor"])
        }
        return DisputeRecord(id: id, line: row["line_id"], fromMarker: row["from_marker"], toMarker: row["to_marker"],
                             wkt: row["wkt"], crs: row["crs"], parties: JSONText.strings(row["parties"]),
                             opened: try row.day("opened"), status: DisputeStatus(rawValue: row["status"]) ?? .open,
                             title: row["title"], documents: steps.flatMap(\.documents), steps: steps)
    }
}
