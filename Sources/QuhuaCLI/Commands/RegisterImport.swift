import ArgumentParser
import Foundation
import Gazetteer
import Register

/// `quhua register import`: register the lines and markers of a survey or joint-inspection record.
struct RegisterImport: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Register the lines and markers of an accepted survey or a joint-inspection record.",
        discussion: """
        The survey is read as `quhua validate` reads it (a folder of .geojson, .shp, .gpkg and .csv \
        files, or the files). The first import registers every line and marker; a later inspection \
        adds a new version only for what changed, ends what is missing and starts a history for what \
        is new. One import is one transaction; importing the same files with the same date again \
        changes nothing and says so.

        Example:
          quhua register import GeoData/samples/inspection/before --date 2020-06-18 \\
                --agreement "陕界〔2020〕1号" --agreement-date 2020-09-01 --parties "陕西省;山西省"
        """)

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The survey: a folder, or its files.", completion: .file())
    var survey: [String]

    @Option(help: ArgumentHelp("The day of the inspection or survey (YYYY-MM-DD).", valueName: "date"))
    var date: String

    @Option(help: ArgumentHelp("The boundary agreement (协议书) number.", valueName: "number"))
    var agreement: String

    @Option(name: .customLong("agreement-date"), help: ArgumentHelp("The day the agreement was signed.", valueName: "date"))
    var agreementDate: String?

    @Option(help: ArgumentHelp("The parties to the agreement, separated by semicolons.", valueName: "A;B"))
    var parties: String?

    @Option(help: ArgumentHelp("The marker tolerance in metres (a marker farther than this from its registered position has moved).", valueName: "metres"))
    var tolerance: Double = 0.2

    @Option(help: "The level of every line (province, county, township); default: inferred from the division codes on its sides.")
    var level: LineLevel?

    @Option(help: ArgumentHelp("The installation day of the markers this import registers for the first time (default --date).", valueName: "date"))
    var installed: String?

    func validate() throws {
        _ = try registerDay(installed, option: "--installed")
        if survey.isEmpty { throw ValidationError("Give the survey folder or files.") }
        _ = try registerDay(date, option: "--date")
        _ = try registerDay(agreementDate, option: "--agreement-date")
        if !(tolerance > 0) { throw ValidationError("--tolerance must be a positive number of metres.") }
    }

    func execute() throws {
        let store = try options.openStore()
        let request = ImportRequest(
            survey: survey, date: try Day.register(date), agreement: agreement,
            agreementDate: try registerDay(agreementDate, option: "--agreement-date"),
            parties: (parties ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            tolerance: tolerance, level: level, installed: try registerDay(installed, option: "--installed"))
        let summary = try store.importInspection(request, actor: options.actorName)
        try options.emit(summary) { RegisterText.importSummary(summary) }
    }
}
