import Foundation
import GEOSKit

/// Writes TopoJSON topologies in which every shared edge is stored once, as one arc.
///
/// Rings and lines are cut into arcs at junctions: points where the lines through them
/// diverge, line ends, and the first point of every ring (so that rings read back starting
/// where they started). Each arc is stored once and referenced, reversed where needed, by every
/// feature using it; a clean coverage written and read back gives identical polygons. Without
/// ``WriteOptions/quantization`` coordinates are kept exact; with it they are quantised and
/// delta-encoded as TopoJSON's `transform` describes.
///
/// ```swift
/// try TopoJSONWriter().write([prefectures, provinces], to: URL(fileURLWithPath: "atlas.topojson"), options: WriteOptions())
/// ```
public struct TopoJSONWriter: FeatureWriter, Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes one layer as a topology with one object.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport {
        var named = layer
        if let n = options.layerName { named.name = n }
        return try write([named], to: url, options: options)
    }

    /// Writes several layers as objects of one topology, sharing arcs between them.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func write(_ layers: [FeatureLayer], to url: URL, options: WriteOptions) throws -> WriteReport {
        let file = url.relativePath
        var shapes: [[Shape?]] = []
        for layer in layers {
            var list: [Shape?] = []
            for (k, f) in layer.features.enumerated() {
                do {
                    list.append(try f.geometry.map { try Shape($0).orientingRings(exteriorCounterClockwise: true) })
                } catch {
                    throw GeoFormatError(file: file, feature: k + 1, problem: "cannot read the geometry from GEOS: \(error)")
                }
            }
            shapes.append(list)
        }
        var builder = TopologyBuilder()
        var transform: (sx: Double, sy: Double, tx: Double, ty: Double)?
        if let q = options.quantization {
            guard q >= 2 else { throw GeoFormatError(file: file, problem: "quantization must be at least 2, got \(q)") }
            let box = shapes.flatMap { $0 }.compactMap { $0?.envelope }.reduce(nil as Envelope?) { acc, e in acc.map { $0.union(e) } ?? e }
            if let box {
                let sx = box.width > 0 ? box.width / Double(q - 1) : 1
                let sy = box.height > 0 ? box.height / Double(q - 1) : 1
                transform = (sx, sy, box.minX, box.minY)
                shapes = shapes.map { list in list.map { $0.map { TopologyBuilder.quantized($0, sx, sy, box.minX, box.minY) } } }
            }
        }
        for list in shapes { for s in list { if let s { builder.collect(s) } } }
        builder.findJunctions()

        var out = "{\"type\":\"Topology\""
        if let t = transform {
            out += ",\"transform\":{\"scale\":[\(t.sx),\(t.sy)],\"translate\":[\(t.tx),\(t.ty)]}"
        }
        out += ",\"objects\":{"
        for (l, layer) in layers.enumerated() {
            if l > 0 { out += "," }
            out += NumberText.jsonString(layer.name) + ":{\"type\":\"GeometryCollection\",\"geometries\":["
            for (k, feature) in layer.features.enumerated() {
                if k > 0 { out += "," }
                out += "{"
                if let shape = shapes[l][k] {
                    out += builder.geometryJSON(shape, quantized: transform != nil, precision: options.precision)
                } else {
                    out += "\"type\":null"
                }
                if let id = feature.id, id != .null { out += ",\"id\":" + GeoJSONStreamWriter.json(id) }
                out += ",\"properties\":{"
                var first = true
                for name in layer.fields {
                    out += (first ? "" : ",") + NumberText.jsonString(name) + ":" + GeoJSONStreamWriter.json(feature.properties[name] ?? .null)
                    first = false
                }
                out += "}}"
            }
            out += "]}"
        }
        out += "},\"arcs\":["
        for (a, arc) in builder.arcs.enumerated() {
            if a > 0 { out += "," }
            out += "["
            var px = 0.0, py = 0.0
            for i in 0..<(arc.count / 2) {
                if i > 0 { out += "," }
                let x = arc[2 * i], y = arc[2 * i + 1]
                if transform != nil {
                    out += "[\(Int64(x - px)),\(Int64(y - py))]"
                    px = x; py = y
                } else {
                    out += "[" + NumberText.coordinate(x, precision: options.precision) + "," + NumberText.coordinate(y, precision: options.precision) + "]"
                }
            }
            out += "]"
        }
        out += "]"
        if let crs = LayerCRS(layers.first?.crs).geoJSONName {
            out += ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"\(crs)\"}}"
        }
        out += "}\n"

        let output = AtomicOutput()
        let temp = try output.temporary(for: url)
        do { try Data(out.utf8).write(to: temp) } catch {
            throw GeoFormatError(file: file, problem: "cannot write: \(error.localizedDescription)")
        }
        try output.commit()
        return WriteReport(files: [url])
    }
}

