import ArgumentParser
import Foundation
import Gazetteer

/// `quhua import`: load data into the gazetteer.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import data into the gazetteer.",
        discussion: """
        Every import is one transaction: it lands completely or not at all, also when the \
        process is killed. Importing the same data again changes nothing.
        """,
        subcommands: [ImportGeoData.self, ImportAreaCodes.self, ImportTownships.self, ImportGeoNames.self, ImportGeometry.self, ImportNames.self, ImportRecords.self])
}

struct ImportGeoData: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "geodata",
        abstract: "Build the gazetteer from the shipped GeoData folder (what first use does).",
        discussion: """
        Example:
          quhua import geodata --db out/gazetteer.sqlite
        """)

    @OptionGroup var options: GazetteerOptions

    @Argument(help: ArgumentHelp("The GeoData folder (default: found as on first use).", valueName: "folder"))
    var folder: String?

    @Flag(name: .long, help: "Print progress lines even when standard error is not a terminal.")
    var progress = false

    func execute() throws {
        let store = try options.openStore(buildIfEmpty: false)
        guard let geoData = folder.map({ URL(fileURLWithPath: $0) }) ?? GeoDataLocator.find() else {
            throw GazetteerError.invalidInput(source: "GeoData", line: nil, message: "GeoData not found; give its folder or set QUHUA_GEODATA")
        }
        let reports = try GeoDataImporter(geoData: geoData).run(into: store, actor: options.actorName,
                                                                progress: Terminal.progressHandler(force: progress))
        Terminal.endProgress()
        if options.format == .json { return try Terminal.printJSON(reports) }
        for report in reports { print(report.description) }
    }
}

struct ImportAreaCodes: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "areacodes",
        abstract: "Import the areacodes history: yearly tables, diffs and result.csv.",
        discussion: """
        The folder holds data/YEAR.txt, diff/A-B.diff (grammar in diff-spec.md) and result.csv. \
        The diffs are resolved into typed change events with their documents; result.csv is \
        checked against that resolution.

        Example:
          quhua import areacodes GeoData/areacodes --db /tmp/g.sqlite
        """)

    @OptionGroup var options: GazetteerOptions

    @Argument(help: ArgumentHelp("The areacodes folder.", valueName: "folder"))
    var folder: String

    @Flag(name: .long, help: "Print progress lines even when standard error is not a terminal.")
    var progress = false

    func execute() throws {
        try options.run(AreaCodesImporter(directory: URL(fileURLWithPath: folder)), progress: progress)
    }
}

/// The file argument, progress flag and report printing shared by the single-file imports.
struct ImportFileOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The file to import.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Print progress lines even when standard error is not a terminal.")
    var progress = false

    var url: URL { URL(fileURLWithPath: file) }

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("cannot read “\(file)”") }
    }
}

func printReport(_ report: ImportReport, format: GazetteerFormat) throws {
    Terminal.endProgress()
    if format == .json { return try Terminal.printJSON(report) }
    print(report.description)
}

extension GazetteerOptions {
    /// Runs one import into the gazetteer (which must hold the division history already for
    /// every source but the history itself), indexing its names at once, and prints its report.
    func run(_ importer: some GazetteerImporter, progress: Bool) throws {
        let store = try openStore(buildIfEmpty: false)
        try printReport(try importer.run(into: store, actor: actorName, progress: Terminal.progressHandler(force: progress), indexing: .immediate),
                        format: format)
    }
}

struct ImportTownships: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "townships",
        abstract: "Import township names (areacity CSV) under their counties.",
        discussion: """
        The areacity file (id,pid,deep,name,pinyin_prefix,pinyin,ext_id,ext_name) adds towns, \
        townships and sub-districts with their 12-digit codes, short names and pinyin, and short \
        names of the divisions. Needs the division history first.

        Example:
          quhua import townships GeoData/areacity/ok_data_level4.csv
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var input: ImportFileOptions

    func execute() throws {
        try options.run(TownshipImporter(file: input.url), progress: input.progress)
    }
}

struct ImportGeoNames: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "geonames",
        abstract: "Import GeoNames alternate names (TSV) onto the divisions they denote.",
        discussion: """
        Rows are matched to divisions through their Chinese names, and by the prefecture polygon \
        holding their point when several divisions share a name. Alternate names — old \
        romanisations such as Chungking, exonyms, other scripts — are kept as variant names.

        Example:
          quhua import geonames GeoData/geonames-cn/geonames_cities15000_CN.tsv
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var input: ImportFileOptions

    func execute() throws {
        try options.run(GeoNamesImporter(file: input.url), progress: input.progress)
    }
}

