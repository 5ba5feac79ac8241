import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// Records a patrol: the markers seen, each one's condition, a note, photos and where the patroller stood.
    ///
    /// A marker with a measured position is compared with its registered position on the patrol's
    /// day, using the tolerance of the inspection in force then; the distance and whether it is beyond
    /// tolerance are stored with the observation. Photos are checked (JPEG, PNG, WebP or HEIC by their
    /// first bytes) and stored by SHA-256 in ``photosFolder``, never overwritten.
    ///
    /// With a ``PatrolInput/clientID``, resubmitting the same entry returns the stored patrol
    /// (``PatrolResult/created`` `false`) and writes nothing.
    ///
    /// ```swift
    /// let result = try store.addPatrol(PatrolInput(
    ///     date: try Day.register("2023-04-02"), patroller: "王五",
    ///     observations: [ObservationInput(marker: "0004-001", condition: .moved,
    ///                                     measured: Position(x: 499937.560, y: 3780802.270))]), actor: "wang")
    /// result.patrol.observations[0].beyondTolerance   // true (1.5 m > 0.2 m)
    /// ```
    /// - Parameters:
    ///   - input: The patrol.
    ///   - actor: Who records it, for the audit log.
    ///   - today: Today, for refusing future dates.
    /// - Throws: ``RegisterError/unknownMarker(_:)``, ``RegisterError/futureDate(_:date:today:)``,
    ///   ``RegisterError/dateTooEarly(_:date:earliest:)`` (before the marker was first registered),
    ///   ``RegisterError/notAnImage(file:)``, ``RegisterError/clientIDConflict(clientID:patrol:)``;
    ///   nothing is written then.
    public func addPatrol(_ input: PatrolInput, actor: String, today: Day = .today) throws -> PatrolResult {
        try input.date.checkNotFuture("patrol", today: today)
        guard !input.patroller.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalidValue(field: "patroller", value: input.patroller, expected: "the patroller's name")
        }
        guard !input.observations.isEmpty else {
            throw RegisterError.invalidValue(field: "markers", value: "", expected: "at least one marker seen")
        }
        if let clientID = input.clientID, clientID.isEmpty || clientID.count > 100 {
            throw RegisterError.invalidValue(field: "client id", value: clientID, expected: "1 to 100 characters, for example a UUID")
        }
        let photos = try input.photos.map(PhotoFile.init(path:)) + input.uploads.map(PhotoFile.init(upload:))
        let contentHash = Self.contentHash(of: input, photos: photos)
        let folder = photosFolder
        return try write { db in
            if let clientID = input.clientID,
               let row = try Row.fetchOne(db, sql: "SELECT id, content_hash FROM patrol WHERE client_id = ?", arguments: [clientID]) {
                let id: Int64 = row["id"]
                guard row["content_hash"] == contentHash else { throw RegisterError.clientIDConflict(clientID: clientID, patrol: id) }
                return (PatrolResult(patrol: try Self.patrol(id: id, db), created: false), [])
            }
            let date = input.date.description
            var checked: [(ObservationInput, Position?, Double?, Double?)] = []
            for observation in input.observations {
                _ = try Self.marker(observation.marker, at: nil, db)
                let registered = try String.fetchOne(db, sql: "SELECT min(valid_from) FROM marker_version WHERE marker = ?",
                                                     arguments: [observation.marker]) ?? date
                if date < registered {
                    throw RegisterError.dateTooEarly("patrol of marker \(observation.marker)", date: date, earliest: registered)
                }
                guard let measured = observation.measured else {
                    checked.append((observation, nil, nil, nil))
                    continue
                }
                let position = try Self.marker(observation.marker, at: input.date, db).version.position
                let tolerance = try Double.fetchOne(db, sql: "SELECT tolerance FROM inspection WHERE date <= ? ORDER BY date DESC LIMIT 1",
                                                    arguments: [date]) ?? 0.2
                checked.append((observation, measured, position.distance(to: measured), tolerance))
            }
            try db.execute(sql: """
                INSERT INTO patrol (date, patroller, x, y, note, client_id, content_hash, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [date, input.patroller, input.position?.x, input.position?.y, input.note, input.clientID,
                                 contentHash, Timestamp.now()])
            let id = db.lastInsertedRowID
            for (observation, measured, distance, tolerance) in checked {
                try db.execute(sql: """
                    INSERT INTO observation (patrol_id, marker, condition, note, measured_x, measured_y, displacement, tolerance, beyond_tolerance)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, observation.marker, observation.condition.rawValue, observation.note, measured?.x, measured?.y,
                                     distance, tolerance, both(distance, tolerance).map { $0 > $1 }])
            }
            for photo in photos {
                // Stored before the commit: a crash now leaves at most an unreferenced file, named by its content.
                try photo.store(in: folder)
                try db.execute(sql: "INSERT INTO photo (patrol_id, sha256, media_type, original_name, bytes) VALUES (?, ?, ?, ?, ?)",
                               arguments: [id, photo.sha256, photo.mediaType, URL(fileURLWithPath: photo.path).lastPathComponent,
                                           photo.data.count])
            }
            let record = try Self.patrol(id: id, db)
            return (PatrolResult(patrol: record, created: true),
                    [AuditRecord(actor: actor, action: "patrol.add", entity: "patrol \(id)", details: record)])
        }
    }

    /// A patrol with its observations and photos.
    ///
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)``.
    public func patrol(_ id: Int64) throws -> PatrolRecord {
        try read { db in try Self.patrol(id: id, db) }
    }

    /// Every patrol, newest first; only those that saw `marker` when one is given.
    ///
    /// - Parameters:
    ///   - marker: A marker label, or `nil` for every patrol.
    ///   - limit: How many at most.
    public func patrols(marker: String? = nil, limit: Int = 100) throws -> [PatrolRecord] {
        try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM patrol WHERE ?1 IS NULL OR id IN (SELECT patrol_id FROM observation WHERE marker = ?1)
                ORDER BY date DESC, id DESC LIMIT ?2
                """, arguments: [marker, limit])
                .map { try Self.patrol(id: $0, db) }
        }
    }

    // MARK: - Internal

    static func patrol(id: Int64, _ db: Database) throws -> PatrolRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM patrol WHERE id = ?", arguments: [id]) else {
            throw RegisterError.unknownRecord(kind: "patrol", id: String(id))
        }
        let position = both(row["x"] as Double?, row["y"] as Double?).map { Position(x: $0, y: $1) }
        let photos = try Row.fetchAll(db, sql: "SELECT * FROM photo WHERE patrol_id = ? ORDER BY id", arguments: [id]).map { p in
            let sha: String = p["sha256"], type: String = p["media_type"]
            let ext = ["image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/heic": "heic"][type] ?? "bin"
            return PhotoRecord(sha256: sha, mediaType: type, originalName: p["original_name"], bytes: p["bytes"], fileName: "\(sha).\(ext)")
        }
        return PatrolRecord(id: id, date: try row.day("date"), patroller: row["patroller"], position: position, note: row["note"],
                            clientID: row["client_id"], observations: try observations(where: "o.patrol_id = ?", [id], db), photos: photos)
    }

    static func observations(where condition: String, _ arguments: [(any DatabaseValueConvertible)?],
                             _ db: Database) throws -> [ObservationRecord] {
        try Row.fetchAll(db, sql: """
            SELECT o.*, p.date, p.patroller FROM observation o JOIN patrol p ON p.id = o.patrol_id
            WHERE \(condition) ORDER BY p.date, o.id
            """, arguments: StatementArguments(arguments)).map { row in
            ObservationRecord(id: row["id"], patrolID: row["patrol_id"], date: try row.day("date"), patroller: row["patroller"],
                              marker: row["marker"], condition: MarkerCondition(rawValue: row["condition"]) ?? .intact,
                              note: row["note"],
                              measured: both(row["measured_x"] as Double?, row["measured_y"] as Double?).map { Position(x: $0, y: $1) },
                              displacement: row["displacement"], tolerance: row["tolerance"], beyondTolerance: row["beyond_tolerance"])
        }
    }

    /// The hash that tells a resubmitted offline entry from a different one.
    static func contentHash(of input: PatrolInput, photos: [PhotoFile]) -> String {
        struct Content: Encodable {
            var date: String, patroller: String, observations: [ObservationInput], position: Position?, note: String?, photos: [String]
        }
        let content = Content(date: input.date.description, patroller: input.patroller, observations: input.observations,
                              position: input.position, note: input.note, photos: photos.map(\.sha256))
        return SHA256.hex(of: Array((JSONText.encode(content) ?? "").utf8))
    }
}

/// Both values, or `nil` when either is missing.
func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
