/// The level of a place in the administrative hierarchy, from the country down to named features.
///
/// ```swift
/// PlaceLevel(divisionCode: "500103")   // .county
/// ```
public enum PlaceLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case country, province, prefecture, county, township, village, feature

    /// Rank used for ordering: the country is 0, a named feature 6.
    public var rank: Int {
        switch self {
        case .country: 0
        case .province: 1
        case .prefecture: 2
        case .county: 3
        case .township: 4
        case .village: 5
        case .feature: 6
        }
    }

    /// The GB/T 18521 class code of an administrative area at this level, when it is one.
    ///
    /// 211 province-level, 212 prefecture-level, 213 county-level, 214 township-level
    /// administrative area; 232 village (villagers' committee). Features carry their own codes.
    public var categoryCode: String? {
        switch self {
        case .country: nil
        case .province: "211"
        case .prefecture: "212"
        case .county: "213"
        case .township: "214"
        case .village: "232"
        case .feature: nil
        }
    }

    /// The level a GB/T 2260 six-digit code denotes: `xx0000` province, `xxxx00` prefecture, otherwise county.
    ///
    /// `000000` is the country. Codes of other lengths give `nil`.
    public init?(divisionCode code: String) {
        guard code.count == 6, code.allSatisfy(\.isASCIIDigit) else { return nil }
        if code == "000000" { self = .country }
        else if code.hasSuffix("0000") { self = .province }
        else if code.hasSuffix("00") { self = .prefecture }
        else { self = .county }
    }

    public static func < (lhs: PlaceLevel, rhs: PlaceLevel) -> Bool { lhs.rank < rhs.rank }
}

/// What sort of thing a place is.
public enum PlaceKind: String, Sendable, Codable, CaseIterable {
    /// The country, the root of the hierarchy.
    case country
    /// An administrative division with a GB/T 2260 code (province, prefecture, county).
    case division
    /// A township-level unit: town, township, sub-district (街道).
    case township
    /// A village or residents' community.
    case village
    /// A named natural or man-made feature: mountain, river, reservoir, bridge …
    case feature
}

/// The role a name plays for its place.
public enum NameType: String, Sendable, Codable, CaseIterable {
    /// The official name (标准名称) during its period.
    case standard
    /// The short form (简称), such as 渝中 for 渝中区.
    case short
    /// Another name in use (别名).
    case alias
    /// A name the place had before, when its period is not otherwise recorded.
    case former
    /// A romanised form: Hanyu Pinyin or an older romanisation such as Peking or Chungking.
    case romanized
    /// A variant spelling or script, including recorded misspellings of official tables.
    case variant
}

/// The kind of change an event records.
public enum ChangeType: String, Sendable, Codable, CaseIterable {
    /// A new division with new territory or carved out of others.
    case established
    /// A division ceased and its territory went to existing divisions, or to none recorded.
    case abolished
    /// The same division took a new name.
    case renamed
    /// The same division took a new code.
    case recoded
    /// Several divisions became one (new or existing).
    case merged
    /// One division became several.
    case split
    /// Several divisions were abolished and their territory redistributed among several others.
    case reorganized
    /// Part of a division's territory moved to another division; both continue.
    case transferred
    /// The same division moved under another parent.
    case reparented
}

/// How a place takes part in a change event.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable {
    /// The place the event is about when it continues through it (rename, recode, re-parent).
    case subject
    /// A place that ceased in the event.
    case predecessor
    /// A place that came into being in the event, or the existing place that absorbed others.
    case successor
    /// A continuing place that gave up territory.
    case donor
    /// A continuing place that gained territory.
    case receiver
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
