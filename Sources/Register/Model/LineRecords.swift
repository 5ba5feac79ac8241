import Gazetteer

/// One joint inspection or accepted survey imported into the register.
public struct InspectionRecord: Sendable, Codable, Equatable {
    /// The inspection's number in the register.
    public var id: Int64
    /// The day of the inspection (or survey).
    public var date: Day
    /// The folder or files it was read from.
    public var source: String
    /// The SHA-256 of the files read, which makes a re-import recognisable.
    public var contentHash: String
    /// The boundary agreement (协议书) number.
    public var agreement: String
    /// The day the agreement was signed, when given.
    public var agreementDate: Day?
    /// The parties to the agreement.
    public var parties: [String]
    /// The marker tolerance in metres: a marker farther than this from its registered position has moved.
    public var tolerance: Double
    /// The CRS of every position and geometry read from it.
    public var crs: String
}

/// One version of a boundary line: its divisions, level, agreement and geometry over a period.
public struct LineVersionRecord: Sendable, Codable, Equatable {
    /// The version's number in the register.
    public var id: Int64
    /// The line id, for example `0005`.
    public var line: String
    /// The inspection this version came from.
    public var inspectionID: Int64
    /// The first day of the version.
    public var validFrom: Day
    /// The day the next version began, `nil` while current.
    public var validTo: Day?
    /// In force, or removed (absent from a later inspection).
    public var status: LineStatus
    /// Why the version began.
    public var reason: VersionReason
    /// Province, county or township line.
    public var level: LineLevel
    /// The division code on the left, walking from the first point to the last.
    public var leftCode: String?
    /// The division code on the right.
    public var rightCode: String?
    /// The agreement number of the inspection it came from.
    public var agreement: String
    /// The geometry as WKT (a LineString or MultiLineString) in ``crs``.
    public var wkt: String
    /// The CRS of ``wkt``.
    public var crs: String
}

/// A boundary line with its current version.
public struct LineRecord: Sendable, Codable, Equatable {
    /// The line id.
    public var id: String
    /// The version valid on the day asked for (the newest when no day is given).
    public var version: LineVersionRecord
    /// The day of the last inspection that covered the line.
    public var lastInspected: Day
}

/// Something that happened along a line and calls for an earlier joint inspection.
public struct LineEventRecord: Sendable, Codable, Equatable {
    /// The event's number.
    public var id: Int64
    /// The line id.
    public var line: String
    /// The day it happened.
    public var date: Day
    /// Flood, earthquake, construction or other.
    public var kind: LineEventKind
    /// What happened.
    public var note: String?
}

/// What an import did: the inspection and the lines and markers it added, changed or ended.
public struct ImportSummary: Sendable, Codable, Equatable {
    /// The inspection record (the existing one when the import was already done).
    public var inspection: InspectionRecord
    /// `false` when exactly this survey with this date was imported before: nothing was written.
    public var created: Bool
    /// Lines seen for the first time.
    public var linesAdded: [String]
    /// Lines whose geometry, codes or level changed: a new version each.
    public var linesChanged: [String]
    /// Lines absent from this survey: ended (removed) since its date.
    public var linesEnded: [String]
    /// How many lines are unchanged.
    public var linesUnchanged: Int
    /// Markers seen for the first time.
    public var markersAdded: [String]
    /// Markers whose position, height, type or line changed: a new version each.
    public var markersChanged: [String]
    /// Markers absent from this survey: ended (missing) since its date.
    public var markersEnded: [String]
    /// How many markers are unchanged.
    public var markersUnchanged: Int
}
