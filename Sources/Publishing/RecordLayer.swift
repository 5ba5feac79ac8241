import CRS
import Foundation
import GEOSKit
import Gazetteer
import GeoFormats

/// The gazetteer's place-name records as a feature layer named `records`.
///
/// One feature per stored location (point, line or polygon, WGS 84 longitude/latitude), and one
/// without geometry for a recorded place that has no location; each carries the place's code,
/// name, level, GB/T 18521 category, parent, meaning (含义), origin (来历), history (沿革), note,
/// cited sources and attachments (`sha256:… (media type, bytes)`).
///
/// ```swift
/// let layer = try RecordLayer(store: store).layer(context: context)
/// _ = try GeoFormat.geoPackage.writer.write(layer, to: URL(fileURLWithPath: "records.gpkg"), options: WriteOptions())
/// ```
public struct RecordLayer {
    /// The gazetteer read from.
    public let store: GazetteerStore

    /// The records of `store`.
    public init(store: GazetteerStore) {
        self.store = store
    }

    /// The fields of ``layer(context:)``, in order.
    public static let fields = ["code", "name", "level", "category", "category_name", "parent_code", "parent_name", "meaning", "origin",
                                "history", "note", "sources", "attachments", "geometry_type", "valid_from", "valid_to", "place_id"]

    /// The records as a layer.
    ///
    /// - Throws: ``GazetteerError`` when the gazetteer cannot be read; a GEOS error for a stored location it cannot read.
    public func layer(context: GEOSContext) throws -> FeatureLayer {
        var features: [Feature] = []
        for place in try store.recordedPlaces() {
            let record = place.record
            func text(_ value: String?) -> PropertyValue { value.map(PropertyValue.string) ?? .null }
            var p: [String: PropertyValue] = [
                "code": text(place.code), "name": .string(place.summary.name), "level": .string(place.summary.level.rawValue),
                "category": text(record.category?.code), "category_name": text(record.category?.name),
                "parent_code": text(place.parent?.code), "parent_name": text(place.parent?.name),
                "meaning": text(record.meaning), "origin": text(record.origin), "history": text(record.history), "note": text(record.note),
                "sources": record.citations.isEmpty ? .null : .string(record.citations.map(\.label).joined(separator: "; ")),
                "attachments": record.attachments.isEmpty ? .null
                    : .string(record.attachments.map { "sha256:\($0.sha256) (\($0.mediaType), \($0.size) bytes)" }.joined(separator: "; ")),
                "place_id": .integer(place.summary.id),
            ]
            if record.locations.isEmpty {
                p["geometry_type"] = .null
                p["valid_from"] = .null
                p["valid_to"] = .null
                features.append(Feature(id: text(place.code), properties: p, geometry: nil))
            }
            for location in record.locations {
                guard let wkb = place.locationWKB[location.id] else { continue }
                p["geometry_type"] = .string(location.geometryType)
                p["valid_from"] = text(location.period.from)
                p["valid_to"] = text(location.period.to)
                features.append(Feature(id: text(place.code), properties: p, geometry: try context.geometry(wkb: wkb)))
            }
        }
        return FeatureLayer(name: "records", crs: CoordinateReferenceSystem.wgs84.identifier, fields: Self.fields, features: features,
                            fieldTypes: ["place_id": .integer])
    }
}
