import CRS
import GEOSKit
import Gazetteer
import GeoFormats

/// A gazetteer place as a Linked Places record: every name with the period it held (and the
/// pinyin of standard names), every parent with its period, the place's type (its GB/T 18521
/// category) and its boundary.
///
/// ```swift
/// let details = try PlaceLookup(store: store).details(of: id)
/// let place = LinkedPlaceRecord.make(details, baseURI: "https://example.org/places/")
/// let text = try LinkedPlacesWriter().document([place])
/// ```
public enum LinkedPlaceRecord {
    /// The record of a place.
    ///
    /// - Parameters:
    ///   - details: The place's codes, names, parents and events (``PlaceLookup/details(of:at:)``).
    ///   - baseURI: Prefix of place URIs; a place's URI is the prefix and its id.
    ///   - geometry: Its boundary in WGS 84, when known.
    public static func make(_ details: PlaceDetails, baseURI: String, geometry: Geometry? = nil) -> LinkedPlace {
        func spans(_ p: Period) -> [LPFTimespan] {
            p.from == nil && p.to == nil ? [] : [LPFTimespan(start: p.from, end: p.to)]
        }
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
        let level = details.summary.level
        // The place's own GB/T 18521 category where it has one that its level does not imply (a river, a square).
        let type = details.category.flatMap { $0.code == level.categoryCode ? nil : LPFType(identifier: "gbt18521:\($0.code)", label: $0.name) }
            ?? LPFType(identifier: "gbt18521:\(level.categoryCode ?? level.rawValue)", label: "\(level.rawValue)-level \(details.summary.kind.rawValue)")
        return LinkedPlace(id: "\(baseURI)\(details.summary.id)", title: details.summary.name, countryCodes: ["CN"], when: spans(details.summary.period),
                           names: names, types: [type], relations: relations, geometry: geometry)
    }

    /// The stored boundary of a place valid on `day` (any day when `nil`), in WGS 84.
    ///
    /// - Throws: ``GazetteerError`` when the gazetteer cannot be read; GEOS or CRS errors when the
    ///   stored boundary cannot be read or transformed.
    public static func boundary(of placeID: Int64, at day: Day?, store: GazetteerStore, context: GEOSContext) throws -> Geometry? {
        guard let stored = try store.geometries(of: [placeID], at: day)[placeID] else { return nil }
        let geometry = try context.geometry(wkb: stored.wkb)
        let crs = try CoordinateReferenceSystem(epsg: stored.srid)
        return crs == .wgs84 ? geometry : try CoordinateTransform(from: crs, to: .wgs84).transform(geometry)
    }
}
