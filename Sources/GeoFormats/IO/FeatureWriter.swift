import Foundation

/// How a layer is written: precision, text encoding, bundling and format-specific choices.
///
/// ```swift
/// var options = WriteOptions()
/// options.precision = 7          // decimals for GeoJSON, KML, CSV and TopoJSON coordinates
/// options.encoding = .gbk        // DBF text in GBK
/// options.zip = true             // Shapefile: one .zip with .shp/.shx/.dbf/.prj/.cpg
/// ```
public struct WriteOptions: Sendable {
    /// Decimal places for coordinates in text formats, or `nil` for full precision (shortest exact form).
    public var precision: Int?
    /// Text encoding for DBF attributes (Shapefile); UTF-8 by default.
    public var encoding: TextEncoding = .utf8
    /// Shapefile: write one `.zip` bundle instead of loose files (also when the target ends in `.zip`).
    public var zip = false
    /// GeoJSON: one feature per line (GeoJSON text sequence / newline-delimited GeoJSON).
    public var newlineDelimited = false
    /// GeoJSON: write a `bbox` member on every feature and on the collection.
    public var boundingBoxes = false
    /// TopoJSON: quantise coordinates to this many steps per axis (for example 1e6), or `nil` to keep them exact.
    public var quantization: Int?
    /// KML: the field holding each placemark's name (default: the first of `name`, `地名`, `名称`, `NAME`).
    public var nameField: String?
    /// KML: fields whose values become nested folders, outermost first (for example `["province", "level"]`).
    public var folderFields: [String] = []
    /// CSV: how geometry is written (WKT column by default; X/Y/H columns for points).
    public var csvGeometry: CSVGeometryOutput = .wkt("WKT")
    /// CSV: the field delimiter.
    public var csvDelimiter: Character = ","
    /// The layer name inside the file (GeoPackage table, KML document, TopoJSON object); the layer's own name when `nil`.
    public var layerName: String?

    /// Creates options with the defaults.
    public init(precision: Int? = nil, encoding: TextEncoding = .utf8) {
        self.precision = precision
        self.encoding = encoding
    }
}

/// How a CSV writer puts geometry into columns.
public enum CSVGeometryOutput: Sendable, Hashable {
    /// Any geometry as Well-Known Text in the named column.
    case wkt(String)
    /// Points as x, y and optional height columns with these names.
    case points(x: String, y: String, z: String?)
}

/// What a writer did besides writing: the files it made and what the user should know.
public struct WriteReport: Sendable {
    /// The files written.
    public var files: [URL] = []
    /// Things changed to fit the format, for example DBF field names shortened.
    public var warnings: [String] = []

    /// Creates an empty report.
    public init(files: [URL] = [], warnings: [String] = []) {
        self.files = files
        self.warnings = warnings
    }
}

/// A writer of feature layers to one file format.
///
/// Writers never leave half-written output: they write to temporary files beside the
/// target and rename them into place at the end.
public protocol FeatureWriter {
    /// Writes `layer` to `url`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport
}
