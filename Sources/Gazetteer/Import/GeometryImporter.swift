import CRS
import Foundation
import GEOSKit
import GRDB
import GeoFormats

/// Imports one level of division polygons — provinces, prefectures, counties or townships — from
/// any polygon layer GeoFormats reads, and indexes their bounding boxes in an SQLite R*Tree.
///
/// The layer is read through ``GeoFormat/read(_:format:options:context:)`` (GeoJSON, TopoJSON
/// object, GeoPackage table, Shapefile, KML …) and taken to longitude/latitude when it declares a
/// projected CRS. Each feature needs a code in one of ``codeFields``: six digits name the GB/T 2260
/// division that has the code today, nine or twelve digits the township with that statistical code
/// (the nine-digit form is the twelve-digit code's prefix). Geometries are stored as WKB (SRID 4326)
/// — invalid ones repaired with GEOS `makeValid` — with the level they fill (``PolygonLevel``) and
/// the period the caller gives (the shipped cn-atlas layer is the 2023 edition; its start is unknown).
///
/// The whole file is checked before anything is written: a feature without a code, a geometry
/// that is not a polygon or multipolygon, or a place of another level than ``level`` stops the
/// import and nothing is written. Codes no current place has are counted and the first few listed
/// in the report. Importing the same file again changes nothing.
///
/// ```swift
/// let report = try GeometryImporter(file: URL(fileURLWithPath: "counties.gpkg"), sourceKey: "survey-2024",
///                                   citation: "county boundaries, 2024 survey", level: .county)
///     .run(into: store, actor: "li.ming")
/// print(report)   // "survey-2024: 38 polygons, 0 repaired, 0 unmatched codes (0.41 s); county level"
/// ```
public struct GeometryImporter: Sendable {
    /// The properties a code is looked for in, in order, when no field is named.
    public static let defaultCodeFields = ["区划码", "code", "adcode", "id"]

    /// The polygon file.
    public let file: URL
    /// The source recorded with the polygons.
    public let sourceKey: String
    /// Where the layer comes from.
    public let citation: String
    /// The level every polygon fills, or `nil` to infer it from the matched places.
    public let level: PlaceLevel?
    /// The properties holding the code, tried in order (a feature's own `id` counts as `id`).
    public let codeFields: [String]
    /// The layer to read: a GeoPackage table or TopoJSON object (the only or first one when `nil`).
    public let layer: String?
    /// The first day the polygons are valid, or `nil` when unknown.
    public let validFrom: Day?

    /// Creates an importer; nothing is read until ``run(into:actor:progress:)``.
    ///
    /// - Parameters:
    ///   - file: A polygon layer in longitude/latitude (WGS 84 or CGCS2000) or a projected CRS it declares.
    ///   - sourceKey: The source recorded for the geometries.
    ///   - citation: Where the layer comes from.
    ///   - level: `.province`, `.prefecture`, `.county` or `.township`; `nil` to infer it: the level
    ///     most matched places have, for the features that fill it, else each place's own level.
    ///   - codeFields: The properties holding the code, tried in order.
    ///   - layer: The GeoPackage table or TopoJSON object to read.
    ///   - validFrom: The first day the polygons are valid. When given, older open polygons of
    ///     the same places and level end that day.
    public init(file: URL, sourceKey: String = "cn-atlas",
                citation: String = "https://github.com/BarbarossaWang/cn-atlas (prefectures, 2023 edition of ruiduobao/shengshixian.com), ISC",
                level: PlaceLevel? = nil, codeFields: [String] = GeometryImporter.defaultCodeFields,
                layer: String? = nil, validFrom: Day? = nil) {
        self.file = file
        self.sourceKey = sourceKey
        self.citation = citation
        self.level = level
        self.codeFields = codeFields
        self.layer = layer
        self.validFrom = validFrom
    }

    /// One polygon of the file, converted and ready to store.
    struct Polygon {
        /// 1-based, as a user counts.
        var feature: Int
        var code: String
        var wkb: [UInt8]
        var envelope: Envelope
        var repaired: Bool
    }

    private var fileName: String { file.lastPathComponent }

    private func invalid(_ message: String) -> GazetteerError {
        GazetteerError.invalidInput(source: fileName, line: nil, message: message)
    }

    /// Reads the layer and converts every feature, checking codes and geometry types.
    func read(context: GEOSContext, progress: ImportProgressHandler?) throws -> [Polygon] {
        guard let level else { return try readFeatures(context: context, progress: progress) }
        guard PolygonLevel.levels.contains(level) else {
            throw invalid("a polygon layer is of province, prefecture, county or township level, not \(level.rawValue)")
        }
        return try readFeatures(context: context, progress: progress)
    }

