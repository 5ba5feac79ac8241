/// How serious a finding about a proposed name is.
///
/// An error is a breach of a naming rule (a duplicate, a same-sounding name, a foreign name);
/// a warning asks the reviewer to look (a near-homophone, a rare character). Neither stops an
/// application from being filed: the findings are recorded with the case for its reviewers.
public enum NameFindingSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case warning, error

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
}

/// A name already in the gazetteer that a finding is about: its text, its place's code and its level.
public struct ConflictingName: Sendable, Codable, Equatable, Hashable {
    /// The name as stored (the standard name valid on the day checked).
    public var name: String
    /// The code of the place it names, valid on that day (a 12-digit code for a township).
    public var code: String?
    /// The toneless pinyin compared, syllables separated by spaces (for sound findings).
    public var pinyin: String?

    public init(name: String, code: String?, pinyin: String? = nil) {
        self.name = name
        self.code = code
        self.pinyin = pinyin
    }
}

/// One thing a naming rule found about a proposed name.
///
/// ```swift
/// let report = try NameCheck(store: store).check(NameProposal(name: "解放碑街道", within: "500103"))
/// report.findings.first?.rule        // "name.duplicate"
/// report.findings.first?.conflicts   // [ConflictingName(name: "解放碑街道", code: "500103003000")]
/// ```
public struct NameFinding: Sendable, Codable, Equatable {
    /// The rule's stable id, for example `name.duplicate` (see ``NameRule``).
    public var rule: String
    public var severity: NameFindingSeverity
    /// What is wrong, in words a reviewer can act on.
    public var message: String
    /// The names in the gazetteer it conflicts with, with their codes; empty for rules about the name alone.
    public var conflicts: [ConflictingName]
    /// The word, character or term of the name that the rule matched, when there is one.
    public var matched: String?

    public init(rule: String, severity: NameFindingSeverity, message: String, conflicts: [ConflictingName] = [], matched: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.conflicts = conflicts
        self.matched = matched
    }
}

/// The naming rules, each with its stable id, default severity and a summary.
public enum NameRule: String, Sendable, Codable, CaseIterable {
    case duplicate = "name.duplicate"
    case homophone = "name.homophone"
    case nearHomophone = "name.near-homophone"
    case person = "name.person"
    case foreign = "name.foreign"
    case negativeWord = "name.negative-word"
    case genericMisfit = "name.generic-misfit"
    case genericMissing = "name.generic-missing"
    case rareCharacter = "name.rare-character"
    case length = "name.length"

    /// The severity when the profile does not set one.
    public var defaultSeverity: NameFindingSeverity {
        switch self {
        case .duplicate, .homophone, .person, .foreign, .negativeWord, .genericMisfit: .error
        case .nearHomophone, .genericMissing, .rareCharacter, .length: .warning
        }
    }

    /// What the rule checks, for `quhua naming rules`.
    public var summary: String {
        switch self {
        case .duplicate:
            "The same name, or the same specific part (专名) with another generic term, is already used within the unit where names must be unique."
        case .homophone:
            "A name within that unit sounds the same (same toneless pinyin of the specific part) but is written differently."
        case .nearHomophone:
            "A name within that unit sounds nearly the same: the pinyin differs only by the profile's common confusions (zh/z, n/l, an/ang …)."
        case .person:
            "The name uses the name of a person on the profile's list, or is built as a famous person's name + 路/街."
        case .foreign:
            "The name uses a foreign place or person name, or a run of characters typical of transliterations."
        case .negativeWord:
            "The name holds a word on the profile's negative lists (exaggerated, foreign-flavoured or feudal-flavoured terms)."
        case .genericMisfit:
            "The generic term at the end of the name belongs to another category (a housing estate called …广场 or …中心, a village called …区)."
        case .genericMissing:
            "The name does not end in a generic term of its category."
        case .rareCharacter:
            "A character is outside the GB 2312 repertoire, the approximation used for the national standard character table (通用规范汉字表)."
        case .length:
            "The name is shorter or longer than the profile allows for its category (characters, generic term included)."
        }
    }
}
