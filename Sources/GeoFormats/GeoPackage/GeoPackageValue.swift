import Foundation
import GRDB

/// Values read from a GeoPackage without GRDB's trap on a value of the wrong type.
///
/// `row["srs_id"] as Int` stops the process when a damaged file stores text there; these read
/// the raw `DatabaseValue` and say what the file holds instead.
///
/// ```swift
/// let srsID = try g.checkedValue(Int.self, at: "srs_id", what: "gpkg_geometry_columns.srs_id", file: file)
/// ```
extension Row {
    /// The value of `column` as `T`, or `nil` when it is NULL.
    ///
    /// - Parameters:
    ///   - what: the value in words, for the error message (`gpkg_geometry_columns.srs_id of "t"`).
    ///   - file: the file's path; `feature`: the 1-based feature, when the value belongs to one.
    /// - Throws: ``GeoFormatError`` when the stored value is not a `T`.
    func checkedValue<T: DatabaseValueConvertible>(_ type: T.Type, at column: String, what: String, file: String, feature: Int? = nil) throws -> T? {
        try GeoPackageValue.decode(self[column] as DatabaseValue, as: type, what: what, file: file, feature: feature)
    }

    /// The value at `index` as `T`, or `nil` when it is NULL.
    ///
    /// - Throws: ``GeoFormatError`` when the stored value is not a `T`.
    func checkedValue<T: DatabaseValueConvertible>(_ type: T.Type, at index: Int, what: String, file: String, feature: Int? = nil) throws -> T? {
        try GeoPackageValue.decode(self[index] as DatabaseValue, as: type, what: what, file: file, feature: feature)
    }
}

/// Conversion of stored values, and their description in messages.
enum GeoPackageValue {
    static func decode<T: DatabaseValueConvertible>(_ value: DatabaseValue, as type: T.Type, what: String, file: String, feature: Int?) throws -> T? {
        if value.isNull { return nil }
        guard let converted = T.fromDatabaseValue(value) else {
            throw GeoFormatError(file: file, feature: feature, problem: "\(what) holds \(describe(value)), not \(expected(type))")
        }
        return converted
    }

    /// The stored value in words: `the text "POINT"`, `the number inf`, `a 12-byte blob`.
    static func describe(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case let .int64(i): return "the integer \(i)"
        case let .double(d): return "the number \(d)"
        case let .string(s): return "the text \"\(s.prefix(40))\(s.count > 40 ? "…" : "")\""
        case let .blob(b): return "a \(b.count)-byte blob"
        }
    }

    private static func expected<T>(_ type: T.Type) -> String {
        if type == String.self { return "text" }
        if type == Data.self { return "a blob" }
        return "an integer"
    }
}
