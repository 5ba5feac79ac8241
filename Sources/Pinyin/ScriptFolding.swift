/// Folding of the written form before romanisation: traditional and variant characters
/// to simplified ones, full-width letters and digits to ASCII, and Arabic digits that
/// stand inside a Chinese numeral to Chinese numerals (八五０农场 → 八五〇农场).
enum ScriptFolding {
    /// Full-width ASCII (U+FF01–FF5E) to ASCII, the ideographic space to a space,
    /// and every character to its simplified form.
    static func simplifiedScalars(_ text: String, lexicon: Lexicon) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            var v = scalar.value
            if v >= 0xFF01, v <= 0xFF5E {
                v -= 0xFEE0
            } else if v == 0x3000 {
                v = 0x20
            } else if v >= 0x3400 {
                v = lexicon.simplify(v)
            }
            out.append(v)
        }
        return out
    }

    static let hanNumerals: Set<UInt32> = Set("〇零一二三四五六七八九十百千万两".unicodeScalars.map(\.value))
    private static let digitNumerals: [UInt32] = "〇一二三四五六七八九".unicodeScalars.map(\.value)

    static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// Replaces each run of Arabic digits that touches a Chinese numeral with Chinese
    /// numerals, digit by digit: such a run is part of a number written in characters.
    static func foldDigitsInNumerals(_ scalars: inout [UInt32]) {
        var i = 0
        while i < scalars.count {
            guard isDigit(scalars[i]) else { i += 1; continue }
            var end = i
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            let before = i > 0 && hanNumerals.contains(scalars[i - 1])
            let after = end < scalars.count && hanNumerals.contains(scalars[end])
            if before || after {
                for k in i..<end { scalars[k] = digitNumerals[Int(scalars[k] - 0x30)] }
            }
            i = end
        }
    }

    static func string(_ scalars: ArraySlice<UInt32>) -> String {
        var count = 0
        for v in scalars {
            count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for v in scalars {
                if v < 0x80 {
                    buffer[i] = UInt8(v); i += 1
                } else if v < 0x800 {
                    buffer[i] = UInt8(0xC0 | (v >> 6)); buffer[i + 1] = UInt8(0x80 | (v & 0x3F)); i += 2
                } else if v < 0x10000 {
                    buffer[i] = UInt8(0xE0 | (v >> 12)); buffer[i + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | (v & 0x3F)); i += 3
                } else {
                    buffer[i] = UInt8(0xF0 | (v >> 18)); buffer[i + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[i + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); buffer[i + 3] = UInt8(0x80 | (v & 0x3F)); i += 4
                }
            }
            return i
        }
    }
}

/// Traditional → simplified folding of Chinese text, with the tables the romaniser uses.
///
/// ```swift
/// ChineseScript.simplified("萬縣")   // "万县"
/// ChineseScript.simplified("乾縣")   // "乾县" (乾 is itself a standard character)
/// ```
public enum ChineseScript {
    /// The text with every traditional or variant character replaced by its simplified
    /// form, and full-width ASCII folded to ASCII. Characters of the 2013 standard table
    /// (通用规范汉字表) are kept as they are, so 乾县 stays 乾县.
    ///
    /// - Parameter text: any text; characters without a simplified form are kept.
    /// - Returns: the folded text.
    public static func simplified(_ text: String) -> String {
        Romanizer.shared.simplified(text)
    }
}
