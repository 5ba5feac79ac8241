import Foundation
import GEOSKit

/// Reads ESRI Shapefiles: the `.shp` geometry, the `.shx` index, the `.dbf` attributes, the
/// `.prj` CRS and the `.cpg` code page.
///
/// Text is decoded as the options say, else as the `.cpg` says, else by the DBF language driver
/// (CP936 means GBK), else detected (valid UTF-8 or GBK). Polygon rings are grouped into
/// polygons by containment, whatever their winding (rings wound the wrong way are accepted
/// and fixed). Every problem names the file, the record and what is wrong: a truncated file,
/// a record whose length does not match its content, an unclosed ring, NaN coordinates, an
/// unknown shape type, or `.dbf` and `.shp` disagreeing on the number of records.
///
/// ```swift
/// let layer = try ShapefileReader().read(URL(fileURLWithPath: "界线.shp"), context: context)
/// print(layer.crs ?? "no .prj", layer.features.count)
/// ```
public struct ShapefileReader: Sendable {
    /// The text encoding of the `.dbf`, overriding `.cpg` and detection; `nil` to decide from the files.
    public var encoding: TextEncoding?

    /// Creates a reader.
    public init(encoding: TextEncoding? = nil) {
        self.encoding = encoding
    }

    /// Reads the shapefile whose `.shp` (or `.dbf`) is at `url`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the record and the problem.
    public func read(_ url: URL, context: GEOSContext) throws -> FeatureLayer {
        if url.pathExtension.lowercased() == "zip" { return try readZip(url, context: context) }
        let base = url.deletingPathExtension()
        let name = base.lastPathComponent
        func sibling(_ ext: String) -> URL? {
            for e in [ext, ext.uppercased()] {
                let u = base.appendingPathExtension(e)
                if FileManager.default.fileExists(atPath: u.path) { return u }
            }
            return nil
        }
        guard let shpURL = sibling("shp") else {
            throw GeoFormatError(file: base.appendingPathExtension("shp").relativePath, problem: "no such file")
        }
        let shp = [UInt8](try FileInput.contents(of: shpURL))
        let shx = try sibling("shx").map { [UInt8](try FileInput.contents(of: $0)) }
        var textEncoding = encoding
        if textEncoding == nil, let cpg = sibling("cpg") {
            let text = String(decoding: try FileInput.contents(of: cpg), as: UTF8.self)
            textEncoding = try? TextEncoding(name: text)
        }
        let dbf = try sibling("dbf").map { u in
            try DBFTable.read([UInt8](try FileInput.contents(of: u)), encoding: textEncoding, file: u.relativePath)
        }
        var crs: String?
        if let prj = sibling("prj") {
            let wkt = String(decoding: try FileInput.contents(of: prj), as: UTF8.self)
            crs = CRSIdentification.identify(wkt: wkt)
        }

        let shapes = try SHPDecoder.decode(shp, index: shx, file: shpURL.relativePath, shxFile: sibling("shx")?.relativePath)
        if let dbf, dbf.records.count != shapes.count {
            throw GeoFormatError(file: shpURL.relativePath,
                                 problem: "record count mismatch: the .shp has \(shapes.count) records, the .dbf has \(dbf.records.count)")
        }
        var features: [Feature] = []
        features.reserveCapacity(shapes.count)
        for (k, shape) in shapes.enumerated() {
            var properties: [String: PropertyValue] = [:]
            if let dbf {
                for (j, f) in dbf.fields.enumerated() { properties[f.name] = dbf.records[k][j] }
            }
            var geometry: Geometry?
            if let shape {
                do {
                    geometry = try shape.geometry(in: context)
                } catch {
                    throw GeoFormatError(file: shpURL.relativePath, feature: k + 1, problem: "GEOS rejects the shape: \(error)")
                }
            }
            features.append(Feature(id: .integer(Int64(k + 1)), properties: properties, geometry: geometry))
        }
        let fields = dbf?.fields.map(\.name) ?? []
        var types: [String: FieldType] = [:]
        for f in dbf?.fields ?? [] { types[f.name] = f.fieldType }
        return FeatureLayer(name: name, crs: crs, fields: fields, features: features, fieldTypes: types)
    }
}

extension ShapefileReader {
    /// Reads the first Shapefile inside a zip bundle.
    func readZip(_ url: URL, context: GEOSContext) throws -> FeatureLayer {
        let entries = try ZipBundle.read(url)
        guard let shp = entries.first(where: { $0.name.lowercased().hasSuffix(".shp") }) else {
            throw GeoFormatError(file: url.relativePath, problem: "the zip holds no .shp file")
        }
        let stem = String(shp.name.dropLast(4))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-zip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for entry in entries where entry.name.hasPrefix(stem + ".") {
                let name = (entry.name as NSString).lastPathComponent
                try Data(entry.bytes).write(to: folder.appendingPathComponent(name))
            }
        } catch {
            throw GeoFormatError(file: url.relativePath, problem: "cannot unpack: \(error.localizedDescription)")
        }
        let inner = folder.appendingPathComponent((shp.name as NSString).lastPathComponent)
        do {
            return try read(inner, context: context)
        } catch var e as GeoFormatError {
            e.file = "\(url.relativePath)!\(shp.name)"
            throw e
        }
    }
}

