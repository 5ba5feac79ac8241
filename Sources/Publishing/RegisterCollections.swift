import CRS
import Foundation
import GEOSKit
import GeoFormats
import Gazetteer
import Register

/// The upkeep register's lines and markers as they stood on a day, in longitude/latitude
/// (CRS84), with their upkeep state; and the markers nearest to a phone's position.
///
/// The register keeps positions in the metric CRS of each inspection (EPSG:4545 for the
/// shipped sample); this is where they are taken to and from longitude/latitude, so that the
/// service and the patrol page only ever see degrees.
///
/// ```swift
/// let register = RegisterCollections(store: try RegisterStore(path: "register.sqlite"))
/// let near = try register.nearestMarkers(longitude: 108.99, latitude: 34.16, limit: 5, on: .today)
/// near.first?.number      // "0004-001"
/// near.first?.distance    // metres
/// ```
public struct RegisterCollections: Sendable {
    public let store: RegisterStore
    /// Decimal places of published coordinates (8: about 1 mm).
    public let precision: Int

    /// The properties of line features, in order.
    public static let lineFields = ["line_id", "level", "left_code", "right_code", "agreement", "valid_from", "last_inspected", "crs"]
    /// The properties of marker features, in order.
    public static let markerFields = ["number", "type", "line_id", "condition", "patrol_overdue", "installed", "valid_from", "x", "y", "h", "crs"]

    public init(store: RegisterStore, precision: Int = 8) {
        self.store = store
        self.precision = precision
    }

    /// A marker as a patroller's phone lists it.
    public struct MarkerSighting: Sendable, Codable, Equatable {
        /// The marker label (number with its type letter).
        public var number: String
        /// The type letter, `""` for a single marker.
        public var type: String
        /// The line it stands on.
        public var line: String?
        /// Longitude and latitude (WGS 84 / CGCS2000).
        public var lon: Double
        public var lat: Double
        /// Metres from the position asked about, when one was given.
        public var distance: Double?
        /// The latest condition a patrol reported (intact when none).
        public var condition: MarkerCondition
        /// Whether its patrol is overdue.
        public var patrolOverdue: Bool
    }

    // MARK: - Collections

    /// The lines in force on `day`, one feature each (id: the line id).
    ///
    /// - Throws: ``RegisterError``; a `CRSError` or `GEOSError` for a stored geometry that
    ///   cannot be read or taken to longitude/latitude.
    public func lines(on day: Day) throws -> [PublishedFeature] {
        let context = try GEOSContext()
        var transforms = Transforms()
        return try store.lines(at: day).filter { $0.version.status == .active }.map { line in
            let v = line.version
            let lonLat = try transforms.toLonLat(v.crs).transform(try context.geometry(wkt: v.wkt))
            return PublishedFeature(id: line.id, properties: [
                ("line_id", .string(line.id)), ("level", .string(v.level.rawValue)),
                ("left_code", v.leftCode.map(PropertyValue.string) ?? .null), ("right_code", v.rightCode.map(PropertyValue.string) ?? .null),
                ("agreement", .string(v.agreement)), ("valid_from", .string(v.validFrom.description)),
                ("last_inspected", .string(line.lastInspected.description)), ("crs", .string(v.crs)),
            ], geometryJSON: try GeoJSONText.geometry(lonLat, precision: precision, source: "line \(line.id)"), envelope: try lonLat.envelope)
        }
    }

    /// The markers standing on `day`, one point feature each (id: the marker label), with the
    /// latest patrol condition and whether a patrol is overdue.
    public func markers(on day: Day) throws -> [PublishedFeature] {
        try standing(on: day).map { marker, state, lon, lat in
            let v = marker.version
            let point = "{\"type\":\"Point\",\"coordinates\":[\(Self.fixed(lon, precision)),\(Self.fixed(lat, precision))]}"
            return PublishedFeature(id: marker.label, properties: [
                ("number", .string(marker.number)), ("type", marker.type.isEmpty ? .null : .string(marker.type)),
                ("line_id", v.line.map(PropertyValue.string) ?? .null), ("condition", .string(state.condition.rawValue)),
                ("patrol_overdue", .bool(state.patrolOverdue)), ("installed", .string(marker.installed.description)),
                ("valid_from", .string(v.validFrom.description)), ("x", .double(v.position.x)), ("y", .double(v.position.y)),
                ("h", v.position.h.map(PropertyValue.double) ?? .null), ("crs", .string(v.crs)),
            ], geometryJSON: point, envelope: Envelope(minX: lon, minY: lat, maxX: lon, maxY: lat))
        }
    }

    // MARK: - Finding markers

