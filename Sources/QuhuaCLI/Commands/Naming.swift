import ArgumentParser
import Foundation
import Gazetteer

extension NamingCase.State: ExpressibleByArgument {}

/// `quhua naming`: the naming workflow.
struct Naming: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record naming and renaming decisions: apply, review, approve or reject, announce, file.",
        discussion: """
        A case goes applied → under_review → approved → announced → filed, or is rejected after \
        application or review; any other step is refused with the steps allowed. Announcing an \
        approved case renames the place (or creates the new one) through a change event that cites \
        the decision and the announcement. Every step is in the audit log.

        `naming check` checks a proposed name against the naming rules (`naming rules` lists them); \
        `naming apply` runs the same check and stores its findings with the case for the reviewers \
        (`naming checks ID` shows them). Findings never stop an application from being filed.

        Example:
          quhua naming apply --rename 500101 --name 新名区 --applicant 某区人民政府 --on 2025-01-10
          quhua naming review 1 --on 2025-02-01
          quhua naming approve 1 --on 2025-03-01 --reference "渝府〔2025〕1号"
          quhua naming announce 1 --on 2025-03-15 --reference "公告第1号"
          quhua naming file 1 --on 2025-04-01 --reference "备案第7号"
        """,
        subcommands: [NamingCheckCommand.self, NamingRules.self, NamingChecks.self, NamingApply.self, NamingStepCommand<Review>.self, NamingStepCommand<Approve>.self, NamingStepCommand<Reject>.self,
                      NamingStepCommand<Announce>.self, NamingStepCommand<File>.self, NamingList.self])
}

struct NamingApply: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "File an application to name a new place (--parent) or rename one (--rename).",
        discussion: """
        Examples:
          quhua naming apply --rename 500101 --name 新名区 --applicant 某区人民政府 --on 2025-01-10 --meaning … --origin …
          quhua naming apply --parent 500101001000 --level village --name 新村 --applicant 某街道办事处 --on 2025-01-10
        """)

    @OptionGroup var options: GazetteerOptions

    @Option(name: .long, help: ArgumentHelp("Rename the place with this code.", valueName: "code"))
    var rename: String?

    @Option(name: .long, help: ArgumentHelp("Name a new place under the place with this code.", valueName: "code"))
    var parent: String?

    @Option(name: .long, help: "Level of a new place: township, village or feature (default feature).")
    var level: PlaceLevel?

    @Option(name: .long, help: ArgumentHelp("Code of a new place, if it has one.", valueName: "code"))
    var code: String?

    @Option(name: .long, help: "The proposed name.")
    var name: String

    @Option(name: .long, help: "Romanisation (default: pinyin by GB/T 16159).")
    var romanization: String?

    @Option(name: .long, help: "What the name means (含义).")
    var meaning: String?

    @Option(name: .long, help: "Where the name comes from (由来).")
    var origin: String?

    @Option(name: .long, help: "Who applies.")
    var applicant: String

    @Option(name: .long, help: "The authority that decides (审批机关).")
    var authority: String?

    @Option(name: .long, help: ArgumentHelp("Day of the application (YYYY-MM-DD; default today).", valueName: "date"))
    var on: String?

    @Option(name: .long, help: "A note kept with the case.")
    var note: String?

    @Option(name: .long, help: ArgumentHelp("What the name is for, for the name check (default: from the generic term).", valueName: "category"))
    var category: NameCategory?

    @OptionGroup var profileOption: NamingProfileOption

    func validate() throws {
        guard (rename == nil) != (parent == nil) else { throw ValidationError("give either --rename CODE or --parent CODE") }
        if rename != nil, level != nil || code != nil { throw ValidationError("--level and --code are for new places (--parent)") }
        if let on { do { _ = try Day(parsing: on) } catch let error as GazetteerError { throw ValidationError(error.description) } }
    }

    func execute() throws {
        let profile = try profileOption.load()
        let store = try options.openStore()
        let application = NamingApplication(
            action: rename != nil ? .rename : .name, proposedName: name, applicant: applicant,
            appliedOn: try on.map { try Day(parsing: $0) } ?? Day.today, placeCode: rename ?? code, parentCode: parent, level: level,
            romanization: romanization, meaning: meaning, origin: origin, authority: authority, note: note, category: category)
        let workflow = NamingWorkflow(store: store, namingProfile: profile)
        let id = try workflow.apply(application, actor: options.actorName)
        let created = try workflow.get(id)
        if options.format == .json { return try Terminal.printJSON(created) }
        print("naming case \(id): \(created.action.rawValue) “\(created.proposedName)”\(created.romanization.map { " (\($0))" } ?? "") — applied")
        for report in try workflow.checks(of: id) {
            print(NamingCheckText.render(report))
        }
    }
}

