import GEOSKit
import Gazetteer
import GeoFormats

/// The gazetteer's divisions with stored boundaries as a feature collection, as they were on a
/// day: each feature has the code, name, level and parent of that day, and the place id as its
/// stable id (codes are re-used over time; place ids are not).
///
/// ```swift
/// let divisions = DivisionCollection(store: store)
/// let page = try divisions.page(DivisionShapeQuery(day: try Day(parsing: "1996"), limit: 10))
/// print(page.matched, page.features.first?.geoJSON() ?? "")
/// ```
public struct DivisionCollection: Sendable {
    public let store: GazetteerStore
    /// Decimal places of published coordinates (6: about 0.1 m).
    public var precision: Int

    public init(store: GazetteerStore, precision: Int = 6) {
        self.store = store
        self.precision = precision
    }

    /// The properties of every division feature, in order.
    public static let fields = ["code", "name", "level", "parent_code", "parent_name", "day", "place_id"]

    /// One page of divisions.
    ///
    /// - Throws: ``GazetteerError`` when the gazetteer cannot be read; ``GeoFormatError`` when a
    ///   stored boundary is malformed.
    public func page(_ query: DivisionShapeQuery) throws -> PublishedPage {
        let page = try store.divisionShapes(query)
        return PublishedPage(matched: page.matched, features: try page.shapes.map { try feature($0, day: query.day) })
    }

    /// The division with this place id on the day, `nil` when it has no boundary or did not exist then.
    public func feature(placeID: Int64, day: Day) throws -> PublishedFeature? {
        try page(DivisionShapeQuery(day: day, placeID: placeID, limit: 1)).features.first
    }

    private func feature(_ shape: DivisionShape, day: Day) throws -> PublishedFeature {
        let geometry = shape.wkb.isEmpty ? "null"
            : try GeoJSONText.geometry(wkb: shape.wkb, precision: precision, source: "gazetteer geometry of place \(shape.placeID)")
        let properties: [(key: String, value: PropertyValue)] = [
            ("code", .string(shape.code)),
            ("name", .string(shape.name)),
            ("level", .string(shape.level.rawValue)),
            ("parent_code", shape.parentCode.map(PropertyValue.string) ?? .null),
            ("parent_name", shape.parentName.map(PropertyValue.string) ?? .null),
            ("day", .string(day.description)),
            ("place_id", .integer(shape.placeID)),
        ]
        return PublishedFeature(id: String(shape.placeID), properties: properties, geometryJSON: geometry, envelope: shape.envelope)
    }
}
