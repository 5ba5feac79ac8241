import CRS
import Foundation
import GEOSKit
import Gazetteer
import GeoFormats

/// The gazetteer's divisions on a day, as a feature layer or as Linked Places.
struct DivisionExport {
    let store: GazetteerStore
    let day: Day
    let levels: Set<PlaceLevel>?
    let within: String?

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

    static let fields = ["code", "name", "level", "parent_code", "parent_name", "pinyin", "former_names", "valid_from", "valid_to", "place_id"]

    /// The divisions as a layer named `divisions`: one feature per division, with its geometry where stored.
    func layer(context: GEOSContext) throws -> FeatureLayer {
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
    func linkedPlaces(baseURI: String, context: GEOSContext) throws -> [LinkedPlace] {
        let items = try divisions()
        var (shapes, crs) = try geometries(for: items.map(\.node.placeID), context: context)
        if let crs, let source = try? CoordinateReferenceSystem(parsing: crs), source != .wgs84 {
            let transform = try CoordinateTransform(from: source, to: .wgs84)
            for (id, g) in shapes { shapes[id] = try transform.transform(g) }
        }
        func spans(_ p: Period) -> [LPFTimespan] {
            p.from == nil && p.to == nil ? [] : [LPFTimespan(start: p.from, end: p.to)]
        }
        return items.map { node, details in
            var names: [LPFName] = []
            for n in details.names {
                names.append(LPFName(toponym: n.text, language: n.language == "und" ? "und-\(n.script)" : "\(n.language)-\(n.script)", when: spans(n.period)))
                if let r = n.romanization, n.type == .standard {
                    names.append(LPFName(toponym: r, language: "zh-Latn-pinyin", when: spans(n.period)))
                }
            }
            let relations = details.parents.map { parent in
                LPFRelation(relationTo: "\(baseURI)\(parent.parentID)", label: "part of \(parent.code.map { "\($0) " } ?? "")\(parent.name)", when: spans(parent.period))
            }
            let type = LPFType(identifier: "gbt18521:\(node.level.categoryCode ?? node.level.rawValue)", label: "\(node.level.rawValue)-level division")
            return LinkedPlace(id: "\(baseURI)\(node.placeID)", title: node.name, countryCodes: ["CN"], when: spans(details.summary.period),
                               names: names, types: [type], relations: relations, geometry: shapes[node.placeID])
        }
    }
}
