import Foundation
import GEOSKit
import GRDB

/// Reads feature tables from an OGC GeoPackage (SQLite with the GeoPackage tables).
///
/// The CRS comes from `gpkg_spatial_ref_sys` (the EPSG code, or the definition identified by
/// ``CRSIdentification``); field types from the table's declared column types.
///
/// ```swift
/// let reader = GeoPackageReader()
/// print(try reader.layerNames(url))                       // ["prefectures"]
/// let layer = try reader.read(url, layer: "prefectures", context: context)
/// ```
public struct GeoPackageReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// The feature tables listed in `gpkg_contents`, in table order.
    ///
    /// - Throws: ``GeoFormatError`` when the file is missing or not a GeoPackage.
    public func layerNames(_ url: URL) throws -> [String] {
        let file = url.relativePath
        return try withDatabase(url) { db in
            do {
                return try String.fetchAll(db, sql: "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid")
            } catch {
                throw GeoFormatError(file: file, problem: "not a GeoPackage: no gpkg_contents table (\(Self.message(error)))")
            }
        }
    }

    /// Reads one feature table: `layer`, or the only one when `nil`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem.
    public func read(_ url: URL, layer: String? = nil, context: GEOSContext) throws -> FeatureLayer {
        let file = url.relativePath
        let names = try layerNames(url)
        let table: String
        if let layer {
            guard names.contains(layer) else {
                throw GeoFormatError(file: file, problem: "no feature table \"\(layer)\"; the GeoPackage has \(names.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            table = layer
        } else {
            guard let only = names.first else { throw GeoFormatError(file: file, problem: "the GeoPackage has no feature tables") }
            guard names.count == 1 else {
                throw GeoFormatError(file: file, problem: "the GeoPackage has \(names.count) feature tables (\(names.joined(separator: ", "))); choose one with --layer")
            }
            table = only
        }
        return try withDatabase(url) { db in
            guard let g = try Row.fetchOne(db, sql: "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?", arguments: [table]) else {
                throw GeoFormatError(file: file, problem: "table \"\(table)\" has no row in gpkg_geometry_columns")
            }
            let place = "gpkg_geometry_columns of table \"\(table)\""
            guard let geometryColumn = try g.checkedValue(String.self, at: "column_name", what: "column_name in \(place)", file: file) else {
                throw GeoFormatError(file: file, problem: "column_name in \(place) is NULL")
            }
            guard let srsID = try g.checkedValue(Int.self, at: "srs_id", what: "srs_id in \(place)", file: file) else {
                throw GeoFormatError(file: file, problem: "srs_id in \(place) is NULL")
            }
            let crs = try Self.crs(db, srsID: srsID, file: file)

            var fields: [String] = []
            var types: [String: FieldType] = [:]
            var idColumn: String?
            for column in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.quotedDatabaseIdentifier))") {
                let name: String = column["name"]
                let type: String = (column["type"] as String?)?.uppercased() ?? ""
                let pk: Int = column["pk"]
                if name == geometryColumn { continue }
                if pk == 1 && idColumn == nil && type.contains("INT") { idColumn = name; continue }
                fields.append(name)
                if type.contains("INT") { types[name] = .integer }
                else if type.hasPrefix("BOOL") { types[name] = .boolean }
                else if type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB") { types[name] = .real }
                else { types[name] = .text }
            }
            let selected = ([idColumn, geometryColumn].compactMap { $0 } + fields).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let order = idColumn.map { " ORDER BY \($0.quotedDatabaseIdentifier)" } ?? ""
            var features: [Feature] = []
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(selected) FROM \(table.quotedDatabaseIdentifier)\(order)")
            var number = 0
            while let row = try cursor.next() {
                number += 1
                var k = 0
                var id: PropertyValue?
                if idColumn != nil {
                    id = try row.checkedValue(Int64.self, at: 0, what: "the id column \(idColumn ?? "")", file: file, feature: number).map(PropertyValue.integer)
                    k = 1
                }
                var geometry: Geometry?
                if let blob = try row.checkedValue(Data.self, at: k, what: "the geometry column \(geometryColumn)", file: file, feature: number) {
                    do {
                        geometry = try Self.geometry(blob: [UInt8](blob), context: context)
                    } catch let p as GeoPackageBlob.Problem {
                        throw GeoFormatError(file: file, feature: number, problem: p.message)
                    } catch let p as WKBReader.Problem {
                        throw GeoFormatError(file: file, feature: number, problem: p.message)
                    } catch {
                        throw GeoFormatError(file: file, feature: number, problem: "\(error)")
                    }
                }
                var properties: [String: PropertyValue] = [:]
                for (j, name) in fields.enumerated() {
                    let value = row[k + 1 + j] as DatabaseValue
                    properties[name] = Self.property(value, type: types[name] ?? .text)
                }
                features.append(Feature(id: id, properties: properties, geometry: geometry))
            }
            return FeatureLayer(name: table, crs: crs, fields: fields, features: features, fieldTypes: types)
        }
    }

    static func geometry(blob: [UInt8], context: GEOSContext) throws -> Geometry? {
        let header = try GeoPackageBlob.header(blob)
        var reader = WKBReader(bytes: blob, start: header.wkbOffset)
        let shape = try reader.read()
        for v in shape.paths.flatMap(\.xy) where !v.isFinite || abs(v) >= 1e15 {
            throw WKBReader.Problem(message: "coordinate \(v) is not a usable number (NaN, infinite or beyond 1e15)")
        }
        return try shape.geometry(in: context)
    }

    static func property(_ value: DatabaseValue, type: FieldType) -> PropertyValue {
        switch value.storage {
        case .null: return .null
        case let .int64(i): return type == .boolean ? .bool(i != 0) : type == .real ? .double(Double(i)) : .integer(i)
        case let .double(d): return .double(d)
        case let .string(s): return .string(s)
        case let .blob(b): return .string(b.base64EncodedString())
        }
    }

    /// The CRS identifier for an `srs_id`.
    static func crs(_ db: Database, srsID: Int, file: String) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?", arguments: [srsID]) else {
            return nil
        }
        let place = "gpkg_spatial_ref_sys (srs_id \(srsID))"
        let organization = try row.checkedValue(String.self, at: "organization", what: "organization in \(place)", file: file)?.uppercased()
        let code = try row.checkedValue(Int.self, at: "organization_coordsys_id", what: "organization_coordsys_id in \(place)", file: file)
        if organization == "EPSG", let code { return "EPSG:\(code)" }
        // quhua's own GCJ-02 SRS carries WGS 84's definition: the name says which it is.
        if let name = try row.checkedValue(String.self, at: "srs_name", what: "srs_name in \(place)", file: file),
           let id = CRSIdentification.identify(name: name) { return id }
        if let definition = try row.checkedValue(String.self, at: "definition", what: "definition in \(place)", file: file),
           let id = CRSIdentification.identify(wkt: definition) { return id }
        return nil
    }

    private func withDatabase<T>(_ url: URL, _ body: (Database) throws -> T) throws -> T {
        let file = url.relativePath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw GeoFormatError(file: file, problem: isDirectory.boolValue ? "is a folder, not a file" : "no such file")
        }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            return try queue.read { db in try body(db) }
        } catch let e as GeoFormatError {
            throw e
        } catch {
            throw GeoFormatError(file: file, problem: "cannot be read as a GeoPackage: \(Self.message(error))")
        }
    }

    static func message(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }
}
