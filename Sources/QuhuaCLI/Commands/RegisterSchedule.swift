import ArgumentParser
import Foundation
import Gazetteer
import Register

/// `quhua register event`: events along a line that call for an earlier inspection.
struct RegisterEvent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Events along a line (flood, earthquake, construction) that bring its inspection forward.",
        subcommands: [RegisterEventAdd.self])
}

struct RegisterEventAdd: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record an event against a line.",
        discussion: "Example:\n  quhua register event add 0005 --date 2023-07-30 --kind flood --note 渭河洪水冲毁界桩")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The line.")
    var line: String

    @Option(help: ArgumentHelp("The day it happened.", valueName: "date"))
    var date: String

    @Option(help: "flood, earthquake, construction or other.")
    var kind: LineEventKind

    @Option(help: "What happened.")
    var note: String?

    func validate() throws { _ = try registerDay(date, option: "--date") }

    func execute() throws {
        let event = try options.openStore().addLineEvent(line: line, on: try Day.register(date), kind: kind, note: note, actor: options.actorName)
        try options.emit(event) { "event \(event.id): \(event.kind.rawValue) on line \(event.line), \(event.date)\n" }
    }
}

/// The schedule options shared by `due` and `report`.
struct ScheduleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The day to look at (default today).", valueName: "date"))
    var at: String?

    @Option(help: ArgumentHelp("Years between joint inspections.", valueName: "years"))
    var interval: Int = ScheduleRules.standard.inspectionIntervalYears

    func validate() throws {
        _ = try registerDay(at, option: "--at")
        if interval < 1 { throw ValidationError("--interval must be at least 1 year.") }
    }

    var day: Day { get throws { try registerDay(at, option: "--at") ?? .today } }

    var rules: ScheduleRules {
        var rules = ScheduleRules.standard
        rules.inspectionIntervalYears = interval
        return rules
    }
}

/// `quhua register due`: inspections and patrols due.
struct RegisterDue: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Joint inspections due per line and patrols overdue per marker.",
        discussion: """
        A line is due its joint inspection --interval years (5) after the last inspection that covered \
        it, or one year after an event recorded against it since, whichever is sooner. A marker is due \
        a patrol one interval after its last visit: monthly for a point or village keeper, quarterly \
        for a township, half-yearly for a county, yearly for a city or when nobody is responsible.

        Example:
          quhua register due --at 2026-01-01
        """)

    @OptionGroup var options: RegisterOptions
    @OptionGroup var schedule: ScheduleOptions

    @Flag(help: "List every marker's patrol, not only the overdue ones.")
    var all = false

    func execute() throws {
        let due = try options.openStore().due(at: try schedule.day, rules: schedule.rules)
        try options.emit(due) { RegisterText.due(due, all: all) }
    }
}

/// `quhua register report`: the upkeep report per division.
struct RegisterReportCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The upkeep report per division: markers by condition, overdue patrols, open work orders and disputes.",
        discussion: """
        Divisions are the codes on the lines' sides. The HTML report is one self-contained page with a \
        map of the lines and markers (no network).

        Example:
          quhua register report --division 610100 --format html -o 610100.html
        """)

    @Option(name: .long, help: ArgumentHelp("The register database file (default as for every register verb).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Output: text, csv, json or html.")
    var format: RegisterReportFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.", completion: .file())
    var output: String?

    @Option(help: ArgumentHelp("Only this division code.", valueName: "code"))
    var division: String?

    @OptionGroup var schedule: ScheduleOptions

    func execute() throws {
        let store = try RegisterOptions.openStore(at: db ?? RegisterOptions.defaultPath)
        let report = try store.report(division: division, at: try schedule.day, rules: schedule.rules)
        let text = report.rendered(as: format)
        if let output {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                throw RegisterError.unreadableFile(file: output, reason: "cannot write: \(error.localizedDescription)")
            }
            Terminal.note("wrote \(output)")
        } else {
            print(text, terminator: "")
        }
    }
}
