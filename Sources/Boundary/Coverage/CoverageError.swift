import CRS
import GEOSKit

/// Why a coverage check could not run.
///
/// Geometry problems of single polygons (self-intersections and the like) are not errors: they
/// are checked around (on repaired copies) and reported as findings. These errors stop the check.
public enum CoverageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Polygon `index` (0-based input position) has WKB that cannot be read.
    case unreadableWKB(index: Int, reason: String)
    /// Polygon `index` is not a polygon or multipolygon.
    case notPolygonal(index: Int, typeCode: UInt32)
    /// Polygon `index` has a coordinate that is NaN or infinite.
    case nonFiniteCoordinate(index: Int)
    /// The layer has more vertices than the validator can index (about four thousand million).
    case tooManyVertices(Int)
    /// The gap width is negative or not a number.
    case invalidGapWidth(Double)
    /// GEOS failed in a step that has no fallback.
    case geos(GEOSError)
    /// A projection to metres failed.
    case projection(CRSError)

    /// A sentence a user can act on.
    public var description: String {
        switch self {
        case let .unreadableWKB(index, reason):
            return "coverage polygon \(index) has unreadable WKB: \(reason)"
        case let .notPolygonal(index, typeCode):
            return "coverage polygon \(index) is not a polygon or multipolygon (WKB type \(typeCode))"
        case let .nonFiniteCoordinate(index):
            return "coverage polygon \(index) has a NaN or infinite coordinate"
        case let .tooManyVertices(count):
            return "the coverage has \(count) vertices; split it (the validator indexes at most 4,294,967,294)"
        case let .invalidGapWidth(width):
            return "the gap width must be zero or more metres, got \(width)"
        case let .geos(error):
            return "coverage check: \(error)"
        case let .projection(error):
            return "coverage check could not measure in metres: \(error)"
        }
    }
}
