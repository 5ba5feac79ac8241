/// A romanisation with its parts and search keys, as `quhua romanize --format json` and the
/// server's `/romanize` publish it.
///
/// ```swift
/// let romanizer = Romanizer.shared
/// let record = RomanizationRecord(romanizer.romanize("西安市"), keys: romanizer.searchKeys(for: "西安市"))
/// record.display   // "Xi'an Shi"
/// ```
public struct RomanizationRecord: Sendable, Codable, Equatable {
    /// One part of the name: specific, ethnonym or generic.
    public struct Part: Sendable, Codable, Equatable {
        public var text: String
        public var role: String
        public var written: String
        public var pinyin: [String]
        public var official: String?
    }

    public var name: String
    public var simplified: String
    public var display: String
    public var ascii: String
    public var pinyin: String
    public var searchKey: String
    public var initials: String
    public var parts: [Part]
    public var searchKeys: [String]
    public var initialsKeys: [String]

    /// - Parameters:
    ///   - romanization: The romanised name.
    ///   - keys: Its search keys (every plausible reading).
    ///   - tones: Whether `display` and the parts carry tone marks.
    public init(_ romanization: Romanization, keys: SearchKeys, tones: Bool = false) {
        name = romanization.name
        simplified = romanization.simplified
        display = romanization.display(tones: tones)
        ascii = romanization.ascii
        pinyin = romanization.pinyin(tones: true)
        searchKey = romanization.searchKey
        initials = romanization.initials
        parts = romanization.parts.map {
            Part(text: $0.text, role: $0.role.rawValue, written: $0.written(tones: tones),
                 pinyin: $0.syllables.map(\.description), official: $0.official)
        }
        searchKeys = keys.full
        initialsKeys = keys.initials
    }
}
