import Foundation
import GRDB

/// Direct edits of the record outside the naming workflow: add a name, end a name, end a place.
///
/// Nothing is deleted: ending sets the end of the period (and, for a place, of its codes,
/// names and parent link) and records an `abolished` change event. Every edit is one
/// transaction with its audit entry; an edit of a place or name that does not exist, or a date
/// that does not fit the record, is refused and changes nothing.
///
/// ```swift
/// let editor = PlaceEditor(store: store)
/// try editor.addName(code: "500101", text: "万州", type: .alias, from: nil, actor: "li")
/// try editor.endPlace(code: "500101001201", on: try Day(parsing: "2025-06-30"), reference: "某府〔2025〕9号", actor: "li")
/// ```
public struct PlaceEditor: Sendable {
    public let store: GazetteerStore

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// Adds a name to the place that has `code` today (or on `from`).
    ///
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown code, ``GazetteerError/conflict(_:)``
    ///   when the place has that name already or the period ends before it starts.
    @discardableResult
    public func addName(code: String, text: String, type: NameType, language: String? = nil, from: Day? = nil, to: Day? = nil,
                        note: String? = nil, actor: String) throws -> Int64 {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw GazetteerError.invalidInput(source: "name", line: nil, message: "the name is empty") }
        if let from, let to, to <= from { throw GazetteerError.conflict("the name ends (\(to)) before it starts (\(from))") }
        return try store.write { db in
            let placeID = try NamingWorkflow.currentPlace(db, code: code, on: from ?? Day.today)
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM name WHERE place_id = ? AND text = ? AND type = ? AND valid_to IS NULL)",
                                           arguments: [placeID, name, type.rawValue]) ?? false
            if exists { throw GazetteerError.conflict("place \(code) already has the \(type.rawValue) name \(name)") }
            var writer = try NameWriter(db: db, sourceKey: "edit", title: "Edits by gazetteer staff", licence: "internal",
                                        citation: "quhua edits (see audit_log)", keys: store.searchKeys)
            try writer.addName(placeID: placeID, text: name, type: type, language: language, romanization: nil, note: note, from: from, to: to)
            guard let nameID = writer.addedNameIDs.last else { throw GazetteerError.conflict("the name was not added") }
            try SearchIndexer(db: db, keys: store.searchKeys).add(nameIDs: [nameID])
            return (nameID, AuditRecord(actor: actor, action: "name.add", target: "place \(placeID)", before: nil,
                                        after: ["text": name, "type": type.rawValue, "from": from?.description, "to": to?.description]))
        }
    }

    /// Ends the open period of a name of the place that has `code` today.
    ///
    /// - Throws: ``GazetteerError/notFound(_:)`` when the place or an open name with that text
    ///   does not exist; ``GazetteerError/conflict(_:)`` when `day` is not after the name's start.
    public func endName(code: String, text: String, on day: Day, actor: String) throws {
        try store.write { db in
            let placeID = try NamingWorkflow.currentPlace(db, code: code, on: day)
            guard let row = try Row.fetchOne(db, sql: "SELECT id, type, valid_from FROM name WHERE place_id = ? AND text = ? AND valid_to IS NULL",
                                             arguments: [placeID, text]) else {
                throw GazetteerError.notFound("place \(code) has no open name \(text)")
            }
            if let from: String = row["valid_from"], from >= day.description {
                throw GazetteerError.conflict("\(text) starts on \(from); it cannot end on \(day)")
            }
            try db.execute(sql: "UPDATE name SET valid_to = ? WHERE id = ?", arguments: [day.description, row["id"] as Int64])
            try SearchIndexer(db: db, keys: store.searchKeys).refresh(placeIDs: [placeID])
            return ((), AuditRecord(actor: actor, action: "name.end", target: "name \(row["id"] as Int64)",
                                    before: ["text": text, "valid_to": nil as String?], after: ["text": text, "valid_to": day.description]))
        }
    }

    /// Ends a place: its period, its open codes, names and parent link end on `day`, and an
    /// `abolished` event records why.
    ///
    /// - Parameters:
    ///   - code: The place's code today.
    ///   - day: The first day it no longer exists.
    ///   - reference: The document that decided it, kept with the event.
    /// - Returns: The change event's id.
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown code; ``GazetteerError/conflict(_:)``
    ///   when the place has children on that day or `day` is not after the start of its facts.
    @discardableResult
    public func endPlace(code: String, on day: Day, reference: String?, actor: String) throws -> Int64 {
        try store.write { db in
            let placeID = try NamingWorkflow.currentPlace(db, code: code, on: day)
            guard let before = try PlaceSQL.summary(db, id: placeID, at: day) else { throw GazetteerError.notFound("place \(code)") }
            let children = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM hierarchy WHERE parent_id = ? AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)
                """, arguments: [placeID, day.description, day.description]) ?? 0
            if children > 0 { throw GazetteerError.conflict("\(before.name) has \(children) places under it on \(day); end or move them first") }
            for table in ["place_code", "name"] {
                let late = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE place_id = ? AND valid_to IS NULL AND valid_from >= ?",
                                            arguments: [placeID, day.description]) ?? 0
                if late > 0 { throw GazetteerError.conflict("\(before.name) has \(table) facts starting on or after \(day)") }
            }
            try db.execute(sql: "UPDATE place_code SET valid_to = ? WHERE place_id = ? AND valid_to IS NULL", arguments: [day.description, placeID])
            try db.execute(sql: "UPDATE name SET valid_to = ? WHERE place_id = ? AND valid_to IS NULL", arguments: [day.description, placeID])
            try db.execute(sql: "UPDATE hierarchy SET valid_to = ? WHERE child_id = ? AND valid_to IS NULL AND (valid_from IS NULL OR valid_from < ?)",
                           arguments: [day.description, placeID, day.description])
            try db.execute(sql: "UPDATE place SET status = 'ceased', valid_to = ? WHERE id = ?", arguments: [day.description, placeID])
            var documentID: Int64?
            if let reference {
                try db.execute(sql: "INSERT INTO document (title, number, date, body) VALUES (?, ?, ?, ?)",
                               arguments: ["撤销 \(before.name)", reference, day.description, "\(before.name)（\(code)）自 \(day) 起撤销。"])
                documentID = db.lastInsertedRowID
            }
            try db.execute(sql: "INSERT INTO change_event (type, effective_date, date_precision, recorded_at) VALUES ('abolished', ?, 'day', ?)",
                           arguments: [day.description, AuditRecord.timestamp()])
            let eventID = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO change_participant (event_id, place_id, role, code, name) VALUES (?, ?, 'predecessor', ?, ?)",
                           arguments: [eventID, placeID, code, before.name])
            if let documentID {
                try db.execute(sql: "INSERT INTO event_document (event_id, document_id, position) VALUES (?, ?, 0)", arguments: [eventID, documentID])
            }
            try SearchIndexer(db: db, keys: store.searchKeys).refresh(placeIDs: [placeID])
            let after = try PlaceSQL.summary(db, id: placeID)
            return (eventID, AuditRecord(actor: actor, action: "place.end", target: "place \(placeID)", before: before, after: after))
        }
    }
}
