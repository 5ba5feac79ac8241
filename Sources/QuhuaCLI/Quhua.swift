import ArgumentParser
import Foundation

/// The `quhua` command: administrative divisions, boundary lines and place names.
@main
struct Quhua: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quhua",
        abstract: "Administrative divisions, boundary lines and place names (区划).",
        discussion: """
        Boundary surveyors validate survey deliveries, gazetteer staff search current and \
        historical place names, and mapping systems take quhua's exports.

        Exit codes: 0 clean, 1 findings at or above the failing severity, 2 usage error, \
        3 unreadable or invalid input.
        """,
        version: QuhuaVersion.string,
        subcommands: [
            // Boundary surveys
            Validate.self, Rules.self, Inspect.self, RegisterGroup.self,
            // Gazetteer
            Search.self, Show.self, History.self, Tree.self, Reverse.self, Import.self, Naming.self, Protect.self, Vanished.self, Edit.self, Record.self,
            // Names and formats
            Romanize.self, Convert.self, Export.self, Book.self,
            // Shared systems
            Serve.self, Token.self,
        ]
    )

    /// Runs the command with quhua's exit codes: usage errors give 2 (not swift-argument-parser's
    /// 64), and a library error a command did not handle gives 3 with one `quhua: …` line (not
    /// swift-argument-parser's 1, which quhua keeps for findings).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            // An exit status a command chose, or help and version (which exit 0).
            if error is ExitCode || code == .success { exit(withError: error) }
            // Every library error describes itself (file, feature, problem); none of them is a finding.
            Terminal.say("\(error)")
            Foundation.exit(ExitStatus.unreadableInput.rawValue)
        }
    }
}

/// quhua's exit codes.
enum ExitStatus: Int32 {
    case clean = 0
    case findings = 1
    case usage = 2
    case unreadableInput = 3

    var exitCode: ExitCode { ExitCode(rawValue) }
}
