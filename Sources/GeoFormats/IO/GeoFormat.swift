import CRS
import Foundation
import GEOSKit

/// The file formats quhua reads and writes, with detection from file names.
///
/// ```swift
/// let format = try GeoFormat(url: URL(fileURLWithPath: "out.gpkg"))    // .geoPackage
/// let layer = try GeoFormat.read(URL(fileURLWithPath: "in.shp"), options: ReadOptions(), context: context)
/// let same = try GeoFormat.shapefile.reader.read(URL(fileURLWithPath: "in.shp"), options: ReadOptions(), context: context)
/// _ = try format.writer.write(layer, to: URL(fileURLWithPath: "out.gpkg"), options: WriteOptions())
/// ```
public enum GeoFormat: String, CaseIterable, Sendable, CustomStringConvertible {
    /// GeoJSON (RFC 7946), `.geojson` / `.json`.
    case geoJSON = "geojson"
    /// Newline-delimited GeoJSON, `.geojsonl` / `.geojsons` / `.ndjson`.
    case geoJSONSeq = "geojsonl"
    /// OGC GeoPackage, `.gpkg`.
    case geoPackage = "gpkg"
    /// ESRI Shapefile, `.shp` (or a `.zip` bundle).
    case shapefile = "shp"
    /// KML, `.kml`.
    case kml
    /// Zipped KML, `.kmz`.
    case kmz
    /// CSV, `.csv` / `.tsv` / `.txt`.
    case csv
    /// TopoJSON, `.topojson` (or `.json` holding a Topology).
    case topoJSON = "topojson"

    /// The short name, as `--format` takes it.
    public var description: String { rawValue }

