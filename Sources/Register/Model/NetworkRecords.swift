import Gazetteer

/// A unit of the upkeep network (a city, county, township or village office, or a marker's keeper).
public struct UnitRecord: Sendable, Codable, Equatable {
    /// The unit's number.
    public var id: Int64
    /// The unit's name, unique in the register.
    public var name: String
    /// Its level in the five-level network.
    public var level: UnitLevel
    /// The division it belongs to, when given.
    public var divisionCode: String?
    /// The unit above it, when given.
    public var parentID: Int64?
}

/// A person in a unit of the upkeep network.
public struct PersonRecord: Sendable, Codable, Equatable {
    /// The person's number.
    public var id: Int64
    /// The person's name.
    public var name: String
    /// The unit they work in.
    public var unitID: Int64
    /// A telephone number, when given.
    public var phone: String?
}

/// What a responsibility covers: a whole line, a stretch of a line between two markers, or one marker.
public enum CareTarget: Sendable, Codable, Equatable, CustomStringConvertible {
    /// A whole line.
    case line(String)
    /// The stretch of a line from one marker to another (by number, inclusive).
    case stretch(line: String, from: String, to: String)
    /// One marker.
    case marker(String)

    /// `line 0004`, `line 0004 from 0004-001 to 0004-003`, `marker 0004-001`.
    public var description: String {
        switch self {
        case let .line(id): return "line \(id)"
        case let .stretch(line, from, to): return "line \(line) from \(from) to \(to)"
        case let .marker(label): return "marker \(label)"
        }
    }
}

/// Who is responsible: a unit or a person.
public enum Caretaker: Sendable, Codable, Equatable, CustomStringConvertible {
    /// A unit, by id.
    case unit(Int64)
    /// A person, by id.
    case person(Int64)

    /// `unit 3`, `person 7`.
    public var description: String {
        switch self {
        case let .unit(id): return "unit \(id)"
        case let .person(id): return "person \(id)"
        }
    }
}

/// A unit's or person's responsibility for a line, a stretch or a marker over a period.
public struct ResponsibilityRecord: Sendable, Codable, Equatable {
    /// The responsibility's number.
    public var id: Int64
    /// Who is responsible.
    public var caretaker: Caretaker
    /// The name of the unit or person.
    public var caretakerName: String
    /// The level of the unit (a person's own unit) — it sets the patrol frequency.
    public var level: UnitLevel
    /// What is in their care.
    public var target: CareTarget
    /// The first day.
    public var validFrom: Day
    /// The day it ended, `nil` while in force.
    public var validTo: Day?
    /// A note.
    public var note: String?
}
