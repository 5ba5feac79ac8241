import Gazetteer

/// When a line's next joint inspection is due, and why.
public struct InspectionDue: Sendable, Codable, Equatable {
    /// The line.
    public var line: String
    /// The day of the last inspection that covered it.
    public var lastInspected: Day
    /// The day the next inspection is due.
    public var due: Day
    /// The event that brought the inspection forward, when one did.
    public var event: LineEventRecord?
    /// Whether the due day has passed on the day asked about.
    public var overdue: Bool
    /// Why it is due then, in words.
    public var reason: String
}

/// When a marker's next patrol is due, and why.
public struct PatrolDue: Sendable, Codable, Equatable {
    /// The marker label.
    public var marker: String
    /// Its line.
    public var line: String?
    /// The last patrol that saw it, if any.
    public var lastPatrolled: Day?
    /// The day the interval counts from (the later of the last patrol and the start of the current version).
    public var since: Day
    /// The most frequent level responsible for it, `nil` when nobody is.
    public var level: UnitLevel?
    /// Months between patrols.
    public var intervalMonths: Int
    /// The day the next patrol is due.
    public var due: Day
    /// Whether the due day has passed on the day asked about.
    public var overdue: Bool
}

/// Every due date on a day.
public struct DueReport: Sendable, Codable, Equatable {
    /// The day asked about.
    public var at: Day
    /// The rules applied.
    public var rules: ScheduleRules
    /// Joint inspections, by line.
    public var inspections: [InspectionDue]
    /// Patrols, by marker (standing markers only).
    public var patrols: [PatrolDue]
}
