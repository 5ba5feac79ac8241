import Foundation
import GEOSKit

/// Options for reading a CSV table: which columns hold the geometry, the delimiter, the encoding.
///
/// ```swift
/// var options = CSVReadOptions()
/// options.geometry = .points(x: "Y坐标", y: "X坐标", z: "高程")   // survey order: X is northing
/// options.crs = "CGCS2000-GK3-CM108"
/// ```
public struct CSVReadOptions: Sendable, Hashable {
    /// Where a row's geometry comes from.
    public enum GeometryColumns: Sendable, Hashable {
        /// A WKT column if one is named `WKT`, `geometry`, `geom`, `the_geom` or `shape`; else point
        /// columns found by their usual names (`X`/`Y`, `lon`/`lat`, `longitude`/`latitude`,
        /// `easting`/`northing`, `经度`/`纬度`, `横坐标`/`纵坐标`, with `H`, `Z`, `elevation`, `高程`
        /// for height); else no geometry.
        case automatic
        /// A point from the named x (easting or longitude), y (northing or latitude) and optional height columns.
        case points(x: String, y: String, z: String? = nil)
        /// A point from the first of each list of names that the header has (exactly, else
        /// ignoring case): a profile's names for marker tables (`["X", "X坐标"]`, …).
        case firstPoints(x: [String], y: [String], z: [String] = [])
        /// Any geometry from Well-Known Text in the named column.
        case wkt(String)
        /// No geometry: every column is an attribute.
        case none
    }

    /// Where the geometry comes from; `.automatic` by default.
    public var geometry: GeometryColumns = .automatic
    /// The field delimiter; `nil` detects comma, semicolon, tab or `|` from the header line.
    public var delimiter: Character?
    /// The text encoding; `nil` detects it (a UTF-8 byte order mark or valid UTF-8 means UTF-8, else GBK).
    public var encoding: TextEncoding?
    /// The CRS of the coordinates, as the user names it (`EPSG:4490`, `CGCS2000-GK3-CM108`), if known.
    public var crs: String?
    /// Whether the geometry columns are also kept as attributes.
    public var keepGeometryColumns = false
    /// Whether columns whose values are all integers or all numbers become numeric attributes
    /// (codes with leading zeros stay text); otherwise every attribute is text.
    public var inferTypes = false
    /// A sentence added to the error for missing ``GeometryColumns/firstPoints(x:y:z:)`` columns,
    /// saying where the names come from (for example, which profile fields to set).
    public var missingColumnsAdvice: String?

    /// Creates options with the defaults.
    public init(geometry: GeometryColumns = .automatic, delimiter: Character? = nil,
                encoding: TextEncoding? = nil, crs: String? = nil) {
        self.geometry = geometry
        self.delimiter = delimiter
        self.encoding = encoding
        self.crs = crs
    }
}

/// Reads CSV tables: point tables (marker number, type, X, Y, H) and tables with a WKT column.
///
/// The first line is the header. Text may be UTF-8 (with or without byte order mark) or GBK.
/// Quoted fields may hold delimiters, doubled quotes and line breaks. Every problem names the
/// file, the row (as feature number, 1-based, not counting the header), the line and the column:
///
/// ```
/// markers.csv: feature 3: line 4, column "Y": "3301x20.5" is not a number
/// ```
///
/// ```swift
/// let options = CSVReadOptions(geometry: .points(x: "X", y: "Y", z: "H"), crs: "CGCS2000-GK3-CM108")
/// let markers = try CSVReader(options: options).read(URL(fileURLWithPath: "markers.csv"), context: context)
/// for marker in markers.features { print(marker.properties["number"] ?? .null, marker.geometry as Any) }
/// ```
public struct CSVReader: Sendable {
    /// How to read the table.
    public var options: CSVReadOptions

    /// Creates a reader.
    public init(options: CSVReadOptions = CSVReadOptions()) {
        self.options = options
    }

    /// Reads the CSV file at `url`; the layer is named after the file.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the row, the line and the column.
    public func read(_ url: URL, context: GEOSContext) throws -> FeatureLayer {
        let data = try FileInput.contents(of: url)
        return try read(data: data, name: url.deletingPathExtension().lastPathComponent, file: url.relativePath, context: context)
    }

