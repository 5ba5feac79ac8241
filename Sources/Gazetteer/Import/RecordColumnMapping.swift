import Foundation

/// Which column (attribute) of a layer holds which field of a place-name record, for
/// ``RecordImporter``; plus constant fields and a row filter.
///
/// | field          | meaning                                                                              |
/// |----------------|--------------------------------------------------------------------------------------|
/// | `name`         | the standard name of the place (required)                                            |
/// | `code`         | the place's code (6/9/12 digits or any identifier); a known code adds to that place  |
/// | `type`         | the name's type (default: `standard` for a new place, `alias` for an existing one)   |
/// | `parent`       | code of the parent, for a new place (features may omit it)                           |
/// | `level`        | level of a new place: township, village or feature                                   |
/// | `category`     | GB/T 18521 category code (``PlaceCategory``)                                         |
/// | `romanization` | the name's romanisation                                                              |
/// | `meaning`      | 含义                                                                                  |
/// | `origin`       | 来历                                                                                  |
/// | `history`      | 沿革                                                                                  |
/// | `note`         | a note on the record                                                                 |
/// | `source`       | the document cited (地名志, 档案 …)                                                    |
/// | `page`         | the page or entry in that document                                                   |
/// | `from`, `to`   | the period of the name and location, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`               |
/// | `lon`, `lat`   | CSV only: the columns of a point (default: found by name — lon/lat, longitude/latitude, 经度/纬度, x/y) |
/// | `wkt`          | CSV only: a column of Well-Known Text (default: `wkt`, `geometry`, `geom`, `shape`)  |
///
/// Fields not mapped are read from the column of the same name, when there is one. The
/// geometry of GeoJSON, GeoPackage and Shapefile features is the record's location.
///
/// ```swift
/// let mapping = try RecordColumnMapping(parsing: "name=ext_name,code=ext_id,parent=pid",
///                                       constants: "level=township,category=214", only: "deep=3")
/// ```
public struct RecordColumnMapping: Sendable, Equatable {
    /// The fields a mapping can name.
    public static let fields = ["name", "code", "type", "parent", "level", "category", "romanization", "meaning", "origin",
                                "history", "note", "source", "page", "from", "to", "lon", "lat", "wkt"]

    /// Field → column, as mapped (fields not listed are read from a column of their own name).
    public var columns: [String: String] = [:]
    /// Field → value given for every row (`--set level=feature`); a mapped column wins when the row has a value.
    public var constants: [String: String] = [:]
    /// Column → value: only rows with this value in that column are imported (`--only deep=3`).
    public var only: [String: String] = [:]

    /// The identity mapping, no constants, every row.
    public init() {}

    /// Parses `field=column,…` pairs, `field=value,…` constants and `column=value,…` filters.
    ///
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for an unknown field or a malformed pair.
    public init(parsing map: String?, constants: String? = nil, only: String? = nil) throws {
        columns = try Self.pairs(map, option: "--map", checkFields: true)
        self.constants = try Self.pairs(constants, option: "--set", checkFields: true)
        self.only = try Self.pairs(only, option: "--only", checkFields: false)
        for field in ["lon", "lat", "wkt"] where self.constants[field] != nil {
            throw GazetteerError.invalidInput(source: "--set", line: nil, message: "\(field) names a column; map it with --map")
        }
    }

    /// The column a field is read from.
    public func column(_ field: String) -> String { columns[field] ?? field }

    private static func pairs(_ text: String?, option: String, checkFields: Bool) throws -> [String: String] {
        var result: [String: String] = [:]
        for pair in (text ?? "").split(separator: ",") where !pair.trimmingCharacters(in: .whitespaces).isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw GazetteerError.invalidInput(source: option, line: nil, message: "expected name=value, got “\(pair)”")
            }
            if checkFields, !fields.contains(parts[0]) {
                throw GazetteerError.invalidInput(source: option, line: nil,
                                                  message: "unknown field “\(parts[0])”; fields are \(fields.joined(separator: ", "))")
            }
            result[parts[0]] = parts[1]
        }
        return result
    }
}
