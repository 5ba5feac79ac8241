import Foundation
import GEOSKit

/// Writes KML 2.2 for Google Earth and field apps, or KMZ (zipped KML).
///
/// Each feature becomes a placemark with a name (``WriteOptions/nameField``, else the first of
/// `name`, `地名`, `名称`, `NAME`), a description (an HTML table of the attributes) and the
/// attributes as `ExtendedData`, so they read back as fields. Lines and polygons get shared
/// styles. With ``WriteOptions/folderFields`` placemarks are grouped into nested folders, for
/// example by province and then by division level. Coordinates must be WGS 84 longitude/latitude
/// (KML knows no other CRS; `quhua convert` reprojects).
///
/// ```swift
/// var options = WriteOptions(precision: 7)
/// options.folderFields = ["level"]
/// try KMLWriter().write(layer, to: URL(fileURLWithPath: "divisions.kmz"), options: options)
/// ```
public struct KMLWriter: FeatureWriter, Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `layer` to `url`, as KMZ when the name ends in `.kmz`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport {
        let file = url.relativePath
        for f in options.folderFields where !layer.fields.contains(f) {
            throw GeoFormatError(file: file, problem: "no field \"\(f)\" to make folders from; the layer has \(layer.fields.joined(separator: ", "))")
        }
        if let n = options.nameField, !layer.fields.contains(n) {
            throw GeoFormatError(file: file, problem: "no field \"\(n)\" to name placemarks by")
        }
        let nameField = options.nameField ?? ["name", "地名", "名称", "NAME", "Name"].first { layer.fields.contains($0) }
        let title = options.layerName ?? layer.name

        var placemarks: [String] = []
        placemarks.reserveCapacity(layer.features.count)
        for (k, feature) in layer.features.enumerated() {
            do {
                placemarks.append(try Self.placemark(feature, number: k + 1, fields: layer.fields, nameField: nameField, precision: options.precision))
            } catch let e as GeoFormatError {
                throw e
            } catch {
                throw GeoFormatError(file: file, feature: k + 1, problem: "cannot write the geometry: \(error)")
            }
        }

        var doc = """
        <?xml version="1.0" encoding="UTF-8"?>
        <kml xmlns="http://www.opengis.net/kml/2.2">
        <Document>
        <name>\(Self.escape(title))</name>
        <Style id="point"><IconStyle><scale>0.8</scale></IconStyle></Style>
        <Style id="line"><LineStyle><color>ff0000ff</color><width>2</width></LineStyle></Style>
        <Style id="polygon"><LineStyle><color>ff0055ff</color><width>1.5</width></LineStyle><PolyStyle><color>330055ff</color></PolyStyle></Style>

        """
        Self.appendFolders(indices: Array(layer.features.indices), depth: 0, layer: layer, fields: options.folderFields,
                           placemarks: placemarks, into: &doc)
        doc += "</Document>\n</kml>\n"

        let output = AtomicOutput()
        let temp = try output.temporary(for: url)
        if url.pathExtension.lowercased() == "kmz" {
            try ZipBundle.write([("doc.kml", Array(doc.utf8))], to: temp)
        } else {
            do { try Data(doc.utf8).write(to: temp) } catch {
                throw GeoFormatError(file: file, problem: "cannot write: \(error.localizedDescription)")
            }
        }
        try output.commit()
        return WriteReport(files: [url])
    }

    static func appendFolders(indices: [Int], depth: Int, layer: FeatureLayer, fields: [String], placemarks: [String], into doc: inout String) {
        guard depth < fields.count else {
            for i in indices { doc += placemarks[i] }
            return
        }
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for i in indices {
            let key = layer.features[i].properties[fields[depth]]?.description ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        for key in order {
            doc += "<Folder><name>\(escape(key.isEmpty ? "(\(fields[depth]) empty)" : key))</name>\n"
            appendFolders(indices: groups[key] ?? [], depth: depth + 1, layer: layer, fields: fields, placemarks: placemarks, into: &doc)
            doc += "</Folder>\n"
        }
    }

    static func placemark(_ feature: Feature, number: Int, fields: [String], nameField: String?, precision: Int?) throws -> String {
        var p = "<Placemark>"
        if let nameField, let name = feature.properties[nameField], name != .null {
            p += "<name>\(escape(name.description))</name>"
        }
        if !fields.isEmpty {
            var table = "<table>"
            for f in fields { table += "<tr><th>\(escape(f))</th><td>\(escape((feature.properties[f] ?? .null).description))</td></tr>" }
            table += "</table>"
            p += "<description><![CDATA[\(table.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>"))]]></description>"
        }
        var shape: Shape?
        if let g = feature.geometry, try !g.isEmpty {
            shape = try Shape(g).orientingRings(exteriorCounterClockwise: true)
        }
        if let shape {
            let style: String
            switch shape.type {
            case .point, .multiPoint: style = "point"
            case .lineString, .multiLineString, .linearRing: style = "line"
            default: style = "polygon"
            }
            p += "<styleUrl>#\(style)</styleUrl>"
        }
        if !fields.isEmpty {
            p += "<ExtendedData>"
            for f in fields {
                guard let v = feature.properties[f], v != .null else { continue }
                p += "<Data name=\"\(escape(f))\"><value>\(escape(v.description))</value></Data>"
            }
            p += "</ExtendedData>"
        }
        if let shape { geometry(shape, precision: precision, into: &p) }
        p += "</Placemark>\n"
        return p
    }

    static func geometry(_ shape: Shape, precision: Int?, into out: inout String) {
        func coordinates(_ path: Path) {
            out += "<coordinates>"
            for i in 0..<path.count {
                if i > 0 { out += " " }
                out += NumberText.coordinate(path.xy[2 * i], precision: precision) + "," + NumberText.coordinate(path.xy[2 * i + 1], precision: precision)
                if let z = path.z { out += "," + NumberText.coordinate(z[i], precision: precision) }
            }
            out += "</coordinates>"
        }
        func polygon(_ rings: [Path]) {
            out += "<Polygon>"
            for (k, r) in rings.enumerated() {
                out += k == 0 ? "<outerBoundaryIs><LinearRing>" : "<innerBoundaryIs><LinearRing>"
                coordinates(r)
                out += k == 0 ? "</LinearRing></outerBoundaryIs>" : "</LinearRing></innerBoundaryIs>"
            }
            out += "</Polygon>"
        }
        switch shape {
        case let .point(p): out += "<Point>"; coordinates(p); out += "</Point>"
        case let .lineString(p): out += "<LineString>"; coordinates(p); out += "</LineString>"
        case let .polygon(r): polygon(r)
        case let .multiPoint(ps):
            out += "<MultiGeometry>"
            for p in ps { out += "<Point>"; coordinates(p); out += "</Point>" }
            out += "</MultiGeometry>"
        case let .multiLineString(ps):
            out += "<MultiGeometry>"
            for p in ps { out += "<LineString>"; coordinates(p); out += "</LineString>" }
            out += "</MultiGeometry>"
        case let .multiPolygon(polys):
            out += "<MultiGeometry>"
            for r in polys { polygon(r) }
            out += "</MultiGeometry>"
        case let .collection(members):
            out += "<MultiGeometry>"
            for m in members { geometry(m, precision: precision, into: &out) }
            out += "</MultiGeometry>"
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 forbids most control characters.
                if c.value < 0x20 && c != "\n" && c != "\t" && c != "\r" { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
