import Foundation
import GRDB

/// Follows the event graph around a place in both directions: what it came from and what it became.
///
/// Backwards, an event in which the place appeared (successor) leads to its predecessors;
/// forwards, an event in which it ceased (predecessor) leads to its successors and to the
/// places that received its territory. Renames, recodes, re-parentings and territory
/// transfers of every place reached are part of the chain; places that only gave or received
/// territory are shown but not followed further.
///
/// ```swift
/// let chain = try HistoryTracer(store: store).trace(placeID: wanxian.id)
/// for event in chain.events { print(event.summary) }
/// // 1992-12-11 reorganized: 万县市 (512201), 万县 (512221) → 龙宝区 (511202), 天城区 (511203), 五桥区 (511204) …
/// // 1997-12-20 merged: 龙宝区 (511202), 天城区 (511203), 五桥区 (511204) → 万县区 (500101) …
/// // 1998-05-22 renamed 万县区 → 万州区 …
/// ```
public struct HistoryTracer: Sendable {
    public let store: GazetteerStore

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// The chain around a place.
    ///
    /// - Parameters:
    ///   - placeID: Where to start.
    ///   - maxHops: How many predecessor or successor steps to follow from the start.
    /// - Throws: ``GazetteerError/notFound(_:)`` for an unknown place.
    public func trace(placeID: Int64, maxHops: Int = 6) throws -> HistoryChain {
        try store.read { db in
            guard let origin = try PlaceSQL.summary(db, id: placeID) else {
                throw GazetteerError.notFound("no place with id \(placeID)")
            }
            enum Direction { case both, backward, forward }
            var queue: [(id: Int64, direction: Direction, hops: Int, after: String?, before: String?)] = [(placeID, .both, 0, nil, nil)]
            var visited: [Int64: (direction: Direction, hops: Int)] = [placeID: (.both, 0)]
            var events: [Int64: EventRecord] = [:]
            var cursor = 0
            while cursor < queue.count {
                let item = queue[cursor]
                cursor += 1
                for event in try PlaceSQL.events(db, placeID: item.id) {
                    if let after = item.after, event.effectiveDate < after { continue }
                    if let before = item.before, event.effectiveDate > before { continue }
                    events[event.id] = event
                    let roles = Set(event.participants.filter { $0.placeID == item.id }.map(\.role))
                    guard item.hops < maxHops else { continue }
                    var next: [(Int64, Direction)] = []
                    if item.direction != .backward, roles.contains(.predecessor) {
                        next += (event.participants(.successor) + event.participants(.receiver)).map { ($0.placeID, .forward) }
                    }
                    if item.direction != .forward, roles.contains(.successor) {
                        next += event.participants(.predecessor).map { ($0.placeID, .backward) }
                    }
                    for (id, direction) in next where visited[id] == nil {
                        visited[id] = (direction, item.hops + 1)
                        queue.append((id, direction, item.hops + 1,
                                      direction == .forward ? event.effectiveDate : nil,
                                      direction == .backward ? event.effectiveDate : nil))
                    }
                }
            }
            let places = try queue.compactMap { item -> HistoryChain.Member? in
                guard let summary = try PlaceSQL.summary(db, id: item.id) else { return nil }
                let names = try Row.fetchAll(db, sql: """
                    SELECT text, valid_from, valid_to FROM name WHERE place_id = ? AND type = 'standard' ORDER BY valid_from IS NOT NULL, valid_from
                    """, arguments: [item.id]).map { "\($0["text"] as String) (\(Period(from: $0["valid_from"], to: $0["valid_to"])))" }
                let direction: String = switch item.direction { case .both: "origin"; case .backward: "before"; case .forward: "after" }
                return HistoryChain.Member(place: summary, relation: direction, hops: item.hops, names: names)
            }
            let ordered = events.values.sorted { ($0.effectiveDate, $0.id) < ($1.effectiveDate, $1.id) }
            return HistoryChain(origin: origin, members: places, events: ordered)
        }
    }
}

/// The places and events around a place, oldest event first.
public struct HistoryChain: Sendable, Codable, Equatable {
    /// A place reached while tracing.
    public struct Member: Sendable, Codable, Equatable {
        public var place: PlaceSummary
        /// `origin`, `before` (a predecessor, directly or further back) or `after` (a successor).
        public var relation: String
        /// Steps from the origin.
        public var hops: Int
        /// Its standard names with their periods.
        public var names: [String]
    }

    public var origin: PlaceSummary
    public var members: [Member]
    public var events: [EventRecord]
}
