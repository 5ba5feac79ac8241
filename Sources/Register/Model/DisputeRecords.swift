import Gazetteer

/// The stretch of a line a dispute concerns: between two of its markers, or a given geometry.
public enum DisputeStretch: Sendable, Codable, Equatable {
    /// From one marker to another along the line; the geometry is cut from the line between them.
    case markers(from: String, to: String)
    /// A LineString in WKT, in the register's CRS.
    case wkt(String)
}

/// A dispute (边界争议) as it is opened.
public struct DisputeInput: Sendable, Codable, Equatable {
    /// The line.
    public var line: String
    /// The stretch of the line.
    public var stretch: DisputeStretch
    /// The parties (usually the two divisions or their governments).
    public var parties: [String]
    /// The day it was opened.
    public var opened: Day
    /// A short title.
    public var title: String?
    /// References of documents (letters, minutes, agreements).
    public var documents: [String]
    /// A note.
    public var note: String?

    /// Creates a dispute submission.
    public init(line: String, stretch: DisputeStretch, parties: [String], opened: Day, title: String? = nil,
                documents: [String] = [], note: String? = nil) {
        self.line = line
        self.stretch = stretch
        self.parties = parties
        self.opened = opened
        self.title = title
        self.documents = documents
        self.note = note
    }
}

/// One dated step of a dispute: a status change, a note, documents added.
public struct DisputeStep: Sendable, Codable, Equatable {
    /// The day.
    public var date: Day
    /// The status from this day.
    public var status: DisputeStatus
    /// A note.
    public var note: String?
    /// Documents added at this step.
    public var documents: [String]
    /// Who recorded it.
    public var actor: String
}

/// A dispute along a stretch of a line, with its steps.
public struct DisputeRecord: Sendable, Codable, Equatable {
    /// The dispute's number.
    public var id: Int64
    /// The line.
    public var line: String
    /// The first marker of the stretch, when given by markers.
    public var fromMarker: String?
    /// The last marker of the stretch, when given by markers.
    public var toMarker: String?
    /// The stretch as a WKT LineString.
    public var wkt: String
    /// The CRS of ``wkt``.
    public var crs: String
    /// The parties.
    public var parties: [String]
    /// The day it was opened.
    public var opened: Day
    /// The current status.
    public var status: DisputeStatus
    /// A short title.
    public var title: String?
    /// Every document of every step.
    public var documents: [String]
    /// The steps, oldest first (the first is the opening).
    public var steps: [DisputeStep]
}
