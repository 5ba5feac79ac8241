import Foundation

/// Reads the dates written in gazette text: `一九八五年四月十五日`, `1997年3月12日`, `2015-06-10`.
enum GazetteDate {
    /// The day, or `nil` when the text is not a complete date.
    static func parse(_ text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let day = try? Day(parsing: trimmed), trimmed.count == 10 { return day }
        guard let yearEnd = trimmed.firstIndex(of: "年"), let monthEnd = trimmed.firstIndex(of: "月"),
              yearEnd < monthEnd else { return nil }
        let yearText = trimmed[..<yearEnd]
        let monthText = trimmed[trimmed.index(after: yearEnd)..<monthEnd]
        var dayText = trimmed[trimmed.index(after: monthEnd)...]
        if let end = dayText.firstIndex(where: { $0 == "日" || $0 == "号" }) { dayText = dayText[..<end] }
        guard let year = digitsValue(yearText), let month = numberValue(monthText), let day = numberValue(dayText) else {
            return nil
        }
        return try? Day(year: year, month: month, day: day)
    }

    private static let digits: [Character: Int] = [
        "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// A year written digit by digit, in Arabic or Chinese digits.
    private static func digitsValue(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII { value = value * 10 + digit }
            else if let digit = digits[character] { value = value * 10 + digit }
            else { return nil }
        }
        return value
    }

    /// A month or day: Arabic digits, or Chinese numerals up to 三十一.
    private static func numberValue(_ text: Substring) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy(\.isASCIIDigit) { return Int(text) }
        var value = 0
        var pending = 0
        for character in text {
            if character == "十" {
                value += (pending == 0 ? 1 : pending) * 10
                pending = 0
            } else if let digit = digits[character] {
                pending = digit
            } else {
                return nil
            }
        }
        return value + pending
    }
}
