import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GEOSKit

/// Reads KML 2.2 and KMZ: every placemark with its name, description, `ExtendedData` fields and
/// the folders it sits in.
///
/// Points, lines, polygons (with holes) and `MultiGeometry` are read as WGS 84 longitude/latitude
/// (with heights when given). The folder path becomes the `folder` field (`outer/inner`).
/// Problems name the file, the placemark number and what is wrong (XML errors with their line).
/// Bytes that are not valid in the declared encoding, characters XML forbids and elements nested
/// deeper than ``maximumDepth`` are refused with their byte offset or line before or while parsing
/// (see `XMLInput`), never handed on to crash `XMLParser`.
///
/// ```swift
/// let layer = try KMLReader().read(URL(fileURLWithPath: "markers.kmz"), context: context)
/// ```
public struct KMLReader: Sendable {
    /// The deepest nesting of elements read (real KML stays within a few dozen, folders included).
    public static let maximumDepth = 256

    /// Creates a reader.
    public init() {}

    /// Reads the KML or KMZ file at `url`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the placemark and the problem.
    public func read(_ url: URL, context: GEOSContext) throws -> FeatureLayer {
        let file = url.relativePath
        let data: Data
        if url.pathExtension.lowercased() == "kmz" {
            let entries = try ZipBundle.read(url)
            guard let kml = entries.first(where: { $0.name == "doc.kml" }) ?? entries.first(where: { $0.name.lowercased().hasSuffix(".kml") }) else {
                throw GeoFormatError(file: file, problem: "the KMZ holds no .kml document")
            }
            data = Data(kml.bytes)
        } else {
            data = try FileInput.contents(of: url)
        }
        return try read(data: data, name: url.deletingPathExtension().lastPathComponent, file: file, context: context)
    }

    /// Reads KML bytes; `file` is used in error messages.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the placemark (or byte offset) and the problem.
    public func read(data: Data, name: String, file: String, context: GEOSContext) throws -> FeatureLayer {
        let text = try XMLInput.utf8(data, file: file)
        let handler = KMLParseHandler(maximumDepth: Self.maximumDepth)
        let parser = XMLParser(data: text)
        parser.delegate = handler
        parser.shouldProcessNamespaces = true
        if !parser.parse() || handler.problem != nil {
            if let problem = handler.problem {
                throw GeoFormatError(file: file, feature: handler.placemarks.count + 1, problem: problem)
            }
            let message = parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown XML error"
            throw GeoFormatError(file: file, problem: "not well-formed XML at line \(parser.lineNumber), column \(parser.columnNumber): \(message)")
        }
        guard handler.sawKML else { throw GeoFormatError(file: file, problem: "not KML: no <kml> element") }
        if let open = handler.openElement {
            throw GeoFormatError(file: file, problem: "not well-formed XML: the file ends inside <\(open)> (truncated?)")
        }
        var fields: [String] = []
        if handler.placemarks.contains(where: { $0.name != nil }) { fields.append("name") }
        if handler.placemarks.contains(where: { $0.description != nil }) { fields.append("description") }
        if handler.placemarks.contains(where: { !$0.folders.isEmpty }) { fields.append("folder") }
        var seen = Set(fields)
        for p in handler.placemarks { for (k, _) in p.data where seen.insert(k).inserted { fields.append(k) } }

        var features: [Feature] = []
        for (k, p) in handler.placemarks.enumerated() {
            var properties: [String: PropertyValue] = [:]
            if let n = p.name { properties["name"] = .string(n) }
            if let d = p.description { properties["description"] = .string(d) }
            if !p.folders.isEmpty { properties["folder"] = .string(p.folders.joined(separator: "/")) }
            for (key, value) in p.data where properties[key] == nil { properties[key] = .string(value) }
            var geometry: Geometry?
            if let shape = p.shape {
                do {
                    geometry = try shape.geometry(in: context)
                } catch {
                    throw GeoFormatError(file: file, feature: k + 1, problem: "GEOS rejects the geometry: \(error)")
                }
            }
            features.append(Feature(id: p.id.map(PropertyValue.string), properties: properties, geometry: geometry))
        }
        return FeatureLayer(name: handler.documentName ?? name, crs: "EPSG:4326", fields: fields, features: features)
    }
}

/// One placemark as parsed.
struct KMLPlacemark {
    var id: String?
    var name: String?
    var description: String?
    var folders: [String] = []
    var data: [(String, String)] = []
    var shape: Shape?
}

/// XMLParser delegate collecting placemarks.
final class KMLParseHandler: NSObject, XMLParserDelegate {
    /// Elements nested deeper than this stop the parse with a problem.
    let maximumDepth: Int
    var placemarks: [KMLPlacemark] = []
    var documentName: String?
    var problem: String?
    var sawKML = false

