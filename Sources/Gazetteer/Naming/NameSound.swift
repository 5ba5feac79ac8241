import Pinyin

/// How a name sounds: the toneless pinyin syllables of its specific part, and the same folded by
/// the profile's confusions for near-homophones.
///
/// ```swift
/// let sound = NameSound(specific: "解放碑", romanizer: .shared)
/// sound.syllables                                   // ["jie", "fang", "bei"]
/// sound.folded(by: [["an", "ang"]])                // ["jie", "fan", "bei"]
/// ```
public struct NameSound: Sendable, Hashable {
    /// Toneless syllables, lower-case letters, `v` for `ü`; digits and Latin letters as written.
    public let syllables: [String]

    /// Reads the specific part of a name with the romanizer's place-name readings.
    public init(specific: String, romanizer: Romanizer) {
        var syllables: [String] = []
        for part in romanizer.romanize(specific).parts {
            switch part.role {
            case .punctuation: continue
            case .number, .latin, .unromanized: syllables.append(part.text.lowercased())
            default: syllables += part.syllables.map(\.letters)
            }
        }
        self.syllables = syllables
    }

    public init(syllables: [String]) {
        self.syllables = syllables
    }

    /// The syllables separated by spaces: `jie fang bei`.
    public var text: String { syllables.joined(separator: " ") }

    /// The initials pinyin syllables can start with, two-letter ones first.
    static let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w"]

    /// The syllables with every confusion folded: a pair of initials (`zh`/`z`) makes the second
    /// initial the first; a pair of endings (`an`/`ang`) makes a syllable ending in the longer one
    /// end in the shorter one. Two names that fold to the same syllables are near-homophones.
    public func folded(by confusions: [[String]]) -> [String] {
        syllables.map { Self.fold($0, confusions) }
    }

    static func fold(_ syllable: String, _ confusions: [[String]]) -> String {
        guard syllable.allSatisfy({ $0.isASCII && $0.isLetter }) else { return syllable }
        var initial = initials.first { syllable.hasPrefix($0) && syllable.count > $0.count } ?? ""
        var final = String(syllable.dropFirst(initial.count))
        for pair in confusions where pair.count == 2 {
            let (a, b) = (pair[0], pair[1])
            if initials.contains(a), initials.contains(b) {
                if initial == b { initial = a }
            } else {
                let (short, long) = a.count < b.count || (a.count == b.count && a < b) ? (a, b) : (b, a)
                if final.hasSuffix(long) { final = String(final.dropLast(long.count)) + short }
            }
        }
        return initial + final
    }
}
