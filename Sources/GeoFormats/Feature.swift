import Foundation
import GEOSKit

/// An attribute value of a feature.
public enum PropertyValue: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case null

    /// The value as text, as a user would read it (`""` for null).
    public var description: String {
        switch self {
        case let .string(s): return s
        case let .integer(i): return String(i)
        case let .double(d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case let .bool(b): return b ? "true" : "false"
        case .null: return ""
        }
    }

    /// The text of a string value, or the printed form of a number; `nil` for null.
    public var stringValue: String? {
        if case .null = self { return nil }
        return description
    }

    /// The numeric value of a number (or of a string holding one).
    public var doubleValue: Double? {
        switch self {
        case let .integer(i): return Double(i)
        case let .double(d): return d
        case let .string(s): return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }
}

/// One feature of a layer: an optional geometry (held in GEOS) and its attributes.
///
/// ```swift
/// let layer = try GeoJSONReader().read(url, context: context)
/// for feature in layer.features {
///     print(feature.properties["name"] ?? .null, try feature.geometry?.area ?? 0)
/// }
/// ```
public struct Feature {
    /// The feature's `id` member (GeoJSON) or record number, when it has one.
    public var id: PropertyValue?
    /// Attributes by field name.
    public var properties: [String: PropertyValue]
    /// The geometry, or `nil` for a feature without one.
    public var geometry: Geometry?

    /// Creates a feature.
    public init(id: PropertyValue? = nil, properties: [String: PropertyValue] = [:], geometry: Geometry?) {
        self.id = id
        self.properties = properties
        self.geometry = geometry
    }
}

/// The type of an attribute field, as formats with a schema (DBF, GeoPackage) declare it.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
    /// Text.
    case text
    /// A 64-bit integer.
    case integer
    /// A floating-point number.
    case real
    /// True or false.
    case boolean
}

/// A set of features read from one file or layer, with the CRS it declared.
public struct FeatureLayer {
    /// The layer name (the file name without extension, or the GeoPackage table).
    public var name: String
    /// The CRS as the file declared it (for example `"EPSG:4326"`), or `nil` when unknown.
    public var crs: String?
    /// Field names in the order the file gives them.
    public var fields: [String]
    /// Field types the file declared (DBF, GeoPackage); fields not listed are typed by their values.
    public var fieldTypes: [String: FieldType]
    /// The features, in file order.
    public var features: [Feature]

    /// Creates a layer.
    public init(name: String, crs: String?, fields: [String], features: [Feature], fieldTypes: [String: FieldType] = [:]) {
        self.name = name
        self.crs = crs
        self.fields = fields
        self.features = features
        self.fieldTypes = fieldTypes
    }

    /// The type of field `name`: as declared, or the narrowest type holding every value
    /// (boolean, integer, real, else text; text when the field holds only nulls).
    ///
    /// ```swift
    /// layer.fieldType("POP")   // .integer
    /// ```
    public func fieldType(_ name: String) -> FieldType {
        if let declared = fieldTypes[name] { return declared }
        var sawBool = false, sawInt = false, sawReal = false, sawText = false
        for f in features {
            switch f.properties[name] {
            case .bool?: sawBool = true
            case .integer?: sawInt = true
            case .double?: sawReal = true
            case .string?: sawText = true
            case .null?, nil: break
            }
        }
        if sawText || (sawBool && (sawInt || sawReal)) { return .text }
        if sawBool { return .boolean }
        if sawReal { return .real }
        if sawInt { return .integer }
        return .text
    }
}
