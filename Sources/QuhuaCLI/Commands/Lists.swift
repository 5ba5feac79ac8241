import ArgumentParser
import Foundation
import Gazetteer

/// `quhua protect`: the historical-name protection list.
struct Protect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep the historical-name protection list (地名保护名录).",
        discussion: """
        Example:
          quhua protect add 万州 --category 历史地名 --reasons "东汉建安二十一年置羊渠县以来的地名" --listed-on 2024-06-01
          quhua protect export > protected.csv
        """,
        subcommands: [ProtectAdd.self, ListShow<ProtectedKind>.self, ListExport<ProtectedKind>.self])
}

/// `quhua vanished`: names that went out of use with their places.
struct Vanished: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep the list of vanished names (消失地名), such as villages flooded by a reservoir.",
        discussion: """
        Example:
          quhua vanished add 龙宝镇 --former-location "原万县龙宝区" --cause "三峡水库蓄水淹没" --date 2003-06
          quhua vanished export --format json
        """,
        subcommands: [VanishedAdd.self, ListShow<VanishedKind>.self, ListExport<VanishedKind>.self])
}

struct ProtectAdd: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Put a name on the protection list.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The name.")
    var name: String

    @Option(name: .long, help: "The category, for example 千年古县, 历史地名, 古镇.")
    var category: String

    @Option(name: .long, help: "Why it is protected.")
    var reasons: String

    @Option(name: .customLong("listed-on"), help: ArgumentHelp("Day of listing (default today).", valueName: "date"))
    var listedOn: String?

    @Option(name: .long, help: ArgumentHelp("The place it names, by code.", valueName: "code"))
    var place: String?

    @Option(name: .long, help: "Where the decision is recorded.")
    var source: String?

    func validate() throws {
        if let listedOn { do { _ = try Day(parsing: listedOn) } catch let error as GazetteerError { throw ValidationError(error.description) } }
    }

    func execute() throws {
        let store = try options.openStore()
        let entry = NameListings.ProtectedName(name: name, category: category, reasons: reasons,
                                               listedOn: try listedOn.map { try Day(parsing: $0) } ?? Day.today, placeCode: place, source: source)
        let id = try NameListings(store: store).addProtected(entry, actor: options.actorName)
        print("protected name \(id): \(name)")
    }
}

struct VanishedAdd: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a name that vanished.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The name.")
    var name: String

    @Option(name: .customLong("former-location"), help: "Where the place was.")
    var formerLocation: String

    @Option(name: .long, help: "Why it vanished, for example reservoir flooding.")
    var cause: String

    @Option(name: .long, help: ArgumentHelp("When it vanished (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("The place record, by code, if there is one.", valueName: "code"))
    var place: String?

    @Option(name: .customLong("listed-on"), help: ArgumentHelp("Day of listing (default today).", valueName: "date"))
    var listedOn: String?

    @Option(name: .long, help: "Where this is recorded.")
    var source: String?

    func validate() throws {
        for value in [date, listedOn].compactMap({ $0 }) {
            do { _ = try Day(parsing: value) } catch let error as GazetteerError { throw ValidationError(error.description) }
        }
    }

    func execute() throws {
        let store = try options.openStore()
        let entry = NameListings.VanishedName(name: name, formerLocation: formerLocation, cause: cause,
                                              vanishedOn: try date.map { try Day(parsing: $0) }, placeCode: place,
                                              listedOn: try listedOn.map { try Day(parsing: $0) } ?? Day.today, source: source)
        let id = try NameListings(store: store).addVanished(entry, actor: options.actorName)
        print("vanished name \(id): \(name)")
    }
}

protocol ListKind {
    static var list: NameListings.List { get }
}

enum ProtectedKind: ListKind { static let list = NameListings.List.protected }
enum VanishedKind: ListKind { static let list = NameListings.List.vanished }

struct ListShow<Kind: ListKind>: GazetteerCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: "Show the \(Kind.list.rawValue) names.")
    }

    @OptionGroup var options: GazetteerOptions

    func execute() throws {
        let lists = NameListings(store: try options.openStore())
        switch Kind.list {
        case .protected:
            let entries = try lists.protectedNames()
            if options.format == .json { return try Terminal.printJSON(entries) }
            for e in entries {
                print("\(e.id ?? 0)  \(e.name)\(e.placeCode.map { " (\($0))" } ?? "")  [\(e.category)]  listed \(e.listedOn)  — \(e.reasons)")
            }
        case .vanished:
            let entries = try lists.vanishedNames()
            if options.format == .json { return try Terminal.printJSON(entries) }
            for e in entries {
                print("\(e.id ?? 0)  \(e.name)  at \(e.formerLocation)  — \(e.cause)\(e.vanishedOn.map { ", \($0)" } ?? "")")
            }
        }
    }
}

struct ListExport<Kind: ListKind>: GazetteerCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "export", abstract: "Write the \(Kind.list.rawValue) names as CSV (or JSON with --format json).")
    }

    @OptionGroup var options: GazetteerOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func execute() throws {
        let lists = NameListings(store: try options.openStore())
        let text: String
        if options.format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = Kind.list == .protected ? try encoder.encode(lists.protectedNames()) : try encoder.encode(lists.vanishedNames())
            text = String(decoding: data, as: UTF8.self) + "\n"
        } else {
            text = try lists.exportCSV(Kind.list)
        }
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw GazetteerError.invalidInput(source: output, line: nil, message: "cannot write: \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }
}