    private func readFeatures(context: GEOSContext, progress: ImportProgressHandler?) throws -> [Polygon] {
        var layer: FeatureLayer
        do {
            layer = try GeoFormat.read(file, options: ReadOptions(layer: self.layer), context: context)
            if let text = layer.crs {
                let crs: CoordinateReferenceSystem
                do { crs = try CoordinateReferenceSystem(parsing: text) } catch {
                    throw invalid("the layer's CRS “\(text)” is not one quhua knows; give the polygons in longitude/latitude (EPSG:4326 or EPSG:4490)")
                }
                if crs != .wgs84 && crs != .cgcs2000 { layer = try layer.reprojected(from: crs, to: .wgs84) }
            }
        } catch let error as GeoFormatError {
            throw GazetteerError.invalidInput(source: error.file.isEmpty ? fileName : error.file, line: nil,
                                              message: error.feature.map { "feature \($0): \(error.problem)" } ?? error.problem)
        }
        var polygons: [Polygon] = []
        polygons.reserveCapacity(layer.features.count)
        for (index, feature) in layer.features.enumerated() {
            let number = index + 1
            if index % 50 == 0 { progress?(ImportProgress(stage: "reading polygons", done: index, total: layer.features.count)) }
            guard let code = code(of: feature) else {
                throw invalid("feature \(number) has no division code of 6, 9 or 12 digits in \(codeFields.joined(separator: ", "))")
            }
            guard let geometry = feature.geometry else { throw invalid("feature \(number) (\(code)) has no geometry") }
            do {
                let type = try geometry.type
                guard type == .polygon || type == .multiPolygon else {
                    throw invalid("feature \(number) (\(code)) is a \(type), not a Polygon or MultiPolygon; only polygons can be division boundaries")
                }
                var shape = geometry
                var repaired = false
                if try !shape.isValid {
                    shape = try shape.makeValid()
                    repaired = true
                }
                guard let polygonal = try shape.polygonalPart(), let envelope = try polygonal.envelope else {
                    throw invalid("feature \(number) (\(code)) has no area")
                }
                polygons.append(Polygon(feature: number, code: code, wkb: try polygonal.wkb(), envelope: envelope, repaired: repaired))
            } catch let error as GazetteerError {
                throw error
            } catch {
                throw invalid("feature \(number) (\(code)): \(error)")
            }
        }
        return polygons
    }

    /// The feature's code: the first of ``codeFields`` holding 6, 9 or 12 digits.
    private func code(of feature: Feature) -> String? {
        for field in codeFields {
            let value = feature.properties[field] ?? (field == "id" ? feature.id : nil)
            guard let text = value?.stringValue?.trimmingCharacters(in: .whitespaces),
                  [6, 9, 12].contains(text.count), text.allSatisfy(\.isASCIIDigit) else { continue }
            return text
        }
        return nil
    }

    /// The current place with the code: a GB/T 2260 division for six digits, a township's
    /// statistical code for nine or twelve.
    private static func place(_ db: Database, code: String) throws -> (id: Int64, level: PlaceLevel, name: String)? {
        let (scheme, full) = code.count == 6 ? ("GB2260", code) : ("STATS12", code.count == 9 ? code + "000" : code)
        guard let row = try Row.fetchOne(db, sql: """
            SELECT p.id, p.level, (SELECT n.text FROM name n WHERE n.place_id = p.id AND n.type = 'standard' AND n.valid_to IS NULL
                                   ORDER BY n.valid_from DESC LIMIT 1)
            FROM place_code pc JOIN place p ON p.id = pc.place_id AND p.status = 'current'
            WHERE pc.code = ? AND pc.scheme = ? AND pc.valid_to IS NULL
            """, arguments: [full, scheme]), let level = PlaceLevel(rawValue: row[1]) else { return nil }
        return (row[0], level, (row[2] as String?) ?? code)
    }

