import CRS
import Foundation
import GEOSKit
import GRDB
import GeoFormats

/// Imports place-name records from any layer GeoFormats reads — CSV/TSV (points from lon/lat
/// columns or WKT), GeoJSON, GeoPackage, Shapefile — through a ``RecordColumnMapping``.
///
/// Each feature (row) is one place: found by its code, or created under its parent when it has
/// a level. Its name joins the place's names (and the search index), its meaning, origin,
/// history and note become the record's text (a new version when they differ from the
/// current one), its geometry a location (point, line or polygon, longitude/latitude), its
/// `source` and `page` a citation.
///
/// The whole layer is checked before anything is written — a missing name, an unknown
/// category, level or name type, a bad date, a coordinate that is not longitude/latitude —
/// and the first problem stops the import naming `file:line` (CSV) or `file: feature N`,
/// with nothing written. The write is one transaction with its audit entry; importing the
/// same file again writes nothing.
///
/// ```swift
/// let mapping = try RecordColumnMapping(parsing: "name=ext_name,code=ext_id,parent=pid",
///                                       constants: "level=township,category=214", only: "deep=3")
/// let report = try RecordImporter(file: URL(fileURLWithPath: "GeoData/areacity/ok_data_level4.csv"), mapping: mapping)
///     .run(into: store, actor: "li.ming")
/// ```
public struct RecordImporter: Sendable {
    /// The layer to read.
    public let file: URL
    /// Which column holds which field.
    public let mapping: RecordColumnMapping
    /// The GeoPackage table to read, when the file has several.
    public let layer: String?
    /// Whether a row whose parent is not in the gazetteer is skipped (and counted) rather than an error.
    public let skipUnknownParents: Bool
    /// The CRS of the coordinates when the file does not declare one (CSV), as `CoordinateReferenceSystem(parsing:)` reads it.
    public let crs: String?

    /// - Parameters:
    ///   - file: A CSV/TSV, GeoJSON, GeoPackage or Shapefile in longitude/latitude.
    ///   - mapping: Columns, constants and row filter.
    ///   - layer: The GeoPackage layer; the first when `nil`.
    ///   - skipUnknownParents: Skip rows whose parent code no place has (counted in the report,
    ///     the first ones named in its note) instead of stopping the import.
    ///   - crs: The CRS of the coordinates when the file does not say (`EPSG:4490`,
    ///     `CGCS2000-GK3-CM108`, `GCJ-02` …); projected and GCJ-02 coordinates are transformed to
    ///     WGS 84 longitude/latitude before they are stored.
    public init(file: URL, mapping: RecordColumnMapping = RecordColumnMapping(), layer: String? = nil, skipUnknownParents: Bool = false,
                crs: String? = nil) {
        self.file = file
        self.mapping = mapping
        self.layer = layer
        self.skipUnknownParents = skipUnknownParents
        self.crs = crs
    }

    /// One checked row.
    struct Item {
        var label: String
        var line: Int?
        var name: String
        var code: String?
        var type: NameType?
        var parent: String?
        var level: PlaceLevel?
        var category: String?
        var romanization: String?
        var text: RecordText
        var document: String?
        var page: String?
        var from: Day?
        var to: Day?
        var location: RecordWriter.Location?

        func fail(_ source: String, _ message: String) -> GazetteerError {
            line != nil ? .invalidInput(source: source, line: line, message: message)
                : .invalidInput(source: "\(source): \(label)", line: nil, message: message)
        }
    }

    var sourceName: String { file.lastPathComponent }

