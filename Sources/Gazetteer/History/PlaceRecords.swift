import Foundation
import GRDB

/// A period of validity: from a day (inclusive) to a day (exclusive); `nil` ends are open or unknown.
public struct Period: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The first day, `nil` when before the records begin.
    public var from: String?
    /// The day it ended, `nil` when still valid.
    public var to: String?

    /// Whether the period contains `day`.
    public func contains(_ day: Day) -> Bool {
        let text = day.description
        return (from.map { $0 <= text } ?? true) && (to.map { $0 > text } ?? true)
    }

    /// `1981–1992-12-11`, `1998-05-22–` or `…–` style text.
    public var description: String { "\(from ?? "…")–\(to ?? "")" }
}

/// A place in brief: what it is, and its code and name (latest, or on a given day).
public struct PlaceSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var kind: PlaceKind
    public var level: PlaceLevel
    public var status: String
    public var code: String?
    public var name: String
    public var period: Period

    /// `512221 万县 (county, 1981–1992-12-11)`.
    public var label: String {
        "\(code.map { "\($0) " } ?? "")\(name) (\(level.rawValue), \(period))"
    }
}

/// A code the place had, with its scheme and period.
public struct CodeFact: Sendable, Codable, Equatable {
    public var scheme: String
    public var code: String
    public var period: Period
}

/// A name the place had, with its type, language, script and period.
public struct NameFact: Sendable, Codable, Equatable {
    public var text: String
    public var type: NameType
    public var language: String
    public var script: String
    public var romanization: String?
    public var period: Period
    public var source: String?
}

/// A parent the place had, with the parent's code and name during that period.
public struct ParentFact: Sendable, Codable, Equatable {
    public var parentID: Int64
    public var code: String?
    public var name: String
    public var period: Period
}

/// A document cited by an event: the approving document and the gazette text.
public struct DocumentRecord: Sendable, Codable, Equatable {
    public var id: Int64
    /// The document's title.
    public var title: String?
    /// The document number (文号), for example `国函〔1997〕34号`.
    public var number: String?
    /// The document's own date.
    public var date: String?
    /// Where it was published (来源).
    public var citation: String?
    /// The gazette text.
    public var body: String
}

/// A change event with its participants and documents.
public struct EventRecord: Sendable, Codable, Equatable {
    /// A place taking part, with its code and name on its side of the event.
    public struct Participant: Sendable, Codable, Equatable {
        public var placeID: Int64
        public var role: ParticipantRole
        public var code: String?
        public var name: String?
    }

    public var id: Int64
    public var type: ChangeType
    /// The day the change took effect in the record.
    public var effectiveDate: String
    /// `day` when the date comes from the gazette, `year` when only the year is known (then 1 January).
    public var datePrecision: String
    /// For renames, recodes and re-parentings: old → new.
    public var detail: String?
    public var participants: [Participant]
    /// The approving document first.
    public var documents: [DocumentRecord]

    /// Participants in a role.
    public func participants(_ role: ParticipantRole) -> [Participant] { participants.filter { $0.role == role } }

    /// The date as people read it: `1997-12-20`, or `1997` when only the year is known.
    public var dateText: String { datePrecision == "year" ? String(effectiveDate.prefix(4)) : effectiveDate }

    /// One line: `1998-05-22 renamed 万县区 → 万州区 (国函〔1998〕xx号)`.
    public var summary: String {
        var text = "\(dateText) \(type.rawValue)"
        if let detail { text += " \(detail)" }
        func list(_ role: ParticipantRole) -> String {
            participants(role).map { "\($0.name ?? "?") (\($0.code ?? "-"))" }.joined(separator: ", ")
        }
        switch type {
        case .renamed, .recoded, .reparented:
            if let subject = participants(.subject).first, detail == nil { text += " \(subject.name ?? "")" }
            if type != .renamed, let subject = participants(.subject).first { text += " [\(subject.name ?? "")]" }
        default:
            let before = list(.predecessor), after = list(.successor)
            if !before.isEmpty || !after.isEmpty { text += ": \(before.isEmpty ? "—" : before) → \(after.isEmpty ? "—" : after)" }
            let donors = list(.donor), receivers = list(.receiver)
            if !donors.isEmpty { text += "; territory from \(donors)" }
            if !receivers.isEmpty { text += "; territory to \(receivers)" }
        }
        if let document = documents.first {
            let reference = document.number ?? document.title ?? ""
            if !reference.isEmpty { text += " (\(reference))" }
        }
        return text
    }
}

