/// The administrative level of a boundary line: the level of the divisions it separates.
public enum LineLevel: String, Sendable, Codable, CaseIterable {
    /// Between two provinces (the first two digits of the codes differ).
    case province
    /// Between two counties (or two prefectures) of one province: six-digit codes.
    case county
    /// Between two townships: nine- or twelve-digit codes with the same county.
    case township

    /// The level inferred from the codes on the two sides.
    ///
    /// Codes whose first two digits differ make a province line; six-digit codes of one province a
    /// county line (a line between two prefectures is also the line between two of their counties);
    /// longer codes (nine or twelve digits) of one county a township line. `nil` when a side is missing.
    ///
    /// ```swift
    /// LineLevel.inferred(left: "610400", right: "610100")   // .county
    /// LineLevel.inferred(left: "140800", right: "610500")   // .province
    /// ```
    public static func inferred(left: String?, right: String?) -> LineLevel? {
        guard let left, let right, left.count >= 2, right.count >= 2 else { return nil }
        if left.prefix(2) != right.prefix(2) { return .province }
        if left.count > 6, right.count > 6, left.prefix(6) == right.prefix(6) { return .township }
        return .county
    }
}

/// Whether a marker version is standing, or the marker has ended.
public enum MarkerStatus: String, Sendable, Codable, CaseIterable {
    /// Standing and under care.
    case active
    /// Absent from a later inspection: ended since that inspection's date.
    case missing
}

/// Whether a line version is in force, or the line has ended.
public enum LineStatus: String, Sendable, Codable, CaseIterable {
    /// In force.
    case active
    /// Absent from a later inspection: ended since that inspection's date.
    case removed
}

/// Why a marker or line version began.
public enum VersionReason: String, Sendable, Codable, CaseIterable {
    /// Read from an inspection (the first import, or a changed position or attribute).
    case inspection
    /// Absent from an inspection: the record is ended.
    case ended
    /// Replaced through a work order.
    case replaced
}

/// The five levels of the upkeep network (市、县、乡、村、点位五级管护).
public enum UnitLevel: String, Sendable, Codable, CaseIterable {
    /// A prefecture-level city's boundary office (市).
    case city
    /// A county's (区、县) office.
    case county
    /// A township (乡、镇、街道).
    case township
    /// A village (村).
    case village
    /// The keeper of a marker point (点位), usually a villager.
    case point

    /// How often markers in this level's care are patrolled, in months (the default schedule):
    /// point and village monthly, township quarterly, county half-yearly, city yearly.
    public var patrolIntervalMonths: Int {
        switch self {
        case .point, .village: return 1
        case .township: return 3
        case .county: return 6
        case .city: return 12
        }
    }
}

/// The condition of a marker as a patrol found it.
public enum MarkerCondition: String, Sendable, Codable, CaseIterable {
    /// Standing, undamaged, in place.
    case intact
    /// Broken or defaced.
    case damaged
    /// Leaning.
    case tilted
    /// Covered by earth, sand or debris.
    case buried
    /// Out of its registered position.
    case moved
    /// Not found.
    case missing
}

/// The state of a work order: open → assigned → done → verified, or cancelled from open or assigned.
public enum WorkOrderState: String, Sendable, Codable, CaseIterable {
    /// Opened from a patrol finding.
    case open
    /// Given to someone to do.
    case assigned
    /// The work is done (a replaced marker has a new version).
    case done
    /// The work was checked: the order is closed.
    case verified
    /// Given up (from open or assigned): the order is closed.
    case cancelled

    /// The states this one may move to.
    public var allowedNext: [WorkOrderState] {
        switch self {
        case .open: return [.assigned, .cancelled]
        case .assigned: return [.done, .cancelled]
        case .done: return [.verified]
        case .verified, .cancelled: return []
        }
    }

    /// Whether the order still needs work (open, assigned or done but not yet verified).
    public var isOpen: Bool { self == .open || self == .assigned || self == .done }
}

/// The state of a boundary dispute (边界争议).
public enum DisputeStatus: String, Sendable, Codable, CaseIterable {
    /// Raised, not yet in mediation.
    case open
    /// Being mediated.
    case mediating
    /// Agreed between the parties.
    case settled
    /// Closed: takes no more steps.
    case closed

    /// Whether the dispute is still unresolved (open or mediating).
    public var isOpen: Bool { self == .open || self == .mediating }
}

/// What happened along a line that calls for an earlier joint inspection.
public enum LineEventKind: String, Sendable, Codable, CaseIterable {
    /// A flood (rivers often are the line).
    case flood
    /// An earthquake or landslide.
    case earthquake
    /// Construction: roads, reservoirs, mining.
    case construction
    /// Anything else.
    case other
}