/// Finds junctions and cuts lines and rings into shared arcs.
struct TopologyBuilder {
    /// A point's exact bits, for hashing.
    struct Key: Hashable {
        let x: UInt64
        let y: UInt64
        init(_ x: Double, _ y: Double) {
            self.x = (x == 0 ? 0 : x).bitPattern   // -0 and 0 are one point
            self.y = (y == 0 ? 0 : y).bitPattern
        }
    }

    private struct Neighbours { var a: Key?; var b: Key? }

    private var paths: [(Path, ring: Bool)] = []
    private var junctions = Set<Key>()
    var arcs: [[Double]] = []
    private var arcIndex: [[Key]: Int] = [:]

    static func quantized(_ shape: Shape, _ sx: Double, _ sy: Double, _ tx: Double, _ ty: Double) -> Shape {
        func q(_ p: Path, ring: Bool) -> Path {
            var xy: [Double] = []
            xy.reserveCapacity(p.xy.count)
            for i in 0..<p.count {
                let x = ((p.xy[2 * i] - tx) / sx).rounded(), y = ((p.xy[2 * i + 1] - ty) / sy).rounded()
                if xy.count >= 2, xy[xy.count - 2] == x, xy[xy.count - 1] == y { continue }   // collapsed duplicates
                xy += [x, y]
            }
            if xy.count == 2 { xy += xy }   // a line collapsed to a point stays a (degenerate) line
            return Path(xy: xy)
        }
        switch shape {
        case let .point(p): return .point(q(p, ring: false))
        case let .multiPoint(ps): return .multiPoint(ps.map { q($0, ring: false) })
        case let .lineString(p): return .lineString(q(p, ring: false))
        case let .multiLineString(ps): return .multiLineString(ps.map { q($0, ring: false) })
        case let .polygon(r): return .polygon(r.map { q($0, ring: true) })
        case let .multiPolygon(ps): return .multiPolygon(ps.map { $0.map { q($0, ring: true) } })
        case let .collection(m): return .collection(m.map { quantized($0, sx, sy, tx, ty) })
        }
    }

    mutating func collect(_ shape: Shape) {
        switch shape {
        case .point, .multiPoint: break
        case let .lineString(p): paths.append((p, false))
        case let .multiLineString(ps): for p in ps { paths.append((p, false)) }
        case let .polygon(r): for p in r { paths.append((p, true)) }
        case let .multiPolygon(ps): for r in ps { for p in r { paths.append((p, true)) } }
        case let .collection(m): for s in m { collect(s) }
        }
    }

