import ArgumentParser
import Foundation
import Gazetteer

extension NameCategory: ExpressibleByArgument {}

/// `--profile FILE` of the naming verbs: the naming rules and lists.
struct NamingProfileOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A JSON naming profile over the default (see `quhua naming rules`).", valueName: "file"),
            completion: .file())
    var profile: String?

    /// The effective profile; a malformed file is reported as invalid input (exit code 3).
    func load() throws -> NamingProfile {
        guard let profile else { return .standard }
        do { return try NamingProfile.load(from: URL(fileURLWithPath: profile)) } catch {
            Terminal.say("naming profile \(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
    }
}

/// `quhua naming check`: a proposed name against the naming rules.
struct NamingCheckCommand: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a proposed name: duplicates, same and similar sounds within the unit, persons, foreign names, negative words, generic term, rare characters, length.",
        discussion: """
        The name is compared with the names valid on the day within the unit where names must be \
        unique: townships, towns and sub-districts within their county (--within a six-digit code), \
        villages and communities within their township (--within a twelve-digit code), roads and \
        housing estates within their township. `quhua naming rules` lists the rules and the profile.

        Examples:
          quhua naming check 解放杯街道 --within 500103
          quhua naming check 威尼斯花园 --within 500103001000 --category housing-estate --format json

        Exit codes: 0 no error finding (warnings allowed), 1 at least one error finding, 2 usage, \
        3 unreadable or invalid input (an unknown code, a malformed profile).
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var dates: DateOptions
    @OptionGroup var profileOption: NamingProfileOption

    @Argument(help: "The proposed name, generic term included (龙凤镇, 滨江路).")
    var name: String

    @Option(name: .long, help: ArgumentHelp("The code of the unit the name must be unique within (county or township).", valueName: "code"))
    var within: String

    @Option(name: .long, help: ArgumentHelp("What the name is for: \(NameCategory.allCases.map(\.rawValue).joined(separator: ", ")) (default: from the generic term).",
                                            valueName: "category"))
    var category: NameCategory?

    @Option(name: .long, help: ArgumentHelp("The code of a place being renamed: its own name is not a conflict.", valueName: "code"))
    var renaming: String?

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give the proposed name") }
    }

    func execute() throws {
        let profile = try profileOption.load()
        let store = try options.openStore()
        let report = try NameCheck(store: store, profile: profile)
            .check(NameProposal(name: name, within: within, category: category, day: try dates.day, renaming: renaming))
        if options.format == .json {
            try Terminal.printJSON(report)
        } else {
            print(NamingCheckText.render(report))
        }
        if report.hasErrors { throw ExitStatus.findings.exitCode }
    }
}

/// The text form of a name check, shared by `naming check` and `naming apply`.
enum NamingCheckText {
    static func render(_ report: NameCheckReport) -> String {
        var lines = ["“\(report.name)” (\(report.pinyin)) as \(report.category?.rawValue ?? "no category (generic-term and length rules skipped)")"
                     + " within \(report.within.code ?? "") \(report.within.name) on \(report.day): \(report.compared) names compared"]
        if report.findings.isEmpty { lines.append("  no findings") }
        for finding in report.findings {
            lines.append("  \(finding.severity.rawValue)  \(finding.rule)  \(finding.message)")
        }
        let errors = report.findings.filter { $0.severity == .error }.count
        lines.append("\(errors) error\(errors == 1 ? "" : "s"), \(report.findings.count - errors) warning\(report.findings.count - errors == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }
}

/// `quhua naming rules`: the naming rules and the effective profile.
struct NamingRules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the naming rules with their severities, and the profile's lists.",
        discussion: """
        With --profile, shows what that profile makes of the default. With --profile-json, prints the \
        complete effective profile (every rule, list and category) to start your own from.

        Examples:
          quhua naming rules
          quhua naming rules --profile-json > naming.json
          quhua naming rules --profile naming.json
        """)

    @OptionGroup var profileOption: NamingProfileOption

    @Flag(name: .customLong("profile-json"), help: "Print the effective profile as JSON instead of the list.")
    var profileJSON = false

    func run() throws {
        let profile = try profileOption.load()
        if profileJSON {
            print(try profile.jsonText())
            return
        }
        print("Naming profile: \(profile.name)\n")
        for rule in NameRule.allCases {
            print("\(rule.rawValue)  [\(profile.isEnabled(rule) ? profile.severity(rule).rawValue : "off")]")
            print("    \(rule.summary)")
        }
        print("")
        print("Near-homophone confusions: \(profile.confusions.map { $0.joined(separator: "/") }.joined(separator: ", "))")
        print("Person names: \(profile.personNames.joined(separator: " "))")
        print("Famous persons (…路/街 after them): \(profile.famousPersons.joined(separator: " "))")
        print("Foreign names: \(profile.foreignNames.joined(separator: " "))")
        print("Transliteration characters (\(profile.transliterationRun) in a row): \(profile.transliterationCharacters)")
        for list in profile.negativeLists {
            print("Negative list, \(list.kind) [\((list.severity ?? profile.severity(.negativeWord)).rawValue)]: \(list.words.joined(separator: " "))")
        }
        print("")
        for category in NameCategory.allCases {
            let range = profile.lengthRange(of: category)
            print("\(category.rawValue) (\(category.chinese)), unique within the \(category.scope.rawValue), \(range.lowerBound)–\(range.upperBound) characters: "
                  + profile.generics(of: category).joined(separator: " "))
        }
    }
}