    /// Reads, checks and imports in one transaction.
    ///
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for an unreadable file, a
    ///   feature without a code, a geometry that is not polygonal, or a feature whose place is of
    ///   another level than ``level`` (the message names the file, the feature and both levels);
    ///   nothing is written then.
    /// - Parameter indexing: Not used: polygons add no names to the search index.
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil,
                    indexing: SearchIndexing = .immediate) throws -> ImportReport {
        let started = Date()
        let context: GEOSContext
        do { context = try GEOSContext() } catch { throw GazetteerError.database("GEOS: \(error)") }
        // Read and convert before writing: GEOS work stays outside the transaction.
        let polygons = try read(context: context, progress: progress)
        return try store.write { db in
            // Match every code, then settle each polygon's level, before writing anything.
            var matched: [(polygon: Polygon, placeID: Int64, placeLevel: PlaceLevel, name: String)] = []
            var unmatched: [Polygon] = []
            for polygon in polygons {
                if let place = try Self.place(db, code: polygon.code) {
                    matched.append((polygon, place.id, place.level, place.name))
                } else {
                    unmatched.append(polygon)
                }
            }
            let layerLevel = level ?? Self.mostCommon(matched.map(\.placeLevel))
            var levels: [PlaceLevel] = []
            for item in matched {
                let fits = try layerLevel.map { try PolygonLevel.fits(db, placeID: item.placeID, placeLevel: item.placeLevel, level: $0) } ?? false
                if let level, !fits {
                    throw invalid("feature \(item.polygon.feature) (\(item.polygon.code) \(item.name)) is a \(item.placeLevel.rawValue)-level division, "
                                  + "not a \(level.rawValue): --level \(level.rawValue) takes \(level.rawValue) polygons only")
                }
                levels.append(fits ? (layerLevel ?? item.placeLevel) : item.placeLevel)
            }

            let sourceID: Int64
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [sourceKey]) {
                sourceID = id
            } else {
                try db.execute(sql: "INSERT INTO source (key, title, licence, citation, imported_at) VALUES (?, ?, 'see citation', ?, ?)",
                               arguments: [sourceKey, "Division polygons (\(fileName))", citation, AuditRecord.timestamp()])
                sourceID = db.lastInsertedRowID
            }
            var counts = (stored: 0, repaired: 0, closed: 0)
            for (item, level) in zip(matched, levels) {
                let blob = Data(item.polygon.wkb)
                let exists = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM geometry WHERE place_id = ? AND source_id = ? AND level = ? AND valid_from IS ? AND wkb = ?)
                    """, arguments: [item.placeID, sourceID, level.rawValue, validFrom?.description, blob]) ?? false
                if exists { continue }
                if let validFrom {
                    // A new edition from a day: earlier open polygons of the place at this level end that day.
                    try db.execute(sql: """
                        UPDATE geometry SET valid_to = :day
                        WHERE place_id = :place AND level = :level AND valid_to IS NULL AND (valid_from IS NULL OR valid_from < :day)
                        """, arguments: ["day": validFrom.description, "place": item.placeID, "level": level.rawValue])
                    counts.closed += db.changesCount
                }
                try db.execute(sql: "INSERT INTO geometry (place_id, srid, wkb, valid_from, source_id, level) VALUES (?, 4326, ?, ?, ?, ?)",
                               arguments: [item.placeID, blob, validFrom?.description, sourceID, level.rawValue])
                let envelope = item.polygon.envelope
                try db.execute(sql: "INSERT INTO geometry_rtree (id, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)",
                               arguments: [db.lastInsertedRowID, envelope.minX, envelope.maxX, envelope.minY, envelope.maxY])
                counts.stored += 1
                if item.polygon.repaired { counts.repaired += 1 }
            }
            let changed = counts.stored > 0
            var reportCounts: [ImportReport.Count] = [
                .init(kind: "polygons", value: counts.stored), .init(kind: "repaired", value: counts.repaired),
                .init(kind: "unmatched codes", value: unmatched.count),
            ]
            if validFrom != nil { reportCounts.append(.init(kind: "earlier polygons ended", value: counts.closed)) }
            var notes: [String] = []
            if !changed { notes.append("every polygon was already stored") }
            notes.append(Self.levelSummary(levels))
            if !unmatched.isEmpty {
                let listed = unmatched.prefix(5).map { "\($0.code) (feature \($0.feature))" }.joined(separator: ", ")
                notes.append("no current place has the code " + listed + (unmatched.count > 5 ? ", … (\(unmatched.count) in all)" : ""))
            }
            let report = ImportReport(source: sourceKey, changed: changed, counts: reportCounts,
                                      seconds: Date().timeIntervalSince(started), note: notes.joined(separator: "; "))
            return (report, changed ? AuditRecord(actor: actor, action: "import.geometry", target: "source \(sourceKey)", after: ["summary": report.description]) : nil)
        }
    }

    /// The most common level, the coarser one on a tie; `nil` for none.
    static func mostCommon(_ levels: [PlaceLevel]) -> PlaceLevel? {
        let tally = Dictionary(levels.map { ($0, 1) }, uniquingKeysWith: +)
        return tally.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    /// "prefecture level" or "prefecture level (370), province level (2)".
    static func levelSummary(_ levels: [PlaceLevel]) -> String {
        let tally = Dictionary(levels.map { ($0, 1) }, uniquingKeysWith: +)
        if tally.count == 1, let only = tally.keys.first { return "\(only.rawValue) level" }
        if tally.isEmpty { return "no polygon matched a place" }
        return tally.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) level (\($0.value))" }.joined(separator: ", ")
    }
}
