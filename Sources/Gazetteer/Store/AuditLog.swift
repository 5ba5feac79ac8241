import Foundation
import GRDB

/// One entry of the append-only audit log: who wrote what, when, with the state before and after.
public struct AuditEntry: Sendable, Codable, Equatable {
    /// The entry's number, increasing with time.
    public var id: Int64
    /// When the write was committed, UTC ISO 8601.
    public var at: String
    /// Who wrote: the `--actor` option or the login name.
    public var actor: String
    /// What was done, for example `import.areacodes` or `naming.approve`.
    public var action: String
    /// What was written to, for example `place 1234` or `naming_case 7`.
    public var target: String?
    /// The state before, as JSON, when there was one.
    public var before: String?
    /// The state after, as JSON.
    public var after: String?

    init(row: Row) {
        id = row["id"]
        at = row["at"]
        actor = row["actor"]
        action = row["action"]
        target = row["target"]
        before = row["before"]
        after = row["after"]
    }
}

/// An audit entry about to be written, in the transaction of the write it describes.
struct AuditRecord {
    var actor: String
    var action: String
    var target: String?
    var before: String?
    var after: String?

    init(actor: String, action: String, target: String?, before: (any Encodable)? = nil, after: (any Encodable)? = nil) {
        self.actor = actor
        self.action = action
        self.target = target
        self.before = before.flatMap(AuditRecord.json)
        self.after = after.flatMap(AuditRecord.json)
    }

    func append(to db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [AuditRecord.timestamp(), actor, action, target, before, after])
    }

    static func json(_ value: any Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
