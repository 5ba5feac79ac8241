import Gazetteer

/// One dated, signed step of a work order.
public struct WorkOrderStep: Sendable, Codable, Equatable {
    /// The state the order entered.
    public var state: WorkOrderState
    /// The day of the step.
    public var date: Day
    /// Who took the step.
    public var actor: String
    /// A note.
    public var note: String?
    /// Who the order was assigned to, for an assignment.
    public var assignee: String?
    /// Where a replacement marker was set, for a `done` step that replaced the marker.
    public var replacedAt: Position?
}

/// A work order opened from a patrol finding, with every step it went through.
public struct WorkOrderRecord: Sendable, Codable, Equatable {
    /// The order's number.
    public var id: Int64
    /// The patrol whose finding opened it.
    public var patrolID: Int64
    /// The marker to repair.
    public var marker: String
    /// The current state.
    public var state: WorkOrderState
    /// Who it is assigned to.
    public var assignee: String?
    /// The steps, oldest first (the first is `open`).
    public var steps: [WorkOrderStep]
}
