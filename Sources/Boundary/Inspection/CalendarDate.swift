/// A day in the calendar (`2025-06-18`), for survey dates and inspection due dates.
///
/// ```swift
/// let surveyed = try CalendarDate(parsing: "2024-02-29")
/// surveyed.adding(years: 5).description   // "2029-02-28"
/// ```
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31.
    public var day: Int

    /// Creates a date, checking that the day exists.
    ///
    /// - Throws: ``InspectionError/invalidSetting(_:)`` for a month or day that does not exist.
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, of: year) else {
            throw InspectionError.invalidSetting("\(year)-\(month)-\(day) is not a date")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`.
    ///
    /// - Throws: ``InspectionError/invalidSetting(_:)`` for any other text.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            throw InspectionError.invalidSetting("\"\(text)\" is not a date written YYYY-MM-DD")
        }
        do { try self.init(year: y, month: m, day: d) } catch {
            throw InspectionError.invalidSetting("\"\(text)\" is not a date (no such day)")
        }
    }

    /// The same day `years` later; 29 February becomes 28 February in a year without it.
    public func adding(years: Int) -> CalendarDate {
        var date = self
        date.year += years
        date.day = min(day, Self.days(inMonth: month, of: date.year))
        return date
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : String(month), d = day < 10 ? "0\(day)" : String(day)
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    /// Whether `a` is the earlier day.
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// Reads a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    /// Writes a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
