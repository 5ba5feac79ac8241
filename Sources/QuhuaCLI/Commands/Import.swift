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
        subcommands: [ImportGeoData.self, ImportAreaCodes.self])
}

struct ImportGeoData: ParsableCommand {
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

    func run() throws {
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

struct ImportAreaCodes: ParsableCommand {
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

    func run() throws {
        let store = try options.openStore(buildIfEmpty: false)
        let report = try AreaCodesImporter(directory: URL(fileURLWithPath: folder))
            .run(into: store, actor: options.actorName, progress: Terminal.progressHandler(force: progress))
        Terminal.endProgress()
        if options.format == .json { return try Terminal.printJSON(report) }
        print(report.description)
    }
}
