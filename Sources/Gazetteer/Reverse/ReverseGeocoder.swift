import Foundation
import GEOSKit
import GRDB

/// Finds the divisions whose stored polygon contains a point.
///
/// Candidates come from the SQLite R*Tree of bounding boxes; each candidate's WKB is read
/// once, turned into a GEOS prepared geometry and kept for later lookups, and the point is
/// tested with prepared `contains`. A geocoder owns a GEOS context, so it is not `Sendable`:
/// make one per thread.
///
/// ```swift
/// let geocoder = try ReverseGeocoder(store: store)
/// let hits = try geocoder.lookup(longitude: 106.57, latitude: 29.55)   // a point in 渝中区
/// hits.first?.place.name   // "重庆市"
/// ```
public final class ReverseGeocoder {
    public let store: GazetteerStore
    private let context: GEOSContext
    private var cache: [Int64: PreparedGeometry] = [:]

    /// - Throws: ``GazetteerError/database(_:)`` when GEOS cannot start.
    public init(store: GazetteerStore) throws {
        self.store = store
        do { context = try GEOSContext() } catch { throw GazetteerError.database("GEOS: \(error)") }
    }

    /// One division containing the point.
    public struct Hit: Sendable, Codable, Equatable {
        /// The division, with its code and name on the day asked about (today by default).
        public var place: PlaceSummary
        /// Its chain of parents on that day, nearest first, with notes where a place did not yet exist.
        public var ancestry: [PlaceDetails.AncestorStep]
        /// Where the polygon comes from, and that it is the boundary of that edition, not of the day asked.
        public var boundarySource: String
        /// When a day is asked and the division gained territory after it: every place that on that
        /// day held part of what the polygon covers now (the division itself if it existed, and the
        /// predecessors and donors of the later events, followed back to the day). The point lay in
        /// one of them; the stored polygon cannot say which.
        public var heldThen: [PlaceSummary]?
    }

    /// The divisions containing the point, the smallest (lowest level) first.
    ///
    /// - Parameters:
    ///   - longitude: Degrees east, −180 … 180.
    ///   - latitude: Degrees north, −90 … 90.
    ///   - day: The day for names, codes and parents (today when nil). The polygons are those
    ///     stored, usually of one recent edition.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for coordinates out of range,
    ///   ``GazetteerError/notFound(_:)`` when no polygons are stored at all.
    public func lookup(longitude: Double, latitude: Double, at day: Day? = nil) throws -> [Hit] {
        guard longitude.isFinite, latitude.isFinite, (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            throw GazetteerError.invalidInput(source: "point", line: nil, message: "longitude must be in −180…180 and latitude in −90…90, got \(longitude) \(latitude)")
        }
        let point: Geometry
        do { point = try context.point(x: longitude, y: latitude) } catch { throw GazetteerError.invalidInput(source: "point", line: nil, message: "\(error)") }
        let candidates = try store.read { db -> [(id: Int64, placeID: Int64, wkb: Data?, source: String)] in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM geometry") ?? 0 > 0 else {
                throw GazetteerError.notFound("no polygons are stored; import a polygon layer first (quhua import geometry)")
            }
            return try DatabaseRow.fetchAll(db, sql: """
                SELECT g.id, g.place_id, s.key, s.citation FROM geometry_rtree r JOIN geometry g ON g.id = r.id
                LEFT JOIN source s ON s.id = g.source_id
                WHERE r.min_x <= :x AND r.max_x >= :x AND r.min_y <= :y AND r.max_y >= :y AND g.valid_to IS NULL
                """, arguments: ["x": longitude, "y": latitude]).map { row in
                let id: Int64 = row[0]
                let wkb = cache[id] == nil ? try Data.fetchOne(db, sql: "SELECT wkb FROM geometry WHERE id = ?", arguments: [id]) : nil
                return (id, row[1], wkb, (row[2] as String?) ?? "unknown source")
            }
        }
        var containing: [(placeID: Int64, source: String)] = []
        for candidate in candidates {
            let prepared: PreparedGeometry
            do {
                if let cached = cache[candidate.id] {
                    prepared = cached
                } else {
                    guard let wkb = candidate.wkb else { continue }
                    prepared = try context.geometry(wkb: wkb).prepared()
                    cache[candidate.id] = prepared
                }
                if try prepared.contains(point) { containing.append((candidate.placeID, candidate.source)) }
            } catch {
                throw GazetteerError.database("GEOS on geometry \(candidate.id): \(error)")
            }
        }
        return try store.read { db in
            try containing.compactMap { item -> Hit? in
                guard let summary = try PlaceSQL.summary(db, id: item.placeID, at: day) else { return nil }
                let ancestry = try PlaceLookup.ancestry(db, placeID: item.placeID, at: day)
                let heldThen = try day.flatMap { try Self.holders(db, of: item.placeID, on: $0) }
                return Hit(place: summary, ancestry: ancestry, boundarySource: item.source, heldThen: heldThen)
            }.sorted { $0.place.level > $1.place.level }
        }
    }
}

extension ReverseGeocoder {
    /// The places that on `day` held the territory `placeID` has now; `nil` when it is just the place itself.
    static func holders(_ db: Database, of placeID: Int64, on day: Day) throws -> [PlaceSummary]? {
        var queue = [placeID]
        var seen: Set<Int64> = [placeID]
        var holders: [Int64] = []
        var gainedSince = false
        while let current = queue.popLast() {
            guard let summary = try PlaceSQL.summary(db, id: current, at: day) else { continue }
            if summary.period.contains(day) { holders.append(current) }
            let sources = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT p.place_id FROM change_participant s
                JOIN change_event e ON e.id = s.event_id AND e.effective_date > :day
                JOIN change_participant p ON p.event_id = s.event_id AND p.role IN ('predecessor', 'donor') AND p.place_id <> s.place_id
                WHERE s.place_id = :id AND s.role IN ('successor', 'receiver')
                """, arguments: ["id": current, "day": day.description])
            for source in sources where seen.insert(source).inserted {
                gainedSince = true
                queue.append(source)
            }
        }
        guard gainedSince else { return nil }
        return try holders.compactMap { try PlaceSQL.summary(db, id: $0, at: day) }.sorted { ($0.level, $0.code ?? "") < ($1.level, $1.code ?? "") }
    }
}

/// Tells which prefecture polygon holds a point, for matching points to divisions.
final class PointLocator {
    private let geocoder: ReverseGeocoder

    init(store: GazetteerStore) throws {
        guard try store.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM geometry") ?? 0 }) > 0 else {
            throw GazetteerError.notFound("no polygons")
        }
        geocoder = try ReverseGeocoder(store: store)
    }

    /// The current code of the smallest division whose polygon holds the point.
    func prefectureCode(longitude: Double, latitude: Double) throws -> String? {
        try geocoder.lookup(longitude: longitude, latitude: latitude).first?.place.code
    }
}
