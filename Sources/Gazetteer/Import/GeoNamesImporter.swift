import Foundation
import GeoFormats
import GRDB

/// Imports GeoNames alternate names (CC BY 4.0, geonames.org) and attaches them to divisions.
///
/// Each GeoNames row (a populated place from `cities15000`) is matched to a current division
/// through its Chinese alternate names: a division whose standard name, name without generic
/// suffix, or short name equals one of them. When several divisions qualify, the row's point
/// decides, if prefecture polygons are stored: the division must lie in the prefecture that
/// contains the point. Rows that stay ambiguous or unmatched are counted, not guessed.
///
/// The alternate names are kept as `variant` names (old romanisations such as Chungking and
/// Peking, exonyms, other scripts), with their script; GeoNames' `cities15000` extract does
/// not say which language each name is in, so the language is recorded as `und`
/// (undetermined) except for Chinese-script names (`zh`). Airport codes and names equal to
/// the division's pinyin are skipped.
///
/// ```swift
/// let report = try GeoNamesImporter(file: URL(fileURLWithPath: "GeoData/geonames-cn/geonames_cities15000_CN.tsv"))
///     .run(into: store, actor: "li.ming")
/// ```
public struct GeoNamesImporter: Sendable {
    public let file: URL
    public static let sourceKey = "geonames"

    public init(file: URL) {
        self.file = file
    }

    struct Entry {
        var geonameID: String
        var name: String
        var alternates: [String]
        var longitude: Double
        var latitude: Double
        var featureCode: String
        var line: Int
    }

    func parse() throws -> [Entry] {
        let text = try readText(file)
        let source = file.lastPathComponent
        let rows = try CSVReader.rows(in: text, delimiter: "\t", quoting: false)
        guard let header = rows.first?.fields, header.count >= 8, header[0] == "geonameid", header[3] == "alternatenames" else {
            throw GazetteerError.invalidInput(source: source, line: 1, message: "expected a GeoNames header starting geonameid, name, asciiname, alternatenames")
        }
        return try rows.dropFirst().map { row in
            let f = row.fields
            guard f.count >= 8, let latitude = Double(f[4]), let longitude = Double(f[5]),
                  (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                throw GazetteerError.invalidInput(source: source, line: row.line, message: "expected a GeoNames row with latitude and longitude")
            }
            return Entry(geonameID: f[0], name: f[1], alternates: f[3].split(separator: ",").map { String($0) },
                         longitude: longitude, latitude: latitude, featureCode: f[7], line: row.line)
        }
    }

