import Foundation
import GRDB

/// A boundary geometry stored for a place: WKB with its SRID and period of validity.
public struct StoredGeometry: Sendable, Equatable {
    /// The place it belongs to.
    public var placeID: Int64
    /// The geometry as Well-Known Binary.
    public var wkb: [UInt8]
    /// The SRID the geometry was stored with (4326 for longitude/latitude).
    public var srid: Int
    /// When the geometry is valid.
    public var period: Period
}

extension GazetteerStore {
    /// The stored geometries of these places that are valid on `day` (any, when `day` is `nil`), one per place.
    ///
    /// When several stored geometries of a place are valid, the most recently stored wins.
    ///
    /// ```swift
    /// let tree = try DivisionTree(store: store, at: day)
    /// let shapes = try store.geometries(of: tree.nodes.map(\.placeID), at: day)
    /// ```
    ///
    /// - Parameters:
    ///   - placeIDs: The places.
    ///   - day: The day the geometry must be valid on, or `nil` for any.
    /// - Throws: ``GazetteerError/database(_:)`` when the database cannot be read.
    public func geometries(of placeIDs: [Int64], at day: Day?) throws -> [Int64: StoredGeometry] {
        let wanted = Set(placeIDs)
        return try read { db in
            var result: [Int64: StoredGeometry] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT place_id, wkb, srid, valid_from, valid_to FROM geometry ORDER BY id")
            while let row = try rows.next() {
                let place: Int64 = row[0]
                guard wanted.contains(place) else { continue }
                let period = Period(from: row[3], to: row[4])
                if let day, !period.contains(day) { continue }
                let data: Data = row[1]
                result[place] = StoredGeometry(placeID: place, wkb: [UInt8](data), srid: row[2], period: period)
            }
            return result
        }
    }
}
