import Foundation
import GRDB

/// Writes the parts of place-name records idempotently, inside a transaction the caller owns:
/// a text version only when the text differs from the current one, a location only when the
/// place does not have the same WKB already, a citation only when it is new, an attachment's
/// bytes only once per SHA-256.
struct RecordWriter {
    let db: Database
    let actor: String

    /// A location ready to store: WKB in longitude/latitude with its type and envelope.
    struct Location {
        var wkb: [UInt8]
        var geometryType: String
        var minX: Double, minY: Double, maxX: Double, maxY: Double
    }

    /// Writes `text` over the current text (fields not given are kept); returns the text before
    /// and after, or `nil` when nothing changed.
    @discardableResult
    func writeText(placeID: Int64, _ text: RecordText, sourceID: Int64?) throws -> (before: RecordText?, after: RecordText)? {
        let current = try RecordSQL.currentText(db, placeID: placeID)
        let next = (current?.text ?? RecordText()).updated(with: text)
        guard next != current?.text, !next.isEmpty else { return nil }
        let now = AuditRecord.timestamp()
        if let current {
            try db.execute(sql: "UPDATE place_record SET replaced_at = ? WHERE id = ?", arguments: [now, current.id])
        }
        try db.execute(sql: """
            INSERT INTO place_record (place_id, meaning, origin, history, note, changed_at, changed_by, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [placeID, next.meaning, next.origin, next.history, next.note, now, actor, sourceID])
        return (current?.text, next)
    }

    /// Adds a location unless the place has the same geometry already; returns whether it was added.
    func addLocation(placeID: Int64, _ location: Location, from: Day?, to: Day?, sourceID: Int64?) throws -> Bool {
        let blob = Data(location.wkb)
        let exists = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM place_location WHERE place_id = ? AND wkb = ?)"),
                                       arguments: [placeID, blob]) ?? false
        guard !exists else { return false }
        try db.cachedStatement(sql: """
            INSERT INTO place_location (place_id, geometry_type, srid, wkb, min_x, min_y, max_x, max_y, valid_from, valid_to, source_id)
            VALUES (?, ?, 4326, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [placeID, location.geometryType, blob, location.minX, location.minY, location.maxX, location.maxY,
                                     from?.description, to?.description, sourceID])
        try db.cachedStatement(sql: "INSERT INTO place_location_rtree (id, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [db.lastInsertedRowID, location.minX, location.maxX, location.minY, location.maxY])
        return true
    }

    /// Adds a citation unless the place cites the same source, document and page already.
    func addCitation(placeID: Int64, sourceID: Int64?, document: String?, page: String?, note: String? = nil) throws -> Bool {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO place_citation (place_id, source_id, document, page, note, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [placeID, sourceID, document, page, note, AuditRecord.timestamp(), actor])
        return db.changesCount > 0
    }

    /// Stores the bytes under their SHA-256 (once) and links them to the place.
    ///
    /// - Throws: ``GazetteerError/conflict(_:)`` when `claimedSHA256` is not the digest of the
    ///   bytes, or when the database holds other bytes under that digest; nothing is written then.
    func attach(placeID: Int64, data: Data, mediaType: String?, fileName: String?, caption: String?,
                claimedSHA256: String? = nil) throws -> (info: AttachmentInfo, linked: Bool) {
        let digest = SHA256.hex(of: [UInt8](data))
        if let claimed = claimedSHA256?.lowercased(), claimed != digest {
            throw GazetteerError.conflict("the bytes have SHA-256 \(digest), not the claimed \(claimed)")
        }
        let type = mediaType ?? AttachmentType.mediaType(of: data, fileName: fileName)
        if let stored = try Data.fetchOne(db, sql: "SELECT bytes FROM attachment WHERE sha256 = ?", arguments: [digest]) {
            guard stored == data else {
                throw GazetteerError.conflict("attachment \(digest) is stored with other bytes; stored attachments are never replaced")
            }
        } else {
            try db.execute(sql: "INSERT INTO attachment (sha256, bytes, size, media_type, stored_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [digest, data, data.count, type, AuditRecord.timestamp()])
        }
        let now = AuditRecord.timestamp()
        try db.execute(sql: """
            INSERT OR IGNORE INTO place_attachment (place_id, sha256, caption, file_name, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [placeID, digest, caption, fileName, now, actor])
        let linked = db.changesCount > 0
        guard let row = try Row.fetchOne(db, sql: """
            SELECT a.size, a.media_type, pa.caption, pa.file_name, pa.added_at, pa.added_by
            FROM place_attachment pa JOIN attachment a ON a.sha256 = pa.sha256 WHERE pa.place_id = ? AND pa.sha256 = ?
            """, arguments: [placeID, digest]) else {
            throw GazetteerError.database("attachment \(digest) was not linked")
        }
        return (AttachmentInfo(sha256: digest, size: row[0], mediaType: row[1], caption: row[2], fileName: row[3], addedAt: row[4], addedBy: row[5]),
                linked)
    }

    /// The id of the source with `key`, created (title and citation as given) when missing.
    func source(key: String, title: String, citation: String) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [key]) { return id }
        try db.execute(sql: "INSERT INTO source (key, title, licence, citation, imported_at) VALUES (?, ?, 'not stated', ?, ?)",
                       arguments: [key, title, citation, AuditRecord.timestamp()])
        return db.lastInsertedRowID
    }
}

/// Media types of attachments, from the bytes' magic numbers, else the file name's extension.
enum AttachmentType {
    static func mediaType(of data: Data, fileName: String?) -> String {
        let b = [UInt8](data.prefix(16))
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if b.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if b.starts(with: Array("%PDF".utf8)) { return "application/pdf" }
        if b.count >= 12, b[0..<4].elementsEqual(Array("RIFF".utf8)), b[8..<12].elementsEqual(Array("WEBP".utf8)) { return "image/webp" }
        if b.count >= 12, b[4..<8].elementsEqual(Array("ftyp".utf8)) {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            if ["heic", "heix", "mif1"].contains(brand) { return "image/heic" }
            return "video/mp4"
        }
        switch (fileName.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? "") {
        case "txt", "md": return "text/plain; charset=utf-8"
        case "mp3": return "audio/mpeg"
        case "tif", "tiff": return "image/tiff"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
