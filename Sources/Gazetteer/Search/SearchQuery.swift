/// What to search for, and the filters.
///
/// ```swift
/// var query = SearchQuery("渝中")
/// query.level = .county
/// query.within = "500000"
/// let hits = try NameSearch(store: store).search(query)
/// ```
public struct SearchQuery: Sendable, Equatable {
    /// Which names to consider by their currency.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Names valid today, of places that exist today.
        case current
        /// Names no longer valid, or of places that ceased.
        case former
        /// Both.
        case all
    }

    /// The text typed: Chinese (simplified or traditional, any length), pinyin with or
    /// without spaces, pinyin initials, or a romanised name, possibly misspelt.
    public var text: String
    /// Only places at this level.
    public var level: PlaceLevel?
    /// Only places whose code, during the matched name's period, lies under this code in the
    /// GB/T 2260 hierarchy (`500000` → codes starting `50`; `510200` → `5102`).
    public var within: String?
    /// Only names valid on this day.
    public var at: Day?
    /// Only current or only former names.
    public var status: Status = .all
    /// The most places to return.
    public var limit: Int = 20

    public init(_ text: String, level: PlaceLevel? = nil, within: String? = nil, at: Day? = nil,
                status: Status = .all, limit: Int = 20) {
        self.text = text
        self.level = level
        self.within = within
        self.at = at
        self.status = status
        self.limit = limit
    }
}

/// How a name matched, best first. Hits are ranked by this, then by the static rank of the
/// name (current before former, higher level before lower, standard name before others).
public enum MatchKind: String, Sendable, Codable, CaseIterable, Comparable {
    /// The whole name, character for character.
    case exact
    /// The name without its generic suffix (渝中 for 渝中区).
    case withoutSuffix
    /// The name starts with the query.
    case prefix
    /// The query occurs inside the name.
    case substring
    /// A full pinyin reading, or a romanised name, equals the query.
    case pinyin
    /// The initials of a reading equal the query (cqs for 重庆市).
    case initials
    /// A pinyin reading or romanised name starts with the query.
    case pinyinPrefix
    /// The initials of a reading start with the query.
    case initialsPrefix
    /// A pinyin reading or romanised name is within one or two edits of the query.
    case spelling

    var order: Int { MatchKind.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool { lhs.order < rhs.order }
}

/// One place found, with the name that matched and why.
public struct SearchHit: Sendable, Codable, Equatable {
    /// The place's id.
    public var placeID: Int64
    /// The place's standard name today (or its last one).
    public var placeName: String
    /// The place's code today (or its last one).
    public var placeCode: String?
    /// `current` or `ceased`.
    public var placeStatus: String
    public var level: PlaceLevel
    /// The name that matched: it may be a former, short, alias or romanised name.
    public var matchedName: String
    public var matchedType: NameType
    /// When the matched name was valid.
    public var matchedPeriod: Period
    /// The place's code while the matched name was valid.
    public var codeThen: String?
    /// Whether the matched name is valid today.
    public var isCurrent: Bool
    public var match: MatchKind
    /// Why it matched, in words that only state what was compared.
    public var reason: String
}