    /// Imports in one transaction.
    ///
    /// - Parameters:
    ///   - store: The gazetteer with its divisions (and, for disambiguation, prefecture polygons).
    ///   - actor: Who imports, for the audit log.
    ///   - progress: Progress for a terminal.
    ///   - indexing: Whether to index the names now or leave it to one rebuild after several imports.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for a malformed file (nothing is written).
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil,
                    indexing: SearchIndexing = .immediate) throws -> ImportReport {
        let started = Date()
        let entries = try parse()
        let locator = try? PointLocator(store: store)
        return try store.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM place WHERE kind = 'division'") ?? 0 > 0 else {
                throw GazetteerError.conflict("import the division history (areacodes) before GeoNames names")
            }
            var writer = try NameWriter(db: db, sourceKey: Self.sourceKey, title: "GeoNames cities15000, China (alternate names)",
                                        licence: "CC-BY-4.0", citation: "GeoNames (geonames.org), cities15000; attribution required",
                                        keys: store.searchKeys)
            // Current divisions under each of their Chinese names, full, without suffix and short.
            var byName: [String: Set<Int64>] = [:]
            var codeOf: [Int64: String] = [:]
            for row in try DatabaseRow.fetchAll(db, sql: """
                SELECT n.place_id, n.text, n.specific, pc.code FROM name n
                JOIN place p ON p.id = n.place_id AND p.kind IN ('division', 'country') AND p.status = 'current'
                JOIN place_code pc ON pc.place_id = p.id AND pc.scheme = 'GB2260' AND pc.valid_to IS NULL
                WHERE n.valid_to IS NULL AND n.type IN ('standard', 'short')
                """) {
                let id: Int64 = row[0]
                byName[row[1], default: []].insert(id)
                if let specific: String = row[2] { byName[specific, default: []].insert(id) }
                codeOf[id] = row[3]
            }
            var pinyinKeys: [Int64: Set<String>] = [:]
            var counts = (matched: 0, ambiguous: 0, unmatched: 0)
            for (index, entry) in entries.enumerated() {
                if index % 200 == 0 { progress?(ImportProgress(stage: "GeoNames", done: index, total: entries.count)) }
                let hanNames = entry.alternates.filter(SearchText.hasHan).map { store.searchKeys?.simplified($0) ?? $0 }
                var candidates = Set(hanNames.flatMap { byName[$0] ?? [] })
                if candidates.count > 1, let locator, let prefecture = try locator.prefectureCode(longitude: entry.longitude, latitude: entry.latitude) {
                    let prefix = NameSearch.Plan.codePrefixOrSelf(prefecture)
                    candidates = candidates.filter { id in codeOf[id].map { $0.hasPrefix(prefix) || prefix.hasPrefix(NameSearch.Plan.codePrefixOrSelf($0)) } ?? false }
                    // Within the prefecture, prefer the most specific division (county over prefecture over province).
                    if candidates.count > 1, let deepest = candidates.max(by: { (codeOf[$0] ?? "").trailingZeroPairs > (codeOf[$1] ?? "").trailingZeroPairs }) {
                        let depth = (codeOf[deepest] ?? "").trailingZeroPairs
                        candidates = candidates.filter { (codeOf[$0] ?? "").trailingZeroPairs == depth }
                    }
                }
                guard candidates.count == 1, let placeID = candidates.first else {
                    if candidates.isEmpty { counts.unmatched += 1 } else { counts.ambiguous += 1 }
                    continue
                }
                counts.matched += 1
                if pinyinKeys[placeID] == nil {
                    let names = try String.fetchAll(db, sql: "SELECT text FROM name WHERE place_id = ? AND type IN ('standard', 'short')", arguments: [placeID])
                    pinyinKeys[placeID] = Set(names.flatMap { store.searchKeys?.searchKeys(for: $0).full ?? [] })
                }
                let known = pinyinKeys[placeID] ?? []
                for alternate in [entry.name] + entry.alternates {
                    let trimmed = alternate.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.isEmpty, !GeoNamesImporter.isCode(trimmed) else { continue }
                    if SearchText.hasHan(trimmed) {
                        // Chinese forms: keep those the division does not already have (traditional, older forms).
                        if byName[store.searchKeys?.simplified(trimmed) ?? trimmed]?.contains(placeID) == true,
                           store.searchKeys?.simplified(trimmed) == trimmed { continue }
                        try writer.addName(placeID: placeID, text: trimmed, type: .variant, language: "zh", romanization: nil,
                                           note: "GeoNames \(entry.geonameID)")
                    } else {
                        let key = SearchText.latinKey(trimmed)
                        if known.contains(key) { continue }
                        try writer.addName(placeID: placeID, text: trimmed, type: .variant, language: "und", romanization: nil,
                                           note: "GeoNames \(entry.geonameID)")
                    }
                }
                try writer.addCode(placeID: placeID, scheme: "GEONAMES", code: entry.geonameID)
            }
            guard writer.changed else {
                return (ImportReport(source: Self.sourceKey, changed: false, counts: [], seconds: Date().timeIntervalSince(started),
                                     note: "every name was already stored"), nil)
            }
            if indexing == .immediate { progress?(ImportProgress(stage: "indexing names", done: 0, total: nil)) }
            try SearchIndexer.update(db, keys: store.searchKeys, added: writer.addedNameIDs, indexing: indexing)
            let report = ImportReport(source: Self.sourceKey, changed: true, counts: [
                .init(kind: "rows matched", value: counts.matched), .init(kind: "names", value: writer.namesAdded),
                .init(kind: "ambiguous", value: counts.ambiguous), .init(kind: "unmatched", value: counts.unmatched),
            ], seconds: Date().timeIntervalSince(started), note: nil)
            return (report, AuditRecord(actor: actor, action: "import.geonames", target: "source geonames", after: ["summary": report.description]))
        }
    }

    /// IATA and other all-capital short codes (CKG, BJS) are not names.
    static func isCode(_ text: String) -> Bool {
        text.count <= 4 && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}

extension String {
    /// How many trailing `00` pairs a six-digit code has: 2 for a province, 1 for a prefecture, 0 for a county.
    var trailingZeroPairs: Int {
        var count = 0
        var rest = Substring(self)
        while rest.count > 2, rest.hasSuffix("00") { count += 1; rest = rest.dropLast(2) }
        return count
    }
}
