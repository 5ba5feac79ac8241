/// Everything the register knows about a marker: what `register show NUMBER` prints.
public struct MarkerHistory: Sendable, Codable, Equatable {
    /// The marker with its newest version.
    public var marker: MarkerRecord
    /// Every version, oldest first.
    public var versions: [MarkerVersionRecord]
    /// The inspections its versions came from, oldest first.
    public var inspections: [InspectionRecord]
    /// Every patrol observation of it, oldest first.
    public var observations: [ObservationRecord]
    /// Every work order on it, with its steps.
    public var workOrders: [WorkOrderRecord]
    /// The disputes on its line.
    public var disputes: [DisputeRecord]
    /// Every responsibility that covers it, over all periods.
    public var responsibilities: [ResponsibilityRecord]
}

/// Everything the register knows about a line: what `register show LINE` prints.
public struct LineHistory: Sendable, Codable, Equatable {
    /// The line with its newest version.
    public var line: LineRecord
    /// Every version, oldest first.
    public var versions: [LineVersionRecord]
    /// The inspections that covered it, oldest first.
    public var inspections: [InspectionRecord]
    /// The markers that ever stood on it, with their newest versions.
    public var markers: [MarkerRecord]
    /// The events recorded against it.
    public var events: [LineEventRecord]
    /// The disputes on it.
    public var disputes: [DisputeRecord]
    /// Every responsibility for it, a stretch of it or one of its markers.
    public var responsibilities: [ResponsibilityRecord]
}

/// The history of a marker or a line, whichever a number names.
public enum RegisterHistory: Sendable, Equatable {
    /// A marker's history.
    case marker(MarkerHistory)
    /// A line's history.
    case line(LineHistory)
}
