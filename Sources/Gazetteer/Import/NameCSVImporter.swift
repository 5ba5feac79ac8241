import Foundation
import GeoFormats
import GRDB

/// Which CSV column holds which field, for ``NameCSVImporter``.
///
/// Fields, and what they mean:
///
/// | field          | meaning                                                                 | default column |
/// |----------------|-------------------------------------------------------------------------|----------------|
/// | `name`         | the name (required)                                                      | `name`         |
/// | `code`         | code of the place the name belongs to (6, 9 or 12 digits, or any id)    | `code`         |
/// | `type`         | standard, short, alias, former, romanized or variant (default: `standard` on rows with a level, else `alias`) | `type` |
/// | `language`     | BCP 47 language (default `zh` for Chinese script, else `und`)            | `language`     |
/// | `script`       | ISO 15924 script (default: judged from the letters)                      | `script`       |
/// | `from`, `to`   | the name's period, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`                     | `from`, `to`   |
/// | `parent`       | code of the parent, for a place that does not exist yet                  | `parent`       |
/// | `level`        | level of a new place: township, village or feature                       | `level`        |
/// | `category`     | GB/T 18521 category code of a new place                                  | `category`     |
/// | `romanization` | display romanisation of the name                                         | `romanization` |
/// | `note`         | free text kept with the name                                             | `note`         |
///
/// A row whose `code` names an existing place adds the name to that place. A row whose code
/// is unknown creates the place when it has a `level` (and a `parent`, unless it is a
/// free-standing feature); otherwise the import stops with an error and writes nothing.
///
/// ```swift
/// let mapping = try CSVColumnMapping(parsing: "name=地名,code=代码,type=类型,from=启用")
/// ```
public struct CSVColumnMapping: Sendable, Equatable {
    /// The fields a mapping can name.
    public static let fields = ["name", "code", "type", "language", "script", "from", "to", "parent", "level", "category", "romanization", "note"]

    /// Field → column header.
    public var columns: [String: String]

    /// The identity mapping: each field read from the column of the same name.
    public init() {
        columns = Dictionary(uniqueKeysWithValues: Self.fields.map { ($0, $0) })
    }

    /// Parses `field=column,field=column…`; fields not named keep their default column.
    ///
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for an unknown field or a malformed pair.
    public init(parsing text: String) throws {
        self.init()
        for pair in text.split(separator: ",") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw GazetteerError.invalidInput(source: "--map", line: nil, message: "expected field=column, got “\(pair)”")
            }
            guard Self.fields.contains(parts[0]) else {
                throw GazetteerError.invalidInput(source: "--map", line: nil, message: "unknown field “\(parts[0])”; fields are \(Self.fields.joined(separator: ", "))")
            }
            columns[parts[0]] = parts[1]
        }
    }
}

/// Imports names (and, where needed, new places) from any CSV through a ``CSVColumnMapping``.
///
/// The whole file is checked first — columns, codes, dates, name types, levels — and then
/// written in one transaction; any problem names its line and nothing is written. Rows already
/// present (same place, text and type) are skipped, so importing a file twice changes nothing.
///
/// ```swift
/// let report = try NameCSVImporter(file: URL(fileURLWithPath: "villages.csv"), mapping: CSVColumnMapping())
///     .run(into: store, actor: "li.ming")
/// ```
public struct NameCSVImporter: Sendable {
    public let file: URL
    public let mapping: CSVColumnMapping

    public init(file: URL, mapping: CSVColumnMapping) {
        self.file = file
        self.mapping = mapping
    }

    struct Item {
        var line: Int
        var name: String
        var code: String?
        /// `nil` when the row gives no type: `standard` when the row has a level (it defines a place), `alias` otherwise.
        var type: NameType?
        var language: String?
        var script: String?
        var from: Day?
        var to: Day?
        var parent: String?
        var level: PlaceLevel?
        var category: String?
        var romanization: String?
        var note: String?
    }

