import ArgumentParser
import Boundary
import CRS
import Foundation
import GEOSKit
import Gazetteer
import GeoFormats
import Publishing

/// `quhua export`: quhua's results as a mapping system wants them.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the gazetteer's divisions, or validation findings, for GIS, web maps and historical gazetteers.",
        discussion: """
        Divisions (the default): every division valid on --at (default today), optionally only some \
        levels (--level province,prefecture,county) and only one division's subtree (--within CODE), \
        with code, name, level, parent, pinyin, former names, period, and the boundary where the \
        gazetteer stores one. --format lpf writes Linked Places Format (GeoJSON-LD) for \
        historical-gazetteer platforms: every name and parent with the time spans they held.

        Records: --records writes the place-name records, one feature per location (point, line \
        or polygon) with code, name, level, GB/T 18521 category, parent, meaning, origin, history, \
        note, sources and attachments (by SHA-256).

        Findings: --findings takes a report written by `quhua validate --format json` (or a GeoJSON \
        findings layer) and writes one feature per finding at its location, with rule, severity, \
        message, value, tolerance, unit and the features involved: an error layer to open over the \
        survey in QGIS, ArcGIS, Google Earth or a web map.

        Formats: geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson, and lpf (divisions only). \
        GeoJSON, KML and LPF are written in WGS84 unless --to-crs says otherwise.

        Examples:
          quhua export --format gpkg --level prefecture -o prefectures.gpkg
          quhua export --format lpf --at 1997-07-01 --within 500000 -o chongqing-1997.lpf.json
          quhua export --format kml --within 610000 --to-crs GCJ-02 -o shaanxi.kml
          quhua validate --format json survey.geojson > findings.json
          quhua export --findings findings.json --format gpkg -o findings.gpkg --from-crs CGCS2000
          quhua export --records --format gpkg -o records.gpkg

        Exit codes: 0 written, 2 usage, 3 unreadable input or unwritable output.
        """
    )

    @Option(help: "Output format: geojson, geojsonl, gpkg, shp, kml, kmz, csv, topojson, lpf.")
    var format: String

    @Option(name: [.customShort("o"), .long], help: "The file to write.", completion: .file())
    var output: String

    @Option(help: "A findings report (quhua validate --format json) to export as an error layer, instead of divisions.", completion: .file())
    var findings: String?

    @Flag(help: "Export the place-name records (one feature per location, with category, meaning, origin, history, sources and attachments) instead of divisions.")
    var records = false

    @Option(help: ArgumentHelp("Divisions valid on this day: YEAR, YEAR-MM or YEAR-MM-DD (default today; a year is its 31 December).", valueName: "date"))
    var at: String?

    @Option(help: ArgumentHelp("Only these levels, comma-separated: province, prefecture, county.", valueName: "levels"))
    var level: String?

    @Option(help: ArgumentHelp("Only this division (a six-digit code valid on the day) and its subtree.", valueName: "code"))
    var within: String?

    @Option(help: ArgumentHelp("The gazetteer database (default: the per-user one, built from GeoData on first use).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("base-uri"), help: "LPF: the prefix of every place's @id.")
    var baseURI = "urn:quhua:place:"

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

    func validate() throws {
        if findings != nil && (at != nil || level != nil || within != nil || db != nil) {
            throw ValidationError("--at, --level, --within and --db select divisions; they do not go with --findings.")
        }
        if findings != nil && format.lowercased() == "lpf" {
            throw ValidationError("Linked Places Format holds places; export findings as geojson, gpkg, shp, kml, kmz, csv or topojson.")
        }
        if records && (findings != nil || at != nil || level != nil || within != nil || format.lowercased() == "lpf") {
            throw ValidationError("--records exports every recorded place as geojson, geojsonl, gpkg, shp, kml, kmz, csv or topojson; --findings, --at, --level, --within and lpf do not go with it.")
        }
        if let within, !(within.count == 6 && within.allSatisfy(\.isNumber)) {
            throw ValidationError("--within takes a six-digit division code, not “\(within)”.")
        }
    }

    func run() throws {
        if findings == nil {
            try exportDivisions()
            return
        }
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
            Terminal.say("\(error)")
            throw ExitStatus.usage.exitCode
        }
        let context = try GEOSContext()
        var layer: FeatureLayer
        do {
            layer = try FindingsLayer.read(URL(fileURLWithPath: findings ?? ""), context: context)
        } catch let error as GeoFormatError {
            Terminal.say("\(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
        layer = try LayerOutput.reproject(layer, input: findings ?? "", source: source, target: target, for: outFormat)
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

    /// Exports the gazetteer's divisions.
    func exportDivisions() throws {
        let day: Day
        let levels: Set<PlaceLevel>?
        let target: CoordinateReferenceSystem?
        let textEncoding: TextEncoding
        let outFormat: GeoFormat?
        do {
            day = try at.map { try Day(parsing: $0) } ?? Day.today
            levels = try level.map { text in
                Set(try text.split(separator: ",").map { word -> PlaceLevel in
                    let w = word.trimmingCharacters(in: .whitespaces).lowercased()
                    guard let l = PlaceLevel(rawValue: w), [.province, .prefecture, .county].contains(l) else {
                        throw ValidationError("unknown level “\(w)”; use province, prefecture or county")
                    }
                    return l
                })
            }
            target = try toCRS.map { try CoordinateReferenceSystem(parsing: $0) }
            textEncoding = try encoding.map { try TextEncoding(name: $0) } ?? .utf8
            outFormat = format.lowercased() == "lpf" ? nil : try GeoFormat(name: format)
        } catch {
            Terminal.say("\(error)")
            throw ExitStatus.usage.exitCode
        }
        if fromCRS != nil {
            Terminal.say("--from-crs is for findings; the gazetteer knows the CRS of its boundaries")
            throw ExitStatus.usage.exitCode
        }
        do {
            let gazetteer = try GazetteerOptions.parse(db.map { ["--db", $0] } ?? [])
            let store = try gazetteer.openStore()
            let export = DivisionLayer(store: store, day: day, levels: levels, within: within)
            let context = try GEOSContext()
            if records, let outFormat {
                return try exportRecords(store: store, format: outFormat, target: target, encoding: textEncoding, context: context)
            }
            guard let outFormat else {
                if let target, target != .wgs84 {
                    Terminal.say("Linked Places Format is WGS 84 longitude/latitude; --to-crs \(target.quhuaName) does not apply")
                    throw ExitStatus.usage.exitCode
                }
                let places = try export.linkedPlaces(baseURI: baseURI, context: context)
                let report = try LinkedPlacesWriter().write(places, to: URL(fileURLWithPath: output), precision: precision)
                print("wrote \(places.count) places to \(report.files.map(\.relativePath).joined(separator: ", ")) (Linked Places Format, WGS84)")
                return
            }
            var layer = try export.layer(context: context)
            layer = try LayerOutput.reproject(layer, input: "the gazetteer", source: nil, target: target, for: outFormat)
            var options = WriteOptions(precision: precision, encoding: textEncoding)
            options.zip = zip
            options.nameField = "name"
            if outFormat == .kml || outFormat == .kmz { options.folderFields = ["level"] }
            if outFormat == .geoJSONSeq { options.newlineDelimited = true }
            if outFormat == .shapefile, layer.features.contains(where: { $0.geometry == nil }), layer.features.contains(where: { $0.geometry != nil }) {
                Terminal.say("note: divisions without a stored boundary are written with a null shape")
            }
            try LayerOutput.write(layer, to: URL(fileURLWithPath: output), format: outFormat, options: options)
        } catch let error as GazetteerError {
            Terminal.say("\(error.description)")
            throw ExitStatus.unreadableInput.exitCode
        } catch let error as GeoFormatError {
            Terminal.say("\(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
    }

    /// Exports the place-name records through GeoFormats' writers.
    func exportRecords(store: GazetteerStore, format outFormat: GeoFormat, target: CoordinateReferenceSystem?, encoding: TextEncoding,
                       context: GEOSContext) throws {
        var layer = try RecordLayer(store: store).layer(context: context)
        layer = try LayerOutput.reproject(layer, input: "the gazetteer", source: nil, target: target, for: outFormat)
        if outFormat == .shapefile { layer = Self.oneGeometryKind(layer) }
        var options = WriteOptions(precision: precision, encoding: encoding)
        options.zip = zip
        options.nameField = "name"
        if outFormat == .kml || outFormat == .kmz { options.folderFields = ["category_name"] }
        if outFormat == .geoJSONSeq { options.newlineDelimited = true }
        try LayerOutput.write(layer, to: URL(fileURLWithPath: output), format: outFormat, options: options)
    }

    /// The features (findings, record locations) whose geometry kind (point, line, polygon) is the most common, and those without geometry.
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
        Terminal.say("warning: a Shapefile holds one geometry kind; \(layer.features.count - result.features.count) features of other kinds were left out (write a GeoPackage to keep them all)")
        return result
    }
}