/// Decodes `.shp` records into shapes.
enum SHPDecoder {
    static let typeNames: [Int32: String] = [
        0: "Null", 1: "Point", 3: "PolyLine", 5: "Polygon", 8: "MultiPoint",
        11: "PointZ", 13: "PolyLineZ", 15: "PolygonZ", 18: "MultiPointZ",
        21: "PointM", 23: "PolyLineM", 25: "PolygonM", 28: "MultiPointM", 31: "MultiPatch",
    ]

    /// The shapes of every record (nil for null shapes), in file order.
    static func decode(_ b: [UInt8], index: [UInt8]?, file: String, shxFile: String?) throws -> [Shape?] {
        guard b.count >= 100 else {
            throw GeoFormatError(file: file, problem: "too short for a shapefile header (\(b.count) of 100 bytes; truncated?)")
        }
        guard Bytes.int32BE(b, 0) == 9994 else {
            throw GeoFormatError(file: file, problem: "not a shapefile (file code \(Bytes.int32BE(b, 0)), expected 9994)")
        }
        let declaredLength = Int(Bytes.int32BE(b, 24)) * 2
        if declaredLength > b.count {
            throw GeoFormatError(file: file, problem: "the file is truncated: the header says \(declaredLength) bytes, the file has \(b.count)")
        }
        let layerType = Bytes.int32LE(b, 32)
        guard typeNames[layerType] != nil, layerType != 31 else {
            throw GeoFormatError(file: file, problem: layerType == 31 ? "MultiPatch shapefiles are not supported" : "unknown shape type \(layerType)")
        }
        var shapes: [Shape?] = []
        var at = 100
        let end = min(declaredLength, b.count)
        while at < end {
            let number = shapes.count + 1
            guard at + 8 <= end else {
                throw GeoFormatError(file: file, feature: number, problem: "the file is truncated inside the record header at byte \(at)")
            }
            let contentLength = Int(Bytes.int32BE(b, at + 4)) * 2
            let start = at + 8
            guard contentLength >= 4, start + contentLength <= end else {
                throw GeoFormatError(file: file, feature: number,
                                     problem: "wrong record length: the record claims \(contentLength) bytes from byte \(start), the file ends at \(end)")
            }
            do {
                shapes.append(try record(b, start, contentLength))
            } catch let p as WKBReader.Problem {
                throw GeoFormatError(file: file, feature: number, problem: p.message)
            }
            at = start + contentLength
        }
        if let index, let shxFile {
            guard index.count >= 100 else { throw GeoFormatError(file: shxFile, problem: "too short for a shapefile index header") }
            let indexed = (index.count - 100) / 8
            if indexed != shapes.count {
                throw GeoFormatError(file: shxFile, problem: "record count mismatch: the .shx indexes \(indexed) records, the .shp has \(shapes.count)")
            }
            var expected = 100
            for k in 0..<indexed {
                let offset = Int(Bytes.int32BE(index, 100 + 8 * k)) * 2
                if offset != expected {
                    throw GeoFormatError(file: shxFile, feature: k + 1, problem: "the index points to byte \(offset), the record is at byte \(expected)")
                }
                expected += 8 + Int(Bytes.int32BE(index, 100 + 8 * k + 4)) * 2
            }
        }
        return shapes
    }

    typealias Problem = WKBReader.Problem

    private static func finite(_ xy: [Double]) throws {
        for v in xy where !v.isFinite || abs(v) >= 1e15 {
            throw Problem(message: "coordinate \(v) is not a usable number (NaN, infinite or beyond 1e15)")
        }
    }

