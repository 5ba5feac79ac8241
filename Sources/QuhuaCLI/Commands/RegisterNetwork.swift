import ArgumentParser
import Foundation
import Gazetteer
import Register

/// `quhua register unit`: units of the five-level upkeep network.
struct RegisterUnit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit", abstract: "Units of the upkeep network (city, county, township, village, point).",
        subcommands: [RegisterUnitAdd.self])
}

struct RegisterUnitAdd: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a unit.",
        discussion: """
        Example:
          quhua register unit add 西安市界线办 --level city --division 610100
          quhua register unit add 长安区界线办 --level county --division 610116 --parent 西安市界线办
        """)

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The unit's name (unique).")
    var name: String

    @Option(help: "The level: city, county, township, village or point.")
    var level: UnitLevel

    @Option(help: ArgumentHelp("The division the unit belongs to.", valueName: "code"))
    var division: String?

    @Option(help: ArgumentHelp("The unit above it (name or number).", valueName: "unit"))
    var parent: String?

    func execute() throws {
        let unit = try options.openStore().addUnit(name: name, level: level, divisionCode: division, parent: parent, actor: options.actorName)
        try options.emit(unit) { "unit \(unit.id): \(unit.name) (\(unit.level.rawValue))\n" }
    }
}

/// `quhua register person`: people in the units.
struct RegisterPerson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "People in the units of the upkeep network.", subcommands: [RegisterPersonAdd.self])
}

struct RegisterPersonAdd: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a person to a unit.",
        discussion: "Example:\n  quhua register person add 王五 --unit 长安区界线办 --phone 13800000000")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The person's name.")
    var name: String

    @Option(help: ArgumentHelp("The unit (name or number).", valueName: "unit"))
    var unit: String

    @Option(help: "A telephone number.")
    var phone: String?

    func execute() throws {
        let person = try options.openStore().addPerson(name: name, unit: unit, phone: phone, actor: options.actorName)
        try options.emit(person) { "person \(person.id): \(person.name) (unit \(person.unitID))\n" }
    }
}

/// `quhua register assign`: make a unit or person responsible for a line, a stretch or a marker.
struct RegisterAssign: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: "Make a unit or a person responsible for a line, a stretch of a line, or a marker.",
        discussion: """
        Give one of --unit or --person, and one of --line (with --from-marker and --to-marker for a \
        stretch) or --marker.

        Example:
          quhua register assign --unit 长安区界线办 --line 0004 --from 2020-07-01
          quhua register assign --person 王五 --line 0004 --from-marker 0004-001 --to-marker 0004-003 --from 2020-07-01
          quhua register assign --unit 某村 --marker 0004-001 --from 2020-07-01
        """)

    @OptionGroup var options: RegisterOptions

    @Option(help: ArgumentHelp("The responsible unit (name or number).", valueName: "unit"))
    var unit: String?

    @Option(help: ArgumentHelp("The responsible person (name or number).", valueName: "person"))
    var person: String?

    @Option(help: ArgumentHelp("A whole line, or the line of a stretch.", valueName: "line"))
    var line: String?

    @Option(name: .customLong("from-marker"), help: ArgumentHelp("The first marker of a stretch.", valueName: "number"))
    var fromMarker: String?

    @Option(name: .customLong("to-marker"), help: ArgumentHelp("The last marker of a stretch.", valueName: "number"))
    var toMarker: String?

    @Option(help: ArgumentHelp("One marker.", valueName: "number"))
    var marker: String?

    @Option(help: ArgumentHelp("The first day of the responsibility (default today).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("The day it ends, when known.", valueName: "date"))
    var to: String?

    @Option(help: "A note.")
    var note: String?

    func validate() throws {
        if (unit == nil) == (person == nil) { throw ValidationError("Give exactly one of --unit or --person.") }
        if (line == nil) == (marker == nil) { throw ValidationError("Give exactly one of --line or --marker.") }
        if (fromMarker == nil) != (toMarker == nil) { throw ValidationError("A stretch needs both --from-marker and --to-marker.") }
        if fromMarker != nil && line == nil { throw ValidationError("A stretch needs its --line.") }
        _ = try registerDay(from, option: "--from")
        _ = try registerDay(to, option: "--to")
    }

    func execute() throws {
        let store = try options.openStore()
        let caretaker: Caretaker = try unit.map { .unit(try store.unitID($0)) } ?? .person(try store.personID(person ?? ""))
        let target: CareTarget
        if let marker {
            target = .marker(marker)
        } else if let fromMarker, let toMarker {
            target = .stretch(line: line ?? "", from: fromMarker, to: toMarker)
        } else {
            target = .line(line ?? "")
        }
        let record = try store.assign(caretaker, to: target, from: try registerDay(from, option: "--from") ?? .today,
                                      to: try registerDay(to, option: "--to"), note: note, actor: options.actorName)
        try options.emit(record) { RegisterText.responsibilities([record]) }
    }
}

/// `quhua register responsible`: who cares for a marker or a line.
struct RegisterResponsible: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "responsible", abstract: "Show who is responsible for a marker or a line.",
        discussion: "Example:\n  quhua register responsible 0004-001 --at 2024-01-01")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "A marker number or a line id.")
    var target: String

    @Option(help: ArgumentHelp("The day (default: every period).", valueName: "date"))
    var at: String?

    func validate() throws { _ = try registerDay(at, option: "--at") }

    func execute() throws {
        let records = try options.openStore().responsible(for: target, at: try registerDay(at, option: "--at"))
        try options.emit(records) { records.isEmpty ? "nobody is responsible for \(target)\n" : RegisterText.responsibilities(records) }
    }
}

/// `quhua register unassign`: end a responsibility.
struct RegisterUnassign: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: "End a responsibility on a day (it stays in the register with its period).",
        discussion: "Example:\n  quhua register unassign 3 --date 2024-12-31")

    @OptionGroup var options: RegisterOptions

    @Argument(help: "The responsibility's number (see `register responsible`).")
    var id: Int64

    @Option(help: ArgumentHelp("The day it ends (default today).", valueName: "date"))
    var date: String?

    func validate() throws { _ = try registerDay(date, option: "--date") }

    func execute() throws {
        let record = try options.openStore().endResponsibility(id, on: try registerDay(date, option: "--date") ?? .today,
                                                               actor: options.actorName)
        try options.emit(record) { RegisterText.responsibilities([record]) }
    }
}
