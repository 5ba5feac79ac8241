import Gazetteer

/// One version of a marker: where it stood and in what status over a period.
public struct MarkerVersionRecord: Sendable, Codable, Equatable {
    /// The version's number in the register.
    public var id: Int64
    /// The marker label (number with its type letter).
    public var marker: String
    /// The first day of the version.
    public var validFrom: Day
    /// The day the next version began, `nil` while current.
    public var validTo: Day?
    /// Standing, or missing since ``validFrom``.
    public var status: MarkerStatus
    /// Why the version began: an inspection, an ending, or a replacement.
    public var reason: VersionReason
    /// The inspection it came from, for inspection and ending versions.
    public var inspectionID: Int64?
    /// The day of that inspection.
    public var inspectionDate: Day?
    /// The work order that replaced the marker, for replacement versions.
    public var workOrderID: Int64?
    /// The line the marker stands on.
    public var line: String?
    /// The position (for a missing marker, the last known one).
    public var position: Position
    /// The CRS of ``position``.
    public var crs: String
}

/// A boundary marker (界桩) with the version valid on the day asked for.
public struct MarkerRecord: Sendable, Codable, Equatable {
    /// The number with its type letter: `0004-001`, `J001A`.
    public var label: String
    /// The marker number.
    public var number: String
    /// The type letter, `""` for a single marker.
    public var type: String
    /// The installation day: as the first import that registered it gave it, else that import's date.
    public var installed: Day
    /// The version valid on the day asked for.
    public var version: MarkerVersionRecord
}
