import GEOSKit
import GRDB

/// The levels a division polygon layer can fill, and which division fills a level where the
/// hierarchy skips it.
///
/// A polygon layer is one level of the division tree: provinces, prefectures, counties or
/// townships. Most places of a layer have that level themselves, but China's hierarchy skips a
/// level in a few places, and the division that holds the ground there stands in for it:
///
/// - in a prefecture layer, a province-level municipality (重庆市 500000: no prefecture under it,
///   its counties sit directly below it) and a county-level division directly under a province
///   that has prefectures elsewhere (仙桃市 429004 under 湖北省);
/// - in a county layer, a prefecture-level city without counties (东莞市 441900: its townships
///   sit directly below it);
/// - in any layer, a province GB/T 2260 lists nothing under (台湾省 710000, 香港 810000, 澳门 820000).
///
/// A stand-in is recognised from the hierarchy of today: a place coarser than the level fills it
/// when it has no current child at that level but has children below it (or is a province
/// without children); a place finer than the
/// level fills it when its parent is coarser than the level and has children at the level elsewhere.
enum PolygonLevel {
    /// The levels `quhua import geometry --level` takes, coarsest first.
    static let levels: [PlaceLevel] = [.province, .prefecture, .county, .township]

    /// Whether the place (of level `placeLevel`) fills `level` in a polygon layer: it has that
    /// level, or it stands in for it where the hierarchy skips the level.
    static func fits(_ db: Database, placeID: Int64, placeLevel: PlaceLevel, level: PlaceLevel) throws -> Bool {
        if placeLevel == level { return true }
        if placeLevel < level {
            // Coarser: no child at the level, but children below it.
            let childLevels = try String.fetchAll(db, sql: """
                SELECT DISTINCT c.level FROM hierarchy h JOIN place c ON c.id = h.child_id AND c.status = 'current'
                WHERE h.parent_id = ? AND h.valid_to IS NULL
                """, arguments: [placeID]).compactMap(PlaceLevel.init(rawValue:))
            // A province without any division under it (台湾省 710000, 香港 810000, 澳门 820000 in
            // GB/T 2260) stands in for every level below it.
            if childLevels.isEmpty { return placeLevel == .province }
            return !childLevels.contains(level) && childLevels.contains { $0 > level }
        }
        // Finer: the parent is coarser than the level and has children at the level elsewhere.
        guard let parent = try Row.fetchOne(db, sql: """
            SELECT p.id, p.level FROM hierarchy h JOIN place p ON p.id = h.parent_id
            WHERE h.child_id = ? AND h.valid_to IS NULL ORDER BY h.valid_from DESC LIMIT 1
            """, arguments: [placeID]),
            let parentLevel = PlaceLevel(rawValue: parent[1]), parentLevel < level else { return false }
        return try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM hierarchy h JOIN place c ON c.id = h.child_id AND c.status = 'current' AND c.level = ?
                           WHERE h.parent_id = ? AND h.valid_to IS NULL)
            """, arguments: [level.rawValue, parent[0] as Int64]) ?? false
    }

    /// The noun for a number of divisions of a level: "1 county", "3 counties".
    static func count(_ number: Int, _ level: PlaceLevel) -> String {
        let noun: String
        switch level {
        case .country: noun = number == 1 ? "country" : "countries"
        case .province: noun = number == 1 ? "province-level division" : "province-level divisions"
        case .prefecture: noun = number == 1 ? "prefecture-level division" : "prefecture-level divisions"
        case .county: noun = number == 1 ? "county" : "counties"
        case .township: noun = number == 1 ? "township" : "townships"
        case .village: noun = number == 1 ? "village" : "villages"
        case .feature: noun = number == 1 ? "feature" : "features"
        }
        return "\(number) \(noun)"
    }

    /// "county", "county or township", "prefecture, county or township".
    static func alternatives(_ levels: [PlaceLevel]) -> String {
        let words = levels.map(\.rawValue)
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    }
}

extension Geometry {
    /// The polygonal part of the geometry: itself when it is a polygon or multipolygon, the
    /// polygons of a collection (as a multipolygon, what GEOS `makeValid` may return beside
    /// collapsed lines), `nil` when it has no area.
    func polygonalPart() throws -> Geometry? {
        switch try type {
        case .polygon, .multiPolygon:
            return try isEmpty ? nil : self
        case .geometryCollection:
            var polygons: [Geometry] = []
            for part in try parts() {
                switch try part.type {
                case .polygon: polygons.append(part)
                case .multiPolygon: polygons.append(contentsOf: try part.parts())
                default: continue
                }
            }
            let nonEmpty = try polygons.filter { try !$0.isEmpty }
            guard !nonEmpty.isEmpty else { return nil }
            return nonEmpty.count == 1 ? try nonEmpty[0].clone() : try context.collection(.multiPolygon, nonEmpty)
        default:
            return nil
        }
    }
}
