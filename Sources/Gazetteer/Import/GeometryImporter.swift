import Foundation
import GEOSKit
import GRDB

/// Imports division polygons from a GeoJSON FeatureCollection and indexes their bounding boxes
/// in an SQLite R*Tree.
///
/// Each feature needs a six-digit division code in one of its properties (`区划码`, `code`,
/// `adcode` or `id`); it is attached to the division that has that code today. Geometries are
/// stored as WKB (SRID 4326) — invalid ones repaired with GEOS `makeValid` — with the period
/// the caller gives (the shipped cn-atlas layer is the 2023 edition; its start is unknown).
/// Importing the same file again changes nothing.
///
/// ```swift
/// let report = try GeometryImporter(file: URL(fileURLWithPath: "GeoData/cn-atlas/derived_prefectures.geojson"),
///                                   sourceKey: "cn-atlas")
///     .run(into: store, actor: "li.ming")
/// ```
public struct GeometryImporter: Sendable {
    public let file: URL
    public let sourceKey: String
    public let citation: String

    /// - Parameters:
    ///   - file: A GeoJSON FeatureCollection in longitude/latitude (WGS84 or CGCS2000).
    ///   - sourceKey: The source recorded for the geometries.
    ///   - citation: Where the layer comes from.
    public init(file: URL, sourceKey: String = "cn-atlas",
                citation: String = "https://github.com/BarbarossaWang/cn-atlas (prefectures, 2023 edition of ruiduobao/shengshixian.com), ISC") {
        self.file = file
        self.sourceKey = sourceKey
        self.citation = citation
    }

    struct Feature {
        var code: String
        var geoJSON: String
        var index: Int
    }

    func parse() throws -> [Feature] {
        let source = file.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw GazetteerError.invalidInput(source: file.path, line: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              root["type"] as? String == "FeatureCollection", let features = root["features"] as? [[String: Any]] else {
            throw GazetteerError.invalidInput(source: source, line: nil, message: "expected a GeoJSON FeatureCollection")
        }
        return try features.enumerated().map { index, feature in
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let code = ["区划码", "code", "adcode", "id"].lazy.compactMap { key -> String? in
                if let text = properties[key] as? String { return text }
                if let number = properties[key] as? Int { return String(number) }
                return nil
            }.first { $0.count == 6 && $0.allSatisfy(\.isASCIIDigit) }
            guard let code else {
                throw GazetteerError.invalidInput(source: source, line: nil, message: "feature \(index + 1) has no six-digit division code (区划码, code, adcode or id)")
            }
            guard let geometry = feature["geometry"], let json = try? JSONSerialization.data(withJSONObject: geometry) else {
                throw GazetteerError.invalidInput(source: source, line: nil, message: "feature \(index + 1) (\(code)) has no geometry")
            }
            return Feature(code: code, geoJSON: String(decoding: json, as: UTF8.self), index: index)
        }
    }

    /// Imports in one transaction.
    ///
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for a malformed file or
    ///   geometry (nothing is written).
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil) throws -> ImportReport {
        let started = Date()
        let features = try parse()
        let context: GEOSContext
        do { context = try GEOSContext() } catch { throw GazetteerError.database("GEOS: \(error)") }
        // Convert before writing: GEOS work stays outside the transaction.
        var prepared: [(code: String, wkb: [UInt8], envelope: Envelope, repaired: Bool, index: Int)] = []
        for feature in features {
            if feature.index % 50 == 0 { progress?(ImportProgress(stage: "reading polygons", done: feature.index, total: features.count)) }
            do {
                var geometry = try context.geometry(geoJSON: feature.geoJSON)
                var repaired = false
                if try !geometry.isValid {
                    geometry = try geometry.makeValid()
                    repaired = true
                }
                guard let envelope = try geometry.envelope else { continue }
                prepared.append((feature.code, try geometry.wkb(), envelope, repaired, feature.index))
            } catch {
                throw GazetteerError.invalidInput(source: file.lastPathComponent, line: nil,
                                                  message: "feature \(feature.index + 1) (\(feature.code)): \(error)")
            }
        }
        return try store.write { db in
            let sourceID: Int64
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [sourceKey]) {
                sourceID = id
            } else {
                try db.execute(sql: "INSERT INTO source (key, title, licence, citation, imported_at) VALUES (?, ?, 'see citation', ?, ?)",
                               arguments: [sourceKey, "Division polygons (\(file.lastPathComponent))", citation, AuditRecord.timestamp()])
                sourceID = db.lastInsertedRowID
            }
            var counts = (stored: 0, repaired: 0, unmatched: 0, unchanged: 0)
            for item in prepared {
                guard let placeID = try Int64.fetchOne(db, sql: """
                    SELECT pc.place_id FROM place_code pc JOIN place p ON p.id = pc.place_id AND p.status = 'current'
                    WHERE pc.code = ? AND pc.scheme = 'GB2260' AND pc.valid_to IS NULL
                    """, arguments: [item.code]) else {
                    counts.unmatched += 1
                    continue
                }
                let blob = Data(item.wkb)
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM geometry WHERE place_id = ? AND source_id = ? AND wkb = ?)",
                                               arguments: [placeID, sourceID, blob]) ?? false
                if exists { counts.unchanged += 1; continue }
                try db.execute(sql: "INSERT INTO geometry (place_id, srid, wkb, source_id) VALUES (?, 4326, ?, ?)", arguments: [placeID, blob, sourceID])
                try db.execute(sql: "INSERT INTO geometry_rtree (id, min_x, max_x, min_y, max_y) VALUES (?, ?, ?, ?, ?)",
                               arguments: [db.lastInsertedRowID, item.envelope.minX, item.envelope.maxX, item.envelope.minY, item.envelope.maxY])
                counts.stored += 1
                if item.repaired { counts.repaired += 1 }
            }
            let changed = counts.stored > 0
            let report = ImportReport(source: sourceKey, changed: changed, counts: [
                .init(kind: "polygons", value: counts.stored), .init(kind: "repaired", value: counts.repaired),
                .init(kind: "unmatched codes", value: counts.unmatched),
            ], seconds: Date().timeIntervalSince(started), note: changed ? nil : "every polygon was already stored")
            return (report, changed ? AuditRecord(actor: actor, action: "import.geometry", target: "source \(sourceKey)", after: ["summary": report.description]) : nil)
        }
    }
}
