/// A name proposed for a place, with where it belongs, to be checked by ``NameCheck``.
///
/// ```swift
/// let proposal = NameProposal(name: "解放杯街道", within: "500103", category: .subdistrict)
/// ```
public struct NameProposal: Sendable, Equatable {
    /// The proposed name, generic term included (龙凤镇, 滨江路).
    public var name: String
    /// The code of the unit within which the name must be unique: a county (six digits) for
    /// townships, towns, sub-districts, bridges, mountains, rivers and lakes; a township (twelve
    /// digits) for villages, communities, roads, squares, housing estates and buildings.
    public var within: String
    /// What the name is for; `nil` infers it from the generic term (``NameCategory/infer(from:)``)
    /// and, when that fails, skips the rules that need a category.
    public var category: NameCategory?
    /// The day whose names count; `nil` means today.
    public var day: Day?
    /// The code of a place being renamed: its own current name is not a conflict.
    public var renaming: String?

    public init(name: String, within: String, category: NameCategory? = nil, day: Day? = nil, renaming: String? = nil) {
        self.name = name
        self.within = within
        self.category = category
        self.day = day
        self.renaming = renaming
    }
}

/// What ``NameCheck`` found about a proposed name.
public struct NameCheckReport: Sendable, Codable, Equatable {
    /// The name checked (trimmed).
    public var name: String
    /// The category checked against, given or inferred; `nil` when neither (generic-term and length rules skipped).
    public var category: NameCategory?
    /// The unit the name was compared within, its name on the day, and its level.
    public var within: ConflictingName
    /// The day whose names were compared.
    public var day: Day
    /// The toneless pinyin of the name's specific part.
    public var pinyin: String
    /// How many names within the unit were compared.
    public var compared: Int
    /// The profile's name.
    public var profile: String
    /// The findings, errors first, in rule order.
    public var findings: [NameFinding]

    /// Whether any finding is an error (the CLI then exits with 1).
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
