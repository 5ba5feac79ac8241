/// The compiled pinyin data, immutable once loaded: character readings, traditional →
/// simplified folding, word-level place-name readings, minority-language forms and the
/// list of known division names. Built by `Tools/pinyin/build-lexicon.py`.
struct Lexicon: Sendable {
    /// One official form transcribed from a minority language.
    struct MinorityForm: Sendable {
        let official: String
        /// Generic terms (as scalar hashes) the form is restricted to; empty for any.
        let generics: [UInt64]
        let language: String
    }

    // Readings: all syllables in one array; each character points at a slice of it.
    private(set) var syllables: [Syllable] = []
    /// For U+3400..<U+A000: (start << 8 | count) into `syllables`, 0 for none.
    private(set) var bmpReadings: [UInt32] = Array(repeating: 0, count: Lexicon.bmpCount)
    private(set) var otherReadings: [UInt32: UInt32] = [:]

    /// Simplified forms for U+3400..<U+A000 (0: none), and a dictionary for the rest.
    private(set) var bmpSimplified: [UInt32] = Array(repeating: 0, count: Lexicon.bmpCount)
    private(set) var otherSimplified: [UInt32: UInt32] = [:]

    // Words: a trie over scalars.
    private(set) var trieEdges = UInt64Map()
    private(set) var trieWord: [Int32] = [-1]
    private(set) var words: [[Syllable]] = []
    private(set) var wordWeights: [Int32] = []
    private(set) var longestWord = 0

    private(set) var minorityIndex = UInt64Map()
    private(set) var minority: [[MinorityForm]] = []
    private(set) var knownNames = UInt64Map(capacity: 1 << 15)

    static let bmpBase: UInt32 = 0x3400
    static let bmpCount = 0xA000 - 0x3400

    /// A lexicon with no data: every Han character is left as it is.
    static let empty = Lexicon()

    // MARK: lookup

    /// The readings of a character, the place-name default first; empty if unknown.
    func readings(of scalar: UInt32) -> ArraySlice<Syllable> {
        let packed = packedReadings(scalar)
        guard packed != 0 else { return [] }
        let start = Int(packed >> 8)
        return syllables[start..<start + Int(packed & 0xFF)]
    }

    /// The place-name default reading of a character, if it has any reading.
    func defaultReading(of scalar: UInt32) -> Syllable? {
        let packed = packedReadings(scalar)
        return packed == 0 ? nil : syllables[Int(packed >> 8)]
    }

    @inline(__always)
    private func packedReadings(_ scalar: UInt32) -> UInt32 {
        if scalar >= Lexicon.bmpBase, scalar < Lexicon.bmpBase + UInt32(Lexicon.bmpCount) {
            return bmpReadings[Int(scalar - Lexicon.bmpBase)]
        }
        return otherReadings.isEmpty ? 0 : (otherReadings[scalar] ?? 0)
    }

    func hasReading(_ scalar: UInt32) -> Bool { packedReadings(scalar) != 0 }

    /// The simplified form of a character (itself if it has none).
    func simplify(_ scalar: UInt32) -> UInt32 {
        if scalar >= Lexicon.bmpBase, scalar < Lexicon.bmpBase + UInt32(Lexicon.bmpCount) {
            let s = bmpSimplified[Int(scalar - Lexicon.bmpBase)]
            return s == 0 ? scalar : s
        }
        guard scalar >= 0x3400, !otherSimplified.isEmpty else { return scalar }
        return otherSimplified[scalar] ?? scalar
    }

    /// The trie node reached from `node` by `scalar`, or nil.
    func trieChild(_ node: Int32, _ scalar: UInt32) -> Int32? {
        trieEdges.value(UInt64(UInt32(bitPattern: node)) << 32 | UInt64(scalar))
    }

    func wordIndex(at node: Int32) -> Int? {
        let w = trieWord[Int(node)]
        return w >= 0 ? Int(w) : nil
    }

    func minorityForms(_ hash: UInt64) -> [MinorityForm]? {
        guard minorityIndex.count > 0, let i = minorityIndex.value(hash) else { return nil }
        return minority[Int(i)]
    }

    func isKnownName(_ hash: UInt64) -> Bool { knownNames.count > 0 && knownNames.contains(hash) }

    // MARK: building (used by the parser)

    mutating func addReadings(_ scalar: UInt32, _ list: [Syllable]) {
        guard !list.isEmpty else { return }
        let packed = UInt32(syllables.count) << 8 | UInt32(min(list.count, 255))
        syllables.append(contentsOf: list.prefix(255))
        if scalar >= Lexicon.bmpBase, scalar < Lexicon.bmpBase + UInt32(Lexicon.bmpCount) {
            bmpReadings[Int(scalar - Lexicon.bmpBase)] = packed
        } else {
            otherReadings[scalar] = packed
        }
    }

    mutating func addSimplified(_ from: UInt32, _ to: UInt32) {
        if from >= Lexicon.bmpBase, from < Lexicon.bmpBase + UInt32(Lexicon.bmpCount) {
            bmpSimplified[Int(from - Lexicon.bmpBase)] = to
        } else {
            otherSimplified[from] = to
        }
    }

    mutating func addWord(_ scalars: [UInt32], _ reading: [Syllable], weight: Int32) {
        var node: Int32 = 0
        for s in scalars {
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(s)
            if let next = trieEdges.value(key) {
                node = next
            } else {
                let next = Int32(trieWord.count)
                trieWord.append(-1)
                trieEdges.set(key, next)
                node = next
            }
        }
        trieWord[Int(node)] = Int32(words.count)
        words.append(reading)
        wordWeights.append(weight)
        longestWord = max(longestWord, scalars.count)
    }

    mutating func addMinority(_ specific: [UInt32], _ form: MinorityForm) {
        let hash = ScalarHash.of(specific[...])
        if let i = minorityIndex.value(hash) {
            minority[Int(i)].append(form)
        } else {
            minorityIndex.set(hash, Int32(minority.count))
            minority.append([form])
        }
    }

    mutating func addKnownName(_ scalars: [UInt32]) { knownNames.set(ScalarHash.of(scalars[...]), 1) }
}

/// A 64-bit FNV-1a hash of a run of Unicode scalars, used to look names up without
/// building strings.
enum ScalarHash {
    static func of(_ scalars: ArraySlice<UInt32>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scalars {
            h = (h ^ UInt64(s)) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    static func of(_ text: String) -> UInt64 {
        of(text.unicodeScalars.map(\.value)[...])
    }
}
