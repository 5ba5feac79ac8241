/// One written part of a romanised name: the specific part, an ethnonym, a qualifier,
/// the generic term, or a piece that is not Chinese (digits, Latin letters, punctuation).
///
/// ```swift
/// let parts = Romanizer.shared.romanize("酉阳土家族苗族自治县").parts
/// parts.map(\.text)              // ["酉阳", "土家族", "苗族", "自治县"]
/// parts.map { $0.written() }     // ["Youyang", "Tujiazu", "Miaozu", "Zizhixian"]
/// ```
public struct NamePart: Sendable, Hashable {
    /// What a part is within the name.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// The specific part (专名): 西安 in 西安市.
        case specific
        /// An ethnonym of an autonomous area or ethnic township: 土家族 in 酉阳土家族苗族自治县.
        case ethnonym
        /// A qualifier written as its own word: 右翼 in 科尔沁右翼前旗.
        case qualifier
        /// The generic term (通名): 市, 自治县, 街道, or 山 when the name is a mountain's.
        case generic
        /// Arabic digits, kept as digits.
        case number
        /// Latin letters, kept as written.
        case latin
        /// Brackets and other punctuation, written in ASCII.
        case punctuation
        /// Characters without any known reading, kept as they are.
        case unromanized
    }

    /// The part as written in the (simplified) name.
    public let text: String
    /// What the part is.
    public let role: Role
    /// The pinyin readings, one per character; empty for parts that are not Chinese.
    public let syllables: [Syllable]
    /// The official romanisation when it is not the pinyin of `syllables`: a form
    /// transcribed from a minority language (Ürümqi), or an ethnonym's GB/T 3304 form
    /// (Uygur); nil when the pinyin is the official form.
    public let official: String?
    /// Syllable counts of the words the part is written as ([2, 3]: Tebie Xingzhengqu);
    /// nil when the part is one word.
    let wordLengths: [Int]?

    init(text: String, role: Role, syllables: [Syllable], official: String? = nil, wordLengths: [Int]? = nil) {
        self.text = text
        self.role = role
        self.syllables = syllables
        self.official = official
        self.wordLengths = (wordLengths?.count ?? 0) > 1 ? wordLengths : nil
    }

    /// The official written form of the part: `Youyang`, `Zizhixian`, `Ürümqi`.
    ///
    /// - Parameter tones: put tone marks on pinyin syllables (`Yǒuyáng`); forms from a
    ///   minority language keep their own letters.
    public func written(tones: Bool = false) -> String {
        if let official { return official }
        return pinyin(tones: tones)
    }

    /// The part in pinyin even where its official form comes from a minority language:
    /// 乌鲁木齐 → `Wulumuqi`.
    ///
    /// - Parameter tones: put tone marks on the syllables.
    public func pinyin(tones: Bool = false) -> String {
        guard !syllables.isEmpty else { return text }
        return written(syllables, tones: tones, ascii: false)
    }

    /// The official written form in ASCII letters: `Urumqi`, `Lu'an`.
    public var ascii: String {
        if let official { return Orthography.foldToASCII(official) }
        guard !syllables.isEmpty else { return Orthography.foldToASCII(text) }
        return written(syllables, tones: false, ascii: true)
    }

    private func written(_ syllables: [Syllable], tones: Bool, ascii: Bool) -> String {
        guard let wordLengths else {
            return Orthography.word(syllables[...], tones: tones, ascii: ascii)
        }
        var words: [String] = []
        var start = 0
        for length in wordLengths {
            let end = min(start + length, syllables.count)
            words.append(Orthography.word(syllables[start..<end], tones: tones, ascii: ascii))
            start = end
        }
        return words.joined(separator: " ")
    }
}
