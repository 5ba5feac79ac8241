import ArgumentParser
import Boundary
import CRS
import Foundation
import GEOSKit
import GeoFormats

/// `quhua export findings`: a validation report as an error layer.
struct ExportFindings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Export a validation report's findings as an error layer for QGIS, ArcGIS, Google Earth or a web map.",
        discussion: """
        Takes a report written by `quhua validate --format json` (or a GeoJSON findings layer) and \
        writes one feature per finding at its location, with rule, severity, message, value, \
        tolerance, unit and the features involved.
        """
    )

    @Argument(help: "The report: quhua validate --format json (or --format geojson).", completion: .file())
    var report: String

    @OptionGroup var output: LayerOutputOptions

    @Option(name: .customLong("from-crs"), help: "The CRS of the findings' locations, when the report does not say.")
    var fromCRS: String?

    func validate() throws {
        if output.format?.lowercased() == "lpf" {
            throw ValidationError("Linked Places Format holds places; export findings as geojson, gpkg, shp, kml, kmz, csv or topojson.")
        }
        if let fromCRS {
            do { _ = try CoordinateReferenceSystem(parsing: fromCRS) } catch { throw ValidationError("--from-crs: \(error)") }
        }
    }

    func run() throws {
        let format = try output.fileFormat, target = try output.target
        let source = try fromCRS.map { try CoordinateReferenceSystem(parsing: $0) }
        var layer: FeatureLayer
        do {
            layer = try FindingsLayer.read(URL(fileURLWithPath: report), context: try GEOSContext())
        } catch let error as GeoFormatError {
            Terminal.say("\(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
        layer = try LayerOutput.reproject(layer, input: report, source: source, target: target, for: format)
        if format == .shapefile { layer = LayerOutput.oneGeometryKind(layer) }
        try LayerOutput.write(layer, to: output.url, format: format,
                              options: try output.writeOptions(format: format, nameField: "rule", folderFields: ["severity", "rule"]))
    }
}