/// SQL shared by the lookups.
enum PlaceSQL {
    static func summary(_ db: Database, id: Int64, at day: Day? = nil) throws -> PlaceSummary? {
        guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM place WHERE id = ?"), arguments: [id]) else { return nil }
        let code = try fact(db, table: "place_code", column: "code", placeID: id, at: day, extra: "AND scheme IN ('GB2260','STATS12')")
        let name = try fact(db, table: "name", column: "text", placeID: id, at: day, extra: "AND type = 'standard'")
            ?? fact(db, table: "name", column: "text", placeID: id, at: nil, extra: "AND type = 'standard'")
            ?? fact(db, table: "name", column: "text", placeID: id, at: nil, extra: "")
        let kind = PlaceKind(rawValue: row["kind"]) ?? .division
        // A division's level on a day follows from its code then (重庆市 was a prefecture until 1997).
        let level = (day != nil && kind == .division ? code.flatMap(PlaceLevel.init(divisionCode:)) : nil)
            ?? PlaceLevel(rawValue: row["level"]) ?? .county
        return PlaceSummary(
            id: id, kind: kind, level: level,
            status: row["status"], code: code, name: name ?? "?", period: Period(from: row["valid_from"], to: row["valid_to"]))
    }

    /// The value valid on `day`, or the latest one when `day` is nil or nothing is valid then.
    ///
    /// `table`, `column` and `extra` come from the code, never from input: the few statements
    /// they make are prepared once per connection (exports and the server call this per place).
    static func fact(_ db: Database, table: String, column: String, placeID: Int64, at day: Day?, extra: String) throws -> String? {
        if let day {
            if let value = try String.fetchOne(try db.cachedStatement(sql: """
                SELECT \(column) FROM \(table) WHERE place_id = ? \(extra)
                AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?) ORDER BY id LIMIT 1
                """), arguments: [placeID, day.description, day.description]) { return value }
            return nil
        }
        return try String.fetchOne(try db.cachedStatement(sql: """
            SELECT \(column) FROM \(table) WHERE place_id = ? \(extra)
            ORDER BY valid_to IS NULL DESC, valid_to DESC, id LIMIT 1
            """), arguments: [placeID])
    }

    static func events(_ db: Database, placeID: Int64) throws -> [EventRecord] {
        let ids = try Int64.fetchAll(try db.cachedStatement(sql: """
            SELECT DISTINCT e.id FROM change_event e JOIN change_participant cp ON cp.event_id = e.id
            WHERE cp.place_id = ? ORDER BY e.effective_date, e.id
            """), arguments: [placeID])
        return try ids.map { try event(db, id: $0) }
    }

    static func event(_ db: Database, id: Int64) throws -> EventRecord {
        guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM change_event WHERE id = ?"), arguments: [id]) else {
            throw GazetteerError.notFound("change event \(id)")
        }
        let participants = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT place_id, role, code, name FROM change_participant WHERE event_id = ?
            ORDER BY CASE role WHEN 'subject' THEN 0 WHEN 'predecessor' THEN 1 WHEN 'successor' THEN 2 WHEN 'donor' THEN 3 ELSE 4 END, code
            """), arguments: [id]).map {
            EventRecord.Participant(placeID: $0["place_id"], role: ParticipantRole(rawValue: $0["role"]) ?? .subject,
                                    code: $0["code"], name: $0["name"])
        }
        let documents = try Row.fetchAll(try db.cachedStatement(sql: """
            SELECT d.* FROM event_document ed JOIN document d ON d.id = ed.document_id WHERE ed.event_id = ? ORDER BY ed.position
            """), arguments: [id]).map {
            DocumentRecord(id: $0["id"], title: $0["title"], number: $0["number"], date: $0["date"], citation: $0["citation"], body: $0["body"])
        }
        return EventRecord(id: id, type: ChangeType(rawValue: row["type"]) ?? .transferred, effectiveDate: row["effective_date"],
                           datePrecision: row["date_precision"], detail: row["detail"], participants: participants, documents: documents)
    }
}
