import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// Opens a work order for a marker a patrol found not intact.
    ///
    /// ```swift
    /// let order = try store.openWorkOrder(patrol: patrol.id, marker: "0004-001", on: try Day.register("2023-04-03"), actor: "li")
    /// ```
    /// - Parameters:
    ///   - patrol: The patrol whose finding it follows.
    ///   - marker: The marker label; the patrol must have reported it other than intact.
    ///   - day: The day it is opened (not before the patrol, not in the future).
    ///   - note: A note.
    ///   - actor: Who opens it, for the audit log and the step.
    ///   - today: Today, for refusing future dates.
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)`` for an unknown patrol,
    ///   ``RegisterError/invalidValue(field:value:expected:)`` when the patrol found the marker intact or did not see it,
    ///   ``RegisterError/futureDate(_:date:today:)``, ``RegisterError/dateTooEarly(_:date:earliest:)``.
    public func openWorkOrder(patrol: Int64, marker: String, on day: Day, note: String? = nil, actor: String,
                              today: Day = .today) throws -> WorkOrderRecord {
        try day.checkNotFuture("work order", today: today)
        return try write { db in
            let found = try Self.patrol(id: patrol, db)
            guard let observation = found.observations.first(where: { $0.marker == marker }) else {
                throw RegisterError.invalidValue(field: "marker", value: marker, expected: "a marker patrol \(patrol) reported")
            }
            guard observation.condition != .intact else {
                throw RegisterError.invalidValue(field: "marker", value: marker, expected: "a finding: patrol \(patrol) found it intact")
            }
            if day < found.date {
                throw RegisterError.dateTooEarly("work order", date: day.description, earliest: found.date.description)
            }
            try db.execute(sql: "INSERT INTO work_order (patrol_id, marker, state) VALUES (?, ?, 'open')", arguments: [patrol, marker])
            let id = db.lastInsertedRowID
            try Self.insertStep(order: id, state: .open, day: day, actor: actor, note: note, db)
            let record = try Self.workOrder(id: id, db)
            return (record, [AuditRecord(actor: actor, action: "workorder.open", entity: "work_order \(id)", details: record)])
        }
    }

    /// Moves a work order to its next state: assigned, done, verified or cancelled.
    ///
    /// The allowed steps are open → assigned → done → verified, and cancelled from open or assigned
    /// (``WorkOrderState/allowedNext``). Each step is dated (not before the previous step, not in the
    /// future) and signed by the actor. A `done` step with `replacedAt` records that the marker was
    /// replaced: its current version ends that day and a new version (reason `replaced`) begins at
    /// the new position.
    ///
    /// ```swift
    /// try store.advanceWorkOrder(order.id, to: .assigned, on: day, assignee: "赵六", actor: "li")
    /// try store.advanceWorkOrder(order.id, to: .done, on: later, replacedAt: Position(x: 499936.660, y: 3780801.070), actor: "zhao")
    /// ```
    /// - Parameters:
    ///   - id: The work order.
    ///   - state: The state to enter.
    ///   - day: The day of the step.
    ///   - note: A note.
    ///   - assignee: Who does the work; required for `assigned`.
    ///   - replacedAt: Where a replacement marker was set; only for `done`.
    ///   - actor: Who takes the step.
    ///   - today: Today, for refusing future dates.
    /// - Throws: ``RegisterError/invalidTransition(order:from:to:allowed:)`` for a step the state does
    ///   not allow (nothing changes), ``RegisterError/unknownRecord(kind:id:)``, date errors,
    ///   ``RegisterError/invalidValue(field:value:expected:)`` for a missing assignee or a replacement outside `done`.
    @discardableResult
    public func advanceWorkOrder(_ id: Int64, to state: WorkOrderState, on day: Day, note: String? = nil,
                                 assignee: String? = nil, replacedAt: Position? = nil, actor: String,
                                 today: Day = .today) throws -> WorkOrderRecord {
        try day.checkNotFuture("work order step", today: today)
        if state == .assigned, assignee?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw RegisterError.invalidValue(field: "assignee", value: assignee ?? "", expected: "who the order is assigned to")
        }
        if let replacedAt, state != .done {
            throw RegisterError.invalidValue(field: "replaced at", value: replacedAt.description, expected: "a replacement only when the order is done")
        }
        return try write { db in
            let order = try Self.workOrder(id: id, db)
            guard order.state.allowedNext.contains(state) else {
                throw RegisterError.invalidTransition(order: id, from: order.state.rawValue, to: state.rawValue,
                                                      allowed: order.state.allowedNext.map(\.rawValue))
            }
            if let last = order.steps.last, day < last.date {
                throw RegisterError.dateTooEarly("work order \(id) step", date: day.description, earliest: last.date.description)
            }
            if let replacedAt {
                try Self.replaceMarker(order.marker, at: replacedAt, on: day, order: id, db)
            }
            try db.execute(sql: "UPDATE work_order SET state = ?, assignee = COALESCE(?, assignee) WHERE id = ?",
                           arguments: [state.rawValue, state == .assigned ? assignee : nil, id])
            try Self.insertStep(order: id, state: state, day: day, actor: actor, note: note,
                                assignee: state == .assigned ? assignee : nil, replacedAt: replacedAt, db)
            let record = try Self.workOrder(id: id, db)
            return (record, [AuditRecord(actor: actor, action: "workorder.\(state.rawValue)", entity: "work_order \(id)",
                                         details: record.steps.last)])
        }
    }

    /// A work order with its steps.
    ///
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)``.
    public func workOrder(_ id: Int64) throws -> WorkOrderRecord {
        try read { db in try Self.workOrder(id: id, db) }
    }

    /// Work orders, oldest first.
    ///
    /// - Parameter openOnly: Only orders not yet verified or cancelled.
    public func workOrders(openOnly: Bool = false) throws -> [WorkOrderRecord] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM work_order WHERE ? = 0 OR state IN ('open','assigned','done') ORDER BY id",
                               arguments: [openOnly]).map { try Self.workOrder(id: $0, db) }
        }
    }

    // MARK: - Internal

    private static func replaceMarker(_ label: String, at position: Position, on day: Day, order: Int64, _ db: Database) throws {
        let current = try marker(label, at: nil, db).version
        if day < current.validFrom {
            throw RegisterError.dateTooEarly("replacement of marker \(label)", date: day.description, earliest: current.validFrom.description)
        }
        try closeVersion("marker_version", id: current.id, on: day.description, db)
        try db.execute(sql: """
            INSERT INTO marker_version (marker, valid_from, status, reason, work_order_id, line_id, x, y, h, crs)
            VALUES (?, ?, 'active', 'replaced', ?, ?, ?, ?, ?, ?)
            """, arguments: [label, day.description, order, current.line, position.x, position.y,
                             position.h ?? current.position.h, current.crs])
    }

    private static func insertStep(order: Int64, state: WorkOrderState, day: Day, actor: String, note: String?,
                                   assignee: String? = nil, replacedAt: Position? = nil, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO work_order_step (order_id, state, date, actor, note, assignee, replaced_x, replaced_y, replaced_h, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [order, state.rawValue, day.description, actor, note, assignee, replacedAt?.x, replacedAt?.y,
                             replacedAt?.h, Timestamp.now()])
    }

    static func workOrder(id: Int64, _ db: Database) throws -> WorkOrderRecord {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM work_order WHERE id = ?", arguments: [id]) else {
            throw RegisterError.unknownRecord(kind: "work order", id: String(id))
        }
        let steps = try Row.fetchAll(db, sql: "SELECT * FROM work_order_step WHERE order_id = ? ORDER BY id", arguments: [id]).map { s in
            WorkOrderStep(state: WorkOrderState(rawValue: s["state"]) ?? .open, date: try s.day("date"), actor: s["actor"],
                          note: s["note"], assignee: s["assignee"],
                          replacedAt: both(s["replaced_x"] as Double?, s["replaced_y"] as Double?).map { Position(x: $0, y: $1, h: s["replaced_h"]) })
        }
        return WorkOrderRecord(id: id, patrolID: row["patrol_id"], marker: row["marker"],
                               state: WorkOrderState(rawValue: row["state"]) ?? .open, assignee: row["assignee"], steps: steps)
    }

    static func workOrders(marker label: String, _ db: Database) throws -> [WorkOrderRecord] {
        try Int64.fetchAll(db, sql: "SELECT id FROM work_order WHERE marker = ? ORDER BY id", arguments: [label])
            .map { try workOrder(id: $0, db) }
    }
}
