import Foundation
import GEOSKit

/// A TopoJSON topology as read: its objects as layers, and its arcs.
///
/// Arcs are the topology's shared lines: in a division coverage each arc is a stretch of
/// boundary with one division on each side (or one side only on the outer edge).
/// ``sharedLines(of:keyField:context:)`` returns them as a line layer with the divisions on
/// either side.
public struct Topology {
    /// The objects, in file order, each as a layer of features.
    public var layers: [FeatureLayer]
    /// The arcs as absolute coordinates (x0, y0, x1, y1, …).
    var arcs: [[Double]]
    /// For each object, for each feature, each use of an arc: its index and whether it runs reversed, and the ring's role.
    var uses: [String: [[ArcUse]]]

    struct ArcUse {
        var arc: Int
        var reversed: Bool
        /// Whether the feature lies to the left of the ring's direction (nil for lines).
        var featureOnLeft: Bool?
    }

    /// The layer named `name`.
    public func layer(_ name: String) -> FeatureLayer? { layers.first { $0.name == name } }

    /// The arcs used by an object's polygons, as boundary lines with the features on each side.
    ///
    /// Each line has `arc` (its index), `left` and `right` (the value of `keyField` of the feature
    /// on that side, or null on the outer edge; the sides follow the arc's direction) and
    /// `uses` (how many times features of the object use it: 2 for a shared boundary).
    ///
    /// ```swift
    /// let topology = try TopoJSONReader().readTopology(cnAtlas, context: context)
    /// let lines = try topology.sharedLines(of: "prefectures", keyField: "区划码", context: context)
    /// ```
    ///
    /// - Throws: ``GeoFormatError`` when there is no such object.
    public func sharedLines(of object: String, keyField: String? = nil, context: GEOSContext) throws -> FeatureLayer {
        guard let layer = layer(object), let featureUses = uses[object] else {
            throw GeoFormatError(file: object, problem: "no object \"\(object)\" in the topology; it has \(layers.map(\.name).joined(separator: ", "))")
        }
        func key(_ k: Int) -> PropertyValue {
            let f = layer.features[k]
            if let keyField { return f.properties[keyField] ?? .null }
            return f.id ?? f.properties["id"] ?? .integer(Int64(k + 1))
        }
        var left: [Int: PropertyValue] = [:], right: [Int: PropertyValue] = [:], count: [Int: Int] = [:], order: [Int] = []
        for (k, list) in featureUses.enumerated() {
            for use in list {
                guard let onLeft = use.featureOnLeft else { continue }
                if count[use.arc] == nil { order.append(use.arc) }
                count[use.arc, default: 0] += 1
                // Relative to the arc's own direction.
                if onLeft != use.reversed { left[use.arc] = key(k) } else { right[use.arc] = key(k) }
            }
        }
        var features: [Feature] = []
        for a in order.sorted() {
            let line = try Shape.lineString(Path(xy: arcs[a])).geometry(in: context)
            features.append(Feature(id: .integer(Int64(a)), properties: [
                "arc": .integer(Int64(a)), "left": left[a] ?? .null, "right": right[a] ?? .null, "uses": .integer(Int64(count[a] ?? 0)),
            ], geometry: line))
        }
        return FeatureLayer(name: "\(object)_lines", crs: layer.crs, fields: ["arc", "left", "right", "uses"], features: features,
                            fieldTypes: ["arc": .integer, "uses": .integer])
    }
}

