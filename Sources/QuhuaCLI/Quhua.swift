import ArgumentParser

/// The `quhua` command: administrative divisions, boundary lines and place names.
@main
struct Quhua: ParsableCommand {
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
            Import.self, Search.self, Tree.self, Show.self, History.self,
            Romanize.self,
        ]
    )
}
