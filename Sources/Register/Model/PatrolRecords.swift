import Gazetteer

/// One marker as a patroller reports it.
public struct ObservationInput: Sendable, Codable, Equatable {
    /// The marker label (number with its type letter).
    public var marker: String
    /// The condition found.
    public var condition: MarkerCondition
    /// A note.
    public var note: String?
    /// Where the marker was measured to stand, when measured (in the register's CRS).
    public var measured: Position?

    /// Creates an observation.
    public init(marker: String, condition: MarkerCondition, note: String? = nil, measured: Position? = nil) {
        self.marker = marker
        self.condition = condition
        self.note = note
        self.measured = measured
    }

    /// Parses `NUMBER:CONDITION[:NOTE]`, the form of `register patrol add --marker`.
    ///
    /// ```swift
    /// let o = try ObservationInput(parsing: "0004-001:moved:leaning after the flood")
    /// ```
    /// - Throws: ``RegisterError/invalidValue(field:value:expected:)``.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let conditions = MarkerCondition.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count >= 2, !parts[0].isEmpty, let condition = MarkerCondition(rawValue: parts[1].lowercased()) else {
            throw RegisterError.invalidValue(field: "--marker", value: text, expected: "NUMBER:CONDITION[:NOTE] with a condition of \(conditions)")
        }
        self.init(marker: parts[0], condition: condition, note: parts.count == 3 && !parts[2].isEmpty ? parts[2] : nil)
    }
}

/// A patrol as a patroller submits it (from the command line, or an offline phone entry).
public struct PatrolInput: Sendable, Codable, Equatable {
    /// The day of the patrol.
    public var date: Day
    /// Who patrolled.
    public var patroller: String
    /// The markers seen and their condition.
    public var observations: [ObservationInput]
    /// Where the patroller stood, in the register's CRS.
    public var position: Position?
    /// A note about the whole patrol.
    public var note: String?
    /// Photo files to attach (JPEG, PNG, WebP or HEIC).
    public var photos: [String]
    /// The id an offline client gave the entry: resubmitting the same entry returns the stored patrol.
    public var clientID: String?
    /// Photos sent as bytes (by the service, from a phone), checked and stored like ``photos``.
    public var uploads: [PhotoUpload]

    /// Creates a patrol submission.
    public init(date: Day, patroller: String, observations: [ObservationInput], position: Position? = nil,
                note: String? = nil, photos: [String] = [], clientID: String? = nil, uploads: [PhotoUpload] = []) {
        self.date = date
        self.patroller = patroller
        self.observations = observations
        self.position = position
        self.note = note
        self.photos = photos
        self.clientID = clientID
        self.uploads = uploads
    }
}

/// A photo sent as bytes rather than a file path.
public struct PhotoUpload: Sendable, Codable, Equatable {
    /// The file name the client gave it, kept as the photo's original name and named in errors.
    public var name: String
    /// The bytes.
    public var data: [UInt8]

    /// Creates an upload.
    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }
}

/// A marker as a patrol found it, compared with its registered position when measured.
public struct ObservationRecord: Sendable, Codable, Equatable {
    /// The observation's number.
    public var id: Int64
    /// The patrol it belongs to.
    public var patrolID: Int64
    /// The day of the patrol.
    public var date: Day
    /// Who patrolled.
    public var patroller: String
    /// The marker label.
    public var marker: String
    /// The condition found.
    public var condition: MarkerCondition
    /// A note.
    public var note: String?
    /// The measured position, when measured.
    public var measured: Position?
    /// The horizontal distance in metres from the registered position, when measured.
    public var displacement: Double?
    /// The inspection tolerance it was compared with, in metres.
    public var tolerance: Double?
    /// Whether the displacement exceeds the tolerance.
    public var beyondTolerance: Bool?
}

/// A photo of a patrol, stored by content hash.
public struct PhotoRecord: Sendable, Codable, Equatable {
    /// The SHA-256 of the bytes, hexadecimal: also the file's name in the photos folder.
    public var sha256: String
    /// `image/jpeg`, `image/png`, `image/webp` or `image/heic`.
    public var mediaType: String
    /// The name of the file as submitted.
    public var originalName: String
    /// The size in bytes.
    public var bytes: Int
    /// The stored file's name in the photos folder (`<sha256>.<ext>`).
    public var fileName: String
}

/// A stored patrol with its observations and photos.
public struct PatrolRecord: Sendable, Codable, Equatable {
    /// The patrol's number.
    public var id: Int64
    /// The day of the patrol.
    public var date: Day
    /// Who patrolled.
    public var patroller: String
    /// Where the patroller stood.
    public var position: Position?
    /// A note.
    public var note: String?
    /// The offline client's id, when submitted from one.
    public var clientID: String?
    /// The markers seen.
    public var observations: [ObservationRecord]
    /// The photos.
    public var photos: [PhotoRecord]
}

/// What adding a patrol did.
public struct PatrolResult: Sendable, Codable, Equatable {
    /// The stored patrol.
    public var patrol: PatrolRecord
    /// `false` when the same entry (same client id, same content) was stored before: nothing was written.
    public var created: Bool
}
