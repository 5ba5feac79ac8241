/// Which attribute holds what, for each kind of survey file.
///
/// Each entry is a list of candidate field names, tried in order (case-sensitive first, then
/// ignoring case); the first one a file has is used. A profile may give a single name.
///
/// ```json
/// "fields": { "lineLeft": ["LEFT_CODE"], "markerNumber": ["桩号"] }
/// ```
public struct FieldMapping: Sendable, Codable, Equatable {
    /// The line id.
    public var lineID: [String]
    /// The code of the division on the left of the line.
    public var lineLeft: [String]
    /// The code of the division on the right of the line.
    public var lineRight: [String]
    /// The marker number.
    public var markerNumber: [String]
    /// The marker type letter (A/B/C or empty).
    public var markerType: [String]
    /// The id of the line a marker stands on.
    public var markerLine: [String]
    /// The marker's first coordinate column (CSV tables).
    public var markerX: [String]
    /// The marker's second coordinate column (CSV tables).
    public var markerY: [String]
    /// The marker's elevation column.
    public var markerH: [String]
    /// The division code.
    public var divisionCode: [String]
    /// The division name.
    public var divisionName: [String]

    /// The defaults: English names, common Chinese names and the cn-atlas fields.
    public static let standard = FieldMapping(
        lineID: ["line_id", "id", "LINE_ID", "ID", "界线编号", "编号"],
        lineLeft: ["left", "left_code", "LEFT", "LEFT_CODE", "左侧代码", "左侧区划码"],
        lineRight: ["right", "right_code", "RIGHT", "RIGHT_CODE", "右侧代码", "右侧区划码"],
        markerNumber: ["number", "NUMBER", "marker", "界桩编号", "桩号", "编号"],
        markerType: ["type", "TYPE", "类型", "界桩类型"],
        markerLine: ["line", "line_id", "LINE", "LINE_ID", "界线编号"],
        markerX: ["X", "x", "E", "easting"],
        markerY: ["Y", "y", "N", "northing"],
        markerH: ["H", "h", "Z", "z", "elevation", "高程"],
        divisionCode: ["code", "区划码", "id", "CODE", "adcode", "GEOID"],
        divisionName: ["name_zh", "地名", "name", "NAME"]
    )

    /// The first of `candidates` found in `fields`, exactly or ignoring case.
    public static func pick(_ candidates: [String], in fields: [String]) -> String? {
        for c in candidates where fields.contains(c) { return c }
        for c in candidates {
            if let f = fields.first(where: { $0.lowercased() == c.lowercased() }) { return f }
        }
        return nil
    }
}

extension FieldMapping {
    private enum Keys: String, CodingKey {
        case lineID, lineLeft, lineRight, markerNumber, markerType, markerLine, markerX, markerY, markerH, divisionCode, divisionName
    }

    /// Reads a mapping in which every entry is optional (missing ones keep the defaults) and
    /// each may be a single name or a list.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let d = FieldMapping.standard
        func names(_ key: Keys, _ fallback: [String]) throws -> [String] {
            if let one = try? c.decode(String.self, forKey: key) { return [one] }
            return try c.decodeIfPresent([String].self, forKey: key) ?? fallback
        }
        self.init(
            lineID: try names(.lineID, d.lineID), lineLeft: try names(.lineLeft, d.lineLeft),
            lineRight: try names(.lineRight, d.lineRight), markerNumber: try names(.markerNumber, d.markerNumber),
            markerType: try names(.markerType, d.markerType), markerLine: try names(.markerLine, d.markerLine),
            markerX: try names(.markerX, d.markerX), markerY: try names(.markerY, d.markerY),
            markerH: try names(.markerH, d.markerH), divisionCode: try names(.divisionCode, d.divisionCode),
            divisionName: try names(.divisionName, d.divisionName))
    }
}
