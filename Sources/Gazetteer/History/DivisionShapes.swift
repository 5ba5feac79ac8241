import Foundation
import GEOSKit
import GRDB

/// A division with a stored boundary, as it was on a day: its code, name, level and parent then.
public struct DivisionShape: Sendable, Equatable {
    /// The place; stable for the life of the database, whatever its code or name.
    public var placeID: Int64
    /// The GB/T 2260 code on the day.
    public var code: String
    /// The standard name on the day.
    public var name: String
    /// The level on the day, from the code then (重庆市 was prefecture-level until 1997).
    public var level: PlaceLevel
    /// The parent on the day, when it had one.
    public var parentID: Int64?
    public var parentCode: String?
    public var parentName: String?
    /// The bounding box of the stored boundary, in its SRID's units.
    public var envelope: Envelope
    /// The SRID the boundary is stored with (4326: longitude/latitude).
    public var srid: Int
    /// When the stored boundary is valid.
    public var geometryPeriod: Period
    /// The boundary as WKB; empty unless asked for (see ``DivisionShapeQuery/includeGeometry``).
    public var wkb: [UInt8]
}

/// Which divisions with stored boundaries to read, and which page of them.
public struct DivisionShapeQuery: Sendable, Equatable {
    /// The day whose codes, names and parents are used; only divisions that existed then are read.
    public var day: Day
    /// Only boundaries whose bounding box meets this box (longitude/latitude for SRID 4326).
    public var bbox: Envelope?
    /// Only divisions at this level on the day.
    public var level: PlaceLevel?
    /// Only divisions whose parent on the day has this code.
    public var parentCode: String?
    /// Only this place.
    public var placeID: Int64?
    /// How many to skip, in code order.
    public var offset: Int = 0
    /// How many to return at most.
    public var limit: Int = 10
    /// Whether to read the boundaries' WKB (the listing alone is much cheaper).
    public var includeGeometry: Bool = true

    public init(day: Day, bbox: Envelope? = nil, level: PlaceLevel? = nil, parentCode: String? = nil, placeID: Int64? = nil,
                offset: Int = 0, limit: Int = 10, includeGeometry: Bool = true) {
        self.day = day
        self.bbox = bbox
        self.level = level
        self.parentCode = parentCode
        self.placeID = placeID
        self.offset = offset
        self.limit = limit
        self.includeGeometry = includeGeometry
    }
}

/// One page of divisions with stored boundaries.
public struct DivisionShapePage: Sendable, Equatable {
    /// How many divisions match the query in all.
    public var matched: Int
    /// The divisions on this page, in code order.
    public var shapes: [DivisionShape]
}

extension GazetteerStore {
    /// The divisions with a stored boundary on a day, filtered and paged, in code order.
    ///
    /// Each carries the code, name, level and parent it had on ``DivisionShapeQuery/day``;
    /// the bounding-box filter uses the R*Tree of stored boundaries.
    ///
    /// ```swift
    /// let page = try store.divisionShapes(DivisionShapeQuery(day: try Day(parsing: "1996"), level: .prefecture, limit: 50))
    /// page.shapes.first { $0.name == "重庆市" }?.parentName   // "四川省"
    /// ```
    ///
    /// - Throws: ``GazetteerError/database(_:)`` when the database cannot be read.
    public func divisionShapes(_ query: DivisionShapeQuery) throws -> DivisionShapePage {
        try read { db in
            var arguments: [String: (any DatabaseValueConvertible)?] = ["day": query.day.description]
            var filters = ["\(DivisionTree.valid("g"))"]
            if let box = query.bbox {
                filters.append("r.max_x >= :minX AND r.min_x <= :maxX AND r.max_y >= :minY AND r.min_y <= :maxY")
                arguments["minX"] = box.minX; arguments["maxX"] = box.maxX
                arguments["minY"] = box.minY; arguments["maxY"] = box.maxY
            }
            if let placeID = query.placeID {
                filters.append("g.place_id = :place")
                arguments["place"] = placeID
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT g.id AS geometry_id, g.place_id, g.srid, g.valid_from, g.valid_to,
                       r.min_x, r.max_x, r.min_y, r.max_y,
                       pc.code, n.text AS name, h.parent_id, ppc.code AS parent_code, pn.text AS parent_name
                FROM geometry g
                JOIN geometry_rtree r ON r.id = g.id
                JOIN place p ON p.id = g.place_id AND p.kind = 'division'
                JOIN place_code pc ON pc.place_id = p.id AND pc.scheme = 'GB2260' AND \(DivisionTree.valid("pc"))
                JOIN name n ON n.place_id = p.id AND n.type = 'standard' AND \(DivisionTree.valid("n"))
                LEFT JOIN hierarchy h ON h.child_id = p.id AND \(DivisionTree.valid("h"))
                LEFT JOIN place_code ppc ON ppc.place_id = h.parent_id AND ppc.scheme = 'GB2260' AND \(DivisionTree.valid("ppc"))
                LEFT JOIN name pn ON pn.place_id = h.parent_id AND pn.type = 'standard' AND \(DivisionTree.valid("pn"))
                WHERE \(filters.joined(separator: " AND "))
                ORDER BY pc.code, g.place_id, g.id DESC
                """, arguments: StatementArguments(arguments))
            // One boundary per place: the most recently stored of those valid on the day.
            var seen = Set<Int64>()
            var shapes: [(geometryID: Int64, shape: DivisionShape)] = []
            for row in rows {
                let placeID: Int64 = row["place_id"]
                guard seen.insert(placeID).inserted else { continue }
                let code: String = row["code"]
                guard let level = PlaceLevel(divisionCode: code) else { continue }
                if let wanted = query.level, wanted != level { continue }
                let parentCode: String? = row["parent_code"]
                if let wanted = query.parentCode, wanted != parentCode { continue }
                let shape = DivisionShape(
                    placeID: placeID, code: code, name: row["name"], level: level,
                    parentID: row["parent_id"], parentCode: parentCode, parentName: row["parent_name"],
                    envelope: Envelope(minX: row["min_x"], minY: row["min_y"], maxX: row["max_x"], maxY: row["max_y"]),
                    srid: row["srid"], geometryPeriod: Period(from: row["valid_from"], to: row["valid_to"]), wkb: [])
                shapes.append((row["geometry_id"], shape))
            }
            let start = min(max(query.offset, 0), shapes.count)
            let end = min(start + max(query.limit, 0), shapes.count)
            var page = Array(shapes[start..<end])
            if query.includeGeometry {
                for index in page.indices {
                    let data = try Data.fetchOne(db, sql: "SELECT wkb FROM geometry WHERE id = ?", arguments: [page[index].geometryID])
                    page[index].shape.wkb = data.map { [UInt8]($0) } ?? []
                }
            }
            return DivisionShapePage(matched: shapes.count, shapes: page.map(\.shape))
        }
    }
}

extension GazetteerStore {
    /// The bounding box of every stored division boundary (in longitude/latitude for SRID 4326),
    /// `nil` when none is stored.
    ///
    /// - Throws: ``GazetteerError/database(_:)`` when the database cannot be read.
    public func divisionShapesExtent() throws -> Envelope? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT min(min_x), min(min_y), max(max_x), max(max_y) FROM geometry_rtree"),
                  let minX = row[0] as Double?, let minY = row[1] as Double?, let maxX = row[2] as Double?, let maxY = row[3] as Double? else {
                return nil
            }
            return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        }
    }
}
