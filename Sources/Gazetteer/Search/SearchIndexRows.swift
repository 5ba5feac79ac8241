import Foundation

/// The rows of the search index for a run of documents, computed in memory before anything
/// is written.
///
/// Building every row first lets ``SearchIndexer`` insert each table in key order: a B-tree
/// filled in order only ever appends to its last page, which is several times faster than
/// inserting the same rows in document order (every gram, key and deletion variant lands on
/// a random page). Texts repeat a lot (城关镇, 东城区, a short name and its full name), so
/// the folded text, its parts and its readings are worked out once per distinct text.
struct SearchIndexRows {
    /// One `search_doc` row.
    struct Document {
        var id: Int64
        var candidate: SearchIndexer.Candidate
        var text: String
        var specific: String?
    }

    /// What a name's text contributes, independent of the document it belongs to.
    private struct TextEntry: Sendable {
        var folded: String
        var han: Bool
        var specific: String?
        /// Grams of the folded text (one- and two-character substrings, and the first one and two marked `^`).
        var grams: [String]
        /// (key, kind, whether spelling correction may lead to it)
        var latinKeys: [(String, LatinKeyKind, Bool)]
    }

    private(set) var documents: [Document] = []
    private(set) var trigramTexts: [(doc: Int64, text: String)] = []
    /// Documents under each gram, in id order (documents are added in id order).
    private var grams: [String: [Int64]] = [:]
    /// Documents and kinds under each Latin key, in id order.
    private var latinKeys: [String: [(doc: Int64, kind: LatinKeyKind)]] = [:]
    /// The deletion neighbourhood: keys under each variant.
    private var fuzzy: [String: Set<String>] = [:]
    /// Readings computed by this run (not found in `search_reading`), to be stored for the next build.
    private(set) var newReadings: [(text: String, full: [String], initials: [String])] = []

    private let keys: (any SearchKeyProvider)?
    private var readings: [String: Reading]
    private var entries: [String: TextEntry] = [:]
    /// Keys whose deletion neighbourhood is already indexed (or added by this run).
    private var fuzzyKeys: Set<String>

    /// - Parameters:
    ///   - keys: The pinyin key provider, if any.
    ///   - readings: Readings kept from earlier builds, by raw name text.
    ///   - fuzzyKeys: Latin keys whose neighbourhood is already in `search_fuzzy`.
    init(keys: (any SearchKeyProvider)?, readings: [String: (full: [String], initials: [String])], fuzzyKeys: Set<String>) {
        self.keys = keys
        self.readings = readings
        self.fuzzyKeys = fuzzyKeys
    }

    /// Adds the rows of `candidates`, numbered from `firstID` in the order given.
    mutating func add(_ candidates: [SearchIndexer.Candidate], firstID: Int64) {
        prepareEntries(for: candidates)
        documents.reserveCapacity(documents.count + candidates.count)
        var id = firstID
        for candidate in candidates {
            defer { id += 1 }
            let entry = entries[candidate.text] ?? Self.makeEntry(candidate.text, keys: keys, reading: readings[candidate.text]).entry
            // A short name is the name without its generic part (长安 of 长安区).
            let specific = candidate.type == NameType.short.rawValue ? entry.folded : entry.specific
            documents.append(Document(id: id, candidate: candidate, text: entry.folded, specific: specific))
            if entry.han { trigramTexts.append((id, entry.folded)) }
            for gram in entry.grams { grams[gram, default: []].append(id) }
            for (key, kind, correctable) in entry.latinKeys {
                latinKeys[key, default: []].append((id, kind))
                if correctable, fuzzyKeys.insert(key).inserted {
                    for variant in FuzzyKeys.deletions(of: key) { fuzzy[variant, default: []].insert(key) }
                }
            }
        }
    }

    /// Works out the entries of the texts not seen yet, on every core when there are many
    /// (pinyin readings, folding and grams are most of the cost of a build).
    private mutating func prepareEntries(for candidates: [SearchIndexer.Candidate]) {
        var seen: Set<String> = []
        var texts: [String] = []
        for candidate in candidates where entries[candidate.text] == nil && seen.insert(candidate.text).inserted {
            texts.append(candidate.text)
        }
        guard !texts.isEmpty else { return }
        let keys = self.keys, known = readings
        let made: [(entry: TextEntry, computed: Reading?)]
        let workers = min(8, ProcessInfo.processInfo.activeProcessorCount)
        if texts.count < 2_000 || workers < 2 {
            made = texts.map { Self.makeEntry($0, keys: keys, reading: known[$0]) }
        } else {
            made = ParallelMap.map(texts, workers: workers) { Self.makeEntry($0, keys: keys, reading: known[$0]) }
        }
        for (raw, result) in zip(texts, made) {
            entries[raw] = result.entry
            if let computed = result.computed {
                readings[raw] = computed
                newReadings.append((raw, computed.full, computed.initials))
            }
        }
    }

