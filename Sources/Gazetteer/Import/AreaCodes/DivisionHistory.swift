import Foundation

/// The whole areacodes history turned into places with valid-time facts and typed events.
///
/// Built year by year: a record of the next table is the same place when it is unchanged
/// or continues a record through a change; otherwise it is a new place. Facts (code, name,
/// parent, listing position) become periods; their bounds are the dates of the events that
/// changed them, taken from the gazette when its date falls in the year of the table that
/// first shows the change, else 1 January of that year. So the state on 31 December of any
/// year is exactly that year's table.
struct DivisionHistory {
    struct State: Equatable {
        var code: Int
        var name: String
        var parent: Int
        var sortKey: String?
    }

    struct Place {
        var id: Int
        var firstYear: Int
        var states: [State] = []
        /// Date the place began (nil: before the first table) and ended (nil: still current).
        var start: Day?
        var end: Day?
        /// Dates of the year transitions in which its state changed: year → date.
        var changeDates: [Int: Day] = [:]
        var lastYear: Int { firstYear + states.count - 1 }
        func state(in year: Int) -> State? {
            let index = year - firstYear
            return index >= 0 && index < states.count ? states[index] : nil
        }
    }

    struct Participant {
        var place: Int
        var role: ParticipantRole
        var code: Int
        var name: String
    }

    struct Event {
        var type: ChangeType
        var year: Int
        var date: Day
        var dayPrecision: Bool
        var participants: [Participant]
        var documents: [Int]
        var detail: String?
    }

    struct Document {
        var title: String?
        var number: String?
        var date: Day?
        var citation: String?
        var body: String
    }

    static let rootPlace = 0

    private(set) var places: [Place] = []
    private(set) var events: [Event] = []
    private(set) var documents: [Document] = []
    /// Per target year, the source-code → target-codes edges written in the diff lines.
    private(set) var lineTargets: [Int: [Int: Set<Int>]] = [:]
    let firstYear: Int
    let lastYear: Int

    init(tables: [YearTable], diffs: [DiffFile]) throws {
        guard let first = tables.first, let last = tables.last else {
            throw GazetteerError.invalidInput(source: "areacodes", line: nil, message: "no yearly tables")
        }
        firstYear = first.year
        lastYear = last.year
        places.append(Place(id: DivisionHistory.rootPlace, firstYear: first.year))
        var placeOfCode: [Int: Int] = [YearTable.rootCode: DivisionHistory.rootPlace]
        for record in first.records {
            placeOfCode[record.code] = newPlace(firstYear: first.year)
        }
        try record(table: first, placeOfCode: placeOfCode)

        for (index, diff) in diffs.enumerated() {
            let source = tables[index], target = tables[index + 1]
            let transition = try Transition(source: source, target: target, diff: diff)
            let documentIDs = appendDocuments(of: diff)
            lineTargets[target.year] = transition.lineTargets
            var next: [Int: Int] = [YearTable.rootCode: DivisionHistory.rootPlace]
            var continued: Set<Int> = []
            for record in target.records {
                if transition.persisting.contains(record.code), let place = placeOfCode[record.code] {
                    next[record.code] = place
                    continued.insert(place)
                }
            }
            for (from, to) in transition.continuations.sorted(by: { $0.key < $1.key }) {
                guard let place = placeOfCode[from], next[to] == nil else {
                    throw GazetteerError.invalidInput(source: diff.source, line: nil,
                        message: "\(YearTable.format(to)) would continue two divisions")
                }
                next[to] = place
                continued.insert(place)
            }
            for record in target.records where next[record.code] == nil {
                next[record.code] = newPlace(firstYear: target.year)
            }
            try buildEvents(transition: transition, documentIDs: documentIDs, old: placeOfCode, new: next)
            // Places that did not continue end in this transition.
            for record in source.records {
                guard let place = placeOfCode[record.code], !continued.contains(place) else { continue }
                places[place].end = places[place].changeDates[target.year] ?? Day(unchecked: target.year, 1, 1)
            }
            placeOfCode = next
            try record(table: target, placeOfCode: placeOfCode)
            for record in target.records {
                guard let place = placeOfCode[record.code], places[place].firstYear == target.year else { continue }
                places[place].start = places[place].changeDates[target.year] ?? Day(unchecked: target.year, 1, 1)
            }
        }
        try fillChangeDates(tables: tables)
    }

