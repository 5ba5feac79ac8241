import Foundation
import GEOSKit
import GRDB

/// Finds the divisions whose stored polygon contains a point, deepest first, and says at which
/// level the answer stops and why.
///
/// Candidates come from the SQLite R*Tree of bounding boxes; each candidate's WKB is read
/// once, turned into a GEOS prepared geometry and kept for later lookups, and the point is
/// tested with prepared `contains`. Only polygonal geometries are considered. A geocoder owns a
/// GEOS context, so it is not `Sendable`: make one per thread.
///
/// Each stored polygon fills one level (province, prefecture, county, township: see
/// `quhua import geometry --level`). Of a place's polygons at a level, the one valid on the day
/// asked is used; when none is, the current edition (the polygon without an end).
///
/// ```swift
/// let geocoder = try ReverseGeocoder(store: store)
/// let answer = try geocoder.answer(longitude: 106.57, latitude: 29.55)   // a point in 渝中区
/// answer.results.first?.place.name   // "重庆市"
/// answer.deepestLevel                // .prefecture
/// answer.stop                        // "stops at prefecture level: no county or township polygons are stored"
/// ```
public final class ReverseGeocoder {
    public let store: GazetteerStore
    private let context: GEOSContext
    /// Prepared polygons by geometry id; `nil` for a stored geometry without area.
    private var cache: [Int64: PreparedGeometry?] = [:]

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
        /// The level the containing polygon fills: usually the place's own level; 重庆市's polygon
        /// in a prefecture layer fills the prefecture level.
        public var polygonLevel: PlaceLevel
        /// Where the polygon comes from, and that it is the boundary of that edition, not of the day asked.
        public var boundarySource: String
        /// The period the polygon is stored for (open ends are unknown or current).
        public var boundaryPeriod: Period
        /// When a day is asked and the division gained territory after it: every place that on that
        /// day held part of what the polygon covers now (the division itself if it existed, and the
        /// predecessors and donors of the later events, followed back to the day). The point lay in
        /// one of them; the stored polygon cannot say which.
        public var heldThen: [PlaceSummary]?
    }

    /// The answer for a point: the containing divisions, deepest first, and where and why it stops.
    public struct Answer: Sendable, Codable, Equatable {
        /// Degrees east.
        public var longitude: Double
        /// Degrees north.
        public var latitude: Double
        /// The day asked about (`YYYY-MM-DD`), `nil` for today.
        public var at: String?
        /// The level of the deepest polygon containing the point (the first result's
        /// ``Hit/polygonLevel``); `nil` when none does.
        public var deepestLevel: PlaceLevel?
        /// Why the answer stops there, in a plain sentence: "stops at prefecture level: no county
        /// or township polygons are stored", "stops at county level: no township polygon contains
        /// the point although township polygons are stored for 3 counties".
        public var stop: String
        /// The divisions containing the point: deepest polygon level first, then lowest place level.
        public var results: [Hit]

        enum CodingKeys: String, CodingKey {
            case longitude = "lon", latitude = "lat", at, deepestLevel, stop, results
        }
    }

    /// The divisions containing the point, the deepest first, with the level the answer stops at.
    ///
    /// ```swift
    /// let answer = try ReverseGeocoder(store: store).answer(longitude: 108.38, latitude: 30.81, at: try Day(parsing: "1990"))
    /// answer.results.first?.place.code   // "510200", 重庆市 of 四川省 in 1990
    /// ```
    ///
    /// - Parameters:
    ///   - longitude: Degrees east, −180 … 180.
    ///   - latitude: Degrees north, −90 … 90.
    ///   - day: The day for names, codes, parents and polygons (today when nil). Polygons valid on
    ///     the day are preferred; a place without one is answered with its current polygon.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for coordinates out of range,
    ///   ``GazetteerError/notFound(_:)`` when no polygons are stored at all.
    public func answer(longitude: Double, latitude: Double, at day: Day? = nil) throws -> Answer {
        guard longitude.isFinite, latitude.isFinite, (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            throw GazetteerError.invalidInput(source: "point", line: nil, message: "longitude must be in −180…180 and latitude in −90…90, got \(longitude) \(latitude)")
        }
        let point: Geometry
        do { point = try context.point(x: longitude, y: latitude) } catch { throw GazetteerError.invalidInput(source: "point", line: nil, message: "\(error)") }
        let onDay = day ?? Day.today
        let candidates = try store.read { db -> [Candidate] in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM geometry") ?? 0 > 0 else {
                throw GazetteerError.notFound("no polygons are stored; import a polygon layer first (quhua import geometry)")
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT g.id, g.place_id, COALESCE(g.level, p.level), g.valid_from, g.valid_to, s.key
                FROM geometry_rtree r JOIN geometry g ON g.id = r.id JOIN place p ON p.id = g.place_id
                LEFT JOIN source s ON s.id = g.source_id
                WHERE r.min_x <= :x AND r.max_x >= :x AND r.min_y <= :y AND r.max_y >= :y
                ORDER BY g.id DESC
                """, arguments: ["x": longitude, "y": latitude])
            // One polygon per place and level: the latest stored of those valid on the day, else the current edition.
            var chosen: [PolygonKey: (candidate: Candidate, onDay: Bool)] = [:]
            for row in rows {
                guard let level = PlaceLevel(rawValue: row[2]) else { continue }
                let candidate = Candidate(id: row[0], placeID: row[1], level: level, period: Period(from: row[3], to: row[4]),
                                          source: (row[5] as String?) ?? "unknown source")
                let valid = candidate.period.contains(onDay)
                guard valid || candidate.period.to == nil else { continue }
                let key = PolygonKey(placeID: candidate.placeID, level: level)
                if let previous = chosen[key], previous.onDay || !valid { continue }
                chosen[key] = (candidate, valid)
            }
            return chosen.values.map(\.candidate)
        }
        var containing: [Candidate] = []
        for candidate in candidates.sorted(by: { $0.id < $1.id }) {
            do {
                if try prepared(candidate.id)?.contains(point) == true { containing.append(candidate) }
            } catch let error as GazetteerError {
                throw error
            } catch {
                throw GazetteerError.database("GEOS on geometry \(candidate.id): \(error)")
            }
        }
        // One hit per place, at the deepest level one of its polygons fills.
        var deepest: [Int64: Candidate] = [:]
        for candidate in containing where deepest[candidate.placeID].map({ $0.level < candidate.level }) ?? true {
            deepest[candidate.placeID] = candidate
        }
        return try store.read { db in
            let hits = try deepest.values.compactMap { item -> Hit? in
                guard let summary = try PlaceSQL.summary(db, id: item.placeID, at: day) else { return nil }
                let ancestry = try PlaceLookup.ancestry(db, placeID: item.placeID, at: day)
                let heldThen = try day.flatMap { try Self.holders(db, of: item.placeID, on: $0) }
                return Hit(place: summary, ancestry: ancestry, polygonLevel: item.level, boundarySource: item.source,
                           boundaryPeriod: item.period, heldThen: heldThen)
            }.sorted { ($0.polygonLevel, $0.place.level, $0.place.code ?? "") > ($1.polygonLevel, $1.place.level, $1.place.code ?? "") }
            let deepestLevel = hits.first?.polygonLevel
            return Answer(longitude: longitude, latitude: latitude, at: day?.description, deepestLevel: deepestLevel,
                          stop: try Self.stopSentence(db, deepestLevel: deepestLevel), results: hits)
        }
    }

    /// The divisions containing the point, the deepest first: the ``Answer/results`` of
    /// ``answer(longitude:latitude:at:)``.
    ///
    /// - Throws: As ``answer(longitude:latitude:at:)``.
    public func lookup(longitude: Double, latitude: Double, at day: Day? = nil) throws -> [Hit] {
        try answer(longitude: longitude, latitude: latitude, at: day).results
    }

    private struct Candidate {
        var id: Int64
        var placeID: Int64
        var level: PlaceLevel
        var period: Period
        var source: String
    }

    private struct PolygonKey: Hashable {
        var placeID: Int64
        var level: PlaceLevel
    }

    /// The prepared polygonal part of stored geometry `id`, read once.
    private func prepared(_ id: Int64) throws -> PreparedGeometry? {
        if let cached = cache[id] { return cached }
        guard let wkb = try store.read({ db in try Data.fetchOne(db, sql: "SELECT wkb FROM geometry WHERE id = ?", arguments: [id]) }) else {
            cache[id] = .some(nil)
            return nil
        }
        let prepared = try context.geometry(wkb: wkb).polygonalPart()?.prepared()
        cache[id] = .some(prepared)
        return prepared
    }

    /// Why the answer stops at `deepestLevel`: which finer levels have no polygons at all, and
    /// which have some, none of them containing the point.
    static func stopSentence(_ db: Database, deepestLevel: PlaceLevel?) throws -> String {
        let counts = try Row.fetchAll(db, sql: """
            SELECT COALESCE(g.level, p.level), count(DISTINCT g.place_id) FROM geometry g JOIN place p ON p.id = g.place_id GROUP BY 1
            """).reduce(into: [PlaceLevel: Int]()) { result, row in
            if let level = PlaceLevel(rawValue: row[0]) { result[level] = row[1] }
        }
        guard let deepestLevel else {
            let stored = PolygonLevel.levels.filter { counts[$0] != nil }
            return "no stored polygon contains the point"
                + (stored.isEmpty ? "" : " (polygons are stored at \(PolygonLevel.alternatives(stored).replacingOccurrences(of: " or ", with: " and ")) level)")
        }
        let finer = PolygonLevel.levels.filter { $0 > deepestLevel }
        guard !finer.isEmpty else { return "stops at \(deepestLevel.rawValue) level, the deepest level of divisions" }
        let missing = finer.filter { counts[$0] == nil }
        var reasons: [String] = []
        for level in finer where counts[level] != nil {
            reasons.append("no \(level.rawValue) polygon contains the point although \(level.rawValue) polygons are stored for \(try coverage(db, level: level))")
        }
        if !missing.isEmpty {
            reasons.append("no \(PolygonLevel.alternatives(missing)) polygons are stored")
        }
        return "stops at \(deepestLevel.rawValue) level: " + reasons.joined(separator: "; ")
    }

    /// The divisions the polygons of `level` lie in: "渝中区", "3 counties".
    private static func coverage(_ db: Database, level: PlaceLevel) throws -> String {
        let parents = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT h.parent_id FROM geometry g JOIN place p ON p.id = g.place_id
            JOIN hierarchy h ON h.child_id = g.place_id AND h.valid_to IS NULL
            WHERE COALESCE(g.level, p.level) = ?
            """, arguments: [level.rawValue])
        let summaries = try parents.compactMap { try PlaceSQL.summary(db, id: $0, at: nil) }
        if summaries.isEmpty { return PolygonLevel.count(try Int.fetchOne(db, sql: """
            SELECT count(DISTINCT g.place_id) FROM geometry g JOIN place p ON p.id = g.place_id WHERE COALESCE(g.level, p.level) = ?
            """, arguments: [level.rawValue]) ?? 0, level) }
        if summaries.count <= 3 {
            let names = summaries.sorted { ($0.code ?? "") < ($1.code ?? "") }.map { "\($0.code.map { "\($0) " } ?? "")\($0.name)" }
            return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
        let levels = Set(summaries.map(\.level))
        if levels.count == 1, let only = levels.first { return PolygonLevel.count(summaries.count, only) }
        return "\(summaries.count) divisions"
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

    /// The current code of the division whose prefecture-level polygon holds the point, else of
    /// the deepest division whose polygon does.
    func prefectureCode(longitude: Double, latitude: Double) throws -> String? {
        let hits = try geocoder.lookup(longitude: longitude, latitude: latitude)
        return (hits.first { $0.polygonLevel == .prefecture } ?? hits.first)?.place.code
    }
}
