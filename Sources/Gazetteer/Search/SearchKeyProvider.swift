import Foundation

/// Where Latin search keys and script folding come from: the `Pinyin` module's romanizer.
///
/// The gazetteer does not romanise names itself. Without a provider, Latin search still
/// finds names stored in Latin script (romanised names, GeoNames alternates such as
/// Chungking), but not pinyin readings of Chinese names, and traditional characters are not
/// folded.
public protocol SearchKeyProvider: Sendable {
    /// A short identifier recorded with the index, for example `pinyin 1.0`.
    var identifier: String { get }
    /// Every plausible toneless reading of `name` (lower case, no separators), of the whole
    /// name and of the name without its generic suffix, and their initials.
    func searchKeys(for name: String) -> (full: [String], initials: [String])
    /// `text` with traditional characters replaced by simplified ones.
    func simplified(_ text: String) -> String
    /// The romanisation shown with a name (for example `Wànzhōu Qū`), or `nil`.
    func romanization(of name: String) -> String?
}

/// Text normalisation shared by indexing and querying.
enum SearchText {
    /// Whether `text` holds a CJK ideograph.
    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { isHan($0) }
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: return true
        default: return false
        }
    }

    /// NFKC, without white space; traditional folded to simplified when a provider is given.
    static func foldHan(_ text: String, keys: (any SearchKeyProvider)?) -> String {
        var folded = text.precomposedStringWithCompatibilityMapping
        folded.removeAll { $0.isWhitespace || $0 == "·" || $0 == "•" }
        if let keys { folded = keys.simplified(folded) }
        return folded
    }

    /// A Latin key: lower-case ASCII letters only, diacritics and separators removed
    /// (“Xī'ān” → “xian”, “Ch'ung-ch'ing” → “chungching”).
    static func latinKey(_ text: String) -> String {
        var key = ""
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == "ü" || scalar == "Ü" { key.append("v"); continue }
            guard scalar.isASCII, scalar.properties.isAlphabetic else { continue }
            key.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
        }
        return key
    }
}