    typealias Reading = (full: [String], initials: [String])

    /// The entry of one text; `computed` is its reading when it had to be worked out (not in `reading`).
    private static func makeEntry(_ raw: String, keys: (any SearchKeyProvider)?, reading cached: Reading?) -> (entry: TextEntry, computed: Reading?) {
        let han = SearchText.hasHan(raw)
        let folded = han ? SearchText.foldHan(raw, keys: keys) : raw
        var entry = TextEntry(folded: folded, han: han, specific: nil, grams: [], latinKeys: [])
        var computed: Reading?
        if han {
            let parts = NameParts(folded)
            if !parts.generic.isEmpty { entry.specific = parts.specific }
            let characters = folded.map(String.init)
            var grams: Set<String> = []
            for i in characters.indices {
                grams.insert(characters[i])
                if i + 1 < characters.count { grams.insert(characters[i] + characters[i + 1]) }
            }
            if let first = characters.first {
                grams.insert("^" + first)
                if characters.count > 1 { grams.insert("^" + first + characters[1]) }
            }
            entry.grams = Array(grams)
            if let keys {
                let reading: Reading
                if let cached { reading = cached } else {
                    reading = keys.searchKeys(for: raw)
                    computed = reading
                }
                // The first key is the name's own reading; the second, when it is the first without its
                // generic part (chongqingshi → chongqing), too. Only those are offered to spelling
                // correction, not every rare reading of a polyphone (南 nā).
                let own = reading.full.first
                entry.latinKeys += reading.full.enumerated().map { offset, key in
                    (key, .reading, offset == 0 || (offset == 1 && own.map { $0.hasPrefix(key) && $0.count > key.count } == true))
                }
                entry.latinKeys += reading.initials.map { ($0, .initials, false) }
            }
        } else {
            let key = SearchText.latinKey(raw)
            if !key.isEmpty { entry.latinKeys.append((key, .latinName, true)) }
        }
        var seen: Set<String> = []
        entry.latinKeys = entry.latinKeys.filter { !$0.0.isEmpty && seen.insert($0.0).inserted }
        return (entry, computed)
    }

    // MARK: - Key order

    /// SQLite's BINARY collation: UTF-8 bytes in order (Swift's `<` on strings compares
    /// normalised scalars, slower for Chinese text and not always the table's order).
    static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Calls `body` with every `(gram, doc)` row in key order.
    func forEachGram(_ body: (String, Int64) throws -> Void) rethrows {
        for gram in grams.keys.sorted(by: Self.byteOrder) {
            for doc in grams[gram] ?? [] { try body(gram, doc) }
        }
    }

    /// Calls `body` with every `(key, doc, kind)` row in key order.
    func forEachLatinKey(_ body: (String, Int64, LatinKeyKind) throws -> Void) rethrows {
        for key in latinKeys.keys.sorted(by: Self.byteOrder) {
            for (doc, kind) in latinKeys[key] ?? [] { try body(key, doc, kind) }
        }
    }

    /// Calls `body` with every `(variant, key)` pair of the deletion neighbourhood in key order.
    func forEachFuzzyPair(_ body: (String, String) throws -> Void) rethrows {
        for variant in fuzzy.keys.sorted(by: Self.byteOrder) {
            for key in (fuzzy[variant] ?? []).sorted(by: Self.byteOrder) { try body(variant, key) }
        }
    }
}

/// What a `search_latin` key is: its `kind` column.
enum LatinKeyKind: Int, Sendable {
    /// A pinyin reading of a Chinese name (the name's own, rarer readings of polyphones, and the
    /// reading without the generic part: chongqingshi, chongqing).
    case reading = 1
    /// The initials of a reading (cqs for 重庆市).
    case initials = 2
    /// A name written in Latin script: a romanisation or an exonym (Chungking).
    case latinName = 3

    /// The kinds a pinyin query looks up: readings and Latin names.
    static let spelledOut = "\(reading.rawValue), \(latinName.rawValue)"
    /// The kind an initials query looks up (a constant: search builds its SQL on every request).
    static let initialsOnly = "\(initials.rawValue)"
}
