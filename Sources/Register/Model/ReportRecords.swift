import Gazetteer

/// A standing marker as the report shows it: where, in what condition, whether a patrol is overdue.
public struct MarkerState: Sendable, Codable, Equatable {
    /// The marker label.
    public var marker: String
    /// Its line.
    public var line: String?
    /// Its registered position.
    public var position: Position
    /// The latest condition a patrol reported since its current version began; intact when none.
    public var condition: MarkerCondition
    /// Whether its patrol is overdue.
    public var patrolOverdue: Bool
}

/// The upkeep state of one division: the lines on its sides and their markers.
public struct DivisionSummary: Sendable, Codable, Equatable {
    /// The division code (as on the lines' sides).
    public var code: String
    /// The lines with this code on a side.
    public var lines: [String]
    /// How many standing markers those lines have.
    public var markers: Int
    /// How many markers are in each condition (every condition listed, zero included).
    public var conditions: [String: Int]
    /// The markers whose patrol is overdue.
    public var patrolsOverdue: [String]
    /// The work orders not yet verified or cancelled on its markers.
    public var openWorkOrders: [Int64]
    /// The open or mediating disputes on its lines.
    public var openDisputes: [Int64]
    /// The lines whose joint inspection is overdue.
    public var inspectionsOverdue: [String]
}

/// The upkeep report on a day: per division, and the geometry for its map.
public struct RegisterReport: Sendable, Codable, Equatable {
    /// The day.
    public var at: Day
    /// The division asked for, `nil` for all.
    public var division: String?
    /// Per division code, in code order.
    public var divisions: [DivisionSummary]
    /// The lines in the report (for the map), with their versions on the day.
    public var lines: [LineRecord]
    /// The standing markers of those lines.
    public var markers: [MarkerState]
    /// The CRS of the coordinates.
    public var crs: String?
}
