import Foundation
import GRDB

/// The name corrections of areacodes' `errata.md`: names the official tables printed wrongly
/// for some years (石咀山市 for 石嘴山市, 古楼区 for 鼓楼区 …), which areacodes corrected in its
/// tables. The printed forms are kept as `variant` names of the corrected division for those
/// years, so that a search for the printed form finds it.
///
/// A correction reads `YEAR[-YEAR]年代码“CODE”[“CODE”…]原名称[分别]为“WRONG”[“WRONG”…]，[分别]更正为“RIGHT”[…]`.
struct Errata {
    struct Correction: Equatable {
        var fromYear: Int
        var toYear: Int
        var code: String
        var printed: String
        var corrected: String
    }

    let corrections: [Correction]

    init(text: String) {
        var corrections: [Correction] = []
        let pattern = #"(\d{4})(?:-(\d{4}))?年代码((?:“\d{6}”)+)原名称(?:分别)?为((?:“[^”]+”)+|[^，“]+)，(?:分别)?更正为((?:“[^”]+”)+|[^，。“]+)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            self.corrections = []
            return
        }
        let range = NSRange(text.startIndex..., in: text)
        for match in regex.matches(in: text, range: range) {
            func group(_ i: Int) -> String? {
                guard let r = Range(match.range(at: i), in: text) else { return nil }
                return String(text[r])
            }
            func list(_ value: String?) -> [String] {
                guard let value else { return [] }
                if value.contains("“") {
                    return value.split(separator: "”").map { $0.replacingOccurrences(of: "“", with: "") }.filter { !$0.isEmpty }
                }
                return [value]
            }
            guard let from = group(1).flatMap({ Int($0) }) else { continue }
            let to = group(2).flatMap { Int($0) } ?? from
            let codes = list(group(3)), printed = list(group(4)), corrected = list(group(5))
            guard codes.count == printed.count, codes.count == corrected.count else { continue }
            for i in codes.indices {
                corrections.append(Correction(fromYear: from, toYear: to, code: codes[i], printed: printed[i], corrected: corrected[i]))
            }
        }
        self.corrections = corrections
    }

    /// Adds the printed forms as variant names; returns how many were added and how many found no division.
    func write(_ db: Database, keys: (any SearchKeyProvider)?) throws -> (added: [Int64], unmatched: Int) {
        var writer = try NameWriter(db: db, sourceKey: "areacodes-errata", title: "areacodes errata.md: names printed wrongly in the official tables",
                                    licence: "CC0-1.0", citation: "https://github.com/yescallop/areacodes (errata.md)", keys: keys)
        var unmatched = 0
        for correction in corrections {
            let start = Day(unchecked: correction.fromYear, 12, 31).description
            guard let placeID = try Int64.fetchOne(db, sql: """
                SELECT n.place_id FROM name n JOIN place_code pc ON pc.place_id = n.place_id AND pc.code = :code AND pc.scheme = 'GB2260'
                WHERE n.text = :name AND n.type = 'standard'
                  AND (n.valid_from IS NULL OR n.valid_from <= :day) AND (n.valid_to IS NULL OR n.valid_to > :day)
                  AND (pc.valid_from IS NULL OR pc.valid_from <= :day) AND (pc.valid_to IS NULL OR pc.valid_to > :day)
                LIMIT 1
                """, arguments: ["code": correction.code, "name": correction.corrected, "day": start]) else {
                unmatched += 1
                continue
            }
            try writer.addName(placeID: placeID, text: correction.printed, type: .variant, language: "zh", script: "Hans", romanization: nil,
                               note: "printed as \(correction.printed) in the official tables \(correction.fromYear)–\(correction.toYear); corrected in areacodes errata.md",
                               from: Day(unchecked: correction.fromYear, 1, 1), to: Day(unchecked: correction.toYear + 1, 1, 1))
        }
        return (writer.addedNameIDs, unmatched)
    }
}
