import Foundation
import GRDB

/// Finds places by code or name and reads everything recorded about them.
///
/// ```swift
/// let lookup = PlaceLookup(store: store)
/// let wanxian = try lookup.resolveOne("万县")
/// let details = try lookup.details(of: wanxian.id, at: Day(parsing: "1990"))
/// print(details.ancestry.map(\.label))   // 中华人民共和国 … 四川省 … 万县地区 … 万县
/// ```
public struct PlaceLookup: Sendable {
    public let store: GazetteerStore

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// The places a code or name denotes.
    ///
    /// A code (6, 9 or 12 digits) matches every place that ever had it — codes are re-used.
    /// A name matches places that ever bore it (any name type; traditional characters folded
    /// when the Pinyin module is present), then places whose name without its generic suffix
    /// it is (渝中 → 渝中区), then romanised names (Chungking); failing all, any other code a
    /// place has (a GeoNames id, the identifier of an imported record).
    ///
    /// - Parameters:
    ///   - query: A code or a name.
    ///   - day: When given, only places that had the code or name on that day.
    /// - Returns: Current places first, then the most recent.
    public func resolve(_ query: String, at day: Day? = nil) throws -> [PlaceSummary] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw GazetteerError.invalidInput(source: "query", line: nil, message: "empty code or name") }
        let dayText = day?.description
        let during = """
            AND (:day IS NULL OR ((valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)))
            """
        return try store.read { db in
            var ids: [Int64] = []
            if trimmed.allSatisfy(\.isASCIIDigit), [6, 9, 12].contains(trimmed.count) {
                ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT place_id FROM place_code WHERE code = :q \(during)",
                                         arguments: ["q": trimmed, "day": dayText])
            } else {
                let folded = SearchText.hasHan(trimmed) ? SearchText.foldHan(trimmed, keys: store.searchKeys) : trimmed
                for column in ["text", "specific"] where ids.isEmpty {
                    ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT place_id FROM name WHERE \(column) = :q \(during)",
                                             arguments: ["q": folded, "day": dayText])
                    if ids.isEmpty, folded != trimmed {
                        ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT place_id FROM name WHERE \(column) = :q \(during)",
                                                 arguments: ["q": trimmed, "day": dayText])
                    }
                }
                if ids.isEmpty, !SearchText.hasHan(trimmed) {
                    let key = SearchText.latinKey(trimmed)
                    ids = try Int64.fetchAll(try db.cachedStatement(sql: """
                        SELECT DISTINCT d.place_id FROM search_latin l JOIN search_doc d ON d.id = l.doc
                        WHERE l.key = :q AND l.kind IN (1, 3)
                          AND (:day IS NULL OR ((d.valid_from IS NULL OR d.valid_from <= :day) AND (d.valid_to IS NULL OR d.valid_to > :day)))
                        """), arguments: ["q": key, "day": dayText])
                }
            }
            if ids.isEmpty {
                // Any other identifier a place has: GeoNames ids, codes of imported records.
                ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT place_id FROM place_code WHERE code = :q \(during)",
                                         arguments: ["q": trimmed, "day": dayText])
            }
            let summaries = try ids.compactMap { try PlaceSQL.summary(db, id: $0, at: day) }
            return summaries.sorted { a, b in
                if (a.status == "current") != (b.status == "current") { return a.status == "current" }
                if a.level != b.level { return a.level < b.level }
                return (a.period.to ?? "9999") > (b.period.to ?? "9999")
            }
        }
    }

    /// The one place a code or name denotes.
    ///
    /// - Throws: ``GazetteerError/notFound(_:)`` when there is none,
    ///   ``GazetteerError/ambiguous(_:candidates:)`` listing them when there are several.
    public func resolveOne(_ query: String, at day: Day? = nil) throws -> PlaceSummary {
        let matches = try resolve(query, at: day)
        guard let first = matches.first else {
            throw GazetteerError.notFound("no place has the code or name “\(query)”\(day.map { " on \($0)" } ?? "")")
        }
        guard matches.count == 1 else { throw GazetteerError.ambiguous(query, candidates: matches.map(\.label)) }
        return first
    }

    /// Everything recorded about a place.
    ///
    /// - Parameters:
    ///   - placeID: The place's id.
    ///   - day: When given, the summary and ancestry are those of that day.
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown id.
    public func details(of placeID: Int64, at day: Day? = nil) throws -> PlaceDetails {
        try store.read { db in
            guard let summary = try PlaceSQL.summary(db, id: placeID, at: day) else {
                throw GazetteerError.notFound("no place with id \(placeID)")
            }
            let codes = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT scheme, code, valid_from, valid_to FROM place_code WHERE place_id = ?
                ORDER BY CASE scheme WHEN 'GB2260' THEN 0 WHEN 'STATS12' THEN 1 ELSE 2 END, valid_from IS NOT NULL, valid_from, id
                """), arguments: [placeID]).map {
                CodeFact(scheme: $0["scheme"], code: $0["code"], period: Period(from: $0["valid_from"], to: $0["valid_to"]))
            }
            let names = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT n.*, s.key AS source_key FROM name n LEFT JOIN source s ON s.id = n.source_id WHERE n.place_id = ?
                ORDER BY CASE n.type WHEN 'standard' THEN 0 WHEN 'short' THEN 1 WHEN 'alias' THEN 2 WHEN 'former' THEN 3 WHEN 'variant' THEN 4 ELSE 5 END,
                         n.valid_from IS NOT NULL, n.valid_from, n.id
                """), arguments: [placeID]).map {
                NameFact(text: $0["text"], type: NameType(rawValue: $0["type"]) ?? .alias, language: $0["language"], script: $0["script"],
                         romanization: $0["romanization"] ?? (SearchText.hasHan($0["text"]) ? store.searchKeys?.romanization(of: $0["text"]) : nil), period: Period(from: $0["valid_from"], to: $0["valid_to"]), source: $0["source_key"])
            }
            let parents = try Row.fetchAll(try db.cachedStatement(sql: """
                SELECT parent_id, valid_from, valid_to FROM hierarchy WHERE child_id = ? ORDER BY valid_from IS NOT NULL, valid_from, id
                """), arguments: [placeID]).compactMap { row -> ParentFact? in
                let to: String? = row["valid_to"]
                let lastDay = to.flatMap { Day(stored: $0)?.previous }
                guard let parent = try PlaceSQL.summary(db, id: row["parent_id"], at: lastDay) else { return nil }
                return ParentFact(parentID: parent.id, code: parent.code, name: parent.name, period: Period(from: row["valid_from"], to: to))
            }
            let events = try PlaceSQL.events(db, placeID: placeID)
            let ancestry = try Self.ancestry(db, placeID: placeID, at: day)
            let childDay = day ?? Day.today
            let children = try Int64.fetchAll(try db.cachedStatement(sql: """
                SELECT h.child_id FROM hierarchy h
                LEFT JOIN place_code pc ON pc.place_id = h.child_id AND pc.scheme IN ('GB2260','STATS12')
                  AND (pc.valid_from IS NULL OR pc.valid_from <= :day) AND (pc.valid_to IS NULL OR pc.valid_to > :day)
                WHERE h.parent_id = :id AND (h.valid_from IS NULL OR h.valid_from <= :day) AND (h.valid_to IS NULL OR h.valid_to > :day)
                ORDER BY pc.code
                """), arguments: ["id": placeID, "day": childDay.description]).compactMap { try PlaceSQL.summary(db, id: $0, at: childDay) }
            let hasGeometry = try Bool.fetchOne(try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM geometry WHERE place_id = ?)"), arguments: [placeID]) ?? false
            let category = try RecordEditor.category(db, placeID: placeID)
            return PlaceDetails(summary: summary, day: day?.description, codes: codes, names: names, parents: parents,
                                ancestry: ancestry, children: children, events: events, hasGeometry: hasGeometry,
                                category: PlaceCategory(stored: category),
                                record: try RecordSQL.record(db, placeID: placeID, category: category))
        }
    }

    /// The chain of parents on `day` (today when nil), from the place up to the country.
    static func ancestry(_ db: Database, placeID: Int64, at day: Day?) throws -> [PlaceDetails.AncestorStep] {
        let on = day ?? Day.today
        var steps: [PlaceDetails.AncestorStep] = []
        var current: Int64? = placeID
        var seen: Set<Int64> = []
        while let id = current, seen.insert(id).inserted {
            guard let summary = try PlaceSQL.summary(db, id: id, at: on) else { break }
            let existed = summary.period.contains(on)
            var predecessors: [PlaceSummary] = []
            if !existed {
                // Not yet (or no longer) there: who held the ground then, by the event graph.
                let ids = try Int64.fetchAll(try db.cachedStatement(sql: """
                    SELECT DISTINCT p.place_id FROM change_participant s
                    JOIN change_participant p ON p.event_id = s.event_id AND p.role IN ('predecessor', 'donor')
                    JOIN change_event e ON e.id = s.event_id
                    WHERE s.place_id = ? AND s.role IN ('successor', 'receiver') AND e.effective_date > ?
                    ORDER BY e.effective_date
                    """), arguments: [id, on.description])
                predecessors = try ids.compactMap { try PlaceSQL.summary(db, id: $0, at: on) }.filter { $0.period.contains(on) }
            }
            steps.append(PlaceDetails.AncestorStep(place: summary, existed: existed, heldBy: predecessors))
            // Up from the place itself on that day; when it did not exist, from what held the ground.
            let climbFrom = existed ? id : (predecessors.first?.id ?? id)
            current = try Int64.fetchOne(try db.cachedStatement(sql: """
                SELECT parent_id FROM hierarchy WHERE child_id = ? AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)
                """), arguments: [climbFrom, on.description, on.description])
        }
        return steps
    }
}

