import GEOSKit
import GeoFormats

/// A feature ready to be published: an id, ordered properties, a GeoJSON geometry in
/// longitude/latitude (CRS84) and its bounding box.
///
/// Faces (the server's OGC API collections, exports) render it without touching geometry.
public struct PublishedFeature: Sendable, Equatable {
    /// The feature's stable id within its collection.
    public var id: String
    /// Properties in the order they are shown.
    public var properties: [(key: String, value: PropertyValue)]
    /// The GeoJSON geometry object (`null` when the feature has none).
    public var geometryJSON: String
    /// The bounding box in longitude/latitude, `nil` without a geometry.
    public var envelope: Envelope?

    public init(id: String, properties: [(key: String, value: PropertyValue)], geometryJSON: String, envelope: Envelope?) {
        self.id = id
        self.properties = properties
        self.geometryJSON = geometryJSON
        self.envelope = envelope
    }

    /// The value of a property, `nil` when absent.
    public subscript(_ key: String) -> PropertyValue? {
        properties.first { $0.key == key }?.value
    }

    /// The GeoJSON Feature object, with extra members (such as `links`) appended verbatim.
    public func geoJSON(extraMembers: String = "") -> String {
        var text = "{\"type\":\"Feature\",\"id\":" + GeoJSONText.string(id) + ",\"properties\":{"
        text += properties.map { GeoJSONText.string($0.key) + ":" + GeoJSONText.value($0.value) }.joined(separator: ",")
        text += "},\"geometry\":" + geometryJSON
        if !extraMembers.isEmpty { text += "," + extraMembers }
        return text + "}"
    }

    public static func == (lhs: PublishedFeature, rhs: PublishedFeature) -> Bool {
        lhs.id == rhs.id && lhs.geometryJSON == rhs.geometryJSON && lhs.envelope == rhs.envelope
            && lhs.properties.map(\.key) == rhs.properties.map(\.key) && lhs.properties.map(\.value) == rhs.properties.map(\.value)
    }
}

/// A page of published features with the number that matched in all.
public struct PublishedPage: Sendable, Equatable {
    public var matched: Int
    public var features: [PublishedFeature]

    public init(matched: Int, features: [PublishedFeature]) {
        self.matched = matched
        self.features = features
    }
}