    /// Reads CSV bytes; `file` is used in error messages.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the row, the line and the column.
    public func read(data: Data, name: String, file: String, context: GEOSContext) throws -> FeatureLayer {
        var bytes = [UInt8](data)
        let hadBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadBOM { bytes.removeFirst(3) }
        let encoding = options.encoding ?? (hadBOM ? .utf8 : TextEncoding.detect(bytes))
        if encoding == .gbk {
            do {
                bytes = Array(try encoding.decode(bytes).utf8)
            } catch {
                throw GeoFormatError(file: file, problem: "text is not GBK: \(error.problem)")
            }
        } else if String(validating: bytes, as: UTF8.self) == nil {
            throw GeoFormatError(file: file, problem: "text is not valid UTF-8 (use --encoding GBK for GBK files)")
        }

        let delimiter: UInt8
        if let d = options.delimiter {
            guard let ascii = d.asciiValue else {
                throw GeoFormatError(file: file, problem: "the delimiter \"\(d)\" must be one ASCII character")
            }
            delimiter = ascii
        } else {
            delimiter = CSVTokenizer.detectDelimiter(bytes)
        }

        let records: [CSVTokenizer.Record]
        do {
            records = try CSVTokenizer.records(bytes, delimiter: delimiter)
        } catch {
            throw GeoFormatError(file: file, problem: "line \(error.line): \(error.message)")
        }
        guard let header = records.first else {
            throw GeoFormatError(file: file, problem: "the file is empty; a CSV table needs a header line")
        }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (k, c) in columns.enumerated() {
            if c.isEmpty { throw GeoFormatError(file: file, problem: "line \(header.line): column \(k + 1) has no name") }
            if !seen.insert(c).inserted { throw GeoFormatError(file: file, problem: "line \(header.line): column \"\(c)\" appears twice") }
        }

        let plan = try GeometryPlan(options.geometry, columns: columns, file: file, advice: options.missingColumnsAdvice)
        let attributeColumns = columns.indices.filter { options.keepGeometryColumns || !plan.columns.contains($0) }
        let rows = records.dropFirst()
        let types = options.inferTypes ? Self.inferTypes(rows: rows, columns: attributeColumns) : [:]

        var features: [Feature] = []
        features.reserveCapacity(rows.count)
        for (r, record) in rows.enumerated() {
            let number = r + 1
            func fail(_ column: Int?, _ message: String) -> GeoFormatError {
                let where_ = column.map { "line \(record.line), column \"\(columns[$0])\"" } ?? "line \(record.line)"
                return GeoFormatError(file: file, feature: number, problem: "\(where_): \(message)")
            }
            guard record.fields.count == columns.count else {
                throw fail(nil, "has \(record.fields.count) fields; the header has \(columns.count)")
            }
            var properties: [String: PropertyValue] = [:]
            for k in attributeColumns {
                let text = record.fields[k]
                if text.isEmpty { properties[columns[k]] = .null; continue }
                switch types[k] {
                case .integer?: properties[columns[k]] = Int64(text.trimmingCharacters(in: .whitespaces)).map(PropertyValue.integer) ?? .string(text)
                case .real?: properties[columns[k]] = Double(text.trimmingCharacters(in: .whitespaces)).map(PropertyValue.double) ?? .string(text)
                default: properties[columns[k]] = .string(text)
                }
            }
            let geometry: Geometry?
            switch plan {
            case .none:
                geometry = nil
            case let .wkt(k):
                let text = record.fields[k].trimmingCharacters(in: .whitespaces)
                if text.isEmpty {
                    geometry = nil
                } else {
                    do {
                        geometry = try context.geometry(wkt: text)
                    } catch {
                        throw fail(k, "not Well-Known Text: \(error)")
                    }
                    if let g = geometry, let bad = try Self.firstUnusableCoordinate(g) {
                        throw fail(k, "coordinate \(bad) is not a usable number")
                    }
                }
            case let .points(xk, yk, zk):
                let xt = record.fields[xk].trimmingCharacters(in: .whitespaces)
                let yt = record.fields[yk].trimmingCharacters(in: .whitespaces)
                if xt.isEmpty && yt.isEmpty {
                    geometry = nil
                } else {
                    let x = try Self.coordinate(xt, column: xk, fail: fail)
                    let y = try Self.coordinate(yt, column: yk, fail: fail)
                    var z: Double?
                    if let zk {
                        let zt = record.fields[zk].trimmingCharacters(in: .whitespaces)
                        if !zt.isEmpty { z = try Self.coordinate(zt, column: zk, fail: fail) }
                    }
                    geometry = try context.point(Coordinate(x: x, y: y, z: z))
                }
            }
            features.append(Feature(id: nil, properties: properties, geometry: geometry))
        }
        var layer = FeatureLayer(name: name, crs: options.crs, fields: attributeColumns.map { columns[$0] }, features: features)
        for (k, t) in types { layer.fieldTypes[columns[k]] = t }
        return layer
    }

