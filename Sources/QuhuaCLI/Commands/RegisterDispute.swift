import ArgumentParser
import Foundation
import Gazetteer
import Register

/// `quhua register dispute`: boundary disputes along a stretch of a line.
struct RegisterDispute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute", abstract: "Boundary disputes (边界争议) along a stretch of a line.",
        discussion: """
        Example:
          quhua register dispute add --line 0005 --from-marker 0005-002 --to-marker 0005-003 \\
                --parties "咸阳市;西安市" --date 2024-03-01 --document "咸政函〔2024〕12号"
          quhua register dispute update 1 --status mediating --date 2024-04-10 --note 市级调处
          quhua register dispute list --open
        """,
        subcommands: [RegisterDisputeAdd.self, RegisterDisputeUpdate.self, RegisterDisputeList.self])
}

struct RegisterDisputeAdd: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Open a dispute on a stretch given by two markers (--from-marker/--to-marker) or as WKT (--wkt).")

    @OptionGroup var options: RegisterOptions

    @Option(help: ArgumentHelp("The line.", valueName: "line"))
    var line: String

    @Option(name: .customLong("from-marker"), help: ArgumentHelp("Where the stretch begins.", valueName: "number"))
    var fromMarker: String?

    @Option(name: .customLong("to-marker"), help: ArgumentHelp("Where the stretch ends.", valueName: "number"))
    var toMarker: String?

    @Option(help: ArgumentHelp("The stretch as a WKT LineString in the register's CRS.", valueName: "wkt"))
    var wkt: String?

    @Option(help: ArgumentHelp("The parties, separated by semicolons.", valueName: "A;B"))
    var parties: String

    @Option(help: ArgumentHelp("The day it was opened (default today).", valueName: "date"))
    var date: String?

    @Option(help: "A short title.")
    var title: String?

    @Option(help: ArgumentHelp("A document reference (repeat for each).", valueName: "reference"))
    var document: [String] = []

    @Option(help: "A note.")
    var note: String?

    func validate() throws {
        let byMarkers = fromMarker != nil || toMarker != nil
        if byMarkers == (wkt != nil) { throw ValidationError("Give the stretch either with --from-marker and --to-marker, or with --wkt.") }
        if byMarkers && (fromMarker == nil || toMarker == nil) { throw ValidationError("Give both --from-marker and --to-marker.") }
        _ = try registerDay(date, option: "--date")
    }

    func execute() throws {
        let stretch: DisputeStretch = wkt.map { .wkt($0) } ?? .markers(from: fromMarker ?? "", to: toMarker ?? "")
        let input = DisputeInput(line: line, stretch: stretch,
                                 parties: parties.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                                 opened: try registerDay(date, option: "--date") ?? .today, title: title, documents: document, note: note)
        let dispute = try options.openStore().addDispute(input, actor: options.actorName)
        try options.emit(dispute) { RegisterText.dispute(dispute) }
    }
}

struct RegisterDisputeUpdate: RegisterCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Record a step of a dispute: a status, a note, documents.")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The dispute's number.")
    var id: Int64

    @Option(help: "The new status: open, mediating, settled or closed.")
    var status: DisputeStatus?

    @Option(help: ArgumentHelp("The day of the step (default today).", valueName: "date"))
    var date: String?

    @Option(help: "A note.")
    var note: String?

    @Option(help: ArgumentHelp("A document reference (repeat for each).", valueName: "reference"))
    var document: [String] = []

    func validate() throws { _ = try registerDay(date, option: "--date") }

    func execute() throws {
        let dispute = try options.openStore().updateDispute(id, status: status, on: try registerDay(date, option: "--date") ?? .today,
                                                            note: note, documents: document, actor: options.actorName)
        try options.emit(dispute) { RegisterText.dispute(dispute) }
    }
}

struct RegisterDisputeList: RegisterCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List disputes.")

    @OptionGroup var options: RegisterOptions

    @Option(help: ArgumentHelp("Only disputes on this line.", valueName: "line"))
    var line: String?

    @Flag(help: "Only open or mediating disputes.")
    var open = false

    func execute() throws {
        let disputes = try options.openStore().disputes(line: line, openOnly: open)
        try options.emit(disputes) { disputes.isEmpty ? "no disputes\n" : disputes.map(RegisterText.dispute).joined() }
    }
}
