import Foundation

/// Romanises Chinese place names by the rules of GB/T 16159 and the place-name
/// lexicon shipped with quhua, and makes the pinyin keys that search uses.
///
/// ```swift
/// let romanizer = Romanizer.shared
/// romanizer.romanize("六安市").ascii                  // "Lu'an Shi"
/// romanizer.romanize("酉阳土家族苗族自治县").ascii    // "Youyang Tujiazu Miaozu Zizhixian"
/// romanizer.romanize("乌鲁木齐市").ascii              // "Urumqi Shi"
/// romanizer.searchKeys(for: "重庆市").full            // ["chongqingshi", "chongqing", …]
/// ```
///
/// A `Romanizer` is an immutable value: share it freely across tasks and threads.
public struct Romanizer: Sendable {
    let lexicon: Lexicon
    /// Why the shipped lexicon could not be loaded, if it could not (only for `shared`).
    public let loadError: PinyinError?

    /// The romaniser with the lexicon shipped in the package, loaded once per process
    /// on first use.
    ///
    /// If the lexicon file cannot be found or read (a broken installation), `shared`
    /// still works but knows no readings: Chinese characters are then kept as they are,
    /// and `loadError` says what went wrong. Call `standard()` to get the error thrown.
    public static let shared: Romanizer = {
        do throws(PinyinError) {
            return try standard()
        } catch {
            return Romanizer(lexicon: .empty, loadError: error)
        }
    }()

    /// Loads the lexicon shipped in the package.
    ///
    /// Looks in `$QUHUA_PINYIN_LEXICON`, then in the `quhua_Pinyin.resources` folder
    /// next to the executable, then in the source tree.
    ///
    /// - Throws: `PinyinError.lexiconNotFound` when the file is in none of those places;
    ///   `.unreadable` or `.malformed` when it cannot be read.
    public static func standard() throws(PinyinError) -> Romanizer {
        try Romanizer(contentsOf: LexiconLocator.locate())
    }

    /// Loads a lexicon file written by `Tools/pinyin/build-lexicon.py` (for instance
    /// one built with a hold-out fold, for evaluation).
    ///
    /// - Parameter url: the lexicon file.
    /// - Throws: `PinyinError.unreadable` or `.malformed`.
    public init(contentsOf url: URL) throws(PinyinError) {
        self.init(lexicon: try LexiconParser.load(contentsOf: url), loadError: nil)
    }

    init(lexicon: Lexicon, loadError: PinyinError?) {
        self.lexicon = lexicon
        self.loadError = loadError
    }

    /// Romanises one place name.
    ///
    /// Traditional characters are folded to simplified ones first (萬縣 → Wan Xian); the
    /// name is split into specific part, ethnonyms and generic term; every character
    /// gets its place-name reading; names from a minority language take their official
    /// form (拉萨 → Lhasa).
    ///
    /// ```swift
    /// Romanizer.shared.romanize("西安市").display(tones: true)   // "Xī'ān Shì"
    /// Romanizer.shared.romanize("黄山", as: .naturalFeature).ascii  // "Huang Shan"
    /// ```
    ///
    /// - Parameters:
    ///   - name: a place name, in simplified or traditional characters.
    ///   - hint: how to treat a name ending in a natural-feature term (山, 江, 湖 …).
    /// - Returns: the romanisation; never fails (characters without a reading are kept).
    public func romanize(_ name: String, as hint: FeatureHint = .automatic) -> Romanization {
        var scalars = ScriptFolding.simplifiedScalars(name, lexicon: lexicon)
        ScriptFolding.foldDigitsInNumerals(&scalars)
        let simplified = ScriptFolding.string(scalars[...])
        var parts: [NamePart] = []
        let segmenter = NameSegmenter(lexicon: lexicon)
        let model = ReadingModel(lexicon: lexicon)
        var i = 0
        while i < scalars.count {
            let kind = TokenKind.of(scalars[i], lexicon: lexicon)
            var end = i + 1
            while end < scalars.count, TokenKind.of(scalars[end], lexicon: lexicon) == kind { end += 1 }
            let run = scalars[i..<end]
            switch kind {
            case .han:
                let readings = model.readings(run)
                for piece in segmenter.segment(run, hint: hint) {
                    let slice = run[(i + piece.range.lowerBound)..<(i + piece.range.upperBound)]
                    parts.append(NamePart(
                        text: ScriptFolding.string(slice),
                        role: piece.role,
                        syllables: piece.fixed ?? Array(readings[piece.range]),
                        official: piece.official,
                        wordLengths: piece.wordLengths))
                }
            case .digit:
                parts.append(NamePart(text: ScriptFolding.string(run), role: .number, syllables: []))
            case .latin:
                parts.append(NamePart(text: ScriptFolding.string(run), role: .latin, syllables: []))
            case .punctuation:
                for v in run {
                    parts.append(NamePart(text: ScriptFolding.string([v][...]), role: .punctuation, syllables: []))
                }
            case .unknown:
                parts.append(NamePart(text: ScriptFolding.string(run), role: .unromanized, syllables: []))
            case .space:
                break
            }
            i = end
        }
        return Romanization(name: name, simplified: simplified, parts: parts)
    }

    /// Every plausible search key of a name: toneless, lower-case, without separators,
    /// for the whole name and for the name without its generic term, over every reading
    /// of its polyphonic characters; plus the initials of each.
    ///
    /// ```swift
    /// let keys = Romanizer.shared.searchKeys(for: "乌鲁木齐市")
    /// keys.full       // ["urumqishi", "urumqi", "wulumuqishi", "wulumuqi", …]
    /// keys.initials   // ["wlmqs", "wlmq", …]
    /// ```
    ///
    /// - Parameter name: a place name, in simplified or traditional characters.
    /// - Returns: the keys, the most likely first; at most `SearchKeys.limit` of each kind.
    public func searchKeys(for name: String) -> SearchKeys {
        SearchKeyBuilder(lexicon: lexicon).keys(for: romanize(name))
    }

    /// `text` with traditional and variant characters folded to simplified ones and
    /// full-width ASCII to ASCII (see `ChineseScript.simplified`).
    public func simplified(_ text: String) -> String {
        ScriptFolding.string(ScriptFolding.simplifiedScalars(text, lexicon: lexicon)[...])
    }
}

/// The kind of a character for splitting a name into runs.
enum TokenKind: Equatable {
    case han, digit, latin, space, punctuation, unknown

    static func of(_ v: UInt32, lexicon: Lexicon) -> TokenKind {
        switch v {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return .latin
        case 0x20, 0x09, 0x0A, 0x0D, 0xB7, 0x2022, 0x30FB: return .space
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
        default:
            if lexicon.hasReading(v) { return .han }
            switch v {
            case 0x3000...0x303F, 0x2000...0x206F: return .punctuation
            default: return .unknown
            }
        }
    }
}