    func parse() throws -> [Item] {
        let source = file.lastPathComponent
        let text = try readText(file)
        let rows: [CSVRow]
        do { rows = try CSVReader.rows(in: text) } catch {
            throw GazetteerError.invalidInput(source: source, line: error.line, message: error.message)
        }
        guard let header = rows.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            throw GazetteerError.invalidInput(source: source, line: nil, message: "the file is empty")
        }
        var index: [String: Int] = [:]
        for (field, column) in mapping.columns {
            if let position = header.firstIndex(of: column) { index[field] = position }
        }
        guard index["name"] != nil else {
            throw GazetteerError.invalidInput(source: source, line: 1, message: "no column “\(mapping.columns["name"] ?? "name")” for the names; map it with name=COLUMN")
        }
        guard index["code"] != nil || index["level"] != nil else {
            throw GazetteerError.invalidInput(source: source, line: 1, message: "need a code column (the place each name belongs to) or a level column (new places)")
        }
        return try rows.dropFirst().map { row in
            func field(_ name: String) -> String? {
                guard let position = index[name], position < row.fields.count else { return nil }
                let value = row.fields[position].trimmedOfSpaces
                return value.isEmpty ? nil : value
            }
            func fail(_ message: String) -> GazetteerError { .invalidInput(source: source, line: row.line, message: message) }
            guard row.fields.count == header.count else { throw fail("\(row.fields.count) fields where the header has \(header.count)") }
            guard let name = field("name") else { throw fail("the name is empty") }
            var item = Item(line: row.line, name: name, code: field("code"), type: nil, language: field("language"), script: field("script"),
                            parent: field("parent"), category: field("category"), romanization: field("romanization"), note: field("note"))
            if let type = field("type") {
                guard let parsed = NameType(rawValue: type) else {
                    throw fail("name type “\(type)” is not one of \(NameType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                item.type = parsed
            }
            do {
                item.from = try field("from").map { try Day(parsing: $0) }
                item.to = try field("to").map { try Day(parsing: $0) }
            } catch let error as GazetteerError {
                throw fail(error.description)
            }
            if let from = item.from, let to = item.to, to <= from { throw fail("the name ends (\(to)) before it starts (\(from))") }
            if let level = field("level") {
                guard let parsed = PlaceLevel(rawValue: level), [.township, .village, .feature].contains(parsed) else {
                    throw fail("a new place's level must be township, village or feature, not “\(level)”")
                }
                item.level = parsed
            }
            return item
        }
    }

    /// Checks the file and imports it in one transaction.
    ///
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` naming the first bad line:
    ///   malformed CSV, an unknown code without the fields to create the place, a bad date,
    ///   name type or level. Nothing is written then.
    /// - Parameter indexing: Whether to index the names now or leave it to one rebuild after several imports.
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil,
                    indexing: SearchIndexing = .immediate) throws -> ImportReport {
        let started = Date()
        let items = try parse()
        let source = file.lastPathComponent
        return try store.write { db in
            var writer = try NameWriter(db: db, sourceKey: "csv:\(source)", title: "CSV import \(source)", licence: "as supplied",
                                        citation: file.path, keys: store.searchKeys)
            var created = 0, added = 0
            let today = Day.today
            var codes = try PlaceCodeIndex(db)
            for (position, item) in items.enumerated() {
                if position % 1000 == 0 { progress?(ImportProgress(stage: "rows", done: position, total: items.count)) }
                func fail(_ message: String) -> GazetteerError { .invalidInput(source: source, line: item.line, message: message) }
                var placeID = item.code.flatMap { code in codes.place(code: code, on: item.from ?? today) }
                // A row with a level defines a place: its name is the standard name by default.
                let defaultType: NameType = item.level == nil ? .alias : .standard
                if placeID == nil {
                    guard let level = item.level else {
                        throw fail(item.code.map { "no place has code \($0); give level (and parent) to create it" } ?? "no code and no level")
                    }
                    var parentID: Int64?
                    if let parent = item.parent {
                        guard let id = codes.place(code: parent, on: today) else { throw fail("no place has the parent code \(parent)") }
                        parentID = id
                    } else if level != .feature {
                        throw fail("a new \(level.rawValue) needs a parent code")
                    }
                    let code = item.code ?? "csv:\(source):\(item.line)"
                    let scheme = code.count == 12 && code.allSatisfy(\.isASCIIDigit) ? "STATS12" : "OTHER"
                    let kind: PlaceKind = level == .township ? .township : level == .village ? .village : .feature
                    let (id, isNew) = try writer.place(code: code, scheme: scheme, kind: kind, level: level, parentID: parentID,
                                                       category: item.category)
                    if isNew { created += 1; codes.add(code: code, placeID: id) }
                    placeID = id
                }
                guard let placeID else { continue }
                if try writer.addName(placeID: placeID, text: item.name, type: item.type ?? defaultType,
                                      language: item.language, script: item.script, romanization: item.romanization, note: item.note,
                                      from: item.from, to: item.to) {
                    added += 1
                }
            }
            guard writer.changed else {
                return (ImportReport(source: "csv:\(source)", changed: false, counts: [], seconds: Date().timeIntervalSince(started),
                                     note: "every row was already stored"), nil)
            }
            if indexing == .immediate { progress?(ImportProgress(stage: "indexing names", done: 0, total: nil)) }
            try SearchIndexer.update(db, keys: store.searchKeys, added: writer.addedNameIDs, indexing: indexing)
            let report = ImportReport(source: "csv:\(source)", changed: true, counts: [
                .init(kind: "places created", value: created), .init(kind: "names", value: added),
            ], seconds: Date().timeIntervalSince(started), note: nil)
            return (report, AuditRecord(actor: actor, action: "import.csv", target: "source csv:\(source)",
                                        after: ["file": file.path, "summary": report.description]))
        }
    }

    /// The place with the code, preferring the one that had it on `day` (or today).
    static func place(_ db: Database, code: String, at day: Day?, today: Day = Day.today) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT place_id FROM place_code WHERE code = :code
            ORDER BY ((valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)) DESC, valid_to IS NULL DESC, valid_to DESC
            LIMIT 1
            """), arguments: ["code": code, "day": (day ?? today).description])
    }
}

extension String {
    /// Without leading and trailing white space other than line breaks (as `trimmingCharacters(in: .whitespaces)`:
    /// spaces of every width, including 　 U+3000, and tabs), and cheaper than it on every field of a large file.
    var trimmedOfSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
}
