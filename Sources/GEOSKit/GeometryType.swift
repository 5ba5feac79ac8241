import CGEOS

/// The kind of a geometry, as GEOS numbers them.
public enum GeometryType: Int32, Sendable, CustomStringConvertible {
    case point = 0
    case lineString = 1
    case linearRing = 2
    case polygon = 3
    case multiPoint = 4
    case multiLineString = 5
    case multiPolygon = 6
    case geometryCollection = 7

    /// The OGC name, for example `"MultiPolygon"`.
    public var description: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .linearRing: return "LinearRing"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    /// Whether the type is a collection of parts (multi types and collections).
    public var isCollection: Bool { rawValue >= GeometryType.multiPoint.rawValue }
}

/// An x/y position with an optional z, in the units of the geometry's CRS.
///
/// Longitude comes first in geographic data: `Coordinate(x: 106.57, y: 29.56)` is in Chongqing.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Easting or longitude.
    public var x: Double
    /// Northing or latitude.
    public var y: Double
    /// Height, when the data has one.
    public var z: Double?

    /// Creates a coordinate.
    public init(x: Double, y: Double, z: Double? = nil) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// `x y` or `x y z`, as in WKT.
    public var description: String {
        if let z { return "\(x) \(y) \(z)" }
        return "\(x) \(y)"
    }
}

/// An axis-aligned bounding box.
public struct Envelope: Hashable, Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    /// Creates a box from its corners.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Whether the two boxes share at least one point.
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// The smallest box holding both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                 maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// The box grown by `distance` on every side.
    public func expanded(by distance: Double) -> Envelope {
        Envelope(minX: minX - distance, minY: minY - distance, maxX: maxX + distance, maxY: maxY + distance)
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
}
