import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// Imports a survey or the record of a joint inspection: the lines and markers under care.
    ///
    /// The first import registers every line and marker. A later import (a later inspection) adds a
    /// new version only for what changed: a marker whose position, height, type or line differs, a
    /// line whose geometry, codes or level differ. What the new survey lacks is ended (a missing
    /// marker, a removed line) since its date, never deleted; what is new starts a history. The
    /// whole import is one transaction. Importing the same files with the same date again is a
    /// no-op that returns the existing inspection with ``ImportSummary/created`` `false`.
    ///
    /// ```swift
    /// let summary = try store.importInspection(request, actor: "li")
    /// print(summary.markersChanged)   // ["0001-001", "0003-001", "0004-001", "0006-001"]
    /// ```
    /// - Parameters:
    ///   - request: The survey, its date and agreement.
    ///   - actor: Who imports, for the audit log.
    ///   - today: Today, for refusing future dates.
    /// - Throws: ``RegisterError/invalidSurvey(source:problem:)`` for an unreadable survey,
    ///   ``RegisterError/futureDate(_:date:today:)``, ``RegisterError/conflict(_:)`` for an import
    ///   dated before the latest inspection or a different survey with an already imported date.
    public func importInspection(_ request: ImportRequest, actor: String, today: Day = .today) throws -> ImportSummary {
        try request.date.checkNotFuture("inspection", today: today)
        guard request.tolerance > 0, request.tolerance.isFinite else {
            throw RegisterError.invalidValue(field: "tolerance", value: "\(request.tolerance)", expected: "a positive number of metres")
        }
        if let installed = request.installed, installed > request.date {
            throw RegisterError.invalidValue(field: "installed", value: installed.description, expected: "a day on or before \(request.date)")
        }
        guard !request.agreement.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RegisterError.invalidValue(field: "agreement", value: request.agreement, expected: "the agreement number")
        }
        let snapshot = try SurveySnapshot.read(request.survey, level: request.level)
        let date = request.date.description
        return try write { db in
            if let existing = try Row.fetchOne(db, sql: "SELECT * FROM inspection WHERE date = ?", arguments: [date]) {
                let record = try Self.inspection(existing)
                guard record.contentHash == snapshot.contentHash else {
                    throw RegisterError.conflict("an inspection dated \(date) is already registered (\(record.source)) from different files")
                }
                return (ImportSummary(inspection: record, created: false, linesAdded: [], linesChanged: [], linesEnded: [],
                                      linesUnchanged: snapshot.lines.count, markersAdded: [], markersChanged: [],
                                      markersEnded: [], markersUnchanged: snapshot.markers.count), [])
            }
            if let latest = try String.fetchOne(db, sql: "SELECT max(date) FROM inspection"), latest > date {
                throw RegisterError.conflict("the register already holds the inspection of \(latest); import inspections in date order")
            }
            try db.execute(sql: """
                INSERT INTO inspection (date, source, content_hash, agreement, agreement_date, parties, tolerance, crs, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [date, request.survey.joined(separator: " "), snapshot.contentHash, request.agreement,
                                 request.agreementDate?.description, JSONText.encode(request.parties) ?? "[]",
                                 request.tolerance, snapshot.crs, Timestamp.now()])
            let inspectionID = db.lastInsertedRowID
            var summary = ImportSummary(inspection: try Self.inspection(id: inspectionID, db), created: true,
                                        linesAdded: [], linesChanged: [], linesEnded: [], linesUnchanged: 0,
                                        markersAdded: [], markersChanged: [], markersEnded: [], markersUnchanged: 0)
            try Self.importLines(snapshot, inspectionID: inspectionID, request: request, into: &summary, db)
            try Self.importMarkers(snapshot, inspectionID: inspectionID, date: date,
                                   installed: (request.installed ?? request.date).description, into: &summary, db)
            let audit = AuditRecord(actor: actor, action: "inspection.import", entity: "inspection \(inspectionID)", details: summary)
            return (summary, [audit])
        }
    }

    private static func importLines(_ snapshot: SurveySnapshot, inspectionID: Int64, request: ImportRequest,
                                    into summary: inout ImportSummary, _ db: Database) throws {
        let date = request.date.description
        var seen = Set<String>()
        for line in snapshot.lines {
            seen.insert(line.id)
            let current = try Row.fetchOne(db, sql: "SELECT * FROM line_version WHERE line_id = ? AND valid_to IS NULL",
                                           arguments: [line.id])
            if let current {
                let same = current["status"] == LineStatus.active.rawValue && current["wkt"] == line.wkt
                    && current["left_code"] == line.leftCode && current["right_code"] == line.rightCode
                    && current["level"] == line.level.rawValue && current["crs"] == snapshot.crs
                if same {
                    summary.linesUnchanged += 1
                } else {
                    try closeVersion("line_version", id: current["id"], on: date, db)
                    try insertLineVersion(line, status: .active, reason: .inspection, inspectionID: inspectionID,
                                          date: date, agreement: request.agreement, crs: snapshot.crs, db)
                    summary.linesChanged.append(line.id)
                }
            } else {
                try db.execute(sql: "INSERT INTO line (id, first_inspection_id) VALUES (?, ?)", arguments: [line.id, inspectionID])
                try insertLineVersion(line, status: .active, reason: .inspection, inspectionID: inspectionID,
                                      date: date, agreement: request.agreement, crs: snapshot.crs, db)
                summary.linesAdded.append(line.id)
            }
            try db.execute(sql: "INSERT INTO inspection_line (inspection_id, line_id) VALUES (?, ?)", arguments: [inspectionID, line.id])
        }
        let open = try Row.fetchAll(db, sql: "SELECT * FROM line_version WHERE valid_to IS NULL AND status = 'active' ORDER BY line_id")
        for row in open where !seen.contains(row["line_id"]) {
            try closeVersion("line_version", id: row["id"], on: date, db)
            try db.execute(sql: """
                INSERT INTO line_version (line_id, inspection_id, valid_from, status, reason, level, left_code, right_code, agreement, wkt, crs)
                SELECT line_id, ?, ?, 'removed', 'ended', level, left_code, right_code, agreement, wkt, crs FROM line_version WHERE id = ?
                """, arguments: [inspectionID, date, row["id"] as Int64])
            summary.linesEnded.append(row["line_id"])
        }
    }

    private static func insertLineVersion(_ line: SurveySnapshot.Line, status: LineStatus, reason: VersionReason,
                                          inspectionID: Int64, date: String, agreement: String, crs: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO line_version (line_id, inspection_id, valid_from, status, reason, level, left_code, right_code, agreement, wkt, crs)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [line.id, inspectionID, date, status.rawValue, reason.rawValue, line.level.rawValue,
                             line.leftCode, line.rightCode, agreement, line.wkt, crs])
    }

    private static func importMarkers(_ snapshot: SurveySnapshot, inspectionID: Int64, date: String, installed: String,
                                      into summary: inout ImportSummary, _ db: Database) throws {
        var seen = Set<String>()
        for marker in snapshot.markers {
            seen.insert(marker.label)
            if let current = try Row.fetchOne(db, sql: "SELECT * FROM marker_version WHERE marker = ? AND valid_to IS NULL",
                                              arguments: [marker.label]) {
                let since: String = current["valid_from"]
                if since > date {
                    throw RegisterError.conflict("marker \(marker.label) has a version from \(since), after this inspection's date \(date)")
                }
                let position = Position(x: current["x"], y: current["y"], h: current["h"])
                let same = current["status"] == MarkerStatus.active.rawValue && position.sameAs(marker.position)
                    && current["line_id"] == marker.line && current["crs"] == snapshot.crs
                if same {
                    summary.markersUnchanged += 1
                    continue
                }
                try closeVersion("marker_version", id: current["id"], on: date, db)
                summary.markersChanged.append(marker.label)
            } else {
                try db.execute(sql: "INSERT INTO marker (label, number, type, installed, first_inspection_id) VALUES (?, ?, ?, ?, ?)",
                               arguments: [marker.label, marker.number, marker.type, installed, inspectionID])
                summary.markersAdded.append(marker.label)
            }
            try db.execute(sql: """
                INSERT INTO marker_version (marker, valid_from, status, reason, inspection_id, line_id, x, y, h, crs)
                VALUES (?, ?, 'active', 'inspection', ?, ?, ?, ?, ?, ?)
                """, arguments: [marker.label, date, inspectionID, marker.line, marker.position.x, marker.position.y,
                                 marker.position.h, snapshot.crs])
        }
        let open = try Row.fetchAll(db, sql: "SELECT * FROM marker_version WHERE valid_to IS NULL AND status = 'active' ORDER BY marker")
        for row in open where !seen.contains(row["marker"]) {
            try closeVersion("marker_version", id: row["id"], on: date, db)
            try db.execute(sql: """
                INSERT INTO marker_version (marker, valid_from, status, reason, inspection_id, line_id, x, y, h, crs)
                SELECT marker, ?, 'missing', 'ended', ?, line_id, x, y, h, crs FROM marker_version WHERE id = ?
                """, arguments: [date, inspectionID, row["id"] as Int64])
            summary.markersEnded.append(row["marker"])
        }
    }

    /// Ends an open version on `date`.
    static func closeVersion(_ table: String, id: Int64, on date: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE \(table) SET valid_to = ? WHERE id = ? AND valid_to IS NULL", arguments: [date, id])
    }

    // MARK: - Reading inspections

    static func inspection(id: Int64, _ db: Database) throws -> InspectionRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM inspection WHERE id = ?", arguments: [id]) else {
            throw RegisterError.unknownRecord(kind: "inspection", id: String(id))
        }
        return try inspection(row)
    }

    static func inspection(_ row: Row) throws -> InspectionRecord {
        InspectionRecord(id: row["id"], date: try row.day("date"), source: row["source"], contentHash: row["content_hash"],
                         agreement: row["agreement"], agreementDate: try row.optionalDay("agreement_date"),
                         parties: JSONText.strings(row["parties"]), tolerance: row["tolerance"], crs: row["crs"])
    }

    /// Every inspection in the register, oldest first.
    public func inspections() throws -> [InspectionRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM inspection ORDER BY date").map(Self.inspection) }
    }
}
