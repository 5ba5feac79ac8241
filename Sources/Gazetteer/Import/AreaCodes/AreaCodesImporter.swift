import Foundation
import GRDB

/// Imports the areacodes history (CC0, yescallop/areacodes): the 44 yearly tables of
/// county-level and higher divisions, the annotated yearly diffs, and `result.csv`.
///
/// The diffs are parsed by their grammar (`diff-spec.md`) and resolved against the tables
/// into typed change events with their approving documents; `result.csv` is used as an
/// independent check of that resolution. The import is one transaction: it either lands
/// completely or leaves the database as it was. Importing the same files again changes
/// nothing; importing different areacodes files into a database that already holds a
/// history is refused (build a new database instead).
///
/// ```swift
/// let store = try GazetteerStore(path: "gazetteer.sqlite")
/// let report = try AreaCodesImporter(directory: URL(fileURLWithPath: "GeoData/areacodes"))
///     .run(into: store, actor: "li.ming")
/// print(report.count("events"))
/// ```
public struct AreaCodesImporter: Sendable {
    /// The areacodes folder, holding `data/`, `diff/` and `result.csv`.
    public let directory: URL
    /// The source key recorded in the database.
    public static let sourceKey = "areacodes"

    /// Creates an importer for an areacodes folder.
    ///
    /// - Parameter directory: The folder with `data/YEAR.txt`, `diff/A-B.diff` and `result.csv`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Parses, resolves and checks the whole history without touching a database.
    ///
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` naming the file and line of
    ///   the first problem: a malformed line, a selector that does not pick exactly one record,
    ///   a table change without a diff line, or a disagreement with `result.csv`.
    func load(progress: ImportProgressHandler? = nil) throws -> (DivisionHistory, String) {
        var hash = ContentHash()
        let dataDirectory = directory.appendingPathComponent("data")
        let files: [String]
        do { files = try FileManager.default.contentsOfDirectory(atPath: dataDirectory.path) } catch {
            throw GazetteerError.invalidInput(source: dataDirectory.path, line: nil, message: "cannot list the yearly tables: \(error.localizedDescription)")
        }
        let years = files.compactMap { name -> Int? in
            guard name.hasSuffix(".txt"), name.count == 8 else { return nil }
            return Int(name.prefix(4))
        }.sorted()
        guard let firstYear = years.first, let lastYear = years.last, years.count >= 2 else {
            throw GazetteerError.invalidInput(source: dataDirectory.path, line: nil, message: "expected yearly tables YEAR.txt")
        }
        guard years == Array(firstYear...lastYear) else {
            let missing = Set(firstYear...lastYear).subtracting(years).sorted()
            throw GazetteerError.invalidInput(source: dataDirectory.path, line: nil, message: "missing yearly tables: \(missing)")
        }
        var tables: [YearTable] = []
        for year in years {
            progress?(ImportProgress(stage: "reading tables", done: tables.count, total: years.count))
            let url = dataDirectory.appendingPathComponent("\(year).txt")
            let text = try readText(url)
            hash.add("data/\(year).txt\n")
            hash.add(text)
            tables.append(try YearTable(year: year, text: text, source: "data/\(year).txt"))
        }
        var diffs: [DiffFile] = []
        for year in years.dropLast() {
            progress?(ImportProgress(stage: "parsing diffs", done: diffs.count, total: years.count - 1))
            let name = "\(year)-\(year + 1).diff"
            let text = try readText(directory.appendingPathComponent("diff").appendingPathComponent(name))
            hash.add("diff/\(name)\n")
            hash.add(text)
            diffs.append(try DiffFile(fromYear: year, toYear: year + 1, text: text, source: "diff/\(name)"))
        }
        progress?(ImportProgress(stage: "resolving changes", done: 0, total: nil))
        let history = try DivisionHistory(tables: tables, diffs: diffs)
        let resultURL = directory.appendingPathComponent("result.csv")
        let resultText = try readText(resultURL)
        hash.add("result.csv\n")
        hash.add(resultText)
        let result = try ResultTable(text: resultText, source: "result.csv")
        let byYear = Dictionary(uniqueKeysWithValues: tables.map { ($0.year, $0) })
        try result.check(tables: byYear, lineTargets: history.lineTargets, lastYear: lastYear)
        return (history, hash.hex)
    }

    /// Imports the history into `store` in one transaction.
    ///
    /// - Parameters:
    ///   - store: The gazetteer database.
    ///   - actor: Who imports, for the audit log.
    ///   - progress: Called with progress for a terminal progress line.
    ///   - indexing: Whether to index the names now or leave it to one rebuild after several imports.
    /// - Returns: What was written; `changed` is `false` when the same files were imported before.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for bad files (nothing is
    ///   written), ``GazetteerError/conflict(_:)`` when a different areacodes history is already stored.
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil,
                    indexing: SearchIndexing = .immediate) throws -> ImportReport {
        let started = Date()
        let (history, hash) = try load(progress: progress)
        // errata.md is documentation of corrections; its name corrections become variant names (optional file).
        let errataURL = directory.appendingPathComponent("errata.md")
        let errata = FileManager.default.fileExists(atPath: errataURL.path) ? Errata(text: try readText(errataURL)) : nil
        return try store.write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT content_hash FROM source WHERE key = ?", arguments: [Self.sourceKey]) {
                guard existing == hash else {
                    throw GazetteerError.conflict("this database already holds an areacodes history from other files (hash \(existing)); build a new database to import \(hash)")
                }
                // The errata names came later than some histories: add them if missing.
                let errata = try errata?.write(db, keys: store.searchKeys)
                if let errata, !errata.added.isEmpty {
                    try SearchIndexer.update(db, keys: store.searchKeys, added: errata.added, indexing: indexing)
                    let report = ImportReport(source: Self.sourceKey, changed: true, counts: [.init(kind: "errata names", value: errata.added.count)],
                                              seconds: Date().timeIntervalSince(started), note: "the history was imported before; errata names added")
                    return (report, AuditRecord(actor: actor, action: "import.areacodes-errata", target: "source areacodes-errata",
                                                after: ["summary": report.description]))
                }
                let report = ImportReport(source: Self.sourceKey, changed: false, counts: [], seconds: Date().timeIntervalSince(started),
                                          note: "the same areacodes files were imported before")
                return (report, nil)
            }
            var writer = HistoryWriter(db: db, keys: store.searchKeys, progress: progress)
            var counts = try writer.write(history, contentHash: hash)
            if let errata = try errata?.write(db, keys: store.searchKeys) {
                counts.append(.init(kind: "errata names", value: errata.added.count))
                if errata.unmatched > 0 { counts.append(.init(kind: "errata without a matching division", value: errata.unmatched)) }
            }
            if indexing == .immediate { progress?(ImportProgress(stage: "indexing names", done: 0, total: nil)) }
            try SearchIndexer.rebuild(db, keys: store.searchKeys, indexing: indexing)
            let report = ImportReport(source: Self.sourceKey, changed: true, counts: counts, seconds: Date().timeIntervalSince(started), note: nil)
            let audit = AuditRecord(actor: actor, action: "import.areacodes", target: "source areacodes",
                                    before: nil, after: ["contentHash": hash, "summary": report.description])
            return (report, audit)
        }
    }
}

/// Writes a ``DivisionHistory`` into the tables, with explicit ids after those in use.
private struct HistoryWriter {
    let db: Database
    let keys: (any SearchKeyProvider)?
    let progress: ImportProgressHandler?

    mutating func write(_ history: DivisionHistory, contentHash: String) throws -> [ImportReport.Count] {
        let now = AuditRecord.timestamp()
        // Places refer to parents listed after them; check references at commit.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        try db.execute(sql: """
            INSERT INTO source (key, title, licence, citation, content_hash, imported_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [AreaCodesImporter.sourceKey, "历史行政区划代码 (historical administrative division codes, \(history.firstYear)–\(history.lastYear))",
                             "CC0-1.0", "https://github.com/yescallop/areacodes (data/, diff/, result.csv)", contentHash, now,
                             "change events resolved from the diff files by diff-spec.md; result.csv used as a check"])
        let sourceID = db.lastInsertedRowID
        let placeBase = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM place") ?? 0) + 1
        let documentBase = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM document") ?? 0) + 1
        let eventBase = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM change_event") ?? 0) + 1
        func placeID(_ place: Int) -> Int64 { placeBase + Int64(place) }

        let insertPlace = try db.makeStatement(sql: """
            INSERT INTO place (id, kind, level, category, status, valid_from, valid_to, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertCode = try db.makeStatement(sql: """
            INSERT INTO place_code (place_id, scheme, code, valid_from, valid_to, source_id) VALUES (?, 'GB2260', ?, ?, ?, ?)
            """)
        let insertName = try db.makeStatement(sql: """
            INSERT INTO name (place_id, text, type, language, script, specific, generic, romanization, valid_from, valid_to, source_id)
            VALUES (?, ?, 'standard', 'zh', 'Hans', ?, ?, ?, ?, ?, ?)
            """)
        let insertParent = try db.makeStatement(sql: """
            INSERT INTO hierarchy (child_id, parent_id, valid_from, valid_to, source_id) VALUES (?, ?, ?, ?, ?)
            """)
        let insertListing = try db.makeStatement(sql: """
            INSERT INTO listing_order (place_id, sort_key, valid_from, valid_to) VALUES (?, ?, ?, ?)
            """)
        var counts = (codes: 0, names: 0, parents: 0)
        for (index, place) in history.places.enumerated() {
            if index % 1000 == 0 { progress?(ImportProgress(stage: "writing places", done: index, total: history.places.count)) }
            guard let last = place.states.last else { continue }
            let isRoot = place.id == DivisionHistory.rootPlace
            let level = YearTable.level(of: last.code)
            try insertPlace.execute(arguments: [
                placeID(place.id), isRoot ? PlaceKind.country.rawValue : PlaceKind.division.rawValue, level.rawValue,
                level.categoryCode, place.end == nil ? "current" : "ceased",
                place.start?.description, place.end?.description, sourceID,
            ])
            // Periods of equal values: the start of a run is the change date of its first year.
            func runs<Value: Equatable>(_ value: (DivisionHistory.State) -> Value) -> [(Value, Day?, Day?)] {
                var result: [(Value, Day?, Day?)] = []
                for (offset, state) in place.states.enumerated() {
                    let year = place.firstYear + offset
                    let v = value(state)
                    if let lastRun = result.last, lastRun.0 == v { continue }
                    let start: Day? = offset == 0 ? place.start : (place.changeDates[year] ?? Day(unchecked: year, 1, 1))
                    if !result.isEmpty { result[result.count - 1].2 = start }
                    result.append((v, start, nil))
                }
                if !result.isEmpty { result[result.count - 1].2 = place.end }
                return result
            }
            for (code, from, to) in runs({ $0.code }) {
                try insertCode.execute(arguments: [placeID(place.id), YearTable.format(code), from?.description, to?.description, sourceID])
                counts.codes += 1
            }
            for (name, from, to) in runs({ $0.name }) {
                let parts = NameParts(name)
                try insertName.execute(arguments: [placeID(place.id), name, parts.specific, parts.generic.isEmpty ? nil : parts.generic,
                                                   nil, from?.description, to?.description, sourceID])
                counts.names += 1
            }
            guard !isRoot else { continue }
            for (parent, from, to) in runs({ $0.parent }) {
                try insertParent.execute(arguments: [placeID(place.id), placeID(parent), from?.description, to?.description, sourceID])
                counts.parents += 1
            }
            for (key, from, to) in runs({ $0.sortKey }) {
                guard let key else { continue }
                try insertListing.execute(arguments: [placeID(place.id), key, from?.description, to?.description])
            }
        }

        progress?(ImportProgress(stage: "writing events", done: 0, total: history.events.count))
        let insertDocument = try db.makeStatement(sql: """
            INSERT INTO document (id, title, number, date, citation, body, source_id) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (index, document) in history.documents.enumerated() {
            try insertDocument.execute(arguments: [documentBase + Int64(index), document.title, document.number,
                                                   document.date?.description, document.citation, document.body, sourceID])
        }
        let insertEvent = try db.makeStatement(sql: """
            INSERT INTO change_event (id, type, effective_date, date_precision, detail, source_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let insertParticipant = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO change_participant (event_id, place_id, role, code, name) VALUES (?, ?, ?, ?, ?)
            """)
        let insertEventDocument = try db.makeStatement(sql: """
            INSERT INTO event_document (event_id, document_id, position) VALUES (?, ?, ?)
            """)
        var participants = 0
        for (index, event) in history.events.enumerated() {
            let id = eventBase + Int64(index)
            try insertEvent.execute(arguments: [id, event.type.rawValue, event.date.description, event.dayPrecision ? "day" : "year",
                                                event.detail, sourceID, now])
            for participant in event.participants {
                try insertParticipant.execute(arguments: [id, placeID(participant.place), participant.role.rawValue,
                                                          YearTable.format(participant.code), participant.name])
                participants += 1
            }
            for (position, document) in event.documents.enumerated() {
                try insertEventDocument.execute(arguments: [id, documentBase + Int64(document), position])
            }
        }
        return [
            .init(kind: "places", value: history.places.count),
            .init(kind: "codes", value: counts.codes),
            .init(kind: "names", value: counts.names),
            .init(kind: "parents", value: counts.parents),
            .init(kind: "events", value: history.events.count),
            .init(kind: "participants", value: participants),
            .init(kind: "documents", value: history.documents.count),
        ]
    }
}