    /// The format named by the user (`geojson`, `ndjson`, `gpkg`, `geopackage`, `shp`, `shapefile`, `kml`, `kmz`, `csv`, `topojson`).
    ///
    /// - Throws: ``GeoFormatError`` listing the formats.
    public init(name: String) throws {
        switch name.lowercased() {
        case "geojson", "json": self = .geoJSON
        case "geojsonl", "geojsons", "geojsonseq", "ndjson", "jsonl": self = .geoJSONSeq
        case "gpkg", "geopackage": self = .geoPackage
        case "shp", "shapefile", "esri shapefile": self = .shapefile
        case "kml": self = .kml
        case "kmz": self = .kmz
        case "csv", "tsv": self = .csv
        case "topojson": self = .topoJSON
        default:
            throw GeoFormatError(file: "", problem: "unknown format \"\(name)\"; use \(GeoFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The format of a file from its extension (for `.json` on read, from its content: a Topology is TopoJSON).
    ///
    /// - Throws: ``GeoFormatError`` when the extension names no format quhua knows.
    public init(url: URL) throws {
        let ext = url.pathExtension.lowercased()
        switch ext {
        case "geojson": self = .geoJSON
        case "json":
            self = Self.looksLikeTopology(url) ? .topoJSON : .geoJSON
        case "geojsonl", "geojsons", "ndjson", "jsonl": self = .geoJSONSeq
        case "gpkg": self = .geoPackage
        case "shp", "zip", "dbf": self = .shapefile
        case "kml": self = .kml
        case "kmz": self = .kmz
        case "csv", "tsv", "txt": self = .csv
        case "topojson": self = .topoJSON
        default:
            throw GeoFormatError(file: url.relativePath, problem: "cannot tell the format from the extension \".\(ext)\"; name it with --format (\(GeoFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    /// The usual extension of files in this format.
    public var fileExtension: String {
        switch self {
        case .geoJSON: return "geojson"
        case .geoJSONSeq: return "geojsonl"
        case .geoPackage: return "gpkg"
        case .shapefile: return "shp"
        case .kml: return "kml"
        case .kmz: return "kmz"
        case .csv: return "csv"
        case .topoJSON: return "topojson"
        }
    }

    /// Whether the format can only hold WGS 84 longitude/latitude (KML) or is meant to by default (GeoJSON).
    public var prefersWGS84: Bool {
        switch self {
        case .geoJSON, .geoJSONSeq, .kml, .kmz: return true
        default: return false
        }
    }

    /// The CRS of a file in this format that declares none, where the format says so: WGS 84
    /// longitude/latitude for GeoJSON (RFC 7946) and KML; `nil` for the others (a Shapefile
    /// without `.prj` or a CSV table could be in anything).
    ///
    /// Readers leave an undeclared CRS empty (survey loading refuses metres without a CRS
    /// rather than guess); a conversion applies this when the user names no source CRS.
    public var impliedCRS: CoordinateReferenceSystem? {
        switch self {
        case .geoJSON, .geoJSONSeq, .kml, .kmz: return .wgs84
        default: return nil
        }
    }

    /// A reader for this format.
    public var reader: any FeatureReader {
        switch self {
        case .geoJSON: return GeoJSONReader()
        case .geoJSONSeq: return NewlineGeoJSONReader()
        case .geoPackage: return GeoPackageReader()
        case .shapefile: return ShapefileReader()
        case .kml, .kmz: return KMLReader()
        case .csv: return CSVReader()
        case .topoJSON: return TopoJSONReader()
        }
    }

    /// A writer for this format.
    public var writer: any FeatureWriter {
        switch self {
        case .geoJSON: return GeoJSONWriter()
        case .geoJSONSeq: return NewlineGeoJSONWriter()
        case .geoPackage: return GeoPackageWriter()
        case .shapefile: return ShapefileWriter()
        case .kml, .kmz: return KMLWriter()
        case .csv: return CSVWriter()
        case .topoJSON: return TopoJSONWriter()
        }
    }

    /// The longest field name ``read(_:format:options:context:)`` accepts, in UTF-8 bytes.
    public static let maximumFieldNameLength = 1024

    /// Reads a layer from `url` in the format its name (or `format`) says.
    ///
    /// - Parameters:
    ///   - format: the format, or `nil` to tell it from the file name.
    ///   - options: the layer to pick, the text encoding, CSV columns.
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem (also for a
    ///   field name longer than ``maximumFieldNameLength`` bytes).
    public static func read(_ url: URL, format: GeoFormat? = nil, options: ReadOptions = ReadOptions(), context: GEOSContext) throws -> FeatureLayer {
        let layer = try readLayer(url, format: format, options: options, context: context)
        try FieldNameCheck.check(layer, file: url.relativePath)
        return layer
    }

    private static func readLayer(_ url: URL, format: GeoFormat?, options: ReadOptions, context: GEOSContext) throws -> FeatureLayer {
        try (format ?? GeoFormat(url: url)).reader.read(url, options: options, context: context)
    }

    private static func looksLikeTopology(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let text = String(decoding: head, as: UTF8.self).filter { !$0.isWhitespace }
        return text.hasPrefix("{\"type\":\"Topology\"")
    }
}

/// What to read from a file.
public struct ReadOptions: Sendable {
    /// The layer (GeoPackage table, TopoJSON object); the only or first one when `nil`.
    public var layer: String?
    /// The text encoding (Shapefile DBF, CSV); `nil` to use `.cpg` or detect.
    public var encoding: TextEncoding?
    /// CSV geometry columns, delimiter and CRS.
    public var csv: CSVReadOptions

    /// Creates options.
    public init(layer: String? = nil, encoding: TextEncoding? = nil, csv: CSVReadOptions = CSVReadOptions()) {
        self.layer = layer
        self.encoding = encoding
        self.csv = csv
    }
}

/// Writes newline-delimited GeoJSON (one feature per line).
public struct NewlineGeoJSONWriter: FeatureWriter, Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `layer` with one feature per line.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport {
        var o = options
        o.newlineDelimited = true
        return try GeoJSONWriter().write(layer, to: url, options: o)
    }
}
