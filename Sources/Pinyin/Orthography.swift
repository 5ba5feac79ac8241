import Foundation

/// Writing rules of GB/T 16159 for syllables and words: tone marks, ü, apostrophes,
/// capitals, and folding to ASCII.
enum Orthography {
    /// `lv` → `lü`; `v` after j, q, x, y (which the data never has) would also become `ü`.
    static func plainLetters(_ letters: String) -> String {
        guard letters.utf8.contains(UInt8(ascii: "v")) else { return letters }
        return String(letters.map { $0 == "v" ? "ü" : $0 })
    }

    /// `lv` → `lu`.
    static func asciiLetters(_ letters: String) -> String {
        guard letters.utf8.contains(UInt8(ascii: "v")) else { return letters }
        return String(letters.map { $0 == "v" ? "u" : $0 })
    }

    private static let markedVowels: [Character: [Character]] = [
        "a": ["ā", "á", "ǎ", "à"], "e": ["ē", "é", "ě", "è"], "i": ["ī", "í", "ǐ", "ì"],
        "o": ["ō", "ó", "ǒ", "ò"], "u": ["ū", "ú", "ǔ", "ù"], "v": ["ǖ", "ǘ", "ǚ", "ǜ"],
    ]

    /// The syllable with its tone mark, placed by the standard rule: on `a` or `e` if
    /// present, on the `o` of `ou`, otherwise on the last vowel.
    static func marked(_ letters: String, tone: UInt8) -> String {
        let chars = Array(letters)
        guard (1...4).contains(tone) else { return plainLetters(letters) }
        var target: Int?
        if let i = chars.firstIndex(where: { $0 == "a" || $0 == "e" }) {
            target = i
        } else if let i = chars.firstIndex(of: "o"), i + 1 < chars.count, chars[i + 1] == "u" {
            target = i
        } else {
            target = chars.lastIndex(where: { "iouv".contains($0) })
        }
        var out = ""
        for (i, c) in chars.enumerated() {
            if i == target, let marks = markedVowels[c] {
                out.append(marks[Int(tone) - 1])
            } else {
                out.append(c == "v" ? "ü" : c)
            }
        }
        return out
    }

    /// Joins the syllables of one written word, putting an apostrophe before every
    /// syllable after the first that starts with a, o or e (Xi'an, Dong'e), and
    /// capitalising the first letter.
    static func word(_ syllables: ArraySlice<Syllable>, tones: Bool, ascii: Bool, capitalized: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(syllables.count * 6)
        var first = true
        for s in syllables {
            if !first, s.startsWithVowelAOE { out.append("'") }
            first = false
            if tones {
                out += s.marked
            } else if ascii {
                out += s.ascii
            } else {
                out += s.plain
            }
        }
        return capitalized ? capitalizeFirst(out) : out
    }

    static func capitalizeFirst(_ word: String) -> String {
        guard let first = word.utf8.first else { return word }
        if first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") {
            var bytes = Array(word.utf8)
            bytes[0] = first - 32
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let character = word.first else { return word }
        return character.uppercased() + word.dropFirst()
    }

    /// Folds a romanised form to ASCII: `Ürümqi` → `Urumqi`, `Xigazê` → `Xigaze`.
    static func foldToASCII(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var out = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where scalar.isASCII {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// Lower-case ASCII letters and digits only: `Xi'an Shi` → `xianshi`.
    static func key(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in foldToASCII(text).utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.append(byte + 32)
            default:
                continue
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