    /// The standing markers nearest to a position, nearest first.
    ///
    /// - Throws: ``RegisterError/invalidValue(field:value:expected:)`` for a position off the
    ///   globe or a limit outside 1–100.
    public func nearestMarkers(longitude: Double, latitude: Double, limit: Int, on day: Day) throws -> [MarkerSighting] {
        guard (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            throw RegisterError.invalidValue(field: "near", value: "\(longitude),\(latitude)", expected: "longitude,latitude in degrees")
        }
        try Self.check(limit: limit)
        var transforms = Transforms()
        var here: [String: Position] = [:]   // the phone's position in each CRS the markers use, taken there once
        var sightings: [MarkerSighting] = []
        for (marker, state, lon, lat) in try standing(on: day) {
            // Distances in the register's own metric CRS: the phone's position goes there.
            let crs = marker.version.crs
            let point: Position
            if let known = here[crs] {
                point = known
            } else {
                let p = try transforms.fromLonLat(crs).transform(x: longitude, y: latitude)
                point = Position(x: p.x, y: p.y)
                here[crs] = point
            }
            let distance = point.distance(to: marker.version.position)
            sightings.append(Self.sighting(marker, state, lon, lat, distance: distance))
        }
        return Array(sightings.sorted { ($0.distance ?? 0, $0.number) < ($1.distance ?? 0, $1.number) }.prefix(limit))
    }

    /// The standing markers whose label starts with `prefix` (`0004-00`), by label.
    public func markers(numbered prefix: String, limit: Int, on day: Day) throws -> [MarkerSighting] {
        let wanted = prefix.trimmingCharacters(in: .whitespaces).uppercased()
        guard !wanted.isEmpty else { throw RegisterError.invalidValue(field: "number", value: prefix, expected: "a marker number or its beginning") }
        try Self.check(limit: limit)
        return Array(try standing(on: day).filter { $0.0.label.uppercased().hasPrefix(wanted) }
            .map { Self.sighting($0.0, $0.1, $0.2, $0.3, distance: nil) }.prefix(limit))
    }

    /// A longitude/latitude taken into the metric CRS of the register's markers (the CRS of the
    /// newest inspection), for storing a phone's position with a patrol.
    ///
    /// - Throws: ``RegisterError/invalidValue(field:value:expected:)`` for a position off the
    ///   globe, or when the register holds no inspection yet.
    public func registerPosition(longitude: Double, latitude: Double, field: String) throws -> Position {
        guard longitude.isFinite, latitude.isFinite, (-180...180).contains(longitude), (-90...90).contains(latitude) else {
            throw RegisterError.invalidValue(field: field, value: "\(longitude),\(latitude)", expected: "longitude and latitude in degrees")
        }
        guard let crs = try store.inspections().last?.crs else {
            throw RegisterError.invalidValue(field: field, value: "\(longitude),\(latitude)", expected: "a register with an inspection imported")
        }
        var transforms = Transforms()
        let p = try transforms.fromLonLat(crs).transform(x: longitude, y: latitude)
        return Position(x: p.x, y: p.y)
    }

    // MARK: - Internal

    private func standing(on day: Day) throws -> [(MarkerRecord, MarkerState, Double, Double)] {
        let states = Dictionary(try store.report(at: day).markers.map { ($0.marker, $0) }, uniquingKeysWith: { first, _ in first })
        var transforms = Transforms()
        return try store.markers(at: day).compactMap { marker in
            guard marker.version.status == .active, let state = states[marker.label] else { return nil }
            let p = try transforms.toLonLat(marker.version.crs).transform(x: marker.version.position.x, y: marker.version.position.y)
            return (marker, state, p.x, p.y)
        }
    }

    private static func sighting(_ marker: MarkerRecord, _ state: MarkerState, _ lon: Double, _ lat: Double, distance: Double?) -> MarkerSighting {
        MarkerSighting(number: marker.label, type: marker.type, line: marker.version.line, lon: (lon * 1e8).rounded() / 1e8,
                       lat: (lat * 1e8).rounded() / 1e8, distance: distance.map { ($0 * 1000).rounded() / 1000 },
                       condition: state.condition, patrolOverdue: state.patrolOverdue)
    }

    private static func check(limit: Int) throws {
        guard (1...100).contains(limit) else {
            throw RegisterError.invalidValue(field: "limit", value: String(limit), expected: "a number from 1 to 100")
        }
    }

    private static func fixed(_ value: Double, _ precision: Int) -> String {
        String(format: "%.\(precision)f", value)
    }

    /// PROJ transforms per CRS, made once per call.
    private struct Transforms {
        var to: [String: CoordinateTransform] = [:]
        var from: [String: CoordinateTransform] = [:]

        mutating func toLonLat(_ crs: String) throws -> CoordinateTransform {
            if let t = to[crs] { return t }
            let t = try CoordinateTransform(from: try CoordinateReferenceSystem(parsing: crs), to: .wgs84)
            to[crs] = t
            return t
        }

        mutating func fromLonLat(_ crs: String) throws -> CoordinateTransform {
            if let t = from[crs] { return t }
            let t = try CoordinateTransform(from: .wgs84, to: try CoordinateReferenceSystem(parsing: crs))
            from[crs] = t
            return t
        }
    }
}