    /// Reads and checks every feature; returns the rows to import and how many `only` skipped.
    func parse() throws -> (items: [Item], skipped: Int) {
        let context: GEOSContext
        do { context = try GEOSContext() } catch { throw GazetteerError.database("GEOS: \(error)") }
        var options = ReadOptions(layer: layer)
        let format: GeoFormat
        do { format = try GeoFormat(url: file) } catch let error as GeoFormatError {
            throw GazetteerError.invalidInput(source: sourceName, line: nil, message: error.problem)
        }
        if format == .csv {
            if let lon = mapping.columns["lon"], let lat = mapping.columns["lat"] {
                options.csv.geometry = .points(x: lon, y: lat)
            } else if let wkt = mapping.columns["wkt"] {
                options.csv.geometry = .wkt(wkt)
            }
        }
        options.csv.crs = crs
        var features: FeatureLayer
        do {
            features = try GeoFormat.read(file, format: format, options: options, context: context)
            features = try Self.longitudeLatitude(features, assumed: crs)
        } catch let error as GeoFormatError {
            let feature = error.feature.map { "feature \($0): " } ?? ""
            throw GazetteerError.invalidInput(source: sourceName, line: nil, message: feature + error.problem)
        } catch {
            throw GazetteerError.invalidInput(source: sourceName, line: nil, message: "\(error)")
        }
        let lines = format == .csv ? csvLines(expected: features.features.count) : nil
        for column in mapping.only.keys where !features.fields.contains(column) {
            throw GazetteerError.invalidInput(source: sourceName, line: nil, message: "--only names “\(column)”, which the layer does not have")
        }
        if mapping.constants["name"] == nil, !features.fields.contains(mapping.column("name")) {
            throw GazetteerError.invalidInput(source: sourceName, line: nil,
                                              message: "no column “\(mapping.column("name"))” for the names; map it with name=COLUMN (columns: \(features.fields.joined(separator: ", ")))")
        }
        var items: [Item] = []
        var skipped = 0
        for (index, feature) in features.features.enumerated() {
            if !mapping.only.allSatisfy({ feature.properties[$0.key]?.stringValue?.trimmingCharacters(in: .whitespaces) == $0.value }) {
                skipped += 1
                continue
            }
            items.append(try item(feature, number: index + 1, line: lines?[index]))
        }
        return (items, skipped)
    }