    private var stack: [String] = []
    /// The innermost element still open when parsing stopped, if any.
    var openElement: String? { stack.last }
    private var text = ""
    private var folders: [String] = []
    private var folderNamePending = false
    private var current: KMLPlacemark?
    private var dataName: String?
    // Geometry under construction: a stack of member lists for nested MultiGeometry.
    private var multiStack: [[Shape]] = []
    private var rings: [Path] = []

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard stack.count < maximumDepth else {
            fail(parser, "elements are nested more than \(maximumDepth) deep (<\(element)> inside \(stack.suffix(3).map { "<\($0)>" }.joined(separator: " ")) …)")
            return
        }
        stack.append(element)
        text = ""
        switch element {
        case "kml": sawKML = true
        case "Folder": folders.append(""); folderNamePending = true
        case "Placemark": current = KMLPlacemark(id: attributes["id"], folders: folders.filter { !$0.isEmpty })
        case "Data", "SimpleData": dataName = attributes["name"]
        case "MultiGeometry": multiStack.append([])
        case "Polygon": rings = []
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text += String(decoding: CDATABlock, as: UTF8.self) }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        defer { _ = stack.popLast(); text = "" }
        let parent = stack.count >= 2 ? stack[stack.count - 2] : ""
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch element {
        case "name":
            if current != nil && parent == "Placemark" {
                current?.name = value
            } else if parent == "Folder", folderNamePending, !folders.isEmpty {
                folders[folders.count - 1] = value
                folderNamePending = false
            } else if parent == "Document", documentName == nil {
                documentName = value
            }
        case "description" where parent == "Placemark": current?.description = value
        case "value" where parent == "Data": if let n = dataName { current?.data.append((n, value)) }
        case "SimpleData": if let n = dataName { current?.data.append((n, value)) }
        case "Folder": _ = folders.popLast(); folderNamePending = false
        case "coordinates":
            guard current != nil else { return }
            guard let path = parseCoordinates(value, parser) else { return }
            switch parent {
            case "Point": add(.point(path))
            case "LineString": add(.lineString(path))
            case "LinearRing":
                let grand = stack.count >= 3 ? stack[stack.count - 3] : ""
                if grand == "outerBoundaryIs" || grand == "innerBoundaryIs" {
                    guard path.count >= 4, path.x(0) == path.x(path.count - 1), path.y(0) == path.y(path.count - 1) else {
                        fail(parser, path.count < 4 ? "a ring has \(path.count) points; a ring needs at least 4" : "a ring is not closed (its first and last points differ)")
                        return
                    }
                    if grand == "outerBoundaryIs" { rings.insert(path, at: 0) } else { rings.append(path) }
                } else {
                    add(.polygon([path]))
                }
            default: break
            }
        case "Polygon":
            guard current != nil else { return }
            if rings.isEmpty { fail(parser, "a Polygon has no outer boundary"); return }
            add(Shape.polygon(rings).orientingRings(exteriorCounterClockwise: true))
        case "MultiGeometry":
            guard let members = multiStack.popLast() else { return }
            let types = Set(members.map(\.type))
            let shape: Shape
            if types == [.point] { shape = .multiPoint(members.flatMap(\.paths)) }
            else if types == [.lineString] { shape = .multiLineString(members.flatMap(\.paths)) }
            else if types == [.polygon] { shape = .multiPolygon(members.map(\.polygons).flatMap { $0 }) }
            else { shape = .collection(members) }
            add(shape)
        case "Placemark":
            if let p = current { placemarks.append(p) }
            current = nil
        default: break
        }
    }

    private func add(_ shape: Shape) {
        if !multiStack.isEmpty {
            multiStack[multiStack.count - 1].append(shape)
        } else if current?.shape == nil {
            current?.shape = shape
        } else if let existing = current?.shape {
            current?.shape = .collection([existing, shape])
        }
    }

    private func fail(_ parser: XMLParser, _ message: String) {
        if problem == nil { problem = "line \(parser.lineNumber): \(message)" }
        parser.abortParsing()
    }

    private func parseCoordinates(_ text: String, _ parser: XMLParser) -> Path? {
        var xy: [Double] = []
        var z: [Double] = []
        var anyZ = false
        for tuple in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            let parts = tuple.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count >= 2, parts.count <= 3, let x = Double(parts[0]), let y = Double(parts[1]) else {
                fail(parser, "\"\(tuple)\" is not a longitude,latitude[,altitude] tuple")
                return nil
            }
            guard x.isFinite, y.isFinite, abs(x) < 1e15, abs(y) < 1e15 else {
                fail(parser, "coordinate \(tuple) is not a usable number")
                return nil
            }
            xy += [x, y]
            if parts.count == 3, let h = Double(parts[2]), h.isFinite { z.append(h); anyZ = true } else { z.append(0) }
        }
        if xy.isEmpty { fail(parser, "empty <coordinates>"); return nil }
        return Path(xy: xy, z: anyZ ? z : nil)
    }
}
