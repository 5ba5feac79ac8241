import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// A marker with its version valid on a day.
    ///
    /// ```swift
    /// let marker = try store.marker("0004-001", at: try Day.register("2021-01-01"))
    /// print(marker.version.position)
    /// ```
    /// - Parameters:
    ///   - label: The marker number with its type letter.
    ///   - day: The day to look at; `nil` for the newest version.
    /// - Throws: ``RegisterError/unknownMarker(_:)``; ``RegisterError/dateTooEarly(_:date:earliest:)``
    ///   for a day before the marker was registered.
    public func marker(_ label: String, at day: Day? = nil) throws -> MarkerRecord {
        try read { db in try Self.marker(label, at: day, db) }
    }

    /// Every marker with its version valid on a day (only markers that existed then), by label.
    ///
    /// - Parameter day: The day to look at; `nil` for the newest versions.
    public func markers(at day: Day? = nil) throws -> [MarkerRecord] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT label FROM marker ORDER BY label").compactMap { try Self.marker($0, existingOn: day, db) }
        }
    }

    /// A line with its version valid on a day.
    ///
    /// - Parameters:
    ///   - id: The line id.
    ///   - day: The day to look at; `nil` for the newest version.
    /// - Throws: ``RegisterError/unknownLine(_:)``; ``RegisterError/dateTooEarly(_:date:earliest:)``.
    public func line(_ id: String, at day: Day? = nil) throws -> LineRecord {
        try read { db in try Self.line(id, at: day, db) }
    }

    /// Every line with its version valid on a day (only lines that existed then), by id.
    public func lines(at day: Day? = nil) throws -> [LineRecord] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM line ORDER BY id").compactMap { try Self.line($0, existingOn: day, db) }
        }
    }

    // MARK: - Internal

    /// The marker as of `day`, `nil` when it was not registered yet then.
    static func marker(_ label: String, existingOn day: Day?, _ db: Database) throws -> MarkerRecord? {
        do { return try marker(label, at: day, db) } catch RegisterError.dateTooEarly { return nil }
    }

    /// The line as of `day`, `nil` when it was not registered yet then.
    static func line(_ id: String, existingOn day: Day?, _ db: Database) throws -> LineRecord? {
        do { return try line(id, at: day, db) } catch RegisterError.dateTooEarly { return nil }
    }

    static let markerVersionSelect = """
        SELECT v.*, i.date AS inspection_date FROM marker_version v LEFT JOIN inspection i ON i.id = v.inspection_id
        """

    static func marker(_ label: String, at day: Day?, _ db: Database) throws -> MarkerRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM marker WHERE label = ?", arguments: [label]) else {
            throw RegisterError.unknownMarker(label)
        }
        let versionRow: Row?
        if let day {
            versionRow = try Row.fetchOne(db, sql: markerVersionSelect + """
                 WHERE v.marker = ? AND v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to > ?) ORDER BY v.id DESC LIMIT 1
                """, arguments: [label, day.description, day.description])
        } else {
            versionRow = try Row.fetchOne(db, sql: markerVersionSelect + " WHERE v.marker = ? AND v.valid_to IS NULL ORDER BY v.id DESC LIMIT 1",
                                          arguments: [label])
        }
        guard let versionRow else {
            throw RegisterError.dateTooEarly("marker \(label) lookup", date: day?.description ?? "?", earliest: row["installed"])
        }
        return MarkerRecord(label: label, number: row["number"], type: row["type"], installed: try row.day("installed"),
                            version: try markerVersion(versionRow))
    }

    static func markerVersions(_ label: String, _ db: Database) throws -> [MarkerVersionRecord] {
        try Row.fetchAll(db, sql: markerVersionSelect + " WHERE v.marker = ? ORDER BY v.valid_from, v.id", arguments: [label])
            .map(markerVersion)
    }

    static func markerVersion(_ row: Row) throws -> MarkerVersionRecord {
        MarkerVersionRecord(
            id: row["id"], marker: row["marker"], validFrom: try row.day("valid_from"), validTo: try row.optionalDay("valid_to"),
            status: MarkerStatus(rawValue: row["status"]) ?? .active, reason: VersionReason(rawValue: row["reason"]) ?? .inspection,
            inspectionID: row["inspection_id"], inspectionDate: try row.optionalDay("inspection_date"),
            workOrderID: row["work_order_id"], line: row["line_id"],
            position: Position(x: row["x"], y: row["y"], h: row["h"]), crs: row["crs"])
    }

    static func line(_ id: String, at day: Day?, _ db: Database) throws -> LineRecord {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM line WHERE id = ?", arguments: [id]) != nil else {
            throw RegisterError.unknownLine(id)
        }
        let versionRow: Row?
        if let day {
            versionRow = try Row.fetchOne(db, sql: """
                SELECT * FROM line_version WHERE line_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY id DESC LIMIT 1
                """, arguments: [id, day.description, day.description])
        } else {
            versionRow = try Row.fetchOne(db, sql: "SELECT * FROM line_version WHERE line_id = ? AND valid_to IS NULL ORDER BY id DESC LIMIT 1",
                                          arguments: [id])
        }
        guard let versionRow else {
            let first = try String.fetchOne(db, sql: "SELECT min(valid_from) FROM line_version WHERE line_id = ?", arguments: [id])
            throw RegisterError.dateTooEarly("line \(id) lookup", date: day?.description ?? "?", earliest: first ?? "?")
        }
        let inspected = try String.fetchOne(db, sql: """
            SELECT max(i.date) FROM inspection_line il JOIN inspection i ON i.id = il.inspection_id
            WHERE il.line_id = ? AND (? IS NULL OR i.date <= ?)
            """, arguments: [id, day?.description, day?.description]) ?? versionRow["valid_from"]
        return LineRecord(id: id, version: try lineVersion(versionRow),
                          lastInspected: try Day.register(inspected))
    }

    static func lineVersions(_ id: String, _ db: Database) throws -> [LineVersionRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM line_version WHERE line_id = ? ORDER BY valid_from, id", arguments: [id]).map(lineVersion)
    }

    static func lineVersion(_ row: Row) throws -> LineVersionRecord {
        LineVersionRecord(
            id: row["id"], line: row["line_id"], inspectionID: row["inspection_id"], validFrom: try row.day("valid_from"),
            validTo: try row.optionalDay("valid_to"), status: LineStatus(rawValue: row["status"]) ?? .active,
            reason: VersionReason(rawValue: row["reason"]) ?? .inspection, level: LineLevel(rawValue: row["level"]) ?? .county,
            leftCode: row["left_code"], rightCode: row["right_code"], agreement: row["agreement"], wkt: row["wkt"], crs: row["crs"])
    }
}
