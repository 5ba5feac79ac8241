import Foundation
import GRDB

/// Builds the search index from the `name` table.
///
/// Every name becomes a *document*. Documents get ids in static rank order — current names
/// first, then by level (province before village), name type (standard before variant),
/// shorter names first — so that every index scan in id order meets the best candidates
/// first and `LIMIT` keeps the best. The index has:
///
/// - `search_doc`: the folded name and its name-without-generic-suffix, for exact lookups;
/// - `search_trigram`: FTS5 with the trigram tokenizer, for substrings of three or more characters;
/// - `search_gram`: every one- and two-character substring (and the same marked `^` at the
///   start of the name), for one- and two-character queries the trigram index cannot answer;
/// - `search_latin`: Latin keys (pinyin readings and initials from the ``SearchKeyProvider``,
///   and names written in Latin script);
/// - `search_fuzzy`: the deletion neighbourhood of Latin keys, for spelling mistakes.
struct SearchIndexer {
    let db: Database
    let keys: (any SearchKeyProvider)?

    /// Replaces the whole index.
    static func rebuild(_ db: Database, keys: (any SearchKeyProvider)? = nil) throws {
        try SearchIndexer(db: db, keys: keys).rebuild()
    }

    struct Candidate {
        var nameID: Int64
        var placeID: Int64
        var text: String
        var type: String
        var script: String
        var specific: String?
        var validFrom: String?
        var validTo: String?
        var levelRank: Int
        var isCurrent: Bool
        var code: String?
        var placeName: String
        var placeCode: String?
        var placeStatus: String
        var level: String
    }

    static let typeRank: [String: Int] = ["standard": 0, "short": 1, "alias": 2, "romanized": 3, "variant": 4, "former": 5]

    func rebuild() throws {
        try db.execute(sql: """
            DELETE FROM search_doc; DELETE FROM search_gram; DELETE FROM search_latin; DELETE FROM search_fuzzy;
            INSERT INTO search_trigram(search_trigram) VALUES ('delete-all');
            """)
        var candidates = try loadCandidates(where: nil)
        candidates.sort(by: SearchIndexer.ranksBefore)
        try insert(candidates, firstID: 1)
        try db.execute(sql: "INSERT OR REPLACE INTO search_state (id, built_at, names, keys_from) VALUES (1, ?, ?, ?)",
                       arguments: [AuditRecord.timestamp(), candidates.count, keys?.identifier])
    }

    /// Adds documents for names written after the last rebuild (their rank among older documents is approximate until the next rebuild).
    func add(nameIDs: [Int64]) throws {
        guard !nameIDs.isEmpty else { return }
        let list = nameIDs.map(String.init).joined(separator: ",")
        var candidates = try loadCandidates(where: "n.id IN (\(list))")
        candidates.sort(by: SearchIndexer.ranksBefore)
        let next = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM search_doc") ?? 0) + 1
        try insert(candidates, firstID: next, preloadFuzzy: false)
    }

    /// Brings the index up to date after names were added: appends them when they are few
    /// (under 2 % of the index), rebuilds the whole index otherwise, so that ranking stays exact
    /// after bulk imports and small edits stay cheap.
    static func update(_ db: Database, keys: (any SearchKeyProvider)?, added nameIDs: [Int64]) throws {
        let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_doc") ?? 0
        if documents > 0, nameIDs.count * 50 < documents {
            try SearchIndexer(db: db, keys: keys).add(nameIDs: nameIDs)
        } else {
            try rebuild(db, keys: keys)
        }
    }

    /// Re-reads the documents of `placeIDs` (after a name or place was ended) and updates their currency.
    func refresh(placeIDs: [Int64]) throws {
        for placeID in placeIDs {
            try db.execute(sql: """
                UPDATE search_doc SET is_current = (
                  SELECT n.valid_to IS NULL AND p.status = 'current' FROM name n JOIN place p ON p.id = n.place_id WHERE n.id = search_doc.name_id),
                  valid_to = (SELECT n.valid_to FROM name n WHERE n.id = search_doc.name_id)
                WHERE place_id = ?
                """, arguments: [placeID])
        }
    }