    /// One record's shape.
    static func record(_ b: [UInt8], _ start: Int, _ length: Int) throws -> Shape? {
        let type = Bytes.int32LE(b, start)
        let end = start + length
        func need(_ bytes: Int, _ what: String) throws {
            if start + bytes > end {
                throw Problem(message: "wrong record length: a \(typeNames[type] ?? "?") with \(what) needs \(bytes) bytes, the record has \(length)")
            }
        }
        switch type {
        case 0:
            return nil
        case 1, 11, 21:
            try need(type == 11 ? 28 : 20, "one point")
            let xy = [Bytes.doubleLE(b, start + 4), Bytes.doubleLE(b, start + 12)]
            try finite(xy)
            let z: [Double]? = type == 11 ? [Bytes.doubleLE(b, start + 20)] : nil
            return .point(Path(xy: xy, z: z))
        case 8, 18, 28:
            try need(40, "a header")
            let n = Int(Bytes.int32LE(b, start + 36))
            guard n >= 0 else { throw Problem(message: "negative point count \(n)") }
            try need(40 + 16 * n + (type == 18 ? 16 + 8 * n : 0), "\(n) points")
            let pts = coordinates(b, start + 40, n)
            try finite(pts)
            let z: [Double]? = type == 18 ? (0..<n).map { Bytes.doubleLE(b, start + 40 + 16 * n + 16 + 8 * $0) } : nil
            return .multiPoint((0..<n).map { k in Path(xy: [pts[2 * k], pts[2 * k + 1]], z: z.map { [$0[k]] }) })
        case 3, 13, 23, 5, 15, 25:
            try need(44, "a header")
            let parts = Int(Bytes.int32LE(b, start + 36))
            let n = Int(Bytes.int32LE(b, start + 40))
            guard parts >= 0, n >= 0, parts <= n || n == 0 else { throw Problem(message: "bad part or point count (\(parts) parts, \(n) points)") }
            let hasZ = type == 13 || type == 15
            let pointsAt = start + 44 + 4 * parts
            try need(44 + 4 * parts + 16 * n + (hasZ ? 16 + 8 * n : 0), "\(parts) parts and \(n) points")
            let xy = coordinates(b, pointsAt, n)
            try finite(xy)
            let zs: [Double]? = hasZ ? (0..<n).map { Bytes.doubleLE(b, pointsAt + 16 * n + 16 + 8 * $0) } : nil
            var starts: [Int] = []
            for k in 0..<parts {
                let s = Int(Bytes.int32LE(b, start + 44 + 4 * k))
                guard s >= 0, s < n, starts.last.map({ s > $0 }) ?? true else {
                    throw Problem(message: "part \(k) starts at point \(s), outside 0..<\(n) or before the previous part")
                }
                starts.append(s)
            }
            var paths: [Path] = []
            for (k, s) in starts.enumerated() {
                let e = k + 1 < starts.count ? starts[k + 1] : n
                paths.append(Path(xy: Array(xy[(2 * s)..<(2 * e)]), z: zs.map { Array($0[s..<e]) }))
            }
            if type == 3 || type == 13 || type == 23 {
                for (k, p) in paths.enumerated() where p.count < 2 {
                    throw Problem(message: "part \(k) has \(p.count) point; a line needs at least 2")
                }
                return paths.count == 1 ? .lineString(paths[0]) : .multiLineString(paths)
            }
            for (k, r) in paths.enumerated() {
                guard r.count >= 4 else { throw Problem(message: "ring \(k) has \(r.count) points; a ring needs at least 4") }
                if r.x(0) != r.x(r.count - 1) || r.y(0) != r.y(r.count - 1) {
                    throw Problem(message: "ring \(k) is not closed (first point \(r.x(0)) \(r.y(0)), last \(r.x(r.count - 1)) \(r.y(r.count - 1)))")
                }
            }
            return RingAssembly.polygons(paths)
        default:
            throw Problem(message: "unknown shape type \(type)")
        }
    }

    private static func coordinates(_ b: [UInt8], _ at: Int, _ n: Int) -> [Double] {
        var xy = [Double](repeating: 0, count: 2 * n)
        for k in 0..<(2 * n) { xy[k] = Bytes.doubleLE(b, at + 8 * k) }
        return xy
    }
}

/// Groups rings of any winding into polygons: each ring that lies inside an odd number of
/// others is a hole of the smallest ring containing it; the rest are shells.
enum RingAssembly {
    static func polygons(_ rings: [Path]) -> Shape {
        if rings.count == 1 { return .polygon(rings).orientingRings(exteriorCounterClockwise: true) }
        let areas = rings.map { abs($0.signedArea2) }
        let boxes = rings.map(\.envelope)
        // For each ring, the rings that contain it (tested with a vertex not on the other ring).
        func contains(_ outer: Int, _ inner: Int) -> Bool {
            guard areas[outer] > areas[inner], let bo = boxes[outer], let bi = boxes[inner],
                  bo.minX <= bi.minX, bo.minY <= bi.minY, bo.maxX >= bi.maxX, bo.maxY >= bi.maxY else { return false }
            let r = rings[inner]
            // Use the vertex midpoint of the first segment to avoid shared vertices.
            let px = (r.x(0) + r.x(1)) / 2, py = (r.y(0) + r.y(1)) / 2
            return rings[outer].ringContains(x: px, y: py)
        }
        var depth = [Int](repeating: 0, count: rings.count)
        var parent = [Int?](repeating: nil, count: rings.count)
        for i in rings.indices {
            for j in rings.indices where i != j && contains(j, i) {
                depth[i] += 1
                if parent[i].map({ areas[j] < areas[$0] }) ?? true { parent[i] = j }
            }
        }
        var shells: [Int] = []
        var holes: [Int: [Int]] = [:]
        for i in rings.indices {
            if depth[i] % 2 == 0 {
                shells.append(i)
            } else if let p = parent[i] {
                holes[p, default: []].append(i)
            }
        }
        let polys = shells.map { s in [rings[s]] + (holes[s] ?? []).map { rings[$0] } }
        let shape: Shape = polys.count == 1 ? .polygon(polys[0]) : .multiPolygon(polys)
        return shape.orientingRings(exteriorCounterClockwise: true)
    }
}
