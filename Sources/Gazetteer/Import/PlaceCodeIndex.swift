import GRDB

/// Every code of every place, in memory, for imports that look a code up on each row.
///
/// Answers as ``NameCSVImporter/place(_:code:at:today:)`` does — among the places that ever
/// had the code, the one that had it on the day, else the one that has it now, else the one
/// that had it last — without a query per row, and learns the places an import creates.
struct PlaceCodeIndex {
    private struct Holder {
        var placeID: Int64
        var validFrom: String?
        var validTo: String?
    }

    private var holders: [String: [Holder]] = [:]

    /// Reads every row of `place_code`.
    init(_ db: Database) throws {
        let rows = try DatabaseRow.fetchCursor(db, sql: "SELECT code, place_id, valid_from, valid_to FROM place_code")
        while let row = try rows.next() {
            holders[row[0], default: []].append(Holder(placeID: row[1], validFrom: row[2], validTo: row[3]))
        }
    }

    /// The place with `code`, preferring the one that had it on `day`.
    func place(code: String, on day: Day) -> Int64? {
        guard let candidates = holders[code], !candidates.isEmpty else { return nil }
        let text = day.description
        func validOnDay(_ h: Holder) -> Bool {
            (h.validFrom.map { $0 <= text } ?? true) && (h.validTo.map { $0 > text } ?? true)
        }
        // ORDER BY valid-on-day DESC, valid_to IS NULL DESC, valid_to DESC; the first stored wins a tie.
        var best = candidates[0]
        for candidate in candidates.dropFirst() {
            let a = (validOnDay(candidate), candidate.validTo == nil), b = (validOnDay(best), best.validTo == nil)
            if a.0 != b.0 { if a.0 { best = candidate }; continue }
            if a.1 != b.1 { if a.1 { best = candidate }; continue }
            if let x = candidate.validTo, let y = best.validTo, x > y { best = candidate }
        }
        return best.placeID
    }

    /// Records a code given to a place by the import (open-ended).
    mutating func add(code: String, placeID: Int64) {
        holders[code, default: []].append(Holder(placeID: placeID, validFrom: nil, validTo: nil))
    }
}
