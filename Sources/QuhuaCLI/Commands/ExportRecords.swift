import ArgumentParser
import GEOSKit
import Gazetteer
import GeoFormats
import Publishing

/// `quhua export records`: the place-name records, one feature per location.
struct ExportRecords: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Export the place-name records: one feature per location (point, line or polygon).",
        discussion: """
        Each feature has code, name, level, GB/T 18521 category, parent, meaning, origin, history, \
        note, sources and attachments (by SHA-256). A Shapefile holds one geometry kind: the most \
        common kind is written and the others are counted in a warning.
        """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: LayerOutputOptions

    func validate() throws {
        if output.format?.lowercased() == "lpf" {
            throw ValidationError("records are exported as geojson, geojsonl, gpkg, shp, kml, kmz, csv or topojson; Linked Places Format is for divisions")
        }
    }

    func run() throws {
        let format = try output.fileFormat, target = try output.target
        do {
            let store = try database.openStore()
            var layer = try RecordLayer(store: store).layer(context: try GEOSContext())
            layer = try LayerOutput.reproject(layer, input: "the gazetteer", source: nil, target: target, for: format)
            if format == .shapefile { layer = LayerOutput.oneGeometryKind(layer) }
            try LayerOutput.write(layer, to: output.url, format: format,
                                  options: try output.writeOptions(format: format, nameField: "name", folderFields: ["category_name"]))
        } catch let error as GazetteerError {
            Terminal.say(error.description)
            throw ExitStatus.unreadableInput.exitCode
        }
    }
}