    private mutating func newPlace(firstYear: Int) -> Int {
        places.append(Place(id: places.count, firstYear: firstYear))
        return places.count - 1
    }

    /// Appends the year's state of every place listed in `table`.
    private mutating func record(table: YearTable, placeOfCode: [Int: Int]) throws {
        let keys = DivisionHistory.listingKeys(table.records.map(\.code))
        for record in table.records {
            guard let place = placeOfCode[record.code] else { continue }
            let parent = placeOfCode[table.parentCode(of: record.code)] ?? DivisionHistory.rootPlace
            let state = State(code: record.code, name: record.name, parent: parent, sortKey: keys[record.code])
            guard places[place].firstYear + places[place].states.count == table.year else {
                throw GazetteerError.invalidInput(source: "data/\(table.year).txt", line: nil,
                                                  message: "\(YearTable.format(record.code)) \(record.name) continues a division that already has a record that year")
            }
            places[place].states.append(state)
        }
        places[DivisionHistory.rootPlace].states.append(
            State(code: YearTable.rootCode, name: YearTable.rootName, parent: DivisionHistory.rootPlace, sortKey: nil))
    }

    /// Keys that restore the published order where it departs from code order: the records
    /// outside a longest increasing run of codes get “previous-code.own-code”.
    static func listingKeys(_ codes: [Int]) -> [Int: String] {
        guard !codes.isEmpty else { return [:] }
        var tails: [Int] = [], tailIndex: [Int] = [], previous = [Int](repeating: -1, count: codes.count)
        for (i, code) in codes.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if tails[mid] < code { low = mid + 1 } else { high = mid }
            }
            previous[i] = low > 0 ? tailIndex[low - 1] : -1
            if low == tails.count { tails.append(code); tailIndex.append(i) } else { tails[low] = code; tailIndex[low] = i }
        }
        var kept = Set<Int>()
        var cursor = tailIndex.last ?? -1
        while cursor >= 0 { kept.insert(cursor); cursor = previous[cursor] }
        var keys: [Int: String] = [:]
        var lastKept: Int?
        for (i, code) in codes.enumerated() {
            if kept.contains(i) { lastKept = code; continue }
            let anchor = lastKept.map(YearTable.format) ?? ""
            keys[code] = "\(anchor).\(YearTable.format(code))"
        }
        return keys
    }

    private mutating func appendDocuments(of diff: DiffFile) -> [[Int]] {
        diff.descriptions.map { description in
            description.sections.map { section in
                documents.append(Document(
                    title: section.title, number: section.value("文号"),
                    date: section.value("日期").flatMap(GazetteDate.parse),
                    citation: section.value("来源"), body: section.body))
                documentBytes.append(Array(((section.title ?? "") + "\n" + section.body).utf8))
                return documents.count - 1
            }
        }
    }

    /// The title and text of each document as UTF-8, for fast name lookups.
    private var documentBytes: [[UInt8]] = []

    /// Whether `needle` occurs in `haystack` (UTF-8 bytes; a match of whole characters, as UTF-8 is self-synchronising).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        let last = haystack.count - needle.count
        var i = 0
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Documents of the descriptions, those naming a participant first.
    private func rankedDocuments(_ descriptions: [Int], documentIDs: [[Int]], names: [String]) -> [Int] {
        let candidates = descriptions.flatMap { documentIDs[$0] }
        guard candidates.count > 1 else { return candidates }
        let needles = names.map { Array($0.utf8) }
        func score(_ id: Int) -> Int {
            let text = documentBytes[id]
            return needles.reduce(0) { $0 + (DivisionHistory.contains(text, $1) ? 1 : 0) }
        }
        let scored = candidates.enumerated().map { (offset: $0.offset, id: $0.element, score: score($0.element)) }
        return scored.sorted { ($0.score, -$0.offset) > ($1.score, -$1.offset) }.map(\.id)
    }

    private func effectiveDate(documents ids: [Int], year: Int) throws -> (Day, Bool) {
        let window = try Day.startOfYear(year)...Day.endOfYear(year)
        if let date = ids.lazy.compactMap({ self.documents[$0].date }).first(where: { window.contains($0) }) {
            return (date, true)
        }
        return (try Day.startOfYear(year), false)
    }

    private mutating func buildEvents(transition: Transition, documentIDs: [[Int]], old: [Int: Int], new: [Int: Int]) throws {
        let year = transition.target.year
        func participant(_ node: Transition.Node, _ role: ParticipantRole) -> Participant? {
            let table = node.side == .source ? transition.source : transition.target
            let map = node.side == .source ? old : new
            guard let place = map[node.code], let name = table.name(of: node.code) else { return nil }
            return Participant(place: place, role: role, code: node.code, name: name)
        }
        var yearEvents: [Event] = []
        for change in transition.changes {
            let participants = change.participants.compactMap { participant($0.node, $0.role) }
            let names = participants.map(\.name)
            let ranked = rankedDocuments(change.descriptions, documentIDs: documentIDs, names: names)
            let (date, precise) = try effectiveDate(documents: ranked, year: year)
            yearEvents.append(Event(type: change.type, year: year, date: date, dayPrecision: precise,
                                    participants: participants, documents: ranked, detail: nil))
        }
        // Continuing places: compare their states on both sides.
        var oldNodeOfPlace: [Int: Int] = [:]
        for (code, place) in old where code != YearTable.rootCode { oldNodeOfPlace[place] = code }
        var aspectEvents: [Event] = []
        var parentDates: [Int: (Day, Bool)] = [:]
        func dateOf(place: Int, in events: [Event]) -> (Day, Bool)? {
            let dates = events.filter { $0.participants.contains { $0.place == place } }.map { ($0.date, $0.dayPrecision) }
            return dates.first(where: { $0.1 }) ?? dates.first
        }
        for record in transition.target.records {
            guard let place = new[record.code], let oldCode = oldNodeOfPlace[place],
                  let oldName = transition.source.name(of: oldCode) else { continue }
            let oldParent = old[transition.source.parentCode(of: oldCode)] ?? DivisionHistory.rootPlace
            let newParent = new[transition.target.parentCode(of: record.code)] ?? DivisionHistory.rootPlace
            var descriptions = (transition.nodeDescriptions[.init(side: .source, code: oldCode)] ?? [])
            for d in transition.nodeDescriptions[.init(side: .target, code: record.code)] ?? [] where !descriptions.contains(d) {
                descriptions.append(d)
            }
            let subject = Participant(place: place, role: .subject, code: record.code, name: record.name)
            var aspects: [(ChangeType, String)] = []
            if oldName != record.name { aspects.append((.renamed, "\(oldName) → \(record.name)")) }
            if oldCode != record.code { aspects.append((.recoded, "\(YearTable.format(oldCode)) → \(YearTable.format(record.code))")) }
            if oldParent != newParent {
                let from = transition.source.name(of: transition.source.parentCode(of: oldCode)) ?? "?"
                let to = transition.target.name(of: transition.target.parentCode(of: record.code)) ?? "?"
                aspects.append((.reparented, "\(from) → \(to)"))
            }
            guard !aspects.isEmpty else { continue }
            let names = [oldName, record.name]
            let ranked = rankedDocuments(descriptions, documentIDs: documentIDs, names: names)
            var (date, precise) = try effectiveDate(documents: ranked, year: year)
            if !precise, let structural = dateOf(place: place, in: yearEvents) { (date, precise) = structural }
            if !precise, oldParent != newParent, let parentDate = parentDates[newParent] ?? dateOf(place: newParent, in: yearEvents + aspectEvents) {
                (date, precise) = parentDate
            }
            if precise { parentDates[place] = (date, precise) }
            for (type, detail) in aspects {
                aspectEvents.append(Event(type: type, year: year, date: date, dayPrecision: precise,
                                          participants: [subject], documents: ranked, detail: detail))
            }
        }
        for event in yearEvents + aspectEvents where event.dayPrecision {
            for participant in event.participants where places[participant.place].changeDates[year].map({ event.date < $0 }) ?? true {
                places[participant.place].changeDates[year] = event.date
            }
        }
        events += yearEvents + aspectEvents
    }

    /// Places whose state changed in a year without taking part in an event (a parent replaced)
    /// take the date of their new parent's change.
    private mutating func fillChangeDates(tables: [YearTable]) throws {
        for index in places.indices where index != DivisionHistory.rootPlace {
            let place = places[index]
            guard place.states.count > 1 else { continue }
            for offset in 1..<place.states.count {
                let year = place.firstYear + offset
                guard place.states[offset] != place.states[offset - 1], place.changeDates[year] == nil else { continue }
                let parent = place.states[offset].parent
                places[index].changeDates[year] = places[parent].changeDates[year] ?? Day(unchecked: year, 1, 1)
            }
        }
    }
}
