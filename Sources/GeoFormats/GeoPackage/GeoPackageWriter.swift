import Foundation
import GEOSKit
import GRDB

/// Writes a layer as an OGC GeoPackage 1.2 that GDAL's `validate_gpkg.py` accepts.
///
/// The file has the standard tables (`gpkg_spatial_ref_sys` with the CRS used, `gpkg_contents`
/// with the layer's extent, `gpkg_geometry_columns`, `gpkg_extensions`), one feature table with
/// an integer `fid`, a `geom` column of GeoPackage geometry blobs (header with envelope, then
/// ISO WKB) and one column per field, and the R-tree spatial index extension (`rtree_<table>_geom`
/// with its triggers). Polygons and multipolygons mixed in one layer are all written as
/// multipolygons (likewise lines and points), as a GeoPackage column holds one type.
/// GCJ-02 data is stored with WGS 84's definition under a `QUHUA` SRS named `GCJ-02`.
///
/// ```swift
/// try GeoPackageWriter().write(layer, to: URL(fileURLWithPath: "prefectures.gpkg"), options: WriteOptions())
/// ```
public struct GeoPackageWriter: FeatureWriter, Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `layer` to `url`, replacing any file there.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport {
        let file = url.relativePath
        let table = options.layerName ?? layer.name
        let output = AtomicOutput()
        let temp = try output.temporary(for: url)

