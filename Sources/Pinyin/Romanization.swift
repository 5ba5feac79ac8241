/// A place name romanised by the rules of GB/T 16159: its parts, and the forms to
/// display, print in ASCII, and search by.
///
/// ```swift
/// let r = Romanizer.shared.romanize("西安市")
/// r.display()             // "Xi'an Shi"
/// r.display(tones: true)  // "Xī'ān Shì"
/// r.ascii                 // "Xi'an Shi"
/// r.searchKey             // "xianshi"
/// r.initials              // "xas"
/// ```
public struct Romanization: Sendable, Hashable {
    /// The name as given.
    public let name: String
    /// The name after folding to simplified characters and ASCII digits.
    public let simplified: String
    /// The written parts, in order.
    public let parts: [NamePart]

    /// The official romanisation: parts written apart, capitalised, with apostrophes.
    ///
    /// - Parameter tones: put tone marks on pinyin syllables (`Xī'ān Shì`).
    public func display(tones: Bool = false) -> String {
        join { $0.written(tones: tones) }
    }

    /// The official romanisation in plain ASCII: `Xi'an Shi`, `Urumqi Shi`.
    public var ascii: String {
        join { $0.ascii }
    }

    /// The whole name in pinyin, even where the official form comes from a minority
    /// language: 乌鲁木齐市 → `Wulumuqi Shi`.
    ///
    /// - Parameter tones: put tone marks on the syllables.
    public func pinyin(tones: Bool = false) -> String {
        join { $0.pinyin(tones: tones) }
    }

    /// The toneless, lower-case key of the official form, without separators: `xianshi`.
    public var searchKey: String { Orthography.key(ascii) }

    /// The first letter of every pinyin syllable (digits and Latin letters kept): `xas`.
    public var initials: String {
        var out: [UInt8] = []
        for part in parts {
            if part.syllables.isEmpty {
                out.append(contentsOf: Orthography.key(part.text).utf8)
            } else {
                for s in part.syllables {
                    if let first = s.letters.utf8.first { out.append(first) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether some part is written in a form taken from a minority language.
    public var usesMinorityForm: Bool {
        parts.contains { $0.role == .specific && $0.official != nil }
    }

    private func join(_ write: (NamePart) -> String) -> String {
        var out = ""
        out.reserveCapacity(parts.count * 10)
        var glueNext = true
        for part in parts {
            let word = write(part)
            let role = part.role
            if word.isEmpty { continue }
            let opens = role == .punctuation && (word == "(" || word == "[")
            let closes = role == .punctuation && (word == ")" || word == "]" || word == "," || word == ".")
            if !glueNext && !closes { out.append(" ") }
            out += word
            glueNext = opens
        }
        return out
    }
}
