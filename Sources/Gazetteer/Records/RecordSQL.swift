import Foundation
import GRDB

/// Reading place-name records: the SQL behind ``PlaceRecord`` and the attachment bytes.
enum RecordSQL {
    /// The record of a place, `nil` when nothing of it is stored beyond the category.
    static func record(_ db: Database, placeID: Int64, category: String?) throws -> PlaceRecord? {
        let current = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT meaning, origin, history, note, changed_at, changed_by FROM place_record WHERE place_id = ? AND replaced_at IS NULL
            """), arguments: [placeID])
        let versions = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM place_record WHERE place_id = ?"), arguments: [placeID]) ?? 0
        let locations = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT l.id, l.geometry_type, l.srid, l.min_x, l.min_y, l.max_x, l.max_y, l.valid_from, l.valid_to, s.key
            FROM place_location l LEFT JOIN source s ON s.id = l.source_id WHERE l.place_id = ? ORDER BY l.id
            """), arguments: [placeID]).map(location)
        let citations = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT s.key, c.document, c.page, c.note, c.added_at, c.added_by
            FROM place_citation c LEFT JOIN source s ON s.id = c.source_id WHERE c.place_id = ? ORDER BY c.id
            """), arguments: [placeID]).map {
            PlaceCitation(source: $0[0], document: $0[1], page: $0[2], note: $0[3], addedAt: $0[4], addedBy: $0[5])
        }
        let attachments = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT a.sha256, a.size, a.media_type, pa.caption, pa.file_name, pa.added_at, pa.added_by
            FROM place_attachment pa JOIN attachment a ON a.sha256 = pa.sha256 WHERE pa.place_id = ? ORDER BY pa.id
            """), arguments: [placeID]).map {
            AttachmentInfo(sha256: $0[0], size: $0[1], mediaType: $0[2], caption: $0[3], fileName: $0[4], addedAt: $0[5], addedBy: $0[6])
        }
        let record = PlaceRecord(
            category: PlaceCategory(stored: category), meaning: current?[0], origin: current?[1], history: current?[2], note: current?[3],
            changedAt: current?[4], changedBy: current?[5], versions: versions,
            locations: locations, citations: citations, attachments: attachments)
        return record.isEmpty ? nil : record
    }

    /// The current text of a place's record, `nil` when none is stored.
    static func currentText(_ db: Database, placeID: Int64) throws -> (id: Int64, text: RecordText)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, meaning, origin, history, note FROM place_record WHERE place_id = ? AND replaced_at IS NULL
            """), arguments: [placeID]) else { return nil }
        return (row[0], RecordText(meaning: row[1], origin: row[2], history: row[3], note: row[4]))
    }

    /// Every version of a place's text, oldest first.
    static func versions(_ db: Database, placeID: Int64) throws -> [RecordVersion] {
        try Row.fetchAll(db, sql: """
            SELECT meaning, origin, history, note, changed_at, changed_by, replaced_at FROM place_record WHERE place_id = ? ORDER BY id
            """, arguments: [placeID]).map {
            RecordVersion(text: RecordText(meaning: $0[0], origin: $0[1], history: $0[2], note: $0[3]),
                          changedAt: $0[4], changedBy: $0[5], replacedAt: $0[6])
        }
    }

    static func attachment(_ db: Database, sha256: String) throws -> AttachmentContent? {
        guard let row = try Row.fetchOne(db, sql: "SELECT bytes, media_type FROM attachment WHERE sha256 = ?", arguments: [sha256]) else {
            return nil
        }
        return AttachmentContent(sha256: sha256, mediaType: row[1], data: row[0])
    }

    private static func location(_ row: Row) -> PlaceLocation {
        let type: String = row[1]
        let minX: Double = row[3], minY: Double = row[4], maxX: Double = row[5], maxY: Double = row[6]
        let point = type == "Point" ? [minX, minY] : nil
        func f(_ value: Double) -> String { String(format: "%.6f", value) }
        func r(_ low: Double, _ high: Double) -> String { String(format: "%.4f–%.4f", low, high) }
        let summary = point != nil ? "Point \(f(minX)), \(f(minY))" : "\(type) \(r(minX, maxX)) E, \(r(minY, maxY)) N"
        return PlaceLocation(id: row[0], geometryType: type, srid: row[2], bbox: [minX, minY, maxX, maxY], point: point,
                             summary: summary, period: Period(from: row[7], to: row[8]), source: row[9])
    }
}
