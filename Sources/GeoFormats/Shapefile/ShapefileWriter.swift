import Foundation
import GEOSKit

/// Writes ESRI Shapefiles: `.shp`, `.shx`, `.dbf`, `.prj` and `.cpg`, or all of them in one `.zip`.
///
/// Polygons are written with outer rings clockwise and holes counter-clockwise, every part of
/// a multipolygon as its own rings. DBF field names are cut to 10 bytes in the chosen encoding
/// (kept unique, with a warning in the report); text is UTF-8 or GBK (`options.encoding`),
/// declared in the `.cpg` and the DBF language driver byte. A Shapefile holds one kind of
/// geometry: a layer mixing points, lines and polygons is refused (write a GeoPackage).
///
/// ```swift
/// var options = WriteOptions(encoding: .gbk)
/// let report = try ShapefileWriter().write(layer, to: URL(fileURLWithPath: "out/界线.shp"), options: options)
/// report.warnings.forEach { print($0) }
/// ```
public struct ShapefileWriter: FeatureWriter, Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `layer` as `<name>.shp` and its companions beside `url`, or as one zip when `url`
    /// ends in `.zip` or `options.zip` is set.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport {
        let zipped = options.zip || url.pathExtension.lowercased() == "zip"
        let base = url.deletingPathExtension()
        let shpName = base.lastPathComponent
        let shpFile = base.appendingPathExtension("shp").relativePath
        var report = WriteReport()

        var shapes: [Shape?] = []
        shapes.reserveCapacity(layer.features.count)
        for (k, f) in layer.features.enumerated() {
            guard let g = f.geometry else { shapes.append(nil); continue }
            do {
                let s = try Shape(g)
                shapes.append(s.isEmpty ? nil : s.orientingRings(exteriorCounterClockwise: false))
            } catch {
                throw GeoFormatError(file: shpFile, feature: k + 1, problem: "cannot read the geometry from GEOS: \(error)")
            }
        }
        let (shp, shx) = try SHPEncoder.encode(shapes, file: shpFile)
        let dbfWriter = DBFWriter(encoding: options.encoding, file: base.appendingPathExtension("dbf").relativePath)
        let fields = try dbfWriter.fields(for: layer, warnings: &report.warnings)
        let dbf = try dbfWriter.table(layer, fields: fields)
        var files: [(ext: String, bytes: [UInt8])] = [("shp", shp), ("shx", shx), ("dbf", dbf), ("cpg", Array(dbfWriter.codePage.utf8))]
        if let prj = try LayerCRS(layer.crs).prj() {
            files.append(("prj", Array(prj.utf8)))
        } else if layer.crs != nil {
            report.warnings.append("CRS \(layer.crs ?? "") is not one quhua can describe; no .prj written")
        }

        let output = AtomicOutput()
        if zipped {
            let zipURL = base.appendingPathExtension("zip")
            let temp = try output.temporary(for: zipURL)
            try ZipBundle.write(files.map { ("\(shpName).\($0.ext)", $0.bytes) }, to: temp)
            report.files = [zipURL]
        } else {
            for (ext, bytes) in files {
                let target = base.appendingPathExtension(ext)
                let temp = try output.temporary(for: target)
                do {
                    try Data(bytes).write(to: temp)
                } catch {
                    throw GeoFormatError(file: target.relativePath, problem: "cannot write: \(error.localizedDescription)")
                }
                report.files.append(target)
            }
            // A stale .prj from an earlier run would mislabel the new data.
            if !files.contains(where: { $0.ext == "prj" }) {
                try? FileManager.default.removeItem(at: base.appendingPathExtension("prj"))
            }
        }
        try output.commit()
        return report
    }
}

/// Encodes shapes as `.shp` and `.shx` bytes.
enum SHPEncoder {
    enum Kind { case point, multiPoint, polyLine, polygon }

