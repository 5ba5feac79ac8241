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
    /// Only names valid on this day — an undated name takes the period of the name or place it
    /// belongs to — and each hit described as it was that day (``SearchHit/onDay``).
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
///
/// When the query has a day (``SearchQuery/at``), ``onDay`` holds the place's code, name,
/// level and parent on that day, ``codeThen`` is the code of that day, and ``now`` today's
/// code and name when they differ:
///
/// ```swift
/// let hit = try NameSearch(store: store).search(SearchQuery("长安", at: Day(parsing: "1990-01-01")))
///     .first { $0.placeCode == "610116" }
/// hit?.onDay?.code    // "610121"
/// hit?.onDay?.name    // "长安县"
/// hit?.now?.name      // "长安区"
/// ```
///
/// Encoded as JSON with these property names (the HTTP service returns it as is).
public struct SearchHit: Sendable, Codable, Equatable {
    /// A place's code and name.
    public struct PlaceReference: Sendable, Codable, Equatable {
        /// The GB/T 2260 code (or, for places without one, the statistical or other code).
        public var code: String?
        /// The standard name.
        public var name: String

        public init(code: String?, name: String) {
            self.code = code
            self.name = name
        }

        /// `610121 长安县`, or the name alone when there is no code.
        public var label: String { "\(code.map { "\($0) " } ?? "")\(name)" }
    }

    /// The place as it was on the day a query asked about.
    public struct PlaceOnDay: Sendable, Codable, Equatable {
        /// The day.
        public var day: Day
        /// The code valid that day: GB/T 2260 for divisions, else the statistical or other code.
        public var code: String?
        /// The standard name valid that day.
        public var name: String
        /// The level that day (a division's level follows from its code: 重庆市 was a prefecture until 1997).
        public var level: PlaceLevel
        /// The parent that day, with its code and name of that day.
        public var parent: PlaceReference?

        public init(day: Day, code: String?, name: String, level: PlaceLevel, parent: PlaceReference?) {
            self.day = day
            self.code = code
            self.name = name
            self.level = level
            self.parent = parent
        }

        /// `610121 长安县`.
        public var label: String { PlaceReference(code: code, name: name).label }
    }

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
    /// When the matched name was valid: its own period, or — for a name recorded without dates
    /// (``periodInherited``) — that of the standard name it shortens or of its place.
    public var matchedPeriod: Period
    /// Whether ``matchedPeriod`` is inherited from the name or place the matched name belongs to.
    public var periodInherited: Bool = false
    /// The place's code on the day asked about; without a day, its code while the matched name
    /// was valid (the latest, when it had several then).
    public var codeThen: String?
    /// Whether the matched name is valid today.
    public var isCurrent: Bool
    public var match: MatchKind
    /// Why it matched, in words that only state what was compared.
    public var reason: String
    /// With a day asked about: the place's code, name, level and parent on that day.
    public var onDay: PlaceOnDay? = nil
    /// With a day asked about: today's code and name, when the place exists today and either
    /// differs from ``onDay`` (`610121 长安县` is now `610116 长安区`).
    public var now: PlaceReference? = nil
}
