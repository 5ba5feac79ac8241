import Foundation
import GEOSKit

/// Reads GeoJSON (RFC 7946) feature collections, features and bare geometries into GEOS.
///
/// Geometries are built in GEOS straight from the coordinate arrays, once. Rings of either
/// winding are accepted (writers orient them). Problems are reported with the file, the
/// feature number and what is wrong.
///
/// ```swift
/// let context = try GEOSContext()
/// let layer = try GeoJSONReader().read(URL(fileURLWithPath: "prefectures.geojson"), context: context)
/// print(layer.features.count)
/// ```
public struct GeoJSONReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads the file at `url`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func read(_ url: URL, context: GEOSContext) throws -> FeatureLayer {
        let path = url.relativePath
        let data = try FileInput.contents(of: url)
        return try read(data: data, name: url.deletingPathExtension().lastPathComponent, file: path, context: context)
    }

    /// Reads GeoJSON bytes; `file` is used in error messages.
    public func read(data: Data, name: String, file: String, context: GEOSContext) throws -> FeatureLayer {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw GeoFormatError(file: file, problem: "not valid JSON: \(error)")
        }
        guard case .object = root, let type = root["type"]?.string else {
            throw GeoFormatError(file: file, problem: "not GeoJSON: the top level has no \"type\"")
        }
        let crs = Self.declaredCRS(root)
        var fields: [String] = []
        var seen = Set<String>()
        var features: [Feature] = []

        func addFeature(_ value: JSONValue, number: Int) throws {
            guard value["type"]?.string == "Feature" else {
                throw GeoFormatError(file: file, feature: number, problem: "member of \"features\" is not a Feature")
            }
            var properties: [String: PropertyValue] = [:]
            if case let .object(props)? = value["properties"] {
                for key in props.keys.sorted() where !seen.contains(key) {
                    seen.insert(key)
                    fields.append(key)
                }
                for (k, v) in props { properties[k] = v.propertyValue }
            }
            var geometry: Geometry?
            if let g = value["geometry"], g != .null {
                do {
                    geometry = try GeoJSONGeometryBuilder(context: context).build(g)
                } catch let problem as GeoJSONGeometryBuilder.Problem {
                    throw GeoFormatError(file: file, feature: number, problem: problem.message)
                } catch {
                    throw GeoFormatError(file: file, feature: number, problem: "\(error)")
                }
            }
            features.append(Feature(id: value["id"]?.propertyValue, properties: properties, geometry: geometry))
        }

        switch type {
        case "FeatureCollection":
            guard let list = root["features"]?.array else {
                throw GeoFormatError(file: file, problem: "FeatureCollection has no \"features\" array")
            }
            features.reserveCapacity(list.count)
            for (i, f) in list.enumerated() { try addFeature(f, number: i + 1) }
        case "Feature":
            try addFeature(root, number: 1)
        default:
            do {
                let g = try GeoJSONGeometryBuilder(context: context).build(root)
                features.append(Feature(geometry: g))
            } catch let problem as GeoJSONGeometryBuilder.Problem {
                throw GeoFormatError(file: file, feature: 1, problem: problem.message)
            }
        }
        return FeatureLayer(name: name, crs: crs, fields: fields, features: features)
    }

    /// The CRS of the legacy (2008) `crs` member, as `EPSG:NNNN`, when present.
    static func declaredCRS(_ root: JSONValue) -> String? {
        guard let name = root["crs"]?["properties"]?["name"]?.string else { return nil }
        // urn:ogc:def:crs:EPSG::4490, EPSG:4490, urn:ogc:def:crs:OGC:1.3:CRS84
        if name.hasSuffix("CRS84") { return "EPSG:4326" }
        if let code = name.split(separator: ":").last, Int(code) != nil, name.uppercased().contains("EPSG") {
            return "EPSG:\(code)"
        }
        return name
    }
}

/// Builds GEOS geometries from GeoJSON geometry objects.
struct GeoJSONGeometryBuilder {
    struct Problem: Error { let message: String }
    let context: GEOSContext

    func build(_ value: JSONValue) throws -> Geometry {
        guard let type = value["type"]?.string else { throw Problem(message: "geometry has no \"type\"") }
        if type == "GeometryCollection" {
            guard let members = value["geometries"]?.array else {
                throw Problem(message: "GeometryCollection has no \"geometries\" array")
            }
            return try context.collection(.geometryCollection, members.map(build))
        }
        guard let coords = value["coordinates"] else {
            throw Problem(message: "\(type) has no \"coordinates\"")
        }
        switch type {
        case "Point":
            if coords.array?.isEmpty == true { return try context.empty(.point) }
            return try context.point(position(coords, "Point"))
        case "LineString":
            return try line(coords, "LineString")
        case "Polygon":
            return try polygon(coords, "Polygon")
        case "MultiPoint":
            return try context.collection(.multiPoint, list(coords, "MultiPoint").map { try context.point(position($0, "MultiPoint")) })
        case "MultiLineString":
            return try context.collection(.multiLineString, list(coords, "MultiLineString").enumerated().map { try line($1, "MultiLineString part \($0)") })
        case "MultiPolygon":
            return try context.collection(.multiPolygon, list(coords, "MultiPolygon").enumerated().map { try polygon($1, "MultiPolygon part \($0)") })
        default:
            throw Problem(message: "unknown geometry type \"\(type)\"")
        }
    }

    func list(_ v: JSONValue, _ what: String) throws -> [JSONValue] {
        guard let a = v.array else { throw Problem(message: "\(what): coordinates are not an array") }
        return a
    }

    func position(_ v: JSONValue, _ what: String) throws -> Coordinate {
        guard let a = v.array, a.count >= 2, let x = a[0].number, let y = a[1].number else {
            throw Problem(message: "\(what): a position must be an array of at least two numbers")
        }
        let z = a.count >= 3 ? a[2].number : nil
        guard x.isFinite, y.isFinite, abs(x) < 1e15, abs(y) < 1e15 else {
            throw Problem(message: "\(what): coordinate \(x) \(y) is not a usable number")
        }
        return Coordinate(x: x, y: y, z: z)
    }

    func positions(_ v: JSONValue, _ what: String) throws -> [Coordinate] {
        try list(v, what).map { try position($0, what) }
    }

    func line(_ v: JSONValue, _ what: String) throws -> Geometry {
        let pts = try positions(v, what)
        if pts.isEmpty { return try context.empty(.lineString) }
        if pts.count < 2 { throw Problem(message: "\(what) has \(pts.count) point; a line needs at least 2") }
        return try context.lineString(pts)
    }

    func polygon(_ v: JSONValue, _ what: String) throws -> Geometry {
        let rings = try list(v, what)
        if rings.isEmpty { return try context.empty(.polygon) }
        var built: [Geometry] = []
        for (i, r) in rings.enumerated() {
            let pts = try positions(r, what)
            guard let first = pts.first, let last = pts.last else {
                throw Problem(message: "\(what): ring \(i) is empty")
            }
            if first.x != last.x || first.y != last.y {
                throw Problem(message: "\(what): ring \(i) is not closed (first point \(first), last \(last))")
            }
            if pts.count < 4 {
                throw Problem(message: "\(what): ring \(i) has \(pts.count) points; a ring needs at least 4")
            }
            built.append(try context.linearRing(pts))
        }
        return try context.polygon(shell: built[0], holes: Array(built.dropFirst()))
    }
}
