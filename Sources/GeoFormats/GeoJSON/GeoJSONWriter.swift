import Foundation
import GEOSKit

/// Writes GeoJSON (RFC 7946) feature collections, or newline-delimited GeoJSON.
///
/// Exterior rings are written counter-clockwise and holes clockwise (the right-hand rule).
/// Coordinates are written as given: reproject to WGS 84 first (`quhua convert` does) unless
/// another CRS is wanted, in which case the legacy `crs` member names it. Features are written
/// one at a time through a buffer, so a layer of any size streams to disk; the file appears
/// under its name only when complete.
///
/// ```swift
/// var options = WriteOptions(precision: 7)
/// try GeoJSONWriter().write(layer, to: URL(fileURLWithPath: "out.geojson"), options: options)
/// options.newlineDelimited = true
/// try GeoJSONWriter().write(layer, to: URL(fileURLWithPath: "out.geojsonl"), options: options)
/// ```
public struct GeoJSONWriter: FeatureWriter, Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `layer` to `url`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport {
        var bbox: Envelope?
        if options.boundingBoxes && !options.newlineDelimited {
            for (k, f) in layer.features.enumerated() {
                do {
                    if let e = try f.geometry?.envelope { bbox = bbox.map { $0.union(e) } ?? e }
                } catch {
                    throw GeoFormatError(file: url.relativePath, feature: k + 1, problem: "cannot read the geometry from GEOS: \(error)")
                }
            }
        }
        let stream = try GeoJSONStreamWriter(url: url, name: options.layerName ?? layer.name, crs: layer.crs,
                                             fields: layer.fields, options: options, bbox: bbox)
        for (k, feature) in layer.features.enumerated() {
            try stream.append(feature, number: k + 1)
        }
        try stream.finish()
        return WriteReport(files: [url])
    }
}

/// Writes GeoJSON features one by one as they are produced, for layers too large to hold.
///
/// ```swift
/// let stream = try GeoJSONStreamWriter(url: url, name: "findings", crs: "EPSG:4326", fields: ["rule"], options: WriteOptions())
/// for feature in producer { try stream.append(feature) }
/// try stream.finish()   // until now the output exists only under a temporary name
/// ```
public final class GeoJSONStreamWriter {
    private let output: AtomicOutput
    private let file: BufferedOutput
    private let url: URL
    private let fields: [String]
    private let options: WriteOptions
    private var count = 0
    private var finished = false

    /// Starts a file at `url`.
    ///
    /// - Parameters:
    ///   - name: the collection's `name` member.
    ///   - crs: the coordinates' CRS; any CRS but WGS 84 is named in a legacy `crs` member.
    ///   - fields: property names in the order to write them (properties not listed follow, sorted).
    /// - Throws: ``GeoFormatError`` when the file cannot be created.
    ///   - bbox: the collection's `bbox` member, when known before the features are written.
    public init(url: URL, name: String, crs: String?, fields: [String], options: WriteOptions, bbox: Envelope? = nil) throws {
        self.output = AtomicOutput()
        self.url = url
        self.fields = fields
        self.options = options
        self.file = try BufferedOutput(try output.temporary(for: url))
        if !options.newlineDelimited {
            var head = "{\"type\":\"FeatureCollection\",\"name\":\(NumberText.jsonString(name))"
            if let crsName = LayerCRS(crs).geoJSONName {
                head += ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"\(crsName)\"}}"
            }
            if let bbox { head += ",\"bbox\":" + Self.bboxJSON(bbox, options.precision) }
            head += ",\"features\":[\n"
            try file.write(head)
        }
    }

