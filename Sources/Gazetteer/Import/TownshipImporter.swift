import Foundation
import GeoFormats
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
        let rows: [CSVRow]
        do { rows = try CSVReader.rows(in: text) } catch {
            throw GazetteerError.invalidInput(source: source, line: error.line, message: error.message)
        }
        guard let header = rows.first?.fields, header.count >= 8, header[0] == "id", header[6] == "ext_id", header[7] == "ext_name" else {
            throw GazetteerError.invalidInput(source: source, line: 1, message: "expected the areacity header id,pid,deep,name,pinyin_prefix,pinyin,ext_id,ext_name")
        }
        return try rows.dropFirst().compactMap { row in
            let f = row.fields
            guard f.count >= 8, let deep = Int(f[2]), (0...4).contains(deep) else {
                throw GazetteerError.invalidInput(source: source, line: row.line, message: "expected 8 fields with a depth 0–4")
            }
            // The file ends with “国外” (abroad) placeholder rows coded 0: not places.
            if f[6] == "0" { return nil }
            guard f[6].count == 12, f[6].allSatisfy(\.isASCIIDigit), !f[7].isEmpty else {
                throw GazetteerError.invalidInput(source: source, line: row.line, message: "ext_id must be a 12-digit code and ext_name a name")
            }
            return Row(deep: deep, parentCode: f[1], shortName: f[3], pinyin: f[5], code12: f[6], fullName: f[7], line: row.line)
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
