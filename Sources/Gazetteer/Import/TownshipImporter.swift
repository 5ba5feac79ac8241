import Foundation
import GRDB

/// Imports township names from areacity (MIT, xiangyuecn/AreaCity-JsSpider-StatsGov):
/// towns, townships and sub-districts with their short names, pinyin and 12-digit statistical
/// codes, attached under their counties.
///
/// The CSV has `id,pid,deep,name,pinyin_prefix,pinyin,ext_id,ext_name`: `deep` 0–2 are
/// provinces, prefectures and counties (their short names are added to the matching
/// divisions), `deep` 3 are townships (new places under the county whose current code is
/// `pid`). The file is a snapshot without dates: the township facts start at an unknown day
/// and are open-ended.
///
/// Re-importing is idempotent: a township already stored under its 12-digit code is reused
/// and only missing names are added; a second import of the same file writes nothing.
///
/// ```swift
/// let report = try TownshipImporter(file: URL(fileURLWithPath: "GeoData/areacity/ok_data_level4.csv"))
///     .run(into: store, actor: "li.ming")
/// ```
public struct TownshipImporter: Sendable {
    public let file: URL
    public static let sourceKey = "areacity"

    public init(file: URL) {
        self.file = file
    }

    struct Row {
        var deep: Int
        var parentCode: String
        var shortName: String
        var pinyin: String
        var code12: String
        var fullName: String
        var line: Int
    }

    func parse() throws -> [Row] {
        let text = try readText(file)
        let source = file.lastPathComponent
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.strictRows(in: text) } catch {
            throw GazetteerError.invalidInput(source: source, line: error.problem.line, message: error.problem.message)
        }
        guard let header = rows.first?.fields, header.count >= 8, header[0] == "id", header[6] == "ext_id", header[7] == "ext_name" else {
            throw GazetteerError.invalidInput(source: source, line: 1, message: "expected the areacity header id,pid,deep,name,pinyin_prefix,pinyin,ext_id,ext_name")
        }
        return try rows.dropFirst().compactMap { row in
            let f = row.fields
            guard f.count >= 8, let deep = Int(f[2]), (0...4).contains(deep) else {
                throw GazetteerError.invalidInput(source: source, line: row.number, message: "expected 8 fields with a depth 0–4")
            }
            // The file ends with “国外” (abroad) placeholder rows coded 0: not places.
            if f[6] == "0" { return nil }
            guard f[6].count == 12, f[6].allSatisfy(\.isASCIIDigit), !f[7].isEmpty else {
                throw GazetteerError.invalidInput(source: source, line: row.number, message: "ext_id must be a 12-digit code and ext_name a name")
            }
            return Row(deep: deep, parentCode: f[1], shortName: f[3], pinyin: f[5], code12: f[6], fullName: f[7], line: row.number)
        }
    }

    /// Imports the file in one transaction.
    ///
    /// - Parameters:
    ///   - store: The gazetteer; it must hold the division history (areacodes) already.
    ///   - actor: Who imports, for the audit log.
    ///   - progress: Progress for a terminal.
    ///   - indexing: Whether to index the names now or leave it to one rebuild after several imports.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for a malformed file (nothing
    ///   is written), ``GazetteerError/conflict(_:)`` when there are no divisions to attach to.
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil,
                    indexing: SearchIndexing = .immediate) throws -> ImportReport {
        let started = Date()
        let rows = try parse()
        return try store.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM place WHERE kind = 'division'") ?? 0 > 0 else {
                throw GazetteerError.conflict("import the division history (areacodes) before township names")
            }
            var writer = try NameWriter(db: db, sourceKey: Self.sourceKey, title: "AreaCity township names (statistics bureau codes, 2023 snapshot)",
                                        licence: "MIT", citation: "https://github.com/xiangyuecn/AreaCity-JsSpider-StatsGov (src/采集到的数据/\(file.lastPathComponent))",
                                        keys: store.searchKeys)
            // Current divisions by code, with their current standard name.
            var divisions: [String: (id: Int64, name: String)] = [:]
            for row in try DatabaseRow.fetchAll(db, sql: """
                SELECT pc.code, pc.place_id, n.text FROM place_code pc
                JOIN name n ON n.place_id = pc.place_id AND n.type = 'standard' AND n.valid_to IS NULL
                WHERE pc.scheme = 'GB2260' AND pc.valid_to IS NULL
                """) {
                divisions[row[0]] = (row[1], row[2])
            }
            var counts = (townships: 0, shortNames: 0, unmatched: 0)
            for (index, row) in rows.enumerated() {
                if index % 2000 == 0 { progress?(ImportProgress(stage: "townships", done: index, total: rows.count)) }
                if row.deep < 3 {
                    guard let division = divisions[String(row.code12.prefix(6))], division.name == row.fullName else {
                        counts.unmatched += 1
                        continue
                    }
                    if row.shortName != row.fullName,
                       try writer.addName(placeID: division.id, text: row.shortName, type: .short, romanization: row.pinyin) {
                        counts.shortNames += 1
                    }
                    continue
                }
                guard let county = divisions[String(row.parentCode.prefix(6))] ?? divisions[String(row.code12.prefix(6))] else {
                    counts.unmatched += 1
                    continue
                }
                let (placeID, created) = try writer.place(code: row.code12, scheme: "STATS12", kind: .township, level: .township, parentID: county.id)
                if created { counts.townships += 1 }
                _ = try writer.addName(placeID: placeID, text: row.fullName, type: .standard, romanization: nil)
                if row.shortName != row.fullName {
                    _ = try writer.addName(placeID: placeID, text: row.shortName, type: .short, romanization: row.pinyin)
                }
            }
            guard writer.changed else {
                return (ImportReport(source: Self.sourceKey, changed: false, counts: [], seconds: Date().timeIntervalSince(started),
                                     note: "every township and name was already stored"), nil)
            }
            if indexing == .immediate { progress?(ImportProgress(stage: "indexing names", done: 0, total: nil)) }
            try SearchIndexer.update(db, keys: store.searchKeys, added: writer.addedNameIDs, indexing: indexing)
            let report = ImportReport(source: Self.sourceKey, changed: true, counts: [
                .init(kind: "townships", value: counts.townships), .init(kind: "names", value: writer.namesAdded),
                .init(kind: "short names of divisions", value: counts.shortNames), .init(kind: "rows not matched", value: counts.unmatched),
            ], seconds: Date().timeIntervalSince(started), note: nil)
            return (report, AuditRecord(actor: actor, action: "import.areacity", target: "source areacity", after: ["summary": report.description]))
        }
    }
}