struct ImportGeometry: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "geometry",
        abstract: "Import one level of division polygons (province, prefecture, county or township) for reverse lookups.",
        discussion: """
        Reads any polygon layer: GeoJSON, TopoJSON (--layer picks the object), GeoPackage (--layer \
        picks the table), Shapefile, KML. A projected layer is taken to longitude/latitude. Each \
        feature needs a code: six digits name the GB/T 2260 division that has it today, nine or \
        twelve digits a township's statistical code (the nine-digit form is the twelve-digit code's \
        prefix). Codes no current place has are counted and listed in the report.

        --level says which level of the division tree the layer fills. A feature whose place has \
        another level stops the import, naming the file, the feature and both levels; where the \
        hierarchy skips a level the division holding the ground stands in for it (重庆市 in a \
        prefecture layer, 东莞市 in a county layer). Without --level the level is the one most \
        matched places have. Points, lines and features without a code stop the import too; \
        nothing is written then. Importing the same file again changes nothing.

        Examples:
          quhua import geometry GeoData/cn-atlas/provinces.json --level province
          quhua import geometry GeoData/cn-atlas/cn-atlas.json --layer prefectures --level prefecture
          quhua import geometry counties.gpkg --level county --code-field 县代码 \\
              --source survey-2024 --citation "county boundaries, 2024 survey" --from 2024-01-01
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var input: ImportFileOptions

    @Option(name: .long, help: ArgumentHelp(
        "The level the polygons fill: province, prefecture, county or township (default: the level most matched places have).",
        valueName: "level"))
    var level: PlaceLevel?

    @Option(name: .customLong("code-field"), help: ArgumentHelp(
        "The property holding the code (default: the first of 区划码, code, adcode, id with 6, 9 or 12 digits).", valueName: "name"))
    var codeField: String?

    @Option(name: .long, help: "The layer to read: GeoPackage table or TopoJSON object (default: the only or first one).")
    var layer: String?

    @Option(name: .long, help: ArgumentHelp("The source key recorded with the polygons.", valueName: "key"))
    var source = "cn-atlas"

    @Option(name: .long, help: ArgumentHelp("Where the layer comes from, kept with a new source (default: the file's path).", valueName: "text"))
    var citation: String?

    @Option(name: .long, help: ArgumentHelp(
        "First day the polygons are valid (YEAR, YEAR-MM or YEAR-MM-DD); earlier open polygons of the same places and level end that day.",
        valueName: "date"))
    var from: String?

    func validate() throws {
        if let level, ![.province, .prefecture, .county, .township].contains(level) {
            throw ValidationError("--level takes province, prefecture, county or township, not \(level.rawValue)")
        }
        if let from {
            do { _ = try Day(parsing: from) } catch let error as GazetteerError { throw ValidationError(error.description) }
        }
    }

    func execute() throws {
        let importer = GeometryImporter(file: input.url, sourceKey: source, citation: citation ?? input.url.path, level: level,
                                        codeFields: codeField.map { [$0] } ?? GeometryImporter.defaultCodeFields,
                                        layer: layer, validFrom: try from.map { try Day(parsing: $0) })
        try options.run(importer, progress: input.progress)
    }
}

struct ImportNames: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "names",
        abstract: "Import names from any CSV through a column mapping.",
        discussion: """
        The mapping says which column holds which field: --map name=地名,code=代码,type=类型. \
        Fields: name (required), code, type (standard, short, alias, former, romanized, variant), \
        language, script, from, to (YYYY[-MM[-DD]]), parent, level (township, village, feature), \
        category (GB/T 18521), romanization, note. Unmapped fields are read from columns of the \
        same name.

        A row whose code names an existing place adds the name to it; a row with an unknown code \
        and a level creates the place under its parent. Any bad row stops the import with its \
        line number and nothing is written. Rows already present are skipped.

        Example:
          quhua import names villages.csv --map name=村名,code=统计代码,parent=乡镇代码,level=级别
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var input: ImportFileOptions

    @Option(name: .long, help: ArgumentHelp("Column mapping, field=column pairs separated by commas.", valueName: "mapping"))
    var map: String?

    func execute() throws {
        let mapping = try map.map { try CSVColumnMapping(parsing: $0) } ?? CSVColumnMapping()
        try options.run(NameCSVImporter(file: input.url, mapping: mapping), progress: input.progress)
    }
}
