import ArgumentParser
import CRS
import Foundation
import GeoFormats

/// Where and how an `export` verb writes its layer: `-o`, `--format`, `--to-crs`, `--encoding`,
/// `--precision`, `--zip`.
struct LayerOutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long], help: "The file to write.", completion: .file())
    var output: String

    @Option(help: "Output format: geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson (default: from the output file's extension).")
    var format: String?

    @Option(name: .customLong("to-crs"), help: "Transform to this CRS (EPSG:4490, CGCS2000, WGS84, GCJ-02, WebMercator, CGCS2000-GK3-CM108 …); GeoJSON and KML are written in WGS 84 unless this says otherwise.")
    var toCRS: String?

    @Option(help: "Text encoding for Shapefile DBF and CSV text: UTF-8 or GBK (default UTF-8).")
    var encoding: String?

    @Option(help: "Decimal places for coordinates in GeoJSON, KML, CSV and TopoJSON (default: full precision).")
    var precision: Int?

    @Flag(help: "Shapefile: write one .zip bundle.")
    var zip = false

    func validate() throws {
        if let precision, !(0...17).contains(precision) { throw ValidationError("--precision must be 0 to 17.") }
        if let format, format.lowercased() != "lpf" { _ = try parsed(format) }
        if let toCRS { _ = try crs(toCRS) }
        if let encoding { _ = try textEncoding(encoding) }
    }

    /// The file to write.
    var url: URL { URL(fileURLWithPath: output) }

    /// The file format: `--format`, else the output file's extension.
    var fileFormat: GeoFormat {
        get throws { try format.map { try parsed($0) } ?? parsed(url: url) }
    }

    /// `--to-crs`, parsed.
    var target: CoordinateReferenceSystem? {
        get throws { try toCRS.map { try crs($0) } }
    }

    /// The options for the writer, with the layer's name field and KML folders.
    func writeOptions(format: GeoFormat, nameField: String, folderFields: [String]) throws -> WriteOptions {
        var options = WriteOptions(precision: precision, encoding: try encoding.map { try textEncoding($0) } ?? .utf8)
        options.zip = zip
        options.nameField = nameField
        if format == .kml || format == .kmz { options.folderFields = folderFields }
        if format == .geoJSONSeq { options.newlineDelimited = true }
        return options
    }

    private func parsed(_ name: String) throws -> GeoFormat {
        do { return try GeoFormat(name: name) } catch { throw ValidationError("--format: \((error as? GeoFormatError)?.problem ?? "\(error)")") }
    }

    private func parsed(url: URL) throws -> GeoFormat {
        do { return try GeoFormat(url: url) } catch {
            throw ValidationError("cannot tell the format from \(output); name it with --format (geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson)")
        }
    }

    private func crs(_ text: String) throws -> CoordinateReferenceSystem {
        do { return try CoordinateReferenceSystem(parsing: text) } catch { throw ValidationError("--to-crs: \(error)") }
    }

    private func textEncoding(_ text: String) throws -> TextEncoding {
        do { return try TextEncoding(name: text) } catch { throw ValidationError("--encoding: \(error)") }
    }
}
