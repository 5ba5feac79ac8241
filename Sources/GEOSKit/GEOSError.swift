/// An error raised by GEOS or by GEOSKit's checks around it.
///
/// Every failure of a GEOS call becomes one of these, carrying GEOS's own message, so that
/// no GEOS exception can crash the process:
///
/// ```swift
/// do {
///     _ = try context.geometry(wkt: "POLYGON ((0 0, 1 1")
/// } catch let error as GEOSError {
///     print(error)   // GEOS could not read WKT: ParseException: Expected word but encountered end of stream
/// }
/// ```
public enum GEOSError: Error, Equatable, Sendable {
    /// A GEOS call failed; `operation` names it and `message` is GEOS's message.
    case operationFailed(operation: String, message: String)
    /// The input text or bytes could not be parsed (`format` is WKT, WKB or GeoJSON).
    case parseFailed(format: String, message: String)
    /// The geometry has a type the operation does not accept.
    case wrongGeometryType(operation: String, expected: String, actual: GeometryType)
    /// An index into parts, rings or points was out of range.
    case indexOutOfRange(operation: String, index: Int, count: Int)
    /// Two geometries from different ``GEOSContext``s were combined.
    case contextMismatch(operation: String)
    /// Coordinates that GEOSKit refuses before handing them to GEOS (NaN, too few points, …).
    case invalidCoordinates(String)
    /// The feature needs a newer GEOS than the one loaded.
    case unsupported(feature: String, requires: String, runtime: String)
    /// GEOS could not create a context.
    case contextCreationFailed
}

extension GEOSError: CustomStringConvertible {
    /// A sentence a user can act on.
    public var description: String {
        switch self {
        case let .operationFailed(operation, message):
            return "GEOS \(operation) failed: \(message)"
        case let .parseFailed(format, message):
            return "GEOS could not read \(format): \(message)"
        case let .wrongGeometryType(operation, expected, actual):
            return "\(operation) needs \(expected), got \(actual)"
        case let .indexOutOfRange(operation, index, count):
            return "\(operation): index \(index) is out of range 0..<\(count)"
        case let .contextMismatch(operation):
            return "\(operation): geometries belong to different GEOS contexts"
        case let .invalidCoordinates(message):
            return "invalid coordinates: \(message)"
        case let .unsupported(feature, requires, runtime):
            return "\(feature) needs GEOS \(requires) or newer; this is GEOS \(runtime)"
        case .contextCreationFailed:
            return "GEOS could not create a context"
        }
    }
}
