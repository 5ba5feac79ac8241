import Foundation
import GRDB

/// Edits of place-name records: the text (含义、来历、沿革、note), cited sources and attachments.
///
/// Every edit is one transaction with its audit entry (before and after as JSON). History is
/// kept twice: a text edit writes a new version of the record and marks the previous one
/// replaced (``versions(placeID:)`` lists them all), and the audit log holds the text before and
/// after. Attachments are stored once by the SHA-256 of their bytes and never replaced.
///
/// ```swift
/// let editor = RecordEditor(store: store)
/// let place = try PlaceLookup(store: store).resolveOne("500101")
/// try editor.setText(placeID: place.id, RecordText(meaning: "万川毕汇，万商云集"), actor: "li")
/// try editor.cite(placeID: place.id, sourceKey: "wanzhou-dmz", document: "万州区地名志", page: "12", actor: "li")
/// let photo = try editor.attach(placeID: place.id, data: jpeg, fileName: "sign.jpg", caption: "地名标志", actor: "li")
/// print(photo.sha256)
/// ```
public struct RecordEditor: Sendable {
    /// The gazetteer written to.
    public let store: GazetteerStore

    /// An editor of the records in `store`.
    public init(store: GazetteerStore) {
        self.store = store
    }

    /// Writes the given fields of a place's record text; fields not given keep their text.
    ///
    /// - Returns: The record after the edit; unchanged (and no audit entry) when the text was the same.
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown place,
    ///   ``GazetteerError/invalidInput(source:line:message:)`` when no field is given.
    @discardableResult
    public func setText(placeID: Int64, _ text: RecordText, actor: String) throws -> PlaceRecord? {
        guard !text.isEmpty else {
            throw GazetteerError.invalidInput(source: "record", line: nil, message: "give at least one of meaning, origin, history, note")
        }
        return try store.write { db in
            let category = try Self.category(db, placeID: placeID)
            let change = try RecordWriter(db: db, actor: actor).writeText(placeID: placeID, text, sourceID: nil)
            let record = try RecordSQL.record(db, placeID: placeID, category: category)
            guard let change else { return (record, nil) }
            return (record, AuditRecord(actor: actor, action: "record.set", target: "place \(placeID)", before: change.before, after: change.after))
        }
    }

    /// Writes text fields and a citation in one transaction with one audit entry — what
    /// `quhua record set` does.
    ///
    /// ```swift
    /// try editor.update(placeID: id, text: RecordText(meaning: "万川毕汇"),
    ///                   citation: RecordCitation(sourceKey: "wanzhou-dmz", document: "万州区地名志", page: "12"), actor: "li")
    /// ```
    ///
    /// - Returns: The record after the edit (unchanged, without an audit entry, when it had all of it already).
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown place;
    ///   ``GazetteerError/invalidInput(source:line:message:)`` when neither text nor citation is given.
    @discardableResult
    public func update(placeID: Int64, text: RecordText, citation: RecordCitation?, actor: String) throws -> PlaceRecord? {
        guard !text.isEmpty || citation != nil else {
            throw GazetteerError.invalidInput(source: "record", line: nil, message: "give meaning, origin, history, note or a source")
        }
        if let citation, citation.sourceKey == nil, citation.document == nil {
            throw GazetteerError.invalidInput(source: "citation", line: nil, message: "give a source key or a document")
        }
        return try store.write { db in
            let category = try Self.category(db, placeID: placeID)
            let writer = RecordWriter(db: db, actor: actor)
            let change = text.isEmpty ? nil : try writer.writeText(placeID: placeID, text, sourceID: nil)
            var cited = false
            if let citation {
                let sourceID = try citation.sourceKey.map {
                    try writer.source(key: $0, title: citation.document ?? $0, citation: citation.document ?? $0)
                }
                cited = try writer.addCitation(placeID: placeID, sourceID: sourceID, document: citation.document, page: citation.page, note: citation.note)
            }
            let record = try RecordSQL.record(db, placeID: placeID, category: category)
            guard change != nil || cited else { return (record, nil) }
            struct State: Encodable { var text: RecordText?; var citation: RecordCitation? }
            return (record, AuditRecord(actor: actor, action: "record.set", target: "place \(placeID)",
                                        before: change.map { State(text: $0.before, citation: nil) },
                                        after: State(text: change?.after, citation: cited ? citation : nil)))
        }
    }

    /// Adds a cited source to a place's record.
    ///
    /// - Parameters:
    ///   - sourceKey: A key of `source` (`areacity`, `geonames`, …) or a new key, created with
    ///     `document` (else the key) as its title.
    ///   - document: The document or book cited.
    ///   - page: The page, section or entry.
    /// - Returns: Whether the citation was new.
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown place.
    @discardableResult
    public func cite(placeID: Int64, sourceKey: String?, document: String?, page: String?, note: String? = nil, actor: String) throws -> Bool {
        guard sourceKey != nil || document != nil else {
            throw GazetteerError.invalidInput(source: "citation", line: nil, message: "give a source key or a document")
        }
        return try store.write { db in
            _ = try Self.category(db, placeID: placeID)
            let writer = RecordWriter(db: db, actor: actor)
            let sourceID = try sourceKey.map { try writer.source(key: $0, title: document ?? $0, citation: document ?? $0) }
            let added = try writer.addCitation(placeID: placeID, sourceID: sourceID, document: document, page: page, note: note)
            guard added else { return (false, nil) }
            return (true, AuditRecord(actor: actor, action: "record.cite", target: "place \(placeID)",
                                      after: ["source": sourceKey, "document": document, "page": page]))
        }
    }

    /// Attaches a file to a place, storing its bytes in the database under their SHA-256.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - mediaType: The media type; `nil` to tell it from the bytes and the file name.
    ///   - claimedSHA256: A digest the sender claims for the bytes (uploads); refused when it differs.
    /// - Returns: The attachment as stored.
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown place; ``GazetteerError/conflict(_:)``
    ///   when the claimed digest is not the bytes' or other bytes are stored under the digest.
    @discardableResult
    public func attach(placeID: Int64, data: Data, mediaType: String? = nil, fileName: String?, caption: String?,
                       claimedSHA256: String? = nil, actor: String) throws -> AttachmentInfo {
        guard !data.isEmpty else { throw GazetteerError.invalidInput(source: fileName ?? "attachment", line: nil, message: "the file is empty") }
        return try store.write { db in
            _ = try Self.category(db, placeID: placeID)
            let (info, linked) = try RecordWriter(db: db, actor: actor).attach(placeID: placeID, data: data, mediaType: mediaType,
                                                                            fileName: fileName, caption: caption, claimedSHA256: claimedSHA256)
            guard linked else { return (info, nil) }
            return (info, AuditRecord(actor: actor, action: "record.attach", target: "place \(placeID)",
                                      after: ["sha256": info.sha256, "size": String(info.size), "mediaType": info.mediaType,
                                              "fileName": info.fileName, "caption": info.caption]))
        }
    }

    /// Every version of a place's record text, oldest first.
    public func versions(placeID: Int64) throws -> [RecordVersion] {
        try store.read { db in try RecordSQL.versions(db, placeID: placeID) }
    }

    /// The place's stored category; throws when the place does not exist.
    static func category(_ db: Database, placeID: Int64) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT category FROM place WHERE id = ?", arguments: [placeID]) else {
            throw GazetteerError.notFound("no place with id \(placeID)")
        }
        return row[0]
    }
}
