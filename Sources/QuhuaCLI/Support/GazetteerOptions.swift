import ArgumentParser
import Foundation
import Gazetteer

/// Output format of the gazetteer verbs.
enum GazetteerFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The gazetteer database and who writes to it (`--db`, `--actor`): every verb that opens the
/// gazetteer, including those whose `--format` means a file format (`export`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The gazetteer database file.",
        discussion: "Default: $XDG_DATA_HOME/quhua/gazetteer.sqlite, or ~/.local/share/quhua/gazetteer.sqlite. A missing or empty database is built from GeoData first.",
        valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is writing, for the audit log (default: the login name).", valueName: "name"))
    var actor: String?

    /// The actor recorded in the audit log.
    var actorName: String { UserData.actor(actor) }

    /// The database path: `--db`, else the per-user data folder.
    var databasePath: String { db ?? UserData.path("gazetteer.sqlite") }

    /// Opens the database, building it from GeoData when it is new or empty.
    func openStore(buildIfEmpty: Bool = true) throws -> GazetteerStore {
        let path = databasePath
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw GazetteerError.invalidInput(source: folder.path, line: nil, message: "cannot create the database folder: \(error.localizedDescription)")
        }
        let store = try GazetteerStore(path: path, searchKeys: SearchKeys.provider)
        // Also when an earlier first use was interrupted before its search index was built: the build resumes.
        if buildIfEmpty, try store.isEmpty || store.searchIndexIsStale {
            guard let geoData = GeoDataLocator.find() else {
                throw GazetteerError.invalidInput(source: path, line: nil,
                    message: "the database is empty and GeoData was not found; set QUHUA_GEODATA to the GeoData folder")
            }
            Terminal.note("Building the gazetteer in \(path) from \(geoData.path) (first use)…")
            for report in try GeoDataImporter(geoData: geoData).run(into: store, actor: actorName, progress: Terminal.progressHandler()) {
                Terminal.note(report.description)
            }
        }
        return store
    }
}

/// Options shared by every gazetteer verb: the database, the actor and the output format.
struct GazetteerOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "Output format: text for people, json for programs.")
    var format: GazetteerFormat = .text

    /// `--db`, if given.
    var db: String? { database.db }
    /// `--actor`, if given.
    var actor: String? { database.actor }
    /// The actor recorded in the audit log.
    var actorName: String { database.actorName }
    /// The database path: `--db`, else the per-user data folder.
    var databasePath: String { database.databasePath }

    /// Opens the database, building it from GeoData when it is new or empty.
    func openStore(buildIfEmpty: Bool = true) throws -> GazetteerStore {
        try database.openStore(buildIfEmpty: buildIfEmpty)
    }
}

/// A date option: `--at YEAR|YEAR-MM|YEAR-MM-DD`.
struct DateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The day to look at: YEAR, YEAR-MM or YEAR-MM-DD.",
        discussion: "A year alone means 31 December of that year, the day the yearly division tables describe.",
        valueName: "date"))
    var at: String?

    /// The parsed day, `nil` when not given.
    var day: Day? {
        get throws { try at.map { try Day(parsing: $0) } }
    }

    func validate() throws {
        if let at {
            do { _ = try Day(parsing: at) } catch let error as GazetteerError { throw ValidationError(error.description) }
        }
    }
}

/// Where the shipped data is: `$QUHUA_GEODATA`, else a `GeoData` folder next to the
/// executable or any folder above it, else `./GeoData`.
enum GeoDataLocator {
    static func find() -> URL? {
        let manager = FileManager.default
        func isGeoData(_ url: URL) -> Bool {
            manager.fileExists(atPath: url.appendingPathComponent("areacodes").appendingPathComponent("result.csv").path)
        }
        if let explicit = ProcessInfo.processInfo.environment["QUHUA_GEODATA"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            return isGeoData(url) ? url : nil
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent("GeoData")
                if isGeoData(candidate) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        let local = URL(fileURLWithPath: manager.currentDirectoryPath).appendingPathComponent("GeoData")
        return isGeoData(local) ? local : nil
    }
}

/// A gazetteer verb: its work is in `execute()`; errors of the library become
/// “quhua: …” on standard error and exit code 3 (unreadable or invalid input).
protocol GazetteerCommand: ParsableCommand {
    func execute() throws
}

extension GazetteerCommand {
    func run() throws {
        do {
            try execute()
        } catch let error as GazetteerError {
            Terminal.endProgress()
            Terminal.say(error.description)
            throw ExitStatus.unreadableInput.exitCode
        }
    }
}
