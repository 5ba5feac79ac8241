import ArgumentParser
import Foundation
import Gazetteer
import Register

/// Options shared by every `register` verb: the database, the output format and the actor.
struct RegisterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The register database file.",
        discussion: "Default: $XDG_DATA_HOME/quhua/register.sqlite, or ~/.local/share/quhua/register.sqlite. Photos go to photos/ next to it.",
        valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Output format: text for people, json for programs.")
    var format: GazetteerFormat = .text

    @Option(name: .long, help: ArgumentHelp("Who is writing, for the audit log (default: the login name).", valueName: "name"))
    var actor: String?

    /// The actor recorded in the audit log.
    var actorName: String { UserData.actor(actor) }

    /// The database path: `--db`, else the per-user data folder.
    var databasePath: String { db ?? Self.defaultPath }

    /// `$XDG_DATA_HOME/quhua/register.sqlite`, or `~/.local/share/quhua/register.sqlite`.
    static var defaultPath: String { UserData.path("register.sqlite") }

    /// Opens (or creates) the register.
    func openStore() throws -> RegisterStore { try Self.openStore(at: databasePath) }

    /// Opens (or creates) the register at a path, creating its folder.
    static func openStore(at databasePath: String) throws -> RegisterStore {
        let folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RegisterError.unreadableFile(file: folder.path, reason: "cannot create the database folder: \(error.localizedDescription)")
        }
        return try RegisterStore(path: databasePath)
    }

    /// Prints a result: JSON with `--format json`, else the text.
    func emit(_ value: some Encodable, text: () -> String) throws {
        if format == .json { try Terminal.printJSON(value) } else { print(text(), terminator: "") }
    }
}

/// A `register` verb: its work is in `execute()`; register errors become “quhua: …” on standard
/// error and exit code 3 (unreadable or invalid input).
protocol RegisterCommand: ParsableCommand {
    func execute() throws
}

extension RegisterCommand {
    func run() throws {
        do {
            try execute()
        } catch let error as RegisterError {
            Terminal.say(error.description)
            throw ExitStatus.unreadableInput.exitCode
        }
    }
}

/// Parses a day option, turning a bad date into a usage error naming the option.
func registerDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    do { return try Day.register(text) } catch let error as RegisterError {
        throw ValidationError("\(option): \(error.description)")
    }
}

extension UnitLevel: ExpressibleByArgument {}
extension LineLevel: ExpressibleByArgument {}
extension LineEventKind: ExpressibleByArgument {}
extension DisputeStatus: ExpressibleByArgument {}
extension RegisterReportFormat: ExpressibleByArgument {}
