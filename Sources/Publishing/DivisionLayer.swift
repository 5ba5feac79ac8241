import CRS
import Foundation
import GEOSKit
import Gazetteer
import GeoFormats

/// The gazetteer's divisions on a day, as a feature layer or as Linked Places.
///
/// Every division valid on the day is a feature (in the order of the official tables), with its
/// code, name, level and parent of that day, its pinyin, its former names and its stored
/// boundary where there is one.
///
/// ```swift
/// let export = DivisionLayer(store: store, day: try Day(parsing: "1996"), levels: [.prefecture], within: "510000")
/// let layer = try export.layer(context: context)        // write it with any FeatureWriter
/// let places = try export.linkedPlaces(baseURI: "https://example.org/places/", context: context)
/// ```
public struct DivisionLayer {
    public let store: GazetteerStore
    public let day: Day
    public let levels: Set<PlaceLevel>?
    public let within: String?

    /// - Parameters:
    ///   - day: The day whose divisions, codes, names and parents are used.
    ///   - levels: Only these levels (all when `nil`).
    ///   - within: Only this division and those under it on the day.
    public init(store: GazetteerStore, day: Day, levels: Set<PlaceLevel>? = nil, within: String? = nil) {
        self.store = store
        self.day = day
        self.levels = levels
        self.within = within
    }

    /// The divisions valid on the day (in the order of the official tables), with their details.
    func divisions() throws -> [(node: DivisionTree.Node, details: PlaceDetails)] {
        let tree = try DivisionTree(store: store, at: day, rootCode: within)
        let lookup = PlaceLookup(store: store)
        return try tree.nodes.filter { levels?.contains($0.level) ?? true }.map { ($0, try lookup.details(of: $0.placeID)) }
    }

    /// Stored boundaries valid on the day, as geometries, with the CRS they were stored in.
    func geometries(for ids: [Int64], context: GEOSContext) throws -> (geometries: [Int64: Geometry], crs: String?) {
        var result: [Int64: Geometry] = [:]
        var srids = Set<Int>()
        for (id, stored) in try store.geometries(of: ids, at: day) {
            result[id] = try context.geometry(wkb: stored.wkb)
            srids.insert(stored.srid)
        }
        let crs = srids.count == 1 ? srids.first.flatMap { try? CoordinateReferenceSystem(epsg: $0) }?.identifier : nil
        return (result, crs)
    }

    /// The fields of ``layer(context:)``, in order.
    public static let fields = ["code", "name", "level", "parent_code", "parent_name", "pinyin", "former_names", "valid_from", "valid_to", "place_id"]

    /// The divisions as a layer named `divisions`: one feature per division, with its geometry where stored.
    ///
    /// - Throws: ``GazetteerError`` when the gazetteer cannot be read or `within` names no division on the day.
    public func layer(context: GEOSContext) throws -> FeatureLayer {
        let items = try divisions()
        let (shapes, crs) = try geometries(for: items.map(\.node.placeID), context: context)
        let codeOf = Dictionary(items.map { ($0.node.placeID, ($0.node.code, $0.node.name)) }, uniquingKeysWith: { a, _ in a })
        var features: [Feature] = []
        for (node, details) in items {
            var p: [String: PropertyValue] = [:]
            p["code"] = .string(node.code)
            p["name"] = .string(node.name)
            p["level"] = .string(node.level.rawValue)
            let parent = node.parentID.flatMap { codeOf[$0] } ?? details.parents.first { $0.period.contains(day) }.map { ($0.code ?? "", $0.name) }
            p["parent_code"] = parent.map { .string($0.0) } ?? .null
            p["parent_name"] = parent.map { .string($0.1) } ?? .null
            let current = details.names.first { $0.type == .standard && $0.period.contains(day) }
            p["pinyin"] = current?.romanization.map(PropertyValue.string) ?? .null
            let former = details.names.filter { $0.type == .standard && !$0.period.contains(day) && $0.text != node.name }
            p["former_names"] = former.isEmpty ? .null : .string(former.map { "\($0.text) (\($0.period))" }.joined(separator: "; "))
            p["valid_from"] = details.summary.period.from.map(PropertyValue.string) ?? .null
            p["valid_to"] = details.summary.period.to.map(PropertyValue.string) ?? .null
            p["place_id"] = .integer(node.placeID)
            features.append(Feature(id: .string(node.code), properties: p, geometry: shapes[node.placeID]))
        }
        return FeatureLayer(name: "divisions", crs: crs ?? CoordinateReferenceSystem.wgs84.identifier, fields: Self.fields, features: features,
                            fieldTypes: ["place_id": .integer])
    }

    /// The divisions as Linked Places: every standard, short, former and romanised name and every
    /// parent, with the periods they held; geometries (WGS 84) where stored.
    ///
    /// - Throws: ``GazetteerError`` when the gazetteer cannot be read; a CRS error when a stored boundary cannot be transformed.
    public func linkedPlaces(baseURI: String, context: GEOSContext) throws -> [LinkedPlace] {
        let items = try divisions()
        var (shapes, crs) = try geometries(for: items.map(\.node.placeID), context: context)
        if let crs, let source = try? CoordinateReferenceSystem(parsing: crs), source != .wgs84 {
            let transform = try CoordinateTransform(from: source, to: .wgs84)
            for (id, g) in shapes { shapes[id] = try transform.transform(g) }
        }
        return items.map { node, details in
            var record = LinkedPlaceRecord.make(details, baseURI: baseURI, geometry: shapes[node.placeID])
            record.title = node.name
            record.types = [LPFType(identifier: "gbt18521:\(node.level.categoryCode ?? node.level.rawValue)", label: "\(node.level.rawValue)-level division")]
            return record
        }
    }
}
