import ArgumentParser
import Gazetteer

/// `quhua show`: everything about a place.
struct Show: GazetteerCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a place: its codes, names, parents over time and events.",
        discussion: """
        The place is given by a code (6-digit GB/T 2260 or 12-digit statistical code) or a name. \
        A code matches every place that ever had it, since codes are re-used; a name matches every \
        place that ever bore it. When several match, they are listed with their codes.

        With --at, the place's code and name on that day and its chain of parents then; where a \
        parent did not yet exist, the places that held the ground are named.

        Examples:
          quhua show 万县
          quhua show 500101 --at 1996
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var date: DateOptions

    @Argument(help: ArgumentHelp("A code or a name.", valueName: "code-or-name"))
    var place: String

    func execute() throws {
        let store = try options.openStore()
        let lookup = PlaceLookup(store: store)
        let day = try date.day
        // Places with the code or name on the day; failing that, at any time, shown as of the day.
        var matches = try lookup.resolve(place, at: day)
        if matches.isEmpty, day != nil { matches = try lookup.resolve(place) }
        guard !matches.isEmpty else {
            throw GazetteerError.notFound("no place has the code or name “\(place)”")
        }
        let details = try matches.prefix(10).map { try lookup.details(of: $0.id, at: day) }
        if options.format == .json { return try Terminal.printJSON(details) }
        if matches.count > 1 { print("\(matches.count) places match “\(place)”\(matches.count > 10 ? "; the first 10:" : ":")\n") }
        for (index, item) in details.enumerated() {
            if index > 0 { print("") }
            printText(item)
        }
    }

    private func printText(_ details: PlaceDetails) {
        let s = details.summary
        print("\(s.name)\(s.code.map { " (\($0))" } ?? "") — \(s.level.rawValue), \(s.status), \(s.period)  [place \(s.id)]")
        print("  codes:")
        for code in details.codes { print("    \(code.scheme) \(code.code)  \(code.period)") }
        print("  names:")
        for name in details.names {
            let roman = name.romanization.map { "  \($0)" } ?? ""
            print("    \(name.text)  \(name.type.rawValue) \(name.language)-\(name.script)  \(name.period)\(roman)\(name.source.map { "  [\($0)]" } ?? "")")
        }
        if !details.parents.isEmpty {
            print("  parents:")
            for parent in details.parents { print("    \(parent.code.map { "\($0) " } ?? "")\(parent.name)  \(parent.period)") }
        }
        if let day = details.day {
            print("  on \(day): " + details.ancestry.reversed().map(\.label).joined(separator: " › "))
        }
        if !details.children.isEmpty {
            let list = details.children.prefix(40).map { "\($0.code ?? "") \($0.name)" }.joined(separator: ", ")
            print("  children\(details.day.map { " on \($0)" } ?? "") (\(details.children.count)): \(list)\(details.children.count > 40 ? ", …" : "")")
        }
        if !details.events.isEmpty {
            print("  events:")
            for event in details.events { print("    \(event.summary)") }
        }
        printRecord(details)
    }

    /// The place-name record: category, text, locations, sources, attachments.
    private func printRecord(_ details: PlaceDetails) {
        if let category = details.category { print("  category: \(category.code) \(category.name) (GB/T 18521)") }
        guard let record = details.record else { return }
        for (label, text) in [("meaning 含义", record.meaning), ("origin 来历", record.origin), ("history 沿革", record.history), ("note", record.note)] {
            if let text { print("  \(label): \(text)") }
        }
        if let at = record.changedAt {
            print("  record: version \(record.versions), \(at) by \(record.changedBy ?? "?")")
        }
        if !record.locations.isEmpty {
            print("  locations:")
            for location in record.locations {
                print("    \(location.summary)  \(location.period)\(location.source.map { "  [\($0)]" } ?? "")")
            }
        }
        if !record.citations.isEmpty {
            print("  sources:")
            for citation in record.citations { print("    \(citation.label)") }
        }
        if !record.attachments.isEmpty {
            print("  attachments:")
            for file in record.attachments {
                let name = [file.fileName, file.caption].compactMap { $0 }.joined(separator: " — ")
                print("    sha256:\(file.sha256)  \(file.size) bytes  \(file.mediaType)\(name.isEmpty ? "" : "  \(name)")")
            }
        }
    }
}
