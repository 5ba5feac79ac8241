import Foundation
import GRDB

extension RegisterStore {
    /// The history of a marker (by label) or a line (by id): what `register show` prints.
    ///
    /// ```swift
    /// if case .marker(let history) = try store.history(of: "0004-001") {
    ///     print(history.versions.map(\.reason))   // [inspection, replaced, inspection]
    /// }
    /// ```
    /// - Throws: ``RegisterError/unknownMarkerOrLine(_:)`` when the text names neither a marker nor a line.
    public func history(of text: String) throws -> RegisterHistory {
        try read { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM marker WHERE label = ?", arguments: [text]) != nil {
                return .marker(try Self.markerHistory(text, db))
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM line WHERE id = ?", arguments: [text]) != nil {
                return .line(try Self.lineHistory(text, db))
            }
            throw RegisterError.unknownMarkerOrLine(text)
        }
    }

    /// The full history of a marker: versions with their inspections, patrols, work orders with
    /// their steps, disputes on its line and responsibilities.
    ///
    /// - Throws: ``RegisterError/unknownMarker(_:)``.
    public func markerHistory(_ label: String) throws -> MarkerHistory {
        try read { db in try Self.markerHistory(label, db) }
    }

    /// The full history of a line: versions, inspections, markers, events, disputes and responsibilities.
    ///
    /// - Throws: ``RegisterError/unknownLine(_:)``.
    public func lineHistory(_ id: String) throws -> LineHistory {
        try read { db in try Self.lineHistory(id, db) }
    }

    // MARK: - Internal

    static func markerHistory(_ label: String, _ db: Database) throws -> MarkerHistory {
        let marker = try Self.marker(label, at: nil, db)
        let versions = try markerVersions(label, db)
        let inspectionIDs = Array(Set(versions.compactMap(\.inspectionID))).sorted()
        let lines = Set(versions.compactMap(\.line))
        let disputes = try Int64.fetchAll(db, sql: "SELECT id FROM dispute ORDER BY id").map { try dispute(id: $0, db) }
            .filter { lines.contains($0.line) }
        return MarkerHistory(
            marker: marker, versions: versions,
            inspections: try inspectionIDs.map { try inspection(id: $0, db) }.sorted { $0.date < $1.date },
            observations: try observations(where: "o.marker = ?", [label], db),
            workOrders: try workOrders(marker: label, db), disputes: disputes,
            responsibilities: try responsible(for: label, at: nil, db))
    }

    static func lineHistory(_ id: String, _ db: Database) throws -> LineHistory {
        let line = try Self.line(id, at: nil, db)
        let inspections = try Row.fetchAll(db, sql: """
            SELECT i.* FROM inspection i JOIN inspection_line il ON il.inspection_id = i.id WHERE il.line_id = ? ORDER BY i.date
            """, arguments: [id]).map(inspection)
        let markers = try String.fetchAll(db, sql: "SELECT DISTINCT marker FROM marker_version WHERE line_id = ? ORDER BY marker",
                                          arguments: [id]).map { try marker($0, at: nil, db) }
        return LineHistory(
            line: line, versions: try lineVersions(id, db), inspections: inspections, markers: markers,
            events: try lineEvents(line: id, db),
            disputes: try Int64.fetchAll(db, sql: "SELECT id FROM dispute WHERE line_id = ? ORDER BY id", arguments: [id])
                .map { try dispute(id: $0, db) },
            responsibilities: try responsible(for: id, at: nil, db))
    }
}
