import Foundation
import GEOSKit
import Gazetteer
import Pinyin

/// Turns what the gazetteer records about a place into a book entry.
enum BookEntryBuilder {
    static func entry(_ details: PlaceDetails, lineage: [EventRecord], day: Day, centroid: Coordinate?,
                      naming: (meaning: String?, origin: String?)?) -> BookEntry {
        let summary = details.summary
        let name = summary.name
        let romanization = Romanizer.shared.romanize(name)
        let today = day.description
        let otherNames = details.names.filter { fact in
            [.short, .alias].contains(fact.type) && fact.text != name && fact.period.contains(day) && ["Hans", "Hant", "Hani"].contains(fact.script)
        }.map { fact in "\(fact.type == .short ? "简称" : "别名") \(fact.text)" }
        let formerNames = details.names.filter { fact in
            (fact.type == .standard || fact.type == .former) && fact.text != name && !(fact.period.contains(day))
                && (fact.period.from ?? "") <= today
        }.map { "\($0.text) (\($0.period))" }
        let history = lineage.filter { $0.effectiveDate <= today }.map { historyItem($0, placeID: summary.id) }
        return BookEntry(
            placeID: summary.id, code: summary.code ?? "", name: name,
            pinyin: romanization.display(tones: true), sortKey: romanization.searchKey,
            level: summary.level, category: BookCategory.of(name: name, level: summary.level, romanization: romanization),
            categoryCode: summary.level.categoryCode,
            parents: details.ancestry.dropFirst().map(\.label),
            centroid: centroid, otherNames: unique(otherNames), formerNames: unique(formerNames),
            meaning: naming?.meaning.flatMap(nonEmpty), origin: naming?.origin.flatMap(nonEmpty), history: history)
    }

    /// An event as the book prints it: what changed, without the date and document that have their own columns.
    static func historyItem(_ event: EventRecord, placeID: Int64) -> BookEntry.HistoryItem {
        var text = event.summary
        if text.hasPrefix(event.dateText + " ") { text.removeFirst(event.dateText.count + 1) }
        if let document = event.documents.first {
            let reference = document.number ?? document.title ?? ""
            if !reference.isEmpty, text.hasSuffix(" (\(reference))") { text.removeLast(reference.count + 3) }
        }
        let numbers = event.documents.compactMap { document -> String? in
            guard let number = document.number, !number.isEmpty else { return nil }
            return number
        }
        return BookEntry.HistoryItem(date: event.dateText, type: event.type, text: text, documentNumbers: unique(numbers),
                                      ownEvent: event.participants.contains { $0.placeID == placeID })
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
