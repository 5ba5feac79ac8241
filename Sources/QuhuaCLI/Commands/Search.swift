import ArgumentParser
import Gazetteer

extension PlaceLevel: ExpressibleByArgument {}
extension SearchQuery.Status: ExpressibleByArgument {}

/// `quhua search`: find places by name.
struct Search: GazetteerCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find places by name, current or historical.",
        discussion: """
        The query may be Chinese (simplified or traditional, whole names or any part of one, \
        also one or two characters, with or without the generic suffix such as 区 or 县), \
        toneless pinyin with or without spaces, pinyin initials, or a romanised name such as \
        Chungking; Latin input within one or two letters of a name is found too.

        Results are ranked by how the name matched (exact, without suffix, prefix, substring, \
        pinyin, initials, spelling), then current names and higher levels first. Each line \
        says why it matched.

        Examples:
          quhua search 万州
          quhua search 解放 --level township --within 500000
          quhua search cqs
          quhua search chongqin
          quhua search 萬縣 --status former
          quhua search 长安 --at 1990-01-01

        With --at, only names valid that day are considered (a name recorded without dates \
        takes the period of the name or place it belongs to), and each place is shown with \
        its code, name and parent of that day, today's beside them when different: \
        610121 长安县 (now 610116 长安区).
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var date: DateOptions

    @Argument(help: ArgumentHelp("What to look for.", valueName: "query"))
    var query: [String]

    @Option(name: .long, help: "Only places at this level: \(PlaceLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var level: PlaceLevel?

    @Option(name: .long, help: ArgumentHelp("Only places under this code (6-, 9- or 12-digit) while the name was valid.", valueName: "code"))
    var within: String?

    @Option(name: .long, help: "current: names valid today; former: names no longer valid; all: both.")
    var status: SearchQuery.Status = .all

    @Option(name: .long, help: "The most places to list (1–1000).")
    var limit = 20

    func validate() throws {
        guard !query.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give something to search for") }
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        if let within, !(within.allSatisfy(\.isNumber) && [6, 9, 12].contains(within.count)) {
            throw ValidationError("--within takes a 6-, 9- or 12-digit code, not “\(within)”")
        }
    }

    func execute() throws {
        let store = try options.openStore()
        let search = SearchQuery(query.joined(separator: " "), level: level, within: within, at: try date.day, status: status, limit: limit)
        let hits = try NameSearch(store: store).search(search)
        if options.format == .json { return try Terminal.printJSON(hits) }
        if hits.isEmpty {
            print("No place matches “\(search.text)”.")
            return
        }
        for hit in hits {
            print(Self.line(for: hit))
            print("    \(hit.match.rawValue): \(hit.reason)")
        }
    }

    /// One hit as a line: today's code and name, or — with `--at` — those of the day with today's
    /// beside them (`610121 长安县 (now 610116 长安区)  county, in 610100 西安市`).
    static func line(for hit: SearchHit) -> String {
        let ceased = hit.placeStatus == "current" ? "" : ", ceased"
        let period = "\(hit.matchedPeriod)\(hit.periodInherited ? " (of what it names)" : "")"
        if let day = hit.onDay {
            var line = "\(day.label)\(hit.now.map { " (now \($0.label))" } ?? "")  \(day.level.rawValue)\(ceased)"
            if let parent = day.parent { line += ", in \(parent.label)" }
            if hit.matchedName != day.name { line += "  — \(hit.matchedType.rawValue) name \(hit.matchedName) \(period)" }
            return line
        }
        let code = hit.placeCode.map { "\($0) " } ?? ""
        var line = "\(code)\(hit.placeName)  \(hit.level.rawValue)\(ceased)"
        if hit.matchedName != hit.placeName || !hit.isCurrent {
            line += "  — \(hit.matchedType.rawValue) name \(hit.matchedName) \(period)"
            if let then = hit.codeThen, then != hit.placeCode { line += " (code \(then))" }
        }
        return line
    }
}
