import Foundation
import Gazetteer
import GRDB

extension Day {
    /// Parses a day a user typed (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), reporting errors as register errors.
    ///
    /// - Parameter text: The date as typed.
    /// - Throws: ``RegisterError/invalidDate(_:reason:)``.
    public static func register(_ text: String) throws -> Day {
        do { return try Day(parsing: text) } catch let GazetteerError.invalidDate(_, reason) {
            throw RegisterError.invalidDate(text, reason: reason)
        } catch {
            throw RegisterError.invalidDate(text, reason: "\(error)")
        }
    }

    /// The same day `months` later; a day that does not exist in the target month becomes its last day.
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        let last = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (try? Day(year: y, month: m, day: min(day, last))) ?? self
    }

    /// The day `days` later (or earlier, for a negative count).
    public func adding(days: Int) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .gmt
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              let moved = calendar.date(byAdding: .day, value: days, to: date) else { return self }
        let parts = calendar.dateComponents([.year, .month, .day], from: moved)
        return (try? Day(year: parts.year ?? year, month: parts.month ?? month, day: parts.day ?? day)) ?? self
    }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    public func adding(years: Int) -> Day { adding(months: 12 * years) }

    /// Throws when the day lies after `today`.
    func checkNotFuture(_ what: String, today: Day) throws {
        if self > today { throw RegisterError.futureDate(what, date: description, today: today.description) }
    }
}

extension Row {
    /// A stored `YYYY-MM-DD` column.
    func day(_ column: String) throws -> Day {
        let text: String = self[column]
        do { return try Day(parsing: text) } catch {
            throw RegisterError.database("stored date “\(text)” in column \(column) is not a date")
        }
    }

    /// A stored `YYYY-MM-DD` column that may be NULL.
    func optionalDay(_ column: String) throws -> Day? {
        guard (self[column] as String?) != nil else { return nil }
        return try day(column)
    }
}