typealias DatabaseRow = GRDB.Row

/// Writes places and names idempotently: a place is found by its code, a name is added only
/// when the place does not have it already (same text and type).
struct NameWriter {
    let db: Database
    let sourceID: Int64
    let keys: (any SearchKeyProvider)?
    private(set) var changed = false
    private(set) var namesAdded = 0
    /// Ids of the names added, for the search index.
    private(set) var addedNameIDs: [Int64] = []
    private var existingNames: Set<String> = []
    private var placeByCode: [String: Int64] = [:]
    private let insertName: RowInserter
    private var nextPlaceID: Int64

    init(db: Database, sourceKey: String, title: String, licence: String, citation: String, keys: (any SearchKeyProvider)?) throws {
        self.db = db
        self.keys = keys
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [sourceKey]) {
            sourceID = id
        } else {
            try db.execute(sql: "INSERT INTO source (key, title, licence, citation, imported_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [sourceKey, title, licence, citation, AuditRecord.timestamp()])
            sourceID = db.lastInsertedRowID
            changed = true
        }
        for row in try DatabaseRow.fetchAll(db, sql: "SELECT place_id, text, type FROM name") {
            existingNames.insert(NameWriter.key(row[0], row[1], row[2]))
        }
        for row in try DatabaseRow.fetchAll(db, sql: "SELECT code, place_id FROM place_code WHERE scheme IN ('STATS12', 'OTHER')") {
            placeByCode[row[0]] = row[1]
        }
        insertName = try RowInserter(db, sql: """
            INSERT INTO name (place_id, text, type, language, script, specific, generic, romanization, source_id, note, valid_from, valid_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        nextPlaceID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM place") ?? 0) + 1
    }

    static func key(_ placeID: Int64, _ text: String, _ type: String) -> String { "\(placeID)\u{1F}\(type)\u{1F}\(text)" }

    /// The place with this code, created (with its code and parent) when missing.
    mutating func place(code: String, scheme: String, kind: PlaceKind, level: PlaceLevel, parentID: Int64?,
                        category: String? = nil) throws -> (Int64, Bool) {
        if let id = placeByCode[code] { return (id, false) }
        let id = nextPlaceID
        nextPlaceID += 1
        try db.cachedStatement(sql: "INSERT INTO place (id, kind, level, category, status, source_id) VALUES (?, ?, ?, ?, 'current', ?)")
            .execute(arguments: [id, kind.rawValue, level.rawValue, category ?? level.categoryCode, sourceID])
        try db.cachedStatement(sql: "INSERT INTO place_code (place_id, scheme, code, source_id) VALUES (?, ?, ?, ?)")
            .execute(arguments: [id, scheme, code, sourceID])
        if let parentID {
            try db.cachedStatement(sql: "INSERT INTO hierarchy (child_id, parent_id, source_id) VALUES (?, ?, ?)")
                .execute(arguments: [id, parentID, sourceID])
        }
        placeByCode[code] = id
        changed = true
        return (id, true)
    }

    /// Adds a code unless the place has it.
    mutating func addCode(placeID: Int64, scheme: String, code: String) throws {
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place_code WHERE place_id = ? AND scheme = ? AND code = ?)",
                                       arguments: [placeID, scheme, code]) ?? false
        guard !exists else { return }
        try db.cachedStatement(sql: "INSERT INTO place_code (place_id, scheme, code, source_id) VALUES (?, ?, ?, ?)")
            .execute(arguments: [placeID, scheme, code, sourceID])
        changed = true
    }

    /// Adds a name unless the place has it; returns whether it was added.
    @discardableResult
    mutating func addName(placeID: Int64, text: String, type: NameType, language: String? = nil, script: String? = nil,
                          romanization: String?, note: String? = nil, from: Day? = nil, to: Day? = nil) throws -> Bool {
        guard existingNames.insert(NameWriter.key(placeID, text, type.rawValue)).inserted else { return false }
        let han = SearchText.hasHan(text)
        let parts = han ? NameParts(text) : nil
        let roman = romanization
        var detected = script ?? NameWriter.script(of: text)
        if detected == "Hans", let keys, keys.simplified(text) != text { detected = "Hant" }
        insertName.bind(1, placeID); insertName.bind(2, text); insertName.bind(3, type.rawValue)
        insertName.bind(4, language ?? (han ? "zh" : "und")); insertName.bind(5, detected); insertName.bind(6, parts?.specific)
        insertName.bind(7, parts.flatMap { $0.generic.isEmpty ? nil : $0.generic }); insertName.bind(8, roman)
        insertName.bind(9, sourceID); insertName.bind(10, note); insertName.bind(11, from?.description); insertName.bind(12, to?.description)
        try insertName.step()
        changed = true
        namesAdded += 1
        addedNameIDs.append(db.lastInsertedRowID)
        return true
    }

    /// The ISO 15924 script of a name, judged by its letters.
    static func script(of text: String) -> String {
        var counts: [String: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || SearchText.isHan(scalar) {
            let script: String
            switch scalar.value {
            case 0x0041...0x024F, 0x1E00...0x1EFF: script = "Latn"
            case 0x0370...0x03FF: script = "Grek"
            case 0x0400...0x04FF: script = "Cyrl"
            case 0x0530...0x058F: script = "Armn"
            case 0x0590...0x05FF: script = "Hebr"
            case 0x0600...0x06FF, 0x0750...0x077F: script = "Arab"
            case 0x0E00...0x0E7F: script = "Thai"
            case 0x0F00...0x0FFF: script = "Tibt"
            case 0x10A0...0x10FF: script = "Geor"
            case 0x1800...0x18AF: script = "Mong"
            case 0x3040...0x30FF: script = "Jpan"
            case 0xAC00...0xD7AF, 0x1100...0x11FF: script = "Hang"
            default: script = SearchText.isHan(scalar) ? "Hani" : "Zyyy"
            }
            counts[script, default: 0] += 1
        }
        if counts["Jpan"] != nil { return "Jpan" }
        return counts.max { $0.value < $1.value }?.key.replacingOccurrences(of: "Hani", with: "Hans") ?? "Zyyy"
    }
}
