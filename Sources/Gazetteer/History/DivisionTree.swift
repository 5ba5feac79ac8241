import Foundation
import GRDB

/// The division tree on a given day: every division valid that day, with its code, name and parent.
///
/// Its ``lines`` reproduce the yearly table of areacodes for 31 December of any year:
/// one `CODE NAME` line per division, in the published order.
///
/// ```swift
/// let tree = try DivisionTree(store: store, at: Day(parsing: "1990"), rootCode: "510000")
/// print(tree.lines.prefix(3))   // ["510000 四川省", "510100 成都市", "510102 东城区"]
/// ```
public struct DivisionTree: Sendable, Codable {
    /// One division in the tree.
    public struct Node: Sendable, Codable, Equatable {
        /// The GB/T 2260 code valid that day.
        public var code: String
        /// The standard name valid that day.
        public var name: String
        /// Province, prefecture or county.
        public var level: PlaceLevel
        /// The place's id in the database.
        public var placeID: Int64
        /// The parent's place id (the country for provinces).
        public var parentID: Int64?
        /// Depth below the tree's top: 0 for the top nodes.
        public var depth: Int
    }

    /// The day the tree describes.
    public let day: Day
    /// The nodes in published order (pre-order: each division followed by its subtree).
    public let nodes: [Node]

    /// `CODE NAME` lines, the format of the yearly tables.
    public var lines: [String] { nodes.map { "\($0.code) \($0.name)" } }

    /// Reads the tree.
    ///
    /// - Parameters:
    ///   - store: The gazetteer.
    ///   - day: The day; a year alone (`Day(parsing: "1990")`) is 31 December.
    ///   - rootCode: When given, only this division and its subtree.
    /// - Throws: ``GazetteerError/notFound(_:)`` when `rootCode` names no division on that day.
    public init(store: GazetteerStore, at day: Day, rootCode: String? = nil) throws {
        self.day = day
        let all = try store.read { db in try DivisionTree.fetch(db, at: day) }
        var nodes = all
        if let rootCode {
            guard let root = all.first(where: { $0.code == rootCode }) else {
                throw GazetteerError.notFound("no division has code \(rootCode) on \(day)")
            }
            var inside: Set<Int64> = [root.placeID]
            nodes = all.filter { node in
                if node.placeID == root.placeID { return true }
                if let parent = node.parentID, inside.contains(parent) { inside.insert(node.placeID); return true }
                return false
            }
        }
        // Depth relative to the top of the selection.
        var depthOf: [Int64: Int] = [:]
        for index in nodes.indices {
            let depth = nodes[index].parentID.flatMap { depthOf[$0] }.map { $0 + 1 } ?? 0
            depthOf[nodes[index].placeID] = depth
            nodes[index].depth = depth
        }
        self.nodes = nodes
    }

    static func fetch(_ db: Database, at day: Day) throws -> [Node] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT pc.code, n.text, p.level, p.id, h.parent_id, COALESCE(lo.sort_key, pc.code) AS sort_key
            FROM place_code pc
            JOIN place p ON p.id = pc.place_id AND p.kind = 'division'
            JOIN name n ON n.place_id = p.id AND n.type = 'standard' AND \(valid("n"))
            LEFT JOIN hierarchy h ON h.child_id = p.id AND \(valid("h"))
            LEFT JOIN listing_order lo ON lo.place_id = p.id AND \(valid("lo"))
            WHERE pc.scheme = 'GB2260' AND \(valid("pc"))
            ORDER BY sort_key
            """, arguments: ["day": day.description])
        // Parents are listed before their children, so a single pass finds every depth.
        return rows.map { row in
            let code: String = row[0]
            return Node(code: code, name: row[1], level: PlaceLevel(divisionCode: code) ?? PlaceLevel(rawValue: row[2]) ?? .county,
                        placeID: row[3], parentID: row[4], depth: 0)
        }
    }

    /// The SQL condition “valid on :day” for a table alias.
    static func valid(_ alias: String) -> String {
        "(\(alias).valid_from IS NULL OR \(alias).valid_from <= :day) AND (\(alias).valid_to IS NULL OR \(alias).valid_to > :day)"
    }
}
