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
        /// Whether the period is inherited (the name has no dates of its own).
        var inherited: Bool
        var levelRank: Int
        var isCurrent: Bool
        var code: String?
        var placeName: String
        var placeCode: String?
        var placeStatus: String
        var level: String
        /// The name's length in characters (shorter names rank first).
        var length: Int
        /// The name type's place in ``SearchIndexer/typeRank``.
        var typeOrder: Int
    }

    static let typeRank: [String: Int] = ["standard": 0, "short": 1, "alias": 2, "romanized": 3, "variant": 4, "former": 5]

    /// The order of documents for a day in the past (`search_doc.as_of_rank`): name type
    /// (the day's standard names first), then level.
    static func asOfRank(levelRank: Int, type: String) -> Int { (typeRank[type] ?? 9) * 10 + levelRank }

    // MARK: - Periods

    /// The start, end and whether-inherited of a name `n` of place `p`: its own dates, or — for a
    /// name without any — its place's (refined by ``derivePeriods(_:where:)`` once documents exist).
    static let ownOrPlaceSpan = """
        CASE WHEN n.valid_from IS NOT NULL OR n.valid_to IS NOT NULL THEN n.valid_from ELSE p.valid_from END AS span_from,
        CASE WHEN n.valid_from IS NOT NULL OR n.valid_to IS NOT NULL THEN n.valid_to ELSE p.valid_to END AS span_to,
        (n.valid_from IS NULL AND n.valid_to IS NULL AND COALESCE(p.valid_from, p.valid_to) IS NOT NULL) AS span_inherited
        """

    /// The place's code during a period `span_from`–`span_to` (the latest when it had several).
    static let codeDuringSpan = """
        (SELECT pc.code FROM place_code pc WHERE pc.place_id = n.place_id
           AND (pc.valid_from IS NULL OR span_to IS NULL OR pc.valid_from < span_to)
           AND (pc.valid_to IS NULL OR span_from IS NULL OR pc.valid_to > span_from)
         ORDER BY pc.valid_to IS NULL DESC, pc.valid_to DESC, length(pc.code) LIMIT 1)
        """

    /// Derives the period, currency and code of the documents `condition` selects (SQL over
    /// document `d`, name `n`, place `p`) from their names.
    ///
    /// A name with dates of its own keeps them. An undated name takes the validity of what it
    /// names: the standard name of its place that it is a form of — the same text once folded
    /// (上饒市 of 上饶市), or for a short name the standard name it shortens (长安 of 长安区) — and
    /// otherwise its place. When several standard names qualify, the latest: undated names come
    /// from snapshots, which describe the names of their day. Names compare by their folded
    /// document text, so this runs once the documents exist.
    ///
    /// Used after every index build or append, after a name or place was ended, and by the
    /// `v5-search-as-of` migration (the index then held undated names as valid on every day).
    static func derivePeriods(_ db: Database, where condition: String) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS search_span (doc INTEGER PRIMARY KEY, span_from TEXT, span_to TEXT, inherited INTEGER,
                                                         is_current INTEGER, code TEXT);
            DELETE FROM temp.search_span;
            INSERT INTO temp.search_span
            SELECT doc, span_from, span_to, inherited, span_to IS NULL AND status = 'current', \(codeDuringSpan) FROM (
              SELECT d.id AS doc, n.place_id, p.status,
                CASE WHEN n.valid_from IS NOT NULL OR n.valid_to IS NOT NULL THEN n.valid_from WHEN o.id IS NOT NULL THEN o.valid_from ELSE p.valid_from END AS span_from,
                CASE WHEN n.valid_from IS NOT NULL OR n.valid_to IS NOT NULL THEN n.valid_to WHEN o.id IS NOT NULL THEN o.valid_to ELSE p.valid_to END AS span_to,
                CASE WHEN n.valid_from IS NOT NULL OR n.valid_to IS NOT NULL THEN 0
                     WHEN COALESCE(o.valid_from, o.valid_to, p.valid_from, p.valid_to) IS NOT NULL THEN 1 ELSE 0 END AS inherited
              FROM search_doc d JOIN name n ON n.id = d.name_id JOIN place p ON p.id = n.place_id
              LEFT JOIN name o ON o.id = CASE WHEN n.type <> 'standard' AND n.valid_from IS NULL AND n.valid_to IS NULL THEN (
                SELECT s.id FROM search_doc sd JOIN name s ON s.id = sd.name_id
                WHERE sd.place_id = d.place_id AND s.type = 'standard' AND (s.valid_from IS NOT NULL OR s.valid_to IS NOT NULL)
                  AND (sd.text = d.text OR (n.type = 'short' AND (sd.specific = d.text OR substr(sd.text, 1, length(d.text)) = d.text)))
                ORDER BY s.valid_to IS NULL DESC, s.valid_to DESC, s.id DESC LIMIT 1) END
              WHERE \(condition)
            ) n;
            UPDATE search_doc SET valid_from = s.span_from, valid_to = s.span_to, period_inherited = s.inherited,
                   is_current = s.is_current, code = s.code
            FROM temp.search_span s WHERE search_doc.id = s.doc;
            DELETE FROM temp.search_span;
            """)
    }

    /// The ``derivePeriods(_:where:)`` condition for every undated name.
    static let undatedNames = "n.valid_from IS NULL AND n.valid_to IS NULL"

    func rebuild() throws {
        try db.execute(sql: """
            DELETE FROM search_doc; DELETE FROM search_gram; DELETE FROM search_latin; DELETE FROM search_fuzzy;
            INSERT INTO search_trigram(search_trigram) VALUES ('delete-all');
            """)
        let candidates = SearchIndexer.inRankOrder(try loadCandidates(where: nil))
        try insert(candidates, firstID: 1, bulk: true)
        try SearchIndexer.derivePeriods(db, where: SearchIndexer.undatedNames)
        try db.execute(sql: "INSERT OR REPLACE INTO search_state (id, built_at, names, keys_from) VALUES (1, ?, ?, ?)",
                       arguments: [AuditRecord.timestamp(), candidates.count, keys?.identifier])
    }

    /// Adds documents for names written after the last rebuild (their rank among older documents is approximate until the next rebuild).
    func add(nameIDs: [Int64]) throws {
        guard !nameIDs.isEmpty else { return }
        let list = nameIDs.map(String.init).joined(separator: ",")
        let candidates = SearchIndexer.inRankOrder(try loadCandidates(where: "n.id IN (\(list))"))
        let next = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM search_doc") ?? 0) + 1
        try insert(candidates, firstID: next, bulk: false)
        try SearchIndexer.derivePeriods(db, where: "d.id >= \(next) AND \(SearchIndexer.undatedNames)")
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

    /// Re-reads the documents of `placeIDs` after a name or place was ended or renamed: their
    /// currency, period and the place's current name, code and status.
    func refresh(placeIDs: [Int64]) throws {
        guard !placeIDs.isEmpty else { return }
        try SearchIndexer.derivePeriods(db, where: "d.place_id IN (\(placeIDs.map(String.init).joined(separator: ",")))")
        for placeID in placeIDs {
            try db.execute(sql: """
                UPDATE search_doc SET
                  place_name = COALESCE((SELECT s.text FROM name s WHERE s.place_id = :place AND s.type = 'standard'
                                         ORDER BY s.valid_to IS NULL DESC, s.valid_to DESC LIMIT 1), place_name),
                  place_code = (SELECT pc.code FROM place_code pc WHERE pc.place_id = :place
                                ORDER BY pc.valid_to IS NULL DESC, pc.valid_to DESC, length(pc.code) LIMIT 1),
                  place_status = (SELECT status FROM place WHERE id = :place)
                WHERE place_id = :place
                """, arguments: ["place": placeID])
        }
    }

    /// The candidates in ``ranksBefore(_:_:)`` order, sorted on precomputed keys: the leading
    /// integers packed into one word, codes compared as bytes only on ties (sorting the
    /// candidates themselves moves large values and compares them field by field).
    static func inRankOrder(_ candidates: [Candidate]) -> [Candidate] {
        let packed = candidates.map { c -> UInt64 in
            (c.isCurrent ? 0 : 1) << 60 | UInt64(min(max(c.levelRank, 0), 255)) << 52 | UInt64(min(max(c.typeOrder, 0), 255)) << 44
                | UInt64(min(c.length, 1 << 40))
        }
        let codes = candidates.map { Array(($0.code ?? "").utf8) }
        var order = Array(candidates.indices)
        order.sort { a, b in
            if packed[a] != packed[b] { return packed[a] < packed[b] }
            if codes[a] != codes[b] { return codes[a].lexicographicallyPrecedes(codes[b]) }
            return candidates[a].nameID < candidates[b].nameID
        }
        return order.map { candidates[$0] }
    }

    static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.isCurrent != b.isCurrent { return a.isCurrent }
        if a.levelRank != b.levelRank { return a.levelRank < b.levelRank }
        if a.typeOrder != b.typeOrder { return a.typeOrder < b.typeOrder }
        if a.length != b.length { return a.length < b.length }
        // Codes compare byte by byte (they are ASCII): String's `<` takes a slow path for text read from SQLite.
        let ca = (a.code ?? "").utf8, cb = (b.code ?? "").utf8
        if !ca.elementsEqual(cb) { return ca.lexicographicallyPrecedes(cb) }
        return a.nameID < b.nameID
    }

    private func loadCandidates(where condition: String?) throws -> [Candidate] {
        let levelRank = PlaceLevel.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.rank)" }.joined(separator: " ")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT n.id, n.place_id, n.text, n.type, n.script, n.specific, span_from, span_to,
                   level_rank,
                   (span_to IS NULL AND n.status = 'current') AS is_current,
                   \(SearchIndexer.codeDuringSpan) AS code,
                   place_name, place_code, n.status, n.level, span_inherited
            FROM (
            SELECT n.id, n.place_id, n.text, n.type, n.script, n.specific, \(SearchIndexer.ownOrPlaceSpan),
                   CASE p.level \(levelRank) ELSE 9 END AS level_rank,
                   COALESCE((SELECT s.text FROM name s WHERE s.place_id = n.place_id AND s.type = 'standard'
                             ORDER BY s.valid_to IS NULL DESC, s.valid_to DESC LIMIT 1), n.text) AS place_name,
                   (SELECT pc.code FROM place_code pc WHERE pc.place_id = n.place_id
                    ORDER BY pc.valid_to IS NULL DESC, pc.valid_to DESC, length(pc.code) LIMIT 1) AS place_code,
                   p.status, p.level
            FROM name n JOIN place p ON p.id = n.place_id
            \(condition.map { "WHERE \($0)" } ?? "")
            ) n
            """)
        var result: [Candidate] = []
        while let row = try rows.next() {
            let text: String = row[2], type: String = row[3]
            result.append(Candidate(nameID: row[0], placeID: row[1], text: text, type: type, script: row[4], specific: row[5],
                                    validFrom: row[6], validTo: row[7], inherited: row[15], levelRank: row[8], isCurrent: row[9], code: row[10],
                                    placeName: row[11], placeCode: row[12], placeStatus: row[13], level: row[14], length: text.count,
                                    typeOrder: SearchIndexer.typeRank[type] ?? 9))
        }
        return result
    }

    /// Computes the rows of `candidates` (numbered from `firstID`) and writes them table by table in key order.
    ///
    /// - Parameter bulk: Whether the index was just emptied: its secondary indexes are then
    ///   dropped for the load and built again afterwards (one sort instead of a random insert
    ///   per row), and no row can already exist.
    private func insert(_ candidates: [Candidate], firstID: Int64, bulk: Bool) throws {
        let provider = keys?.identifier ?? ""
        var readings: [String: (full: [String], initials: [String])] = [:]
        if keys != nil {
            try db.execute(sql: "DELETE FROM search_reading WHERE provider <> ?", arguments: [provider])
            let rows = try DatabaseRow.fetchCursor(db, sql: "SELECT text, full, initials FROM search_reading")
            while let row = try rows.next() {
                let full: String = row[1], initials: String = row[2]
                readings[row[0]] = (full.split(separator: " ").map(String.init), initials.split(separator: " ").map(String.init))
            }
        }
        // After a rebuild's DELETE the neighbourhood table is empty; an append relies on INSERT OR IGNORE.
        var rows = SearchIndexRows(keys: keys, readings: readings, fuzzyKeys: [])
        rows.add(candidates, firstID: firstID)

        let secondaryIndexes = bulk ? try DatabaseRow.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND tbl_name IN ('search_doc', 'search_latin') AND sql IS NOT NULL
            """).map { (name: $0[0] as String, sql: $0[1] as String) } : []
        for index in secondaryIndexes { try db.execute(sql: "DROP INDEX \(index.name)") }

        // After a rebuild's DELETE no row can exist yet: plain inserts; an append may meet existing keys.
        let conflict = bulk ? "" : "OR IGNORE"
        let insertDoc = try RowInserter(db, sql: """
            INSERT INTO search_doc (id, name_id, place_id, text, specific, name_type, level_rank, is_current, code, valid_from, valid_to,
                                    place_name, place_code, place_status, level, period_inherited, as_of_rank)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for document in rows.documents {
            let candidate = document.candidate
            insertDoc.bind(1, document.id); insertDoc.bind(2, candidate.nameID); insertDoc.bind(3, candidate.placeID)
            insertDoc.bind(4, document.text); insertDoc.bind(5, document.specific); insertDoc.bind(6, candidate.type)
            insertDoc.bind(7, candidate.levelRank); insertDoc.bind(8, candidate.isCurrent); insertDoc.bind(9, candidate.code)
            insertDoc.bind(10, candidate.validFrom); insertDoc.bind(11, candidate.validTo); insertDoc.bind(12, candidate.placeName)
            insertDoc.bind(13, candidate.placeCode); insertDoc.bind(14, candidate.placeStatus); insertDoc.bind(15, candidate.level)
            insertDoc.bind(16, candidate.inherited)
            insertDoc.bind(17, SearchIndexer.asOfRank(levelRank: candidate.levelRank, type: candidate.type))
            try insertDoc.step()
        }
        // The key tables are narrow and long (about twenty rows per name): many rows per statement.
        var trigrams = try BatchInserter(db, table: "search_trigram", columns: ["rowid", "text"])
        for (doc, text) in rows.trigramTexts { try trigrams.add(.integer(doc), .text(text)) }
        try trigrams.finish()
        var grams = try BatchInserter(db, table: "search_gram", columns: ["gram", "doc"], conflict: conflict)
        try rows.forEachGram { gram, doc in try grams.add(.text(gram), .integer(doc)) }
        try grams.finish()
        var latin = try BatchInserter(db, table: "search_latin", columns: ["key", "doc", "kind"], conflict: conflict)
        try rows.forEachLatinKey { key, doc, kind in try latin.add(.text(key), .integer(doc), .integer(Int64(kind.rawValue))) }
        try latin.finish()
        var fuzzy = try BatchInserter(db, table: "search_fuzzy", columns: ["variant", "key"], conflict: conflict)
        try rows.forEachFuzzyPair { variant, key in try fuzzy.add(.text(variant), .text(key)) }
        try fuzzy.finish()
        let insertReading = try RowInserter(db, sql: "INSERT OR REPLACE INTO search_reading (text, full, initials, provider) VALUES (?, ?, ?, ?)")
        for reading in rows.newReadings {
            insertReading.bind(1, reading.text); insertReading.bind(2, reading.full.joined(separator: " "))
            insertReading.bind(3, reading.initials.joined(separator: " ")); insertReading.bind(4, provider)
            try insertReading.step()
        }
        for index in secondaryIndexes { try db.execute(sql: index.sql) }
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