    static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.isCurrent != b.isCurrent { return a.isCurrent }
        if a.levelRank != b.levelRank { return a.levelRank < b.levelRank }
        let ta = typeRank[a.type] ?? 9, tb = typeRank[b.type] ?? 9
        if ta != tb { return ta < tb }
        if a.text.count != b.text.count { return a.text.count < b.text.count }
        if (a.code ?? "") != (b.code ?? "") { return (a.code ?? "") < (b.code ?? "") }
        return a.nameID < b.nameID
    }

    private func loadCandidates(where condition: String?) throws -> [Candidate] {
        let levelRank = PlaceLevel.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.rank)" }.joined(separator: " ")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT n.id, n.place_id, n.text, n.type, n.script, n.specific, n.valid_from, n.valid_to,
                   CASE p.level \(levelRank) ELSE 9 END AS level_rank,
                   (n.valid_to IS NULL AND p.status = 'current') AS is_current,
                   (SELECT pc.code FROM place_code pc WHERE pc.place_id = n.place_id
                      AND (pc.valid_from IS NULL OR n.valid_to IS NULL OR pc.valid_from < n.valid_to)
                      AND (pc.valid_to IS NULL OR n.valid_from IS NULL OR pc.valid_to > n.valid_from)
                    ORDER BY pc.valid_to IS NULL DESC, pc.valid_to DESC, length(pc.code) LIMIT 1) AS code,
                   COALESCE((SELECT s.text FROM name s WHERE s.place_id = n.place_id AND s.type = 'standard'
                             ORDER BY s.valid_to IS NULL DESC, s.valid_to DESC LIMIT 1), n.text) AS place_name,
                   (SELECT pc.code FROM place_code pc WHERE pc.place_id = n.place_id
                    ORDER BY pc.valid_to IS NULL DESC, pc.valid_to DESC, length(pc.code) LIMIT 1) AS place_code,
                   p.status, p.level
            FROM name n JOIN place p ON p.id = n.place_id
            \(condition.map { "WHERE \($0)" } ?? "")
            """)
        var result: [Candidate] = []
        while let row = try rows.next() {
            result.append(Candidate(nameID: row[0], placeID: row[1], text: row[2], type: row[3], script: row[4], specific: row[5],
                                    validFrom: row[6], validTo: row[7], levelRank: row[8], isCurrent: row[9], code: row[10],
                                    placeName: row[11], placeCode: row[12], placeStatus: row[13], level: row[14]))
        }
        return result
    }

    private func insert(_ candidates: [Candidate], firstID: Int64, preloadFuzzy: Bool = true) throws {
        let insertDoc = try db.makeStatement(sql: """
            INSERT INTO search_doc (id, name_id, place_id, text, specific, name_type, level_rank, is_current, code, valid_from, valid_to,
                                    place_name, place_code, place_status, level)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertTrigram = try db.makeStatement(sql: "INSERT INTO search_trigram (rowid, text) VALUES (?, ?)")
        let insertGram = try db.makeStatement(sql: "INSERT OR IGNORE INTO search_gram (gram, doc) VALUES (?, ?)")
        let insertLatin = try db.makeStatement(sql: "INSERT OR IGNORE INTO search_latin (key, doc, kind) VALUES (?, ?, ?)")
        let insertFuzzy = try db.makeStatement(sql: "INSERT OR IGNORE INTO search_fuzzy (variant, key) VALUES (?, ?)")
        var fuzzyKeys: Set<String> = preloadFuzzy ? Set(try String.fetchAll(db, sql: "SELECT DISTINCT key FROM search_fuzzy")) : []
        // Many names repeat (城关镇, 东城区); read each text once.
        var readingsCache: [String: (full: [String], initials: [String])] = [:]
        let provider = keys?.identifier ?? ""
        if keys != nil {
            try db.execute(sql: "DELETE FROM search_reading WHERE provider <> ?", arguments: [provider])
            let rows = try DatabaseRow.fetchCursor(db, sql: "SELECT text, full, initials FROM search_reading")
            while let row = try rows.next() {
                let full: String = row[1], initials: String = row[2]
                readingsCache[row[0]] = (full.split(separator: " ").map(String.init), initials.split(separator: " ").map(String.init))
            }
        }
        let insertReading = try db.makeStatement(sql: "INSERT OR REPLACE INTO search_reading (text, full, initials, provider) VALUES (?, ?, ?, ?)")
        var id = firstID
        for candidate in candidates {
            defer { id += 1 }
            let han = SearchText.hasHan(candidate.text)
            let text = han ? SearchText.foldHan(candidate.text, keys: keys) : candidate.text
            var specific: String? = nil
            if han {
                let parts = NameParts(text)
                if !parts.generic.isEmpty { specific = parts.specific }
            }
            try insertDoc.execute(arguments: [id, candidate.nameID, candidate.placeID, text, specific, candidate.type,
                                              candidate.levelRank, candidate.isCurrent, candidate.code,
                                              candidate.validFrom, candidate.validTo,
                                              candidate.placeName, candidate.placeCode, candidate.placeStatus, candidate.level])
            // (key, kind, whether spelling correction may lead to it)
            var latinKeys: [(String, Int, Bool)] = []
            if han {
                try insertTrigram.execute(arguments: [id, text])
                let characters = Array(text)
                var grams: Set<String> = []
                for (i, character) in characters.enumerated() {
                    grams.insert(String(character))
                    if i + 1 < characters.count { grams.insert(String(characters[i...(i + 1)])) }
                }
                if let first = characters.first {
                    grams.insert("^" + String(first))
                    if characters.count > 1 { grams.insert("^" + String(characters[0...1])) }
                }
                for gram in grams { try insertGram.execute(arguments: [gram, id]) }
                if let keys {
                    let readings: (full: [String], initials: [String])
                    if let cached = readingsCache[candidate.text] { readings = cached } else {
                        readings = keys.searchKeys(for: candidate.text)
                        readingsCache[candidate.text] = readings
                        try insertReading.execute(arguments: [candidate.text, readings.full.joined(separator: " "),
                                                              readings.initials.joined(separator: " "), provider])
                    }
                    // The first key is the name's own reading; the second, when it is the first without its
                    // generic part (chongqingshi → chongqing), too. Only those are offered to spelling
                    // correction, not every rare reading of a polyphone (南 nā).
                    let own = readings.full.first
                    latinKeys += readings.full.enumerated().map { offset, key in
                        (key, 1, offset == 0 || (offset == 1 && own.map { $0.hasPrefix(key) && $0.count > key.count } == true))
                    }
                    latinKeys += readings.initials.map { ($0, 2, false) }
                }
            } else {
                let key = SearchText.latinKey(candidate.text)
                if !key.isEmpty { latinKeys.append((key, 3, true)) }
            }
            var seen: Set<String> = []
            for (key, kind, correctable) in latinKeys where !key.isEmpty && seen.insert(key).inserted {
                try insertLatin.execute(arguments: [key, id, kind])
                if correctable, fuzzyKeys.insert(key).inserted {
                    for variant in FuzzyKeys.deletions(of: key) { try insertFuzzy.execute(arguments: [variant, key]) }
                }
            }
        }
    }
}

/// The symmetric-delete neighbourhood used for spelling mistakes in Latin input.
///
/// A key is indexed under itself and every string obtained by deleting one letter from its
/// first ``prefixLength`` letters. A query looks up the same neighbourhood of its own
/// prefix; every key within one edit of the query's prefix shares at least one entry, and
/// candidates are then checked with the full edit distance.
enum FuzzyKeys {
    static let prefixLength = 7

    static func deletions(of key: String) -> Set<String> {
        let prefix = Array(key.prefix(prefixLength))
        var result: Set<String> = [String(prefix)]
        guard prefix.count > 1 else { return result }
        for i in prefix.indices {
            var copy = prefix
            copy.remove(at: i)
            result.insert(String(copy))
        }
        return result
    }

    /// Optimal-string-alignment distance (Levenshtein with adjacent transpositions).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
