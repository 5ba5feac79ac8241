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
            // The place-name record first; else what the approved naming case said.
            meaning: details.record?.meaning ?? naming?.meaning.flatMap(nonEmpty),
            origin: details.record?.origin ?? naming?.origin.flatMap(nonEmpty), history: history)
    }

    /// An event as the book prints it: what changed in Chinese, with the participants' codes and
    /// names; the date and the documents have their own places.
    static func historyItem(_ event: EventRecord, placeID: Int64) -> BookEntry.HistoryItem {
        let numbers = event.documents.compactMap { document -> String? in
            guard let number = document.number, !number.isEmpty else { return nil }
            return number
        }
        return BookEntry.HistoryItem(date: event.dateText, type: event.type, text: text(of: event), documentNumbers: unique(numbers),
                                     ownEvent: event.participants.contains { $0.placeID == placeID })
    }

    /// `更名：万县区 → 万州区`, `合并：龙宝区 (511202)、天城区 (511203) → 万县区 (500101)`.
    static func text(of event: EventRecord) -> String {
        func list(_ role: ParticipantRole) -> String {
            event.participants(role).map { "\($0.name ?? "?") (\($0.code ?? "-"))" }.joined(separator: "、")
        }
        let subject = event.participants(.subject).first
        var text = label(event.type) + "："
        switch event.type {
        case .renamed, .recoded, .reparented:
            text += event.detail ?? subject?.name ?? ""
            if event.type != .renamed, let subject, let name = subject.name { text += "（\(name)）" }
        default:
            let before = list(.predecessor), after = list(.successor)
            text += "\(before.isEmpty ? "—" : before) → \(after.isEmpty ? "—" : after)"
            let donors = list(.donor), receivers = list(.receiver)
            if !donors.isEmpty { text += "；自 \(donors) 划入" }
            if !receivers.isEmpty { text += "；划归 \(receivers)" }
        }
        return text
    }

    /// The event type as the book names it.
    static func label(_ type: ChangeType) -> String {
        switch type {
        case .established: "设立"
        case .abolished: "撤销"
        case .renamed: "更名"
        case .recoded: "代码变更"
        case .merged: "合并"
        case .split: "拆分"
        case .reorganized: "撤并重组"
        case .transferred: "区域调整"
        case .reparented: "隶属变更"
        }
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
