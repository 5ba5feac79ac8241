import ArgumentParser
import CRS
import Foundation
import GEOSKit
import GeoFormats

/// `quhua convert`: any supported format to any other, optionally into another CRS.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert between GeoJSON, GeoPackage, Shapefile, KML/KMZ, CSV and TopoJSON, in any frame.",
        discussion: """
        The formats come from the file extensions (.geojson .json .geojsonl .gpkg .shp .zip .kml \
        .kmz .csv .topojson) or --format / --from-format. GeoJSON and KML are written in WGS84 \
        longitude/latitude unless --to-crs says otherwise (GCJ-02 data stays GCJ-02).

        CRS names: EPSG:4490, CGCS2000, WGS84, GCJ-02, WebMercator, CGCS2000-GK3-CM108 (3° zone \
        by central meridian), CGCS2000-GK3-Z36 (3° zone with zone number in front), CGCS2000-GK6-CM111.

        --where keeps the features that pass a filter, for example:
          --where "区划码 in ('110000', '120000')"
          --where "CENSUSAREA >= 1000 and not STATE = '02'"
          --where "note is not null"
        (=, !=, <, <=, >, >=, in (…), is [not] null, and, or, not, parentheses; numbers compare as numbers).

        Examples:
          quhua convert GeoData/cn-atlas/derived_prefectures.geojson out/pref.gpkg --from-crs CGCS2000
          quhua convert out/pref.gpkg out/pref-gcj.geojson --to-crs GCJ-02 --precision 6
          quhua convert GeoData/cn-atlas/cn-atlas.json out/provinces.shp --layer provinces --encoding GBK --zip
          quhua convert markers.csv markers.gpkg --csv-x Y --csv-y X --csv-z H --from-crs CGCS2000-GK3-Z36

        Exit codes: 0 written, 2 usage, 3 unreadable or unwritable input/output.
        """
    )

    @Argument(help: "The file to read.", completion: .file())
    var input: String

    @Argument(help: "The file to write (replaced if it exists, only once complete).", completion: .file())
    var output: String

    @Option(help: "Output format: geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson (default: from OUT's extension).")
    var format: String?

    @Option(name: .customLong("from-format"), help: "Input format (default: from IN's extension).")
    var fromFormat: String?

    @Option(help: "The layer to read: GeoPackage table or TopoJSON object (default: the only or first one).")
    var layer: String?

    @Option(name: .customLong("layer-name"), help: "The layer name to write (GeoPackage table, TopoJSON object, KML document).")
    var layerName: String?

    @Option(name: .customLong("where"), help: "Keep only the features that pass this filter (see below).")
    var filter: String?

    @Option(name: .customLong("to-crs"), help: "Transform to this CRS.")
    var toCRS: String?

    @Option(name: .customLong("from-crs"), help: "The input's CRS, when the file does not say (or says wrong).")
    var fromCRS: String?

    @Option(help: "Text encoding: UTF-8 or GBK. Reading: overrides .cpg and detection. Writing: Shapefile DBF and CSV text.")
    var encoding: String?

    @Option(help: "Decimal places for coordinates in GeoJSON, KML, CSV and TopoJSON (default: full precision).")
    var precision: Int?

    @Flag(help: "Shapefile: write one .zip bundle.")
    var zip = false

    @Flag(help: "GeoJSON: write a bbox on every feature and on the collection.")
    var bbox = false

    @Option(help: "TopoJSON: quantise to this many steps per axis (for example 1000000).")
    var quantize: Int?

    @Option(name: .customLong("csv-x"), help: "CSV: the x (easting/longitude) column, reading and writing points.")
    var csvX: String?

    @Option(name: .customLong("csv-y"), help: "CSV: the y (northing/latitude) column.")
    var csvY: String?

    @Option(name: .customLong("csv-z"), help: "CSV: the height column.")
    var csvZ: String?

    @Option(name: .customLong("csv-wkt"), help: "CSV: the WKT column (default on write: WKT).")
    var csvWKT: String?

    @Option(name: .customLong("name-field"), help: "KML: the field naming each placemark.")
    var nameField: String?

    @Option(name: .customLong("folder-field"), help: "KML: fields whose values become nested folders, comma-separated (outermost first).")
    var folderField: String?

    func validate() throws {
        if (csvX == nil) != (csvY == nil) { throw ValidationError("--csv-x and --csv-y go together.") }
        if csvX != nil && csvWKT != nil { throw ValidationError("Use either --csv-x/--csv-y or --csv-wkt.") }
        if let precision, !(0...17).contains(precision) { throw ValidationError("--precision must be 0 to 17.") }
        if let quantize, quantize < 2 { throw ValidationError("--quantize must be at least 2.") }
    }

    func run() throws {
        let inURL = URL(fileURLWithPath: input)
        let outURL = URL(fileURLWithPath: output)
        let inFormat: GeoFormat
        let outFormat: GeoFormat
        let textEncoding: TextEncoding?
        let sourceOverride: CoordinateReferenceSystem?
        let target: CoordinateReferenceSystem?
        let where_: FeatureFilter?
        do {
            inFormat = try fromFormat.map { try GeoFormat(name: $0) } ?? GeoFormat(url: inURL)
            outFormat = try format.map { try GeoFormat(name: $0) } ?? GeoFormat(url: outURL)
            textEncoding = try encoding.map { try TextEncoding(name: $0) }
            sourceOverride = try fromCRS.map { try CoordinateReferenceSystem(parsing: $0) }
            target = try toCRS.map { try CoordinateReferenceSystem(parsing: $0) }
            where_ = try filter.map { try FeatureFilter(parsing: $0) }
        } catch {
            Terminal.say("\(error)")
            throw ExitStatus.usage.exitCode
        }

        var readOptions = ReadOptions(layer: layer, encoding: textEncoding)
        if let csvX, let csvY {
            readOptions.csv.geometry = .points(x: csvX, y: csvY, z: csvZ)
        } else if let csvWKT {
            readOptions.csv.geometry = .wkt(csvWKT)
        }
        readOptions.csv.crs = sourceOverride?.identifier

        let context = try GEOSContext()
        var layer: FeatureLayer
        do {
            layer = try GeoFormat.read(inURL, format: inFormat, options: readOptions, context: context)
        } catch let error as GeoFormatError {
            Terminal.say("\(error)")
            throw ExitStatus.unreadableInput.exitCode
        }

        if let where_ {
            let missing = where_.fields.subtracting(layer.fields)
            if !missing.isEmpty {
                Terminal.say("--where names \(missing.sorted().joined(separator: ", ")), which \(input) does not have; its fields are \(layer.fields.joined(separator: ", "))")
                throw ExitStatus.usage.exitCode
            }
            layer.features = layer.features.filter(where_.matches)
        }

        if sourceOverride == nil, layer.crs == nil, let implied = inFormat.impliedCRS {
            layer.crs = implied.identifier
        }
        layer = try LayerOutput.reproject(layer, input: input, source: sourceOverride, target: target, for: outFormat)

        var options = WriteOptions(precision: precision, encoding: textEncoding ?? .utf8)
        options.zip = zip
        options.boundingBoxes = bbox
        options.quantization = quantize
        options.layerName = layerName
        options.nameField = nameField
        options.folderFields = folderField.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        if let csvX, let csvY { options.csvGeometry = .points(x: csvX, y: csvY, z: csvZ ?? "H") }
        if let csvWKT { options.csvGeometry = .wkt(csvWKT) }
        if outFormat == .geoJSONSeq { options.newlineDelimited = true }

        try LayerOutput.write(layer, to: outURL, format: outFormat, options: options)
    }
}
