import ArgumentParser
import Gazetteer

extension NameType: ExpressibleByArgument {}

/// `quhua edit`: add or end names, end places — never deleting.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a name, end a name, or end a place; history is kept.",
        discussion: """
        Ending sets the end of a period; nothing is deleted. Renames go through `quhua naming`.

        Examples:
          quhua edit add-name 500101 万州 --type alias
          quhua edit end-name 500101 万州 --on 2025-06-30
          quhua edit end-place 500101001201 --on 2025-06-30 --reference "某府〔2025〕9号"
        """,
        subcommands: [EditAddName.self, EditEndName.self, EditEndPlace.self])
}

/// Validates a `--on`/`--from`/`--to` date.
private func checkDate(_ text: String?) throws {
    if let text { do { _ = try Day(parsing: text) } catch let error as GazetteerError { throw ValidationError(error.description) } }
}

struct EditAddName: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "add-name", abstract: "Add a name to a place.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The place's code.")
    var code: String

    @Argument(help: "The name.")
    var name: String

    @Option(name: .long, help: "standard, short, alias, former, romanized or variant.")
    var type: NameType = .alias

    @Option(name: .long, help: "BCP 47 language (default zh for Chinese script, und otherwise).")
    var language: String?

    @Option(name: .long, help: ArgumentHelp("First day of the name's period.", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Day the name's period ended.", valueName: "date"))
    var to: String?

    @Option(name: .long, help: "A note kept with the name.")
    var note: String?

    func validate() throws {
        try checkDate(from)
        try checkDate(to)
    }

    func execute() throws {
        let store = try options.openStore()
        _ = try PlaceEditor(store: store).addName(code: code, text: name, type: type, language: language,
                                                  from: try from.map { try Day(parsing: $0) }, to: try to.map { try Day(parsing: $0) },
                                                  note: note, actor: options.actorName)
        print("\(code): \(type.rawValue) name \(name) added")
    }
}

struct EditEndName: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "end-name", abstract: "End the period of a name of a place.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The place's code.")
    var code: String

    @Argument(help: "The name.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("The first day the name is no longer valid.", valueName: "date"))
    var on: String

    func validate() throws { try checkDate(on) }

    func execute() throws {
        let store = try options.openStore()
        try PlaceEditor(store: store).endName(code: code, text: name, on: try Day(parsing: on), actor: options.actorName)
        print("\(code): \(name) ends on \(on)")
    }
}

struct EditEndPlace: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "end-place", abstract: "End a place (abolished), with its codes, names and parent link.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The place's code.")
    var code: String

    @Option(name: .long, help: ArgumentHelp("The first day the place no longer exists.", valueName: "date"))
    var on: String

    @Option(name: .long, help: "The document that decided it.")
    var reference: String?

    func validate() throws { try checkDate(on) }

    func execute() throws {
        let store = try options.openStore()
        let event = try PlaceEditor(store: store).endPlace(code: code, on: try Day(parsing: on), reference: reference, actor: options.actorName)
        print("\(code): ended on \(on) (change event \(event))")
    }
}
