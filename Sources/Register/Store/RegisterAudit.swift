import Foundation
import GRDB

/// One entry of the register's append-only audit log: who did what to which record, when.
public struct RegisterAuditEntry: Sendable, Codable, Equatable {
    /// The entry's number, increasing with time.
    public var id: Int64
    /// When the write was committed, UTC ISO 8601.
    public var at: String
    /// Who wrote (the `--actor` option or the login name).
    public var actor: String
    /// What was done, for example `inspection.import` or `workorder.assign`.
    public var action: String
    /// What was written to, for example `marker 0004-001` or `work_order 3`.
    public var entity: String
    /// What was written, as JSON.
    public var details: String?

    init(row: Row) {
        id = row["id"]
        at = row["at"]
        actor = row["actor"]
        action = row["action"]
        entity = row["entity"]
        details = row["details"]
    }
}

/// An audit entry about to be written, in the transaction of the write it describes.
struct AuditRecord {
    var actor: String
    var action: String
    var entity: String
    var details: String?

    init(actor: String, action: String, entity: String, details: (any Encodable)? = nil) {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.details = details.flatMap(JSONText.encode)
    }

    func append(to db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, entity, details) VALUES (?, ?, ?, ?, ?)",
            arguments: [Timestamp.now(), actor, action, entity, details])
    }
}

/// JSON text for columns and audit details: sorted keys, unescaped slashes.
enum JSONText {
    static func encode(_ value: any Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func strings(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8),
              let values = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return values
    }
}

/// The moment of a write, UTC ISO 8601 with milliseconds.
enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
