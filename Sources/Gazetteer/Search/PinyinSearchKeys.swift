import Pinyin

/// Search keys and script folding from the `Pinyin` module's place-name romanizer.
///
/// ```swift
/// let store = try GazetteerStore(path: path, searchKeys: PinyinSearchKeys.standard)
/// ```
public struct PinyinSearchKeys: SearchKeyProvider {
    /// The romanizer that reads the names.
    public let romanizer: Romanizer

    /// The provider over the shipped lexicon; `nil` when the lexicon could not be loaded
    /// (``Romanizer/loadError`` says why).
    public static let standard: PinyinSearchKeys? = Romanizer.shared.loadError == nil ? PinyinSearchKeys(romanizer: .shared) : nil

    public init(romanizer: Romanizer) {
        self.romanizer = romanizer
    }

    public var identifier: String { "pinyin (GB/T 16159 place-name lexicon)" }

    public func searchKeys(for name: String) -> (full: [String], initials: [String]) {
        let keys = romanizer.searchKeys(for: name)
        return (keys.full, keys.initials)
    }

    public func simplified(_ text: String) -> String { romanizer.simplified(text) }

    public func romanization(of name: String) -> String? {
        let text = romanizer.romanize(name).display(tones: true)
        return text.isEmpty ? nil : text
    }
}