/// A step of the workflow, for ``NamingStepCommand``.
protocol NamingStepKind {
    static var step: NamingCase.Step { get }
    static var help: String { get }
    static var referenceHelp: String { get }
}

enum Review: NamingStepKind {
    static let step = NamingCase.Step.review
    static let help = "Start reviewing an application."
    static let referenceHelp = "A note on the review."
}

enum Approve: NamingStepKind {
    static let step = NamingCase.Step.approve
    static let help = "Approve a reviewed case (give the decision's document number)."
    static let referenceHelp = "The decision's document number (批准文号)."
}

enum Reject: NamingStepKind {
    static let step = NamingCase.Step.reject
    static let help = "Reject an application or reviewed case (give the reason)."
    static let referenceHelp = "The reason."
}

enum Announce: NamingStepKind {
    static let step = NamingCase.Step.announce
    static let help = "Announce an approved case: the place is renamed or created through a change event."
    static let referenceHelp = "The announcement's reference (公告)."
}

enum File: NamingStepKind {
    static let step = NamingCase.Step.file
    static let help = "Record that an announced case was filed (备案)."
    static let referenceHelp = "The filing reference."
}

struct NamingStepCommand<Kind: NamingStepKind>: GazetteerCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Kind.step.rawValue, abstract: Kind.help)
    }

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The case number.")
    var id: Int64

    @Option(name: .long, help: ArgumentHelp("Day of the step (YYYY-MM-DD; default today).", valueName: "date"))
    var on: String?

    @Option(name: .long, help: ArgumentHelp(Kind.referenceHelp, valueName: "text"))
    var reference: String?

    @Option(name: .long, help: "A note kept with the step.")
    var note: String?

    func validate() throws {
        if let on { do { _ = try Day(parsing: on) } catch let error as GazetteerError { throw ValidationError(error.description) } }
        if [.approve, .reject, .announce].contains(Kind.step), reference == nil {
            throw ValidationError("\(Kind.step.rawValue) needs --reference: \(Kind.referenceHelp)")
        }
    }

    func execute() throws {
        let store = try options.openStore()
        let updated = try NamingWorkflow(store: store).advance(id, Kind.step, on: try on.map { try Day(parsing: $0) } ?? Day.today,
                                                               reference: reference, note: note, actor: options.actorName)
        if options.format == .json { return try Terminal.printJSON(updated) }
        var line = "naming case \(id): \(updated.state.rawValue)"
        if let event = updated.eventID, Kind.step == .announce { line += " (change event \(event))" }
        print(line)
    }
}

struct NamingChecks: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "checks", abstract: "Show the name check stored with a naming case.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The case number.")
    var id: Int64

    func execute() throws {
        let store = try options.openStore()
        let reports = try NamingWorkflow(store: store).checks(of: id)
        if options.format == .json { return try Terminal.printJSON(reports) }
        if reports.isEmpty { print("Naming case \(id) has no stored name check (filed before checks were recorded, or its place has no parent).") }
        for report in reports { print(NamingCheckText.render(report)) }
    }
}

struct NamingList: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List naming cases, newest first.")

    @OptionGroup var options: GazetteerOptions

    @Option(name: .long, help: "Only cases in this state: applied, under_review, approved, rejected, announced, filed.")
    var state: NamingCase.State?

    func execute() throws {
        let store = try options.openStore()
        let cases = try NamingWorkflow(store: store).list(state: state)
        if options.format == .json { return try Terminal.printJSON(cases) }
        if cases.isEmpty { print("No naming cases\(state.map { " in state \($0.rawValue)" } ?? "").") }
        for item in cases {
            var line = "\(item.id)  \(item.state.rawValue)  \(item.action.rawValue) “\(item.proposedName)”  applied \(item.appliedOn) by \(item.applicant)"
            if let document = item.decisionDocument { line += "  decision \(document)" }
            if let announcement = item.announcementRef { line += "  announced \(item.announcedOn ?? "") \(announcement)" }
            print(line)
        }
    }
}
