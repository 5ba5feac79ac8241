import Foundation

/// A calendar day in the proleptic Gregorian calendar, the unit of valid time in the gazetteer.
///
/// Facts are valid from a day (inclusive) to a day (exclusive). A year alone stands for
/// the last day of that year, because the yearly division tables describe the state on
/// 31 December.
///
/// ```swift
/// let day = try Day(parsing: "1997-03-14")
/// let endOf1990 = try Day(parsing: "1990")      // 1990-12-31
/// print(day)                                     // "1997-03-14"
/// ```
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The year, 1 … 9999.
    public let year: Int
    /// The month, 1 … 12.
    public let month: Int
    /// The day of the month, 1 … 31.
    public let day: Int

    /// The earliest year the gazetteer accepts in dates.
    public static let earliestYear = 1800
    /// The latest year the gazetteer accepts in dates.
    public static let latestYear = 2200

    /// Creates a day, checking that it exists in the calendar.
    ///
    /// - Throws: ``GazetteerError/invalidDate(_:reason:)`` when the day does not exist or
    ///   lies outside ``earliestYear`` … ``latestYear``.
    public init(year: Int, month: Int, day: Int) throws {
        guard (Day.earliestYear...Day.latestYear).contains(year) else {
            throw GazetteerError.invalidDate("\(year)-\(month)-\(day)",
                reason: "years from \(Day.earliestYear) to \(Day.latestYear) are accepted")
        }
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else {
            throw GazetteerError.invalidDate("\(year)-\(month)-\(day)", reason: "no such day")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// A year alone means 31 December of that year and a month alone its last day, so that
    /// `--at 1990` asks for the state shown in the 1990 table.
    ///
    /// - Parameter text: The date as typed by a user.
    /// - Throws: ``GazetteerError/invalidDate(_:reason:)`` for anything else.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let year = Int(parts[0]), parts[0].count == 4 else {
            throw GazetteerError.invalidDate(text, reason: "expected YYYY, YYYY-MM or YYYY-MM-DD")
        }
        let month = parts.count > 1 ? Int(parts[1]) : 12
        guard let month else { throw GazetteerError.invalidDate(text, reason: "the month is not a number") }
        if parts.count == 3 {
            guard let day = Int(parts[2]) else {
                throw GazetteerError.invalidDate(text, reason: "the day is not a number")
            }
            try self.init(checking: text, year: year, month: month, day: day)
        } else {
            guard (1...12).contains(month) else { throw GazetteerError.invalidDate(text, reason: "no such month") }
            try self.init(checking: text, year: year, month: month, day: Day.daysIn(month: month, year: year))
        }
    }

    /// ``init(year:month:day:)`` reporting errors with the text the user typed.
    private init(checking text: String, year: Int, month: Int, day: Int) throws {
        do {
            try self.init(year: year, month: month, day: day)
        } catch let GazetteerError.invalidDate(_, reason) {
            throw GazetteerError.invalidDate(text, reason: reason)
        }
    }

    /// The first day of a year.
    public static func startOfYear(_ year: Int) throws -> Day { try Day(year: year, month: 1, day: 1) }

    /// The last day of a year.
    public static func endOfYear(_ year: Int) throws -> Day { try Day(year: year, month: 12, day: 31) }

    /// Today in UTC+8 (China Standard Time).
    public static var today: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(unchecked: parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }

    /// `YYYY-MM-DD`, the form stored in the database.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : String(month), d = day < 10 ? "0\(day)" : String(day)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the stored `YYYY-MM-DD` form without the range checks of user input.
    init?(stored text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let y = Int(text.prefix(4)), let m = Int(text.dropFirst(5).prefix(2)), let d = Int(text.suffix(2))
        else { return nil }
        self.init(unchecked: y, m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Day {
    /// The day before.
    public var previous: Day {
        if day > 1 { return Day(unchecked: year, month, day - 1) }
        if month > 1 { return Day(unchecked: year, month - 1, Day.daysIn(month: month - 1, year: year)) }
        return Day(unchecked: year - 1, 12, 31)
    }
}
