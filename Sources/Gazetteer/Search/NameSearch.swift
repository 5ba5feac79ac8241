import Foundation
import GRDB

/// Finds places by name: exact, prefix, substrings of any length, names without their generic
/// suffix, traditional characters, pinyin with or without spaces, pinyin initials, and
/// misspelt Latin input.
///
/// Ranking is by how the name matched (``MatchKind``: exact before prefix before substring
/// …), then by the static rank built into the index (current names first, higher levels
/// first, standard names before others, shorter names first). Each place appears once,
/// with its best-matching name.
///
/// ```swift
/// let hits = try NameSearch(store: store).search(SearchQuery("cqs"))
/// hits.first?.placeName   // "重庆市"
/// hits.first?.reason      // "initials “cqs” of 重庆市"
/// ```
public struct NameSearch: Sendable {
    public let store: GazetteerStore

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// Searches.
    ///
    /// - Parameter query: The text and filters.
    /// - Returns: At most `query.limit` places, best first.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for an empty query, a bad
    ///   `within` code or a limit out of range.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        let plan = try Plan(query, keys: store.searchKeys)
        return try store.read { db in try plan.run(db) }
    }

    /// A query ready to run: normalised text, filter SQL and the tiers to try.
    struct Plan {
        let query: SearchQuery
        let han: String?
        let latin: String?
        let foldedFrom: String?
        var filterSQL = ""
        var filterArguments: [String: (any DatabaseValueConvertible)?] = [:]

        init(_ query: SearchQuery, keys: (any SearchKeyProvider)?) throws {
            self.query = query
            let text = query.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw GazetteerError.invalidInput(source: "query", line: nil, message: "the search text is empty") }
            guard (1...1000).contains(query.limit) else {
                throw GazetteerError.invalidInput(source: "query", line: nil, message: "the limit must be between 1 and 1000")
            }
            if SearchText.hasHan(text) {
                let plain = SearchText.foldHan(text, keys: nil)
                let folded = SearchText.foldHan(text, keys: keys)
                han = folded
                latin = nil
                foldedFrom = folded != plain ? plain : nil
            } else {
                let key = SearchText.latinKey(text)
                guard !key.isEmpty else {
                    throw GazetteerError.invalidInput(source: "query", line: nil, message: "“\(text)” has neither Chinese characters nor Latin letters")
                }
                han = nil
                latin = key
                foldedFrom = nil
            }
            var conditions: [String] = []
            if let level = query.level {
                conditions.append("d.level_rank = :level")
                filterArguments["level"] = level.rank
            }
            if let within = query.within {
                let prefix = try Plan.codePrefix(within)
                if query.at != nil {
                    // On a day: the code the place had that day.
                    conditions.append("""
                        EXISTS (SELECT 1 FROM place_code pc WHERE pc.place_id = d.place_id
                          AND pc.code >= :withinLow AND pc.code < :withinHigh
                          AND (pc.valid_from IS NULL OR pc.valid_from <= :day) AND (pc.valid_to IS NULL OR pc.valid_to > :day))
                        """)
                } else {
                    conditions.append("d.code >= :withinLow AND d.code < :withinHigh")
                }
                filterArguments["withinLow"] = prefix
                filterArguments["withinHigh"] = prefix + ":"
            }
            if let day = query.at {
                conditions.append("(d.valid_from IS NULL OR d.valid_from <= :day) AND (d.valid_to IS NULL OR d.valid_to > :day)")
                filterArguments["day"] = day.description
            }
            switch query.status {
            case .current: conditions.append("d.is_current = 1")
            case .former: conditions.append("d.is_current = 0")
            case .all: break
            }
            filterSQL = conditions.map { " AND " + $0 }.joined()
        }

        /// The code prefix of a division or statistical code: `500000` → `50`, `510200` → `5102`,
        /// `500101001000` → `500101001`.
        static func codePrefix(_ code: String) throws -> String {
            guard code.allSatisfy(\.isASCIIDigit), [6, 9, 12].contains(code.count) else {
                throw GazetteerError.invalidInput(source: "--within", line: nil, message: "“\(code)” is not a 6-, 9- or 12-digit code")
            }
            var prefix = Substring(code)
            if prefix.count == 12 {
                while prefix.count > 6, prefix.hasSuffix("000") { prefix = prefix.dropLast(3) }
            }
            if prefix.count == 6 {
                while prefix.count > 2, prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
            }
            return String(prefix)
        }

        /// ``codePrefix(_:)``, or the text itself when it is not a code.
        static func codePrefixOrSelf(_ code: String) -> String { (try? codePrefix(code)) ?? code }

        func run(_ db: Database) throws -> [SearchHit] {
            var hits: [SearchHit] = []
            var seen: Set<Int64> = []
            let fetchLimit = query.limit * 3 + 8
            func take(_ tier: MatchKind, sql: String, arguments: [String: (any DatabaseValueConvertible)?],
                      reason: (Row) -> String) throws {
                guard hits.count < query.limit else { return }
                var all = filterArguments
                for (key, value) in arguments { all[key] = value }
                all["limit"] = fetchLimit
                // A cursor stops reading once the page is full; columns are read by position (see `columns`).
                let rows = try Row.fetchCursor(try db.cachedStatement(sql: sql), arguments: StatementArguments(all))
                while hits.count < query.limit, let row = try rows.next() {
                    let placeID: Int64 = row[0]
                    guard seen.insert(placeID).inserted else { continue }
                    hits.append(SearchHit(
                        placeID: placeID, placeName: row[1], placeCode: row[2], placeStatus: row[3],
                        level: PlaceLevel(rawValue: row[4]) ?? .feature, matchedName: row[5],
                        matchedType: NameType(rawValue: row[6]) ?? .alias,
                        matchedPeriod: Period(from: row[7], to: row[8]), periodInherited: row[11],
                        codeThen: row[9], isCurrent: row[10], match: tier, reason: reason(row)))
                }
            }
            // Read by position in `take`: keep the order.
            let columns = "d.place_id, d.place_name, d.place_code, d.place_status, d.level, n.text AS name_text, d.name_type, d.valid_from, d.valid_to, d.code, d.is_current, d.period_inherited"
            let join = "JOIN name n ON n.id = d.name_id"
            if let han {
                let folded = foldedFrom.map { "traditional “\($0)” read as “\(han)”; " } ?? ""
                // On a day in the past, being valid today says nothing: name type and level order the
                // rows (indexes on (text, as_of_rank) and (specific, as_of_rank) give that order).
                let (textIndex, specificIndex, order) = query.at == nil
                    ? ("", "", "d.id")
                    : ("INDEXED BY search_doc_text_as_of", "INDEXED BY search_doc_specific_as_of", "d.as_of_rank, d.id")
                // Short names match as what they are, names without their generic suffix.
                try take(.exact, sql: """
                    SELECT \(columns) FROM search_doc d \(textIndex) \(join)
                    WHERE d.text = :q AND d.name_type <> 'short' \(filterSQL) ORDER BY \(order) LIMIT :limit
                    """, arguments: ["q": han]) { row in "\(folded)exact \(Self.typeWord(row)) name" }
                try take(.withoutSuffix, sql: """
                    SELECT \(columns) FROM search_doc d \(specificIndex) \(join)
                    WHERE d.specific = :q \(filterSQL) ORDER BY \(order) LIMIT :limit
                    """, arguments: ["q": han]) { row in
                    (row["name_type"] as String) == NameType.short.rawValue
                        ? "\(folded)“\(han)” is a short name of \(row["place_name"] as String)"
                        : "\(folded)“\(han)” is \(row["name_text"] as String) without its generic suffix"
                }
                let length = han.count
                if length <= 2 {
                    try take(.prefix, sql: """
                        SELECT \(columns) FROM search_gram g JOIN search_doc d ON d.id = g.doc \(join)
                        WHERE g.gram = :q \(filterSQL) ORDER BY g.doc LIMIT :limit
                        """, arguments: ["q": "^" + han]) { _ in "\(folded)name starts with “\(han)”" }
                    try take(.substring, sql: """
                        SELECT \(columns) FROM search_gram g JOIN search_doc d ON d.id = g.doc \(join)
                        WHERE g.gram = :q \(filterSQL) ORDER BY g.doc LIMIT :limit
                        """, arguments: ["q": han]) { _ in "\(folded)name contains “\(han)”" }
                } else {
                    let phrase = "\"" + han.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    try take(.prefix, sql: """
                        SELECT \(columns) FROM search_trigram t JOIN search_doc d ON d.id = t.rowid \(join)
                        WHERE search_trigram MATCH :q \(filterSQL) ORDER BY t.rowid LIMIT :limit
                        """, arguments: ["q": "^" + phrase]) { _ in "\(folded)name starts with “\(han)”" }
                    try take(.substring, sql: """
                        SELECT \(columns) FROM search_trigram t JOIN search_doc d ON d.id = t.rowid \(join)
                        WHERE search_trigram MATCH :q \(filterSQL) ORDER BY t.rowid LIMIT :limit
                        """, arguments: ["q": phrase]) { _ in "\(folded)name contains “\(han)”" }
                }
            } else if let latin {
                // On a day in the past, name type and level order the documents of a key (sorted: a
                // key has few documents, and only queries with a day pay for it).
                // Built by interpolation, once per kind set: this runs for every request of a server.
                func latinSQL(kinds: String) -> String {
                    """
                    SELECT \(columns), l.key AS latin_key, l.kind AS latin_kind FROM search_latin l JOIN search_doc d ON d.id = l.doc \(join)
                    WHERE l.key = :q AND l.kind IN (\(kinds)) \(filterSQL) ORDER BY \(query.at == nil ? "" : "d.as_of_rank, ")l.doc LIMIT :limit
                    """
                }
                try take(.pinyin, sql: latinSQL(kinds: LatinKeyKind.spelledOut), arguments: ["q": latin]) { row in
                    (row["latin_kind"] as Int) == LatinKeyKind.latinName.rawValue ? "romanised name “\(row["name_text"] as String)”" : "pinyin “\(latin)” of \(row["name_text"] as String)"
                }
                try take(.initials, sql: latinSQL(kinds: LatinKeyKind.initialsOnly), arguments: ["q": latin]) { row in
                    "initials “\(latin)” of \(row["name_text"] as String)"
                }
                // Prefixes: a bounded scan of the key range, then the best-ranked documents of it.
                func prefixSQL(kinds: String) -> String {
                    """
                    SELECT \(columns), l.key AS latin_key, l.kind AS latin_kind FROM (
                      SELECT key, doc, kind FROM search_latin WHERE key > :q AND key < :high AND kind IN (\(kinds)) LIMIT 4000
                    ) l JOIN search_doc d ON d.id = l.doc \(join)
                    WHERE 1 \(filterSQL) ORDER BY l.doc LIMIT :limit
                    """
                }
                try take(.pinyinPrefix, sql: prefixSQL(kinds: LatinKeyKind.spelledOut),
                         arguments: ["q": latin, "high": latin + "{"]) { row in
                    "\((row["latin_kind"] as Int) == LatinKeyKind.latinName.rawValue ? "romanised name" : "pinyin") “\(row["latin_key"] as String)” of \(row["name_text"] as String) starts with “\(latin)”"
                }
                try take(.initialsPrefix, sql: prefixSQL(kinds: LatinKeyKind.initialsOnly),
                         arguments: ["q": latin, "high": latin + "{"]) { row in
                    "initials “\(row["latin_key"] as String)” of \(row["name_text"] as String) start with “\(latin)”"
                }
                // Spelling correction only when the input matched nothing as typed: a name that
                // matches exactly or by prefix is what was meant, and near misses would be noise.
                let tolerance = latin.count >= 8 ? 2 : latin.count >= 4 ? 1 : 0
                if tolerance > 0, hits.isEmpty {
                    var close: [(key: String, distance: Int)] = []
                    var checked: Set<String> = []
                    for variant in FuzzyKeys.deletions(of: latin) {
                        for key in try String.fetchAll(try db.cachedStatement(sql: "SELECT key FROM search_fuzzy WHERE variant = ? LIMIT 500"), arguments: [variant])
                        where checked.insert(key).inserted {
                            let distance = FuzzyKeys.distance(latin, key)
                            if distance > 0, distance <= tolerance { close.append((key, distance)) }
                        }
                    }
                    close.sort { ($0.distance, $0.key) < ($1.distance, $1.key) }
                    for (key, distance) in close.prefix(20) where hits.count < query.limit {
                        try take(.spelling, sql: latinSQL(kinds: LatinKeyKind.spelledOut), arguments: ["q": key]) { row in
                            "“\(latin)” is \(distance) edit\(distance == 1 ? "" : "s") from \((row["latin_kind"] as Int) == LatinKeyKind.latinName.rawValue ? "romanised name" : "pinyin") “\(key)” of \(row["name_text"] as String)"
                        }
                    }
                }
            }
            if let day = query.at {
                for index in hits.indices { try Self.describe(&hits[index], on: day, db) }
            }
            return hits
        }

        /// The place's code, name, level and parent on `day`, read by one indexed statement per place.
        static let onDaySQL = """
            WITH place_on_day AS (
              SELECT p.id, p.kind, p.level,
                     (SELECT code FROM place_code WHERE place_id = p.id AND scheme IN ('GB2260', 'STATS12', 'OTHER')
                        AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)
                      ORDER BY CASE scheme WHEN 'GB2260' THEN 0 WHEN 'STATS12' THEN 1 ELSE 2 END, id LIMIT 1) AS code,
                     (SELECT text FROM name WHERE place_id = p.id AND type = 'standard'
                        AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)
                      ORDER BY id LIMIT 1) AS name,
                     (SELECT parent_id FROM hierarchy WHERE child_id = p.id
                        AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)
                      ORDER BY id LIMIT 1) AS parent_id
              FROM place p WHERE p.id = :id
            )
            SELECT d.kind, d.level, d.code, d.name,
                   (SELECT code FROM place_code WHERE place_id = d.parent_id AND scheme IN ('GB2260', 'STATS12', 'OTHER')
                      AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)
                    ORDER BY CASE scheme WHEN 'GB2260' THEN 0 WHEN 'STATS12' THEN 1 ELSE 2 END, id LIMIT 1) AS parent_code,
                   (SELECT text FROM name WHERE place_id = d.parent_id AND type = 'standard'
                      AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)
                    ORDER BY id LIMIT 1) AS parent_name
            FROM place_on_day d
            """

        /// Fills in ``SearchHit/onDay``, ``SearchHit/now`` and ``SearchHit/codeThen`` for `day`.
        static func describe(_ hit: inout SearchHit, on day: Day, _ db: Database) throws {
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: onDaySQL),
                                             arguments: ["id": hit.placeID, "day": day.description]) else {
                throw GazetteerError.notFound("no place with id \(hit.placeID)")
            }
            let code: String? = row["code"]
            let name: String = row["name"] ?? hit.matchedName
            // A division's level on a day follows from its code then.
            let level = ((row["kind"] as String) == PlaceKind.division.rawValue ? code.flatMap(PlaceLevel.init(divisionCode:)) : nil)
                ?? PlaceLevel(rawValue: row["level"]) ?? hit.level
            let parentName: String? = row["parent_name"]
            hit.onDay = SearchHit.PlaceOnDay(day: day, code: code, name: name, level: level,
                                             parent: parentName.map { SearchHit.PlaceReference(code: row["parent_code"], name: $0) })
            hit.codeThen = code
            if hit.placeStatus == "current", hit.placeCode != code || hit.placeName != name {
                hit.now = SearchHit.PlaceReference(code: hit.placeCode, name: hit.placeName)
            }
        }

        static func typeWord(_ row: Row) -> String {
            let type: String = row["name_type"]
            let current: Bool = row["is_current"]
            return type == "standard" ? (current ? "current" : "former") : type
        }
    }
}