    static func encode(_ shapes: [Shape?], file: String) throws -> (shp: [UInt8], shx: [UInt8]) {
        var kinds = Set<String>()
        var kind: Kind?
        for s in shapes.compactMap({ $0 }) {
            let k: Kind
            switch s.type {
            case .point: k = .point
            case .multiPoint: k = .multiPoint
            case .lineString, .multiLineString, .linearRing: k = .polyLine
            case .polygon, .multiPolygon: k = .polygon
            case .geometryCollection:
                throw GeoFormatError(file: file, problem: "a Shapefile cannot hold geometry collections; write a GeoPackage or GeoJSON instead")
            }
            kinds.insert("\(k)")
            if kind == nil || (kind == .point && k == .multiPoint) { kind = k }
            if kind == .multiPoint && k == .point { continue }
        }
        let pointish: Set<String> = ["point", "multiPoint"]
        if kinds.count > 1 && kinds != pointish {
            throw GeoFormatError(file: file, problem: "a Shapefile holds one kind of geometry, this layer has \(kinds.sorted().joined(separator: " and ")); write a GeoPackage or GeoJSON instead")
        }
        let hasZ = shapes.contains { $0?.hasZ == true }
        let baseType: Int32
        switch kind {
        case .point?: baseType = 1
        case .multiPoint?: baseType = 8
        case .polyLine?: baseType = 3
        case .polygon?: baseType = 5
        case nil: baseType = 0
        }
        let type: Int32 = baseType == 0 ? 0 : (hasZ ? baseType + 10 : baseType)

        var body: [UInt8] = []
        var index: [UInt8] = []
        var box: Envelope?
        var zMin = Double.infinity, zMax = -Double.infinity
        for (k, shape) in shapes.enumerated() {
            var content: [UInt8] = []
            if var shape {
                if type == 8 || type == 18, case let .point(p) = shape { shape = .multiPoint([p]) }
                if let e = shape.envelope { box = box.map { $0.union(e) } ?? e }
                for p in shape.paths { if let r = p.zRange { zMin = min(zMin, r.0); zMax = max(zMax, r.1) } }
                content = record(shape, type: type)
            } else {
                Bytes.appendInt32LE(0, &content)
            }
            let offset = 50 + body.count / 2
            Bytes.appendInt32BE(Int32(k + 1), &body)
            Bytes.appendInt32BE(Int32(content.count / 2), &body)
            body += content
            Bytes.appendInt32BE(Int32(offset), &index)
            Bytes.appendInt32BE(Int32(content.count / 2), &index)
            guard 100 + body.count < Int(Int32.max) * 2 else {
                throw GeoFormatError(file: file, feature: k + 1, problem: "the .shp would exceed the format's 4 GB limit")
            }
        }
        let e = box ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let z = zMin <= zMax ? (zMin, zMax) : (0, 0)
        func header(_ lengthBytes: Int) -> [UInt8] {
            var h: [UInt8] = []
            Bytes.appendInt32BE(9994, &h)
            h += [UInt8](repeating: 0, count: 20)
            Bytes.appendInt32BE(Int32(lengthBytes / 2), &h)
            Bytes.appendInt32LE(1000, &h)
            Bytes.appendInt32LE(type, &h)
            for v in [e.minX, e.minY, e.maxX, e.maxY, z.0, z.1, 0, 0] { Bytes.appendDoubleLE(v, &h) }
            return h
        }
        return (header(100 + body.count) + body, header(100 + index.count) + index)
    }

    /// One record's content.
    static func record(_ shape: Shape, type: Int32) -> [UInt8] {
        var out: [UInt8] = []
        Bytes.appendInt32LE(type, &out)
        let hasZ = type > 10
        let paths = shape.paths
        if type == 1 || type == 11, let p = paths.first {
            Bytes.appendDoubleLE(p.xy[0], &out)
            Bytes.appendDoubleLE(p.xy[1], &out)
            if hasZ {
                Bytes.appendDoubleLE(p.z?[0] ?? 0, &out)
                Bytes.appendDoubleLE(0, &out)   // M
            }
            return out
        }
        let e = shape.envelope ?? Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        for v in [e.minX, e.minY, e.maxX, e.maxY] { Bytes.appendDoubleLE(v, &out) }
        let total = paths.reduce(0) { $0 + $1.count }
        if type == 8 || type == 18 {
            Bytes.appendInt32LE(Int32(total), &out)
        } else {
            Bytes.appendInt32LE(Int32(paths.count), &out)
            Bytes.appendInt32LE(Int32(total), &out)
            var start = 0
            for p in paths {
                Bytes.appendInt32LE(Int32(start), &out)
                start += p.count
            }
        }
        for p in paths { for v in p.xy { Bytes.appendDoubleLE(v, &out) } }
        if hasZ {
            let zs = paths.flatMap { $0.z ?? [Double](repeating: 0, count: $0.count) }
            Bytes.appendDoubleLE(zs.min() ?? 0, &out)
            Bytes.appendDoubleLE(zs.max() ?? 0, &out)
            for v in zs { Bytes.appendDoubleLE(v, &out) }
        }
        return out
    }
}
