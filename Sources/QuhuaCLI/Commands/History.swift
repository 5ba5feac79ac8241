import ArgumentParser
import Gazetteer

/// `quhua history`: the chain of events around a place.
struct History: GazetteerCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the chain of events around a place, in both directions.",
        discussion: """
        Follows the change events backwards to what the place came from and forwards to what it \
        became, with dates and approving documents. Places that only gave or received territory \
        are shown but not followed.

        Examples:
          quhua history 万县               万县 through its reorganisation into today's 万州区
          quhua history 500000 --documents Chongqing, with the gazette texts
        """)

    @OptionGroup var options: GazetteerOptions

    @Argument(help: ArgumentHelp("A code or a name; it must denote one place.", valueName: "code-or-name"))
    var place: String

    @Option(name: .long, help: "How many predecessor or successor steps to follow.")
    var depth = 6

    @Flag(name: .long, help: "Print the gazette text of each event's approving document.")
    var documents = false

    func validate() throws {
        guard (0...50).contains(depth) else { throw ValidationError("--depth must be between 0 and 50") }
    }

    func execute() throws {
        let store = try options.openStore()
        let origin = try PlaceLookup(store: store).resolveOne(place)
        let chain = try HistoryTracer(store: store).trace(placeID: origin.id, maxHops: depth)
        if options.format == .json { return try Terminal.printJSON(chain) }
        print("History of \(origin.label)")
        print("Places:")
        for member in chain.members.sorted(by: { ($0.place.period.from ?? "") < ($1.place.period.from ?? "") }) {
            print("  [\(member.relation)] \(member.place.code ?? "")  \(member.names.joined(separator: " → "))")
        }
        print("Events:")
        for event in chain.events {
            print("  \(event.summary)")
            if documents, let document = event.documents.first {
                if let title = document.title { print("      \(title)") }
                for line in document.body.split(separator: "\n") where !line.isEmpty { print("      \(line)") }
            }
        }
    }
}