/// Reads TopoJSON topologies: arcs decoded (delta and quantisation undone), objects rebuilt as
/// polygons, lines and points.
///
/// ```swift
/// let topology = try TopoJSONReader().readTopology(URL(fileURLWithPath: "GeoData/cn-atlas/cn-atlas.json"), context: context)
/// let prefectures = topology.layer("prefectures")
/// ```
public struct TopoJSONReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads one object as a layer: `layer`, or the only (else the first) object.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func read(_ url: URL, layer: String? = nil, context: GEOSContext) throws -> FeatureLayer {
        let topology = try readTopology(url, context: context)
        if let layer {
            guard let l = topology.layer(layer) else {
                throw GeoFormatError(file: url.relativePath, problem: "no object \"\(layer)\"; the topology has \(topology.layers.map { "\"\($0.name)\"" }.joined(separator: ", "))")
            }
            return l
        }
        guard let first = topology.layers.first else { throw GeoFormatError(file: url.relativePath, problem: "the topology has no objects") }
        return first
    }

    /// Reads the whole topology.
    public func readTopology(_ url: URL, context: GEOSContext) throws -> Topology {
        try readTopology(data: try FileInput.contents(of: url), file: url.relativePath, context: context)
    }

    /// Reads topology bytes; `file` is used in error messages.
    public func readTopology(data: Data, file: String, context: GEOSContext) throws -> Topology {
        let root: JSONValue
        do { root = try JSONParser.parse(data) } catch {
            throw GeoFormatError(file: file, problem: "not valid JSON: \(error)")
        }
        guard root["type"]?.string == "Topology" else { throw GeoFormatError(file: file, problem: "not TopoJSON: the top level is not a \"Topology\"") }
        var scale: (Double, Double)?
        var translate = (0.0, 0.0)
        if let t = root["transform"] {
            guard let s = t["scale"]?.array, s.count == 2, let sx = s[0].number, let sy = s[1].number,
                  let tr = t["translate"]?.array, tr.count == 2, let tx = tr[0].number, let ty = tr[1].number else {
                throw GeoFormatError(file: file, problem: "the transform needs \"scale\" and \"translate\" of two numbers each")
            }
            scale = (sx, sy)
            translate = (tx, ty)
        }
        guard let arcList = root["arcs"]?.array else { throw GeoFormatError(file: file, problem: "the topology has no \"arcs\" array") }
        var arcs: [[Double]] = []
        arcs.reserveCapacity(arcList.count)
        for (a, arc) in arcList.enumerated() {
            guard let positions = arc.array, positions.count >= 2 else {
                throw GeoFormatError(file: file, problem: "arc \(a) is not an array of at least two positions")
            }
            var xy: [Double] = []
            xy.reserveCapacity(positions.count * 2)
            var x = 0.0, y = 0.0
            for p in positions {
                guard let pa = p.array, pa.count >= 2, let px = pa[0].number, let py = pa[1].number, px.isFinite, py.isFinite, abs(px) < 1e15, abs(py) < 1e15 else {
                    throw GeoFormatError(file: file, problem: "arc \(a) has a position that is not two usable numbers")
                }
                if let (sx, sy) = scale {
                    x += px; y += py
                    xy.append(x * sx + translate.0)
                    xy.append(y * sy + translate.1)
                } else {
                    xy.append(px); xy.append(py)
                }
            }
            arcs.append(xy)
        }
        guard case let .object(objects)? = root["objects"] else { throw GeoFormatError(file: file, problem: "the topology has no \"objects\"") }
        // Keep the file's object order: JSONValue objects are unordered, so find names in the text.
        let names = Self.objectOrder(data, names: Set(objects.keys))
        var layers: [FeatureLayer] = []
        var uses: [String: [[Topology.ArcUse]]] = [:]
        for name in names {
            guard let object = objects[name] else { continue }
            let members: [JSONValue]
            if object["type"]?.string == "GeometryCollection" {
                guard let g = object["geometries"]?.array else { throw GeoFormatError(file: file, problem: "object \"\(name)\": GeometryCollection has no \"geometries\"") }
                members = g
            } else {
                members = [object]
            }
            var fields: [String] = []
            var seen = Set<String>()
            var features: [Feature] = []
            var objectUses: [[Topology.ArcUse]] = []
            for (k, member) in members.enumerated() {
                var builder = TopoGeometryBuilder(arcs: arcs, scale: scale, translate: translate)
                let shape: Shape?
                do {
                    shape = try builder.shape(member)
                } catch let p as TopoGeometryBuilder.Problem {
                    throw GeoFormatError(file: file, feature: k + 1, problem: "object \"\(name)\": \(p.message)")
                }
                var properties: [String: PropertyValue] = [:]
                if case let .object(props)? = member["properties"] {
                    for key in props.keys.sorted() where seen.insert(key).inserted { fields.append(key) }
                    for (key, v) in props { properties[key] = v.propertyValue }
                }
                var geometry: Geometry?
                if let shape {
                    do { geometry = try shape.geometry(in: context) } catch {
                        throw GeoFormatError(file: file, feature: k + 1, problem: "object \"\(name)\": GEOS rejects the geometry: \(error)")
                    }
                }
                features.append(Feature(id: member["id"]?.propertyValue, properties: properties, geometry: geometry))
                objectUses.append(builder.uses)
            }
            layers.append(FeatureLayer(name: name, crs: nil, fields: fields, features: features))
            uses[name] = objectUses
        }
        return Topology(layers: layers, arcs: arcs, uses: uses)
    }

    /// Object names in the order they appear in the file.
    static func objectOrder(_ data: Data, names: Set<String>) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        var found: [(String.Index, String)] = []
        guard let objectsKey = text.range(of: "\"objects\"") else { return names.sorted() }
        for n in names {
            if let r = text.range(of: JSONValue.string(n).jsonText + ":", range: objectsKey.upperBound..<text.endIndex)
                ?? text.range(of: JSONValue.string(n).jsonText, range: objectsKey.upperBound..<text.endIndex) {
                found.append((r.lowerBound, n))
            } else {
                found.append((text.endIndex, n))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Builds one TopoJSON geometry object's shape from the decoded arcs, noting each arc use.
struct TopoGeometryBuilder {
    struct Problem: Error { let message: String }
    let arcs: [[Double]]
    let scale: (Double, Double)?
    let translate: (Double, Double)
    var uses: [Topology.ArcUse] = []

    /// The coordinates of a chain of arc references (ring or line), joined.
    mutating func chain(_ refs: JSONValue, ring: Bool) throws -> (Path, [Int]) {
        guard let list = refs.array else { throw Problem(message: "arc references are not an array") }
        var xy: [Double] = []
        var used: [Int] = []
        for r in list {
            guard case let .integer(i) = r else { throw Problem(message: "arc reference \(r.jsonText) is not an integer") }
            let index = i < 0 ? Int(~i) : Int(i)
            guard index >= 0, index < arcs.count else { throw Problem(message: "arc \(i) does not exist (the topology has \(arcs.count))") }
            var a = arcs[index]
            if i < 0 { a = Path(xy: a).reversed().xy }
            if !xy.isEmpty { a.removeFirst(2) }
            xy += a
            used.append(Int(i))
        }
        let path = Path(xy: xy)
        if ring {
            guard path.count >= 4 else { throw Problem(message: "a ring has \(path.count) points; a ring needs at least 4") }
            guard path.x(0) == path.x(path.count - 1), path.y(0) == path.y(path.count - 1) else {
                throw Problem(message: "a ring is not closed: its arcs do not end where they start")
            }
        }
        return (path, used)
    }

    mutating func rings(_ value: JSONValue) throws -> [Path] {
        guard let list = value.array else { throw Problem(message: "polygon arcs are not an array of rings") }
        var result: [Path] = []
        for (k, r) in list.enumerated() {
            let (path, used) = try chain(r, ring: true)
            let ccw = path.isCounterClockwise
            let onLeft = k == 0 ? ccw : !ccw
            for i in used { uses.append(Topology.ArcUse(arc: i < 0 ? ~i : i, reversed: i < 0, featureOnLeft: onLeft)) }
            result.append(path)
        }
        return result
    }

    func position(_ v: JSONValue) throws -> Path {
        guard let a = v.array, a.count >= 2, let x = a[0].number, let y = a[1].number, x.isFinite, y.isFinite else {
            throw Problem(message: "a position is not two usable numbers")
        }
        if let (sx, sy) = scale { return Path(xy: [x * sx + translate.0, y * sy + translate.1]) }
        return Path(xy: [x, y])
    }

    mutating func shape(_ g: JSONValue) throws -> Shape? {
        if g["type"] == .null { return nil }   // a feature without geometry
        guard let type = g["type"]?.string else { throw Problem(message: "a geometry has no \"type\"") }
        switch type {
        case "Point":
            guard let c = g["coordinates"] else { throw Problem(message: "Point has no coordinates") }
            return .point(try position(c))
        case "MultiPoint":
            guard let c = g["coordinates"]?.array else { throw Problem(message: "MultiPoint has no coordinates") }
            return .multiPoint(try c.map(position))
        case "LineString":
            guard let a = g["arcs"] else { throw Problem(message: "LineString has no arcs") }
            let (p, used) = try chain(a, ring: false)
            for i in used { uses.append(Topology.ArcUse(arc: i < 0 ? ~i : i, reversed: i < 0, featureOnLeft: nil)) }
            return .lineString(p)
        case "MultiLineString":
            guard let list = g["arcs"]?.array else { throw Problem(message: "MultiLineString has no arcs") }
            var paths: [Path] = []
            for a in list {
                let (p, used) = try chain(a, ring: false)
                for i in used { uses.append(Topology.ArcUse(arc: i < 0 ? ~i : i, reversed: i < 0, featureOnLeft: nil)) }
                paths.append(p)
            }
            return .multiLineString(paths)
        case "Polygon":
            guard let a = g["arcs"] else { throw Problem(message: "Polygon has no arcs") }
            return .polygon(try rings(a))
        case "MultiPolygon":
            guard let list = g["arcs"]?.array else { throw Problem(message: "MultiPolygon has no arcs") }
            return .multiPolygon(try list.map { try rings($0) })
        case "GeometryCollection":
            let members = try (g["geometries"]?.array ?? []).compactMap { try shape($0) }
            return .collection(members)
        default:
            throw Problem(message: "unknown geometry type \"\(type)\"")
        }
    }
}
