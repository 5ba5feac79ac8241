/// One pinyin syllable: its letters without tone and its tone number.
///
/// Letters are lower-case ASCII with `v` standing for `ü` (`lv` is 绿 lǜ).
/// Tone 1–4 are the four tones, 5 the neutral tone, 0 a tone the data does not know.
///
/// ```swift
/// let s = Syllable(letters: "lv", tone: 4)
/// s.marked    // "lǜ"
/// s.plain     // "lü"
/// s.ascii     // "lu"
/// ```
public struct Syllable: Sendable, Hashable, CustomStringConvertible {
    /// Toneless letters, `v` for `ü`.
    public let letters: String
    /// 1–4, 5 for neutral, 0 for unknown.
    public let tone: UInt8

    /// Creates a syllable from toneless letters (`v` for `ü`) and a tone number.
    public init(letters: String, tone: UInt8) {
        self.letters = letters
        self.tone = tone
    }

    /// Parses a numbered syllable such as `zhong1` or `lv4`; a missing digit means tone 0.
    init?(numbered: Substring) {
        var letters = numbered
        var tone: UInt8 = 0
        if let last = numbered.utf8.last, last >= UInt8(ascii: "0"), last <= UInt8(ascii: "5") {
            tone = last - UInt8(ascii: "0")
            letters = numbered.dropLast()
        }
        guard !letters.isEmpty,
              letters.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
        self.init(letters: String(letters), tone: tone)
    }

    /// The numbered form, `zhong1`.
    public var description: String { tone == 0 ? letters : letters + String(tone) }

    /// The syllable with `ü` and without a tone mark: `lü`, `xian`.
    ///
    /// After j, q, x and y the `u` that stands for `ü` is written `u` (GB/T 16159).
    public var plain: String { Orthography.plainLetters(letters) }

    /// The syllable with its tone mark: `xiān`, `lǜ`.
    public var marked: String { Orthography.marked(letters, tone: tone) }

    /// The syllable in ASCII letters: `ü` becomes `u`.
    public var ascii: String { Orthography.asciiLetters(letters) }

    /// Whether the syllable starts with a, o or e (and so takes an apostrophe inside a word).
    var startsWithVowelAOE: Bool {
        guard let first = letters.utf8.first else { return false }
        return first == UInt8(ascii: "a") || first == UInt8(ascii: "o") || first == UInt8(ascii: "e")
    }
}