    /// Appends one feature.
    ///
    /// - Parameter number: the feature's number for error messages (defaults to its position).
    /// - Throws: ``GeoFormatError`` when the geometry cannot be read from GEOS or the file cannot be written.
    public func append(_ feature: Feature, number: Int? = nil) throws {
        let n = number ?? count + 1
        var text = ""
        if count > 0 && !options.newlineDelimited { text += ",\n" }
        text += "{\"type\":\"Feature\""
        if let id = feature.id, id != .null { text += ",\"id\":" + Self.json(id) }
        text += ",\"properties\":{"
        var first = true
        for key in fields {
            let value = feature.properties[key] ?? .null
            text += (first ? "" : ",") + NumberText.jsonString(key) + ":" + Self.json(value)
            first = false
        }
        let known = Set(fields)
        for key in feature.properties.keys.sorted() where !known.contains(key) {
            text += (first ? "" : ",") + NumberText.jsonString(key) + ":" + Self.json(feature.properties[key] ?? .null)
            first = false
        }
        text += "},\"geometry\":"
        if let g = feature.geometry {
            do {
                let shape = try Shape(g).orientingRings(exteriorCounterClockwise: true)
                GeoJSONGeometryText.append(shape, precision: options.precision, to: &text)
                if options.boundingBoxes, let e = shape.envelope { text += ",\"bbox\":" + Self.bboxJSON(e, options.precision) }
            } catch {
                throw GeoFormatError(file: url.relativePath, feature: n, problem: "cannot write the geometry: \(error)")
            }
        } else {
            text += "null"
        }
        text += "}"
        if options.newlineDelimited { text += "\n" }
        try file.write(text)
        count += 1
    }

    /// Closes the collection and moves the file into place.
    ///
    /// - Throws: ``GeoFormatError`` when the file cannot be written or renamed.
    public func finish() throws {
        guard !finished else { return }
        if !options.newlineDelimited { try file.write("\n]}\n") }
        try file.close()
        try output.commit()
        finished = true
    }

    static func bboxJSON(_ e: Envelope, _ precision: Int?) -> String {
        "[" + [e.minX, e.minY, e.maxX, e.maxY].map { NumberText.coordinate($0, precision: precision) }.joined(separator: ",") + "]"
    }

    static func json(_ value: PropertyValue) -> String {
        switch value {
        case let .string(s): return NumberText.jsonString(s)
        case let .integer(i): return String(i)
        case let .double(d): return NumberText.json(d)
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}

/// GeoJSON geometry objects from shapes.
enum GeoJSONGeometryText {
    static func append(_ shape: Shape, precision: Int?, to out: inout String) {
        func position(_ p: Path, _ i: Int) {
            out += "["
            out += NumberText.coordinate(p.xy[2 * i], precision: precision)
            out += ","
            out += NumberText.coordinate(p.xy[2 * i + 1], precision: precision)
            if let z = p.z { out += "," + NumberText.coordinate(z[i], precision: precision) }
            out += "]"
        }
        func positions(_ p: Path) {
            out += "["
            for i in 0..<p.count {
                if i > 0 { out += "," }
                position(p, i)
            }
            out += "]"
        }
        func rings(_ r: [Path]) {
            out += "["
            for (k, ring) in r.enumerated() {
                if k > 0 { out += "," }
                positions(ring)
            }
            out += "]"
        }
        switch shape {
        case let .point(p):
            out += "{\"type\":\"Point\",\"coordinates\":"
            if p.isEmpty { out += "[]" } else { position(p, 0) }
        case let .lineString(p):
            out += "{\"type\":\"LineString\",\"coordinates\":"
            positions(p)
        case let .polygon(r):
            out += "{\"type\":\"Polygon\",\"coordinates\":"
            rings(r)
        case let .multiPoint(ps):
            out += "{\"type\":\"MultiPoint\",\"coordinates\":["
            for (k, p) in ps.enumerated() where !p.isEmpty {
                if k > 0 { out += "," }
                position(p, 0)
            }
            out += "]"
        case let .multiLineString(ps):
            out += "{\"type\":\"MultiLineString\",\"coordinates\":"
            rings(ps)
        case let .multiPolygon(polys):
            out += "{\"type\":\"MultiPolygon\",\"coordinates\":["
            for (k, r) in polys.enumerated() {
                if k > 0 { out += "," }
                rings(r)
            }
            out += "]"
        case let .collection(members):
            out += "{\"type\":\"GeometryCollection\",\"geometries\":["
            for (k, m) in members.enumerated() {
                if k > 0 { out += "," }
                append(m, precision: precision, to: &out)
            }
            out += "]"
        }
        out += "}"
    }
}
