import Foundation
import GRDB

/// A place with its place-name record and the WKB of its locations, for exports.
public struct RecordedPlace: Sendable {
    /// The place: kind, level, code and name (latest).
    public var summary: PlaceSummary
    /// Its code: GB/T 2260 or statistical code when it has one, else any other code (GeoNames id, record identifier).
    public var code: String?
    /// Its parent today (or its last parent), when it has one.
    public var parent: PlaceSummary?
    /// The record.
    public var record: PlaceRecord
    /// The WKB (SRID 4326) of each location, by ``PlaceLocation/id``.
    public var locationWKB: [Int64: [UInt8]]
}

/// Reading place-name records: a place's record, attachment bytes, every recorded place.
extension GazetteerStore {
    /// The bytes and media type of a stored attachment.
    ///
    /// ```swift
    /// if let photo = try store.attachment(sha256: info.sha256) { try photo.data.write(to: url) }
    /// ```
    ///
    /// - Parameters:
    ///   - sha256: 64 hex digits.
    ///   - placeID: When given, only an attachment of this place.
    /// - Returns: `nil` when no attachment (of the place) has that digest, also for text that is not a digest.
    public func attachment(sha256: String, placeID: Int64? = nil) throws -> AttachmentContent? {
        let digest = sha256.lowercased()
        guard digest.count == 64, digest.allSatisfy(\.isHexDigit) else { return nil }
        return try read { db in
            if let placeID {
                let linked = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place_attachment WHERE place_id = ? AND sha256 = ?)",
                                               arguments: [placeID, digest]) ?? false
                guard linked else { return nil }
            }
            return try RecordSQL.attachment(db, sha256: digest)
        }
    }

    /// The place-name record of a place, `nil` when none is stored.
    public func record(of placeID: Int64) throws -> PlaceRecord? {
        try read { db in try RecordSQL.record(db, placeID: placeID, category: try RecordEditor.category(db, placeID: placeID)) }
    }

    /// Every place that has a place-name record (text, location, citation or attachment), in place order.
    ///
    /// ```swift
    /// for place in try store.recordedPlaces() { print(place.summary.name, place.record.locations.count) }
    /// ```
    ///
    /// - Throws: ``GazetteerError/database(_:)`` when the database cannot be read.
    public func recordedPlaces() throws -> [RecordedPlace] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: """
                SELECT place_id FROM place_record UNION SELECT place_id FROM place_location
                UNION SELECT place_id FROM place_citation UNION SELECT place_id FROM place_attachment ORDER BY 1
                """)
            return try ids.compactMap { id -> RecordedPlace? in
                guard let summary = try PlaceSQL.summary(db, id: id),
                      let record = try RecordSQL.record(db, placeID: id, category: try RecordEditor.category(db, placeID: id)) else { return nil }
                let code = try summary.code ?? PlaceSQL.fact(db, table: "place_code", column: "code", placeID: id, at: nil, extra: "")
                let parentID = try Int64.fetchOne(db.cachedStatement(sql: """
                    SELECT parent_id FROM hierarchy WHERE child_id = ? ORDER BY valid_to IS NULL DESC, valid_to DESC, id LIMIT 1
                    """), arguments: [id])
                var wkb: [Int64: [UInt8]] = [:]
                for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, wkb FROM place_location WHERE place_id = ?"), arguments: [id]) {
                    let data: Data = row[1]
                    wkb[row[0]] = [UInt8](data)
                }
                return RecordedPlace(summary: summary, code: code, parent: try parentID.flatMap { try PlaceSQL.summary(db, id: $0) },
                                     record: record, locationWKB: wkb)
            }
        }
    }
}
