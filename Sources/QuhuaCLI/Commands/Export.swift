import ArgumentParser
import CRS
import Foundation
import GEOSKit
import GeoFormats

/// `quhua export`: quhua's results as a mapping system wants them.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export validation findings as an error layer in any format and frame.",
        discussion: """
        --findings takes a report written by `quhua validate --format json` (or a GeoJSON findings \
        layer) and writes one feature per finding at its location, with rule, severity, message, \
        value, tolerance, unit and the features involved — a layer to open over the survey in \
        QGIS, ArcGIS, Google Earth or a web map.

        Formats: geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson. The report's CRS is used \
        when it names one; otherwise give --from-crs. GeoJSON and KML are written in WGS84 unless \
        --to-crs says otherwise.

        Examples:
          quhua validate --format json survey.geojson > findings.json
          quhua export --findings findings.json --format gpkg -o findings.gpkg --from-crs CGCS2000
          quhua export --findings findings.json --format kml -o findings.kml --from-crs CGCS2000

        Exit codes: 0 written, 2 usage, 3 unreadable input or unwritable output.
        """
    )

    @Option(help: "Output format: geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson.")
    var format: String

    @Option(name: [.customShort("o"), .long], help: "The file to write.", completion: .file())
    var output: String

    @Option(help: "A findings report (quhua validate --format json) to export as an error layer.", completion: .file())
    var findings: String

    @Option(name: .customLong("to-crs"), help: "Transform to this CRS (EPSG:4490, CGCS2000, WGS84, GCJ-02, WebMercator, CGCS2000-GK3-CM108 …).")
    var toCRS: String?

    @Option(name: .customLong("from-crs"), help: "The CRS of the findings' locations, when the report does not say.")
    var fromCRS: String?

    @Option(help: "Text encoding for Shapefile DBF and CSV text: UTF-8 or GBK.")
    var encoding: String?

    @Option(help: "Decimal places for coordinates in GeoJSON, KML, CSV and TopoJSON.")
    var precision: Int?

    @Flag(help: "Shapefile: write one .zip bundle.")
    var zip = false

    func run() throws {
        let outFormat: GeoFormat
        let source: CoordinateReferenceSystem?
        let target: CoordinateReferenceSystem?
        let textEncoding: TextEncoding
        do {
            outFormat = try GeoFormat(name: format)
            source = try fromCRS.map { try CoordinateReferenceSystem(parsing: $0) }
            target = try toCRS.map { try CoordinateReferenceSystem(parsing: $0) }
            textEncoding = try encoding.map { try TextEncoding(name: $0) } ?? .utf8
        } catch {
            Stderr.print("quhua: \(error)")
            throw ExitStatus.usage.exitCode
        }
        let context = try GEOSContext()
        var layer: FeatureLayer
        do {
            layer = try FindingsLayer.read(URL(fileURLWithPath: findings), context: context)
        } catch let error as GeoFormatError {
            Stderr.print("quhua: \(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
        layer = try LayerOutput.reproject(layer, input: findings, source: source, target: target, for: outFormat)
        var options = WriteOptions(precision: precision, encoding: textEncoding)
        options.zip = zip
        options.nameField = "rule"
        if outFormat == .kml || outFormat == .kmz { options.folderFields = ["severity", "rule"] }
        if outFormat == .geoJSONSeq { options.newlineDelimited = true }
        if outFormat == .shapefile {
            // A Shapefile holds one geometry kind: keep the located findings of the most common kind.
            layer = Self.oneGeometryKind(layer)
        }
        try LayerOutput.write(layer, to: URL(fileURLWithPath: output), format: outFormat, options: options)
    }

    /// The features whose geometry kind (point, line, polygon) is the most common, and those without geometry.
    static func oneGeometryKind(_ layer: FeatureLayer) -> FeatureLayer {
        func kind(_ f: Feature) -> Int? {
            guard let t = try? f.geometry?.type else { return nil }
            switch t {
            case .point, .multiPoint: return 0
            case .lineString, .linearRing, .multiLineString: return 1
            case .polygon, .multiPolygon: return 2
            case .geometryCollection: return 3
            }
        }
        var counts: [Int: Int] = [:]
        for f in layer.features { if let k = kind(f) { counts[k, default: 0] += 1 } }
        guard counts.count > 1, let keep = counts.max(by: { $0.value < $1.value })?.key else { return layer }
        var result = layer
        result.features = layer.features.filter { kind($0) == nil || kind($0) == keep }
        Stderr.print("quhua: warning: a Shapefile holds one geometry kind; \(layer.features.count - result.features.count) findings of other kinds were left out (write a GeoPackage to keep them all)")
        return result
    }
}
