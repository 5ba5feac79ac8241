import Foundation

/// A place-name category code after GB/T 18521 (地名分类与类别代码编制规则), with its name.
///
/// The standard numbers categories by nesting: one digit for the major class (1 natural, 2
/// human geographic entities), two for the middle class, three and more for finer classes.
/// The table here holds the two major classes, the middle classes of the place-name census
/// (海域, 陆地水系, 陆地地形, 行政区域, 非行政区域, 群众自治组织, 居民点, 交通运输设施,
/// 水利电力通信设施, 纪念地旅游景点, 建筑物, 单位) and the finer classes the gazetteer itself
/// assigns (211–214 administrative areas, 231–232 self-governing organisations, 241–242
/// settlements, 121 rivers). A longer code is accepted when its middle class is known, and is
/// named by its nearest known class.
///
/// ```swift
/// let category = try PlaceCategory(code: "213")
/// category.name          // "县级行政区域"
/// PlaceCategory.isKnown("2421")   // true: under 242 农村居民点
/// PlaceCategory.isKnown("39")     // false
/// ```
public struct PlaceCategory: Sendable, Codable, Equatable, Hashable {
    /// The code as stored (`213`, `24`, `2421` …).
    public var code: String
    /// The Chinese name of the code, or of its nearest named class.
    public var name: String

    /// The named classes, code → name.
    public static let names: [String: String] = [
        "1": "自然地理实体", "2": "人文地理实体",
        "11": "海域", "12": "陆地水系", "13": "陆地地形",
        "121": "河流",
        "21": "行政区域", "211": "省级行政区域", "212": "地级行政区域", "213": "县级行政区域", "214": "乡级行政区域",
        "22": "非行政区域",
        "23": "群众自治组织", "231": "社区（居民委员会）", "232": "村（村民委员会）",
        "24": "居民点", "241": "城镇居民点", "242": "农村居民点",
        "25": "交通运输设施", "26": "水利、电力、通信设施", "27": "纪念地、旅游景点", "28": "建筑物", "29": "单位",
    ]

    /// The category with this code.
    ///
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` when the code is not
    ///   digits or its middle class is unknown.
    public init(code: String) throws {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        guard let name = Self.name(of: trimmed) else {
            throw GazetteerError.invalidInput(source: "category", line: nil,
                                              message: "“\(code)” is not a GB/T 18521 category (\(Self.middleClasses))")
        }
        self.code = trimmed
        self.name = name
    }

    /// The category of a stored code, `nil` when the code is absent or not one of the table.
    public init?(stored code: String?) {
        guard let code, let category = try? PlaceCategory(code: code) else { return nil }
        self = category
    }

    /// Whether `code` is a GB/T 18521 category this table names (itself or through its middle class).
    public static func isKnown(_ code: String) -> Bool { name(of: code) != nil }

    /// The middle classes, `11 海域, 12 陆地水系, …`, for messages.
    public static var middleClasses: String {
        names.keys.filter { $0.count == 2 }.sorted().map { "\($0) \(names[$0] ?? "")" }.joined(separator: ", ")
    }

    static func name(of code: String) -> String? {
        guard !code.isEmpty, code.count <= 8, code.allSatisfy(\.isASCIIDigit) else { return nil }
        if let name = names[code] { return name }
        guard code.count > 2, names[String(code.prefix(2))] != nil else { return nil }
        var prefix = code
        while !prefix.isEmpty {
            prefix.removeLast()
            if let name = names[prefix] { return name }
        }
        return nil
    }
}