    private static func coordinate(_ text: String, column: Int, fail: (Int?, String) -> GeoFormatError) throws -> Double {
        if text.isEmpty { throw fail(column, "is empty, but the other coordinate is given") }
        guard let v = Double(text) else { throw fail(column, "\"\(text)\" is not a number") }
        guard v.isFinite, abs(v) < 1e15 else { throw fail(column, "\(text) is not a usable coordinate (NaN, infinite or beyond 1e15)") }
        return v
    }

    /// The first NaN, infinite or huge coordinate of a geometry parsed from WKT, if any.
    private static func firstUnusableCoordinate(_ g: Geometry) throws -> String? {
        guard let e = try g.envelope else { return nil }
        for v in [e.minX, e.minY, e.maxX, e.maxY] where !v.isFinite || abs(v) >= 1e15 { return String(v) }
        return nil
    }

    /// Column types for `inferTypes`: integer when every value is an integer without leading
    /// zeros, real when every value is a number; text otherwise.
    static func inferTypes(rows: ArraySlice<CSVTokenizer.Record>, columns: [Int]) -> [Int: FieldType] {
        var result: [Int: FieldType] = [:]
        for k in columns {
            var allInteger = true
            var allReal = true
            var any = false
            for r in rows where k < r.fields.count {
                let t = r.fields[k].trimmingCharacters(in: .whitespaces)
                if t.isEmpty { continue }
                any = true
                let digits = t.hasPrefix("-") ? t.dropFirst() : Substring(t)
                let leadingZero = digits.count > 1 && digits.hasPrefix("0")
                if allInteger, leadingZero || digits.count > 18 || Int64(t) == nil { allInteger = false }
                if allReal, leadingZero && !digits.hasPrefix("0.") || Double(t).map({ !$0.isFinite }) ?? true { allReal = false }
                if !allInteger && !allReal { break }
            }
            if any { result[k] = allInteger ? .integer : allReal ? .real : .text }
        }
        return result
    }
}

/// The columns a CSV table's geometry comes from, resolved against its header.
enum GeometryPlan {
    case none
    case wkt(Int)
    case points(Int, Int, Int?)

    static let wktNames = ["wkt", "geometry", "geom", "the_geom", "shape", "几何"]
    static let xNames = ["x", "lon", "lng", "long", "longitude", "easting", "east", "经度", "横坐标", "东坐标"]
    static let yNames = ["y", "lat", "latitude", "northing", "north", "纬度", "纵坐标", "北坐标"]
    static let zNames = ["h", "z", "elevation", "height", "alt", "altitude", "高程"]

    init(_ spec: CSVReadOptions.GeometryColumns, columns: [String], file: String, advice: String? = nil) throws {
        func find(_ name: String) throws -> Int {
            if let k = columns.firstIndex(of: name) { return k }
            if let k = columns.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return k }
            throw GeoFormatError(file: file, problem: "no column \"\(name)\"; the header has \(columns.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
        func named(_ names: [String]) -> Int? {
            columns.firstIndex { names.contains($0.lowercased()) }
        }
        func first(_ names: [String]) -> Int? {
            for name in names { if let k = columns.firstIndex(of: name) { return k } }
            for name in names { if let k = columns.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return k } }
            return nil
        }
        switch spec {
        case .none: self = .none
        case let .wkt(name): self = .wkt(try find(name))
        case let .points(x, y, z): self = .points(try find(x), try find(y), try z.map(find))
        case let .firstPoints(x, y, z):
            guard let xColumn = first(x), let yColumn = first(y) else {
                let sentence = "no coordinate columns: looked for \(x.joined(separator: "/")) and \(y.joined(separator: "/")); the table has \(columns.joined(separator: ", "))"
                throw GeoFormatError(file: file, problem: advice.map { "\(sentence) (\($0))" } ?? sentence)
            }
            self = .points(xColumn, yColumn, first(z))
        case .automatic:
            if let k = named(Self.wktNames) {
                self = .wkt(k)
            } else if let x = named(Self.xNames), let y = named(Self.yNames) {
                self = .points(x, y, named(Self.zNames))
            } else {
                self = .none
            }
        }
    }

    /// The column indices the geometry is read from.
    var columns: Set<Int> {
        switch self {
        case .none: return []
        case let .wkt(k): return [k]
        case let .points(x, y, z): return Set([x, y] + (z.map { [$0] } ?? []))
        }
    }
}