        // Shapes first: they give the geometry type, the dimension and the extent.
        var shapes: [Shape?] = []
        shapes.reserveCapacity(layer.features.count)
        for (k, f) in layer.features.enumerated() {
            guard let g = f.geometry else { shapes.append(nil); continue }
            do {
                let s = try Shape(g)
                shapes.append(s.isEmpty ? nil : s)
            } catch {
                throw GeoFormatError(file: file, feature: k + 1, problem: "cannot read the geometry from GEOS: \(error)")
            }
        }
        let (typeName, promote) = Self.columnType(shapes)
        let hasZ = shapes.contains { $0?.hasZ == true }
        let allZ = hasZ && shapes.allSatisfy { $0.map(\.hasZ) ?? true }
        let extent = shapes.compactMap { $0?.envelope }.reduce(nil as Envelope?) { acc, e in acc.map { $0.union(e) } ?? e }
        let geographicHint = extent.map { $0.minX >= -180 && $0.maxX <= 180 && $0.minY >= -90 && $0.maxY <= 90 } ?? true
        let srs = try LayerCRS(layer.crs).geoPackageSRS(geographicHint: geographicHint)
        let columns = try Self.columns(layer, file: file)

        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let queue = try DatabaseQueue(path: temp.path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = 1196444487; PRAGMA user_version = 10200; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
                try db.inTransaction {
                    try Self.createStandardTables(db)
                    try Self.insertSRS(db, srs)
                    let columnSQL = columns.map { "\($0.name.quotedDatabaseIdentifier) \($0.sqlType)" }.joined(separator: ", ")
                    try db.execute(sql: "CREATE TABLE \(table.quotedDatabaseIdentifier) (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom \(typeName)\(columns.isEmpty ? "" : ", " + columnSQL))")
                    try db.execute(sql: """
                        INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
                        VALUES (?, 'features', ?, '', strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?, ?)
                        """, arguments: [table, table, extent?.minX, extent?.minY, extent?.maxX, extent?.maxY, srs.id])
                    try db.execute(sql: "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, ?, 0)",
                                   arguments: [table, typeName, srs.id, allZ ? 1 : hasZ ? 2 : 0])

                    let rtree = "rtree_\(table)_geom"
                    try db.execute(sql: "CREATE VIRTUAL TABLE \(rtree.quotedDatabaseIdentifier) USING rtree(id, minx, maxx, miny, maxy)")
                    let names = (["fid", "geom"] + columns.map(\.name)).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
                    let marks = Array(repeating: "?", count: columns.count + 2).joined(separator: ", ")
                    let insert = try db.makeStatement(sql: "INSERT INTO \(table.quotedDatabaseIdentifier) (\(names)) VALUES (\(marks))")
                    let insertIndex = try db.makeStatement(sql: "INSERT INTO \(rtree.quotedDatabaseIdentifier) VALUES (?, ?, ?, ?, ?)")
                    var values: [DatabaseValue] = []
                    for (k, feature) in layer.features.enumerated() {
                        let fid = Int64(k + 1)
                        values.removeAll(keepingCapacity: true)
                        values.append(fid.databaseValue)
                        if var shape = shapes[k] {
                            if promote { shape = Self.promoted(shape) }
                            values.append(Data(GeoPackageBlob.encode(shape, srsID: srs.id)).databaseValue)
                            if let e = shape.envelope {
                                // R-tree boxes are single precision; round outwards so the box still covers the geometry.
                                try insertIndex.execute(arguments: [fid, Float(e.minX).nextDown, Float(e.maxX).nextUp,
                                                                    Float(e.minY).nextDown, Float(e.maxY).nextUp])
                            }
                        } else {
                            values.append(.null)
                        }
                        for c in columns { values.append(Self.value(feature.properties[c.name] ?? .null, c.type)) }
                        try insert.execute(arguments: StatementArguments(values))
                    }
                    try Self.createRTreeTriggers(db, table: table, rtree: rtree)
                    try db.execute(sql: "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
                                   arguments: [table])
                    return .commit
                }
            }
            try queue.close()
        } catch let e as GeoFormatError {
            throw e
        } catch {
            throw GeoFormatError(file: file, problem: "SQLite failed: \(GeoPackageReader.message(error))")
        }
        try output.commit()
        return WriteReport(files: [url])
    }

    struct Column {
        var name: String
        var type: FieldType
        var sqlType: String {
            switch type {
            case .text: return "TEXT"
            case .integer: return "INTEGER"
            case .real: return "REAL"
            case .boolean: return "BOOLEAN"
            }
        }
    }

    static func columns(_ layer: FeatureLayer, file: String) throws -> [Column] {
        var seen = Set<String>(["fid", "geom"])
        var result: [Column] = []
        for name in layer.fields {
            guard seen.insert(name.lowercased()).inserted else {
                throw GeoFormatError(file: file, problem: "field \"\(name)\" clashes with another field or with fid/geom (SQLite names ignore case)")
            }
            result.append(Column(name: name, type: layer.fieldType(name)))
        }
        return result
    }

    /// A property stored with the SQLite type its column declares.
    static func value(_ v: PropertyValue, _ type: FieldType) -> DatabaseValue {
        switch (v, type) {
        case (.null, _): return .null
        case let (.integer(i), .integer): return i.databaseValue
        case let (.integer(i), .real): return Double(i).databaseValue
        case let (.double(d), .real): return d.isFinite ? d.databaseValue : .null
        case let (.double(d), .integer): return d == d.rounded() && abs(d) < 9e18 ? Int64(d).databaseValue : .null
        case let (.bool(b), .boolean): return (b ? 1 : 0).databaseValue
        case let (.bool(b), .integer): return (b ? 1 : 0).databaseValue
        case let (.string(s), .integer): return Int64(s).map(\.databaseValue) ?? .null
        case let (.string(s), .real): return Double(s).map(\.databaseValue) ?? .null
        case let (.string(s), .boolean): return ["true", "1", "t", "yes"].contains(s.lowercased()) ? 1.databaseValue : 0.databaseValue
        case (_, .text): return v.description.databaseValue
        default: return v.description.databaseValue
        }
    }

    /// The geometry column type for these shapes, and whether single parts must be promoted to multi.
    static func columnType(_ shapes: [Shape?]) -> (String, Bool) {
        let types = Set(shapes.compactMap { $0?.type })
        if types.isEmpty { return ("GEOMETRY", false) }
        if types.count == 1, let t = types.first {
            switch t {
            case .point: return ("POINT", false)
            case .lineString: return ("LINESTRING", false)
            case .polygon: return ("POLYGON", false)
            case .multiPoint: return ("MULTIPOINT", false)
            case .multiLineString: return ("MULTILINESTRING", false)
            case .multiPolygon: return ("MULTIPOLYGON", false)
            default: return ("GEOMETRYCOLLECTION", false)
            }
        }
        if types.isSubset(of: [.polygon, .multiPolygon]) { return ("MULTIPOLYGON", true) }
        if types.isSubset(of: [.lineString, .multiLineString]) { return ("MULTILINESTRING", true) }
        if types.isSubset(of: [.point, .multiPoint]) { return ("MULTIPOINT", true) }
        return ("GEOMETRY", false)
    }

    static func promoted(_ shape: Shape) -> Shape {
        switch shape {
        case let .point(p): return .multiPoint([p])
        case let .lineString(p): return .multiLineString([p])
        case let .polygon(r): return .multiPolygon([r])
        default: return shape
        }
    }

    static func createStandardTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT uk_gc_table_name UNIQUE (table_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_extensions (
              table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
            CREATE TABLE gpkg_tile_matrix_set (
              table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL, min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL,
              max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,
              CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            CREATE TABLE gpkg_tile_matrix (
              table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, matrix_width INTEGER NOT NULL, matrix_height INTEGER NOT NULL,
              tile_width INTEGER NOT NULL, tile_height INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,
              CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level),
              CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));
            """)
    }

    static func insertSRS(_ db: Database, _ srs: (id: Int32, name: String, organization: String, code: Int32, definition: String, description: String)) throws {
        let wgs84 = try LayerCRS.wkt(.wgs84, .wkt1)
        let rows: [(String, Int32, String, Int32, String, String)] = [
            ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
            ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
            ("WGS 84 geodetic", 4326, "EPSG", 4326, wgs84, "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid"),
        ]
        for r in rows {
            try db.execute(sql: "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", arguments: [r.0, r.1, r.2, r.3, r.4, r.5])
        }
        if ![-1, 0, 4326].contains(srs.id) {
            try db.execute(sql: "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [srs.name, srs.id, srs.organization, srs.code, srs.definition, srs.description])
        }
    }

    /// The R-tree triggers of GeoPackage 1.2 (clause F.3), which keep the index in step with later edits.
    static func createRTreeTriggers(_ db: Database, table: String, rtree: String) throws {
        let t = table.quotedDatabaseIdentifier
        let r = rtree.quotedDatabaseIdentifier
        func name(_ suffix: String) -> String { "\(rtree)_\(suffix)".quotedDatabaseIdentifier }
        try db.execute(sql: """
            CREATE TRIGGER \(name("insert")) AFTER INSERT ON \(t)
              WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN
              INSERT OR REPLACE INTO \(r) VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
            END;
            CREATE TRIGGER \(name("update1")) AFTER UPDATE OF geom ON \(t)
              WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN
              INSERT OR REPLACE INTO \(r) VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
            END;
            CREATE TRIGGER \(name("update2")) AFTER UPDATE OF geom ON \(t)
              WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN
              DELETE FROM \(r) WHERE id = OLD.fid;
            END;
            CREATE TRIGGER \(name("update3")) AFTER UPDATE ON \(t)
              WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
            BEGIN
              DELETE FROM \(r) WHERE id = OLD.fid;
              INSERT OR REPLACE INTO \(r) VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
            END;
            CREATE TRIGGER \(name("update4")) AFTER UPDATE ON \(t)
              WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
            BEGIN
              DELETE FROM \(r) WHERE id IN (OLD.fid, NEW.fid);
            END;
            CREATE TRIGGER \(name("delete")) AFTER DELETE ON \(t)
              WHEN old.geom NOT NULL
            BEGIN
              DELETE FROM \(r) WHERE id = OLD.fid;
            END;
            """)
    }
}