    private func item(_ feature: Feature, number: Int, line: Int?) throws -> Item {
        func field(_ name: String) -> String? {
            let value = feature.properties[mapping.column(name)]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let value, !value.isEmpty { return value }
            return mapping.constants[name]
        }
        var item = Item(label: "feature \(number)", line: line, name: "", code: field("code"), parent: field("parent"),
                        category: field("category"), romanization: field("romanization"),
                        text: RecordText(meaning: field("meaning"), origin: field("origin"), history: field("history"), note: field("note")),
                        document: field("source"), page: field("page"))
        guard let name = field("name") else { throw item.fail(sourceName, "the name is empty") }
        item.name = name
        if let type = field("type") {
            guard let parsed = NameType(rawValue: type) else {
                throw item.fail(sourceName, "name type “\(type)” is not one of \(NameType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            item.type = parsed
        }
        if let level = field("level") {
            guard let parsed = PlaceLevel(rawValue: level), [.township, .village, .feature].contains(parsed) else {
                throw item.fail(sourceName, "a new place's level must be township, village or feature, not “\(level)”")
            }
            item.level = parsed
        }
        if let category = item.category, !PlaceCategory.isKnown(category) {
            throw item.fail(sourceName, "category “\(category)” is not a GB/T 18521 category (\(PlaceCategory.middleClasses))")
        }
        do {
            item.from = try field("from").map { try Day(parsing: $0) }
            item.to = try field("to").map { try Day(parsing: $0) }
        } catch let error as GazetteerError {
            throw item.fail(sourceName, error.description)
        }
        if let from = item.from, let to = item.to, to <= from { throw item.fail(sourceName, "the period ends (\(to)) before it starts (\(from))") }
        if let geometry = feature.geometry, try !geometry.isEmpty {
            item.location = try location(geometry, item: item)
        }
        return item
    }

    private func location(_ geometry: Geometry, item: Item) throws -> RecordWriter.Location {
        do {
            guard let envelope = try geometry.envelope else { throw item.fail(sourceName, "the geometry has no extent") }
            for (x, y) in [(envelope.minX, envelope.minY), (envelope.maxX, envelope.maxY)]
            where !(x.isFinite && y.isFinite && (-180...180).contains(x) && (-90...90).contains(y)) {
                throw item.fail(sourceName, "coordinate (\(x), \(y)) is not longitude/latitude; records are stored in WGS 84/CGCS2000 degrees")
            }
            let geometryType = try geometry.type
            let type = geometryType == .linearRing ? "LineString" : geometryType.description
            return RecordWriter.Location(wkb: try geometry.wkb(), geometryType: type,
                                         minX: envelope.minX, minY: envelope.minY, maxX: envelope.maxX, maxY: envelope.maxY)
        } catch let error as GazetteerError {
            throw error
        } catch {
            throw item.fail(sourceName, "unusable geometry: \(error)")
        }
    }

    /// The layer in WGS 84 longitude/latitude when it declares (or is said to be in) a projected
    /// CRS or GCJ-02; as it is otherwise (CGCS2000 and WGS 84 differ by centimetres).
    ///
    /// - Throws: ``GeoFormatError`` when a coordinate cannot be transformed.
    static func longitudeLatitude(_ layer: FeatureLayer, assumed: String?) throws -> FeatureLayer {
        // A CRS quhua cannot name is left alone: coordinates outside longitude/latitude are refused row by row.
        guard let text = layer.crs ?? assumed, let source = try? CoordinateReferenceSystem(parsing: text),
              !source.isGeographic || source == .gcj02 else { return layer }
        return try layer.reprojected(from: source, to: .wgs84)
    }

    /// The line each CSV row starts on, when the file's rows can be matched one to one.
    private func csvLines(expected: Int) -> [Int]? {
        guard let text = try? readText(file) else { return nil }
        let header = text.prefix { $0 != "\n" }
        let delimiter: Character = header.contains("\t") ? "\t" : header.contains(";") && !header.contains(",") ? ";" : ","
        guard let rows = try? CSVReader.rows(in: text, delimiter: delimiter), rows.count == expected + 1 else { return nil }
        return rows.dropFirst().map(\.line)
    }

    /// Checks the layer and imports it in one transaction.
    ///
    /// - Parameters:
    ///   - store: The gazetteer; parents named by the layer must exist in it.
    ///   - actor: Who imports, for the audit log and the record versions.
    ///   - progress: Progress for a terminal.
    ///   - indexing: Whether to index the names now or leave it to one rebuild after several imports.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` naming the file, the row
    ///   (line or feature) and the problem; nothing is written then.
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil,
                    indexing: SearchIndexing = .immediate) throws -> ImportReport {
        let started = Date()
        let (items, skipped) = try parse()
        let key = "records:\(sourceName)"
        return try store.write { db in
            var names = try NameWriter(db: db, sourceKey: key, title: "Place-name records \(sourceName)", licence: "as supplied",
                                       citation: file.path, keys: store.searchKeys)
            let records = RecordWriter(db: db, actor: actor)
            var counts = (created: 0, texts: 0, locations: 0, citations: 0, categories: 0, categoriesKept: 0)
            let today = Day.today
            var codes = try PlaceCodeIndex(db)
            var unknownParents: [String] = []
            for (position, item) in items.enumerated() {
                if position % 2000 == 0 { progress?(ImportProgress(stage: "records", done: position, total: items.count)) }
                var placeID = item.code.flatMap { codes.place(code: $0, on: item.from ?? today) }
                var created = false
                if placeID == nil {
                    guard let level = item.level else {
                        throw item.fail(sourceName, item.code.map { "no place has code \($0); give level (and parent) to create it" } ?? "no code and no level")
                    }
                    var parentID: Int64?
                    if let parent = item.parent {
                        // A 12-digit statistical code begins with the code of its county.
                        let county = item.code.flatMap { $0.count == 12 && $0.allSatisfy(\.isASCIIDigit) ? String($0.prefix(6)) : nil }
                        guard let id = codes.place(code: parent, on: today) ?? county.flatMap({ codes.place(code: $0, on: today) }) else {
                            if skipUnknownParents {
                                unknownParents.append("\(parent) (\(item.line.map { "line \($0)" } ?? item.label))")
                                continue
                            }
                            throw item.fail(sourceName, "no place has the parent code \(parent)")
                        }
                        parentID = id
                    } else if level != .feature {
                        throw item.fail(sourceName, "a new \(level.rawValue) needs a parent code")
                    }
                    let code = item.code ?? "\(key):\(item.line.map { "line \($0)" } ?? item.label)"
                    let scheme = code.count == 12 && code.allSatisfy(\.isASCIIDigit) ? "STATS12" : "OTHER"
                    let kind: PlaceKind = level == .township ? .township : level == .village ? .village : .feature
                    let (id, isNew) = try names.place(code: code, scheme: scheme, kind: kind, level: level, parentID: parentID, category: item.category)
                    placeID = id
                    created = isNew
                    if isNew { counts.created += 1; codes.add(code: code, placeID: id) }
                } else if let category = item.category, let id = placeID {
                    let stored = try String.fetchOne(db, sql: "SELECT category FROM place WHERE id = ?", arguments: [id])
                    if stored == nil {
                        try db.execute(sql: "UPDATE place SET category = ? WHERE id = ?", arguments: [category, id])
                        counts.categories += 1
                    } else if stored != category {
                        counts.categoriesKept += 1
                    }
                }
                guard let placeID else { continue }
                let known = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM name WHERE place_id = ? AND text = ?)"),
                                              arguments: [placeID, item.name]) ?? false
                if !known {
                    try names.addName(placeID: placeID, text: item.name, type: item.type ?? (created ? .standard : .alias),
                                      romanization: item.romanization, from: item.from, to: item.to)
                }
                if !item.text.isEmpty, try records.writeText(placeID: placeID, item.text, sourceID: names.sourceID) != nil { counts.texts += 1 }
                if let location = item.location,
                   try records.addLocation(placeID: placeID, location, from: item.from, to: item.to, sourceID: names.sourceID) {
                    counts.locations += 1
                }
                if item.document != nil || item.page != nil,
                   try records.addCitation(placeID: placeID, sourceID: names.sourceID, document: item.document, page: item.page) {
                    counts.citations += 1
                }
            }
            let changed = names.changed || counts.texts + counts.locations + counts.citations + counts.categories > 0
            guard changed else {
                return (ImportReport(source: key, changed: false, counts: [], seconds: Date().timeIntervalSince(started),
                                     note: "every record was already stored"), nil)
            }
            if !names.addedNameIDs.isEmpty {
                if indexing == .immediate { progress?(ImportProgress(stage: "indexing names", done: 0, total: nil)) }
                try SearchIndexer.update(db, keys: store.searchKeys, added: names.addedNameIDs, indexing: indexing)
            }
            var reportCounts: [ImportReport.Count] = [
                .init(kind: "places created", value: counts.created), .init(kind: "names", value: names.namesAdded),
                .init(kind: "record texts", value: counts.texts), .init(kind: "locations", value: counts.locations),
                .init(kind: "citations", value: counts.citations),
            ]
            if counts.categories > 0 { reportCounts.append(.init(kind: "categories set", value: counts.categories)) }
            if counts.categoriesKept > 0 { reportCounts.append(.init(kind: "categories kept (differ)", value: counts.categoriesKept)) }
            if skipped > 0 { reportCounts.append(.init(kind: "rows skipped (--only)", value: skipped)) }
            var note: String?
            if !unknownParents.isEmpty {
                reportCounts.append(.init(kind: "rows skipped (parent not found)", value: unknownParents.count))
                note = "parents not found: " + unknownParents.prefix(5).joined(separator: ", ") + (unknownParents.count > 5 ? ", …" : "")
            }
            let report = ImportReport(source: key, changed: true, counts: reportCounts, seconds: Date().timeIntervalSince(started), note: note)
            return (report, AuditRecord(actor: actor, action: "import.records", target: "source \(key)",
                                        after: ["file": file.path, "summary": report.description]))
        }
    }
}