    /// Marks every point where lines diverge, every line end and every ring start as a junction.
    mutating func findJunctions() {
        var seen: [Key: Neighbours] = [:]
        for (path, ring) in paths {
            let n = ring ? path.count - 1 : path.count   // a ring's closing point repeats its first
            guard n >= 1 else { continue }
            junctions.insert(Key(path.x(0), path.y(0)))
            if !ring { junctions.insert(Key(path.x(n - 1), path.y(n - 1))) }
            for i in 0..<n {
                let here = Key(path.x(i), path.y(i))
                let prev: Key? = i > 0 ? Key(path.x(i - 1), path.y(i - 1)) : (ring ? Key(path.x(n - 1), path.y(n - 1)) : nil)
                let next: Key? = i < n - 1 ? Key(path.x(i + 1), path.y(i + 1)) : (ring ? Key(path.x(0), path.y(0)) : nil)
                if let old = seen[here] {
                    let same = (old.a == prev && old.b == next) || (old.a == next && old.b == prev)
                    if !same { junctions.insert(here) }
                } else {
                    seen[here] = Neighbours(a: prev, b: next)
                }
            }
        }
    }

    /// The arc references of one line or ring, adding new arcs as needed.
    mutating func references(_ path: Path) -> [Int] {
        var refs: [Int] = []
        var start = 0
        let n = path.count
        for i in 1..<n where i == n - 1 || junctions.contains(Key(path.x(i), path.y(i))) {
            refs.append(arc(Array(path.xy[(2 * start)..<(2 * i + 2)])))
            start = i
        }
        return refs
    }

    /// The index of the arc with these coordinates (or ~index when stored the other way round).
    private mutating func arc(_ xy: [Double]) -> Int {
        var keys: [Key] = []
        keys.reserveCapacity(xy.count / 2)
        for i in 0..<(xy.count / 2) { keys.append(Key(xy[2 * i], xy[2 * i + 1])) }
        if let a = arcIndex[keys] { return a }
        if let a = arcIndex[Array(keys.reversed())] { return ~a }
        arcs.append(xy)
        arcIndex[keys] = arcs.count - 1
        return arcs.count - 1
    }

    /// The members of a geometry object (`"type":…,"arcs"/"coordinates":…`), without braces.
    mutating func geometryJSON(_ shape: Shape, quantized: Bool, precision: Int?) -> String {
        func position(_ p: Path) -> String {
            guard !p.isEmpty else { return "[]" }
            if quantized { return "[\(Int64(p.xy[0])),\(Int64(p.xy[1]))]" }
            return "[" + NumberText.coordinate(p.xy[0], precision: precision) + "," + NumberText.coordinate(p.xy[1], precision: precision) + "]"
        }
        func list(_ refs: [Int]) -> String { "[" + refs.map(String.init).joined(separator: ",") + "]" }
        switch shape {
        case let .point(p): return "\"type\":\"Point\",\"coordinates\":" + position(p)
        case let .multiPoint(ps): return "\"type\":\"MultiPoint\",\"coordinates\":[" + ps.map(position).joined(separator: ",") + "]"
        case let .lineString(p): return "\"type\":\"LineString\",\"arcs\":" + list(references(p))
        case let .multiLineString(ps):
            var parts: [String] = []
            for p in ps { parts.append(list(references(p))) }
            return "\"type\":\"MultiLineString\",\"arcs\":[" + parts.joined(separator: ",") + "]"
        case let .polygon(r):
            var parts: [String] = []
            for p in r { parts.append(list(references(p))) }
            return "\"type\":\"Polygon\",\"arcs\":[" + parts.joined(separator: ",") + "]"
        case let .multiPolygon(polys):
            var out: [String] = []
            for r in polys {
                var parts: [String] = []
                for p in r { parts.append(list(references(p))) }
                out.append("[" + parts.joined(separator: ",") + "]")
            }
            return "\"type\":\"MultiPolygon\",\"arcs\":[" + out.joined(separator: ",") + "]"
        case let .collection(members):
            var out: [String] = []
            for m in members { out.append("{" + geometryJSON(m, quantized: quantized, precision: precision) + "}") }
            return "\"type\":\"GeometryCollection\",\"geometries\":[" + out.joined(separator: ",") + "]"
        }
    }
}