/// Everything recorded about a place: codes, names and parents with their periods, and its events.
public struct PlaceDetails: Sendable, Codable, Equatable {
    /// One step of the chain of parents on a day.
    public struct AncestorStep: Sendable, Codable, Equatable {
        /// The place with its code and name on that day (its nearest when it did not exist then).
        public var place: PlaceSummary
        /// Whether the place existed on that day.
        public var existed: Bool
        /// When it did not exist: the places that then held what later became it.
        public var heldBy: [PlaceSummary]

        public var label: String {
            guard !existed else { return "\(place.code.map { "\($0) " } ?? "")\(place.name)" }
            let held = heldBy.map { "\($0.code.map { "\($0) " } ?? "")\($0.name)" }.joined(separator: ", ")
            return "\(place.name) (not yet in existence\(held.isEmpty ? "" : "; then part of \(held)"))"
        }
    }

    public var summary: PlaceSummary
    /// The day asked about, if any.
    public var day: String?
    public var codes: [CodeFact]
    public var names: [NameFact]
    public var parents: [ParentFact]
    /// From the place up to the country, on the day asked about (today when none).
    public var ancestry: [AncestorStep]
    /// Direct children on that day.
    public var children: [PlaceSummary]
    /// Every event the place took part in, oldest first.
    public var events: [EventRecord]
    /// Whether a geometry is stored for the place.
    public var hasGeometry: Bool
    /// The place's GB/T 18521 category with its name, when it has one.
    public var category: PlaceCategory? = nil
    /// The place-name record (meaning, origin, history, locations, sources, attachments), when any is stored.
    public var record: PlaceRecord? = nil
}
