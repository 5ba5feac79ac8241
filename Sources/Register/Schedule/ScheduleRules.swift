/// When joint inspections and patrols fall due.
///
/// - Joint inspection: every line is due ``inspectionIntervalYears`` after the last inspection that
///   covered it (five years by default, as the 2002 Regulations on Administrative Boundary Management
///   set). An event recorded against the line after that inspection (a flood, an earthquake,
///   construction) brings it forward to at most ``eventWindowYears`` after the event: the due day is
///   the earlier of the two.
/// - Patrols: a marker is due a patrol ``UnitLevel/patrolIntervalMonths`` after its last visit — the
///   last patrol that saw it, or the start of its current version (an inspection or a replacement),
///   whichever is later. The interval is that of the most frequent level responsible for the marker
///   on the day (a point or village keeper monthly, a township quarterly, a county half-yearly, a
///   city yearly); a marker nobody is responsible for uses ``unassignedIntervalMonths``.
///
/// ```swift
/// var rules = ScheduleRules.standard
/// rules.inspectionIntervalYears = 10
/// let due = try store.due(at: try Day.register("2026-01-01"), rules: rules)
/// ```
public struct ScheduleRules: Sendable, Codable, Equatable {
    /// Years from one joint inspection to the next.
    public var inspectionIntervalYears: Int
    /// At most this many years from an event against a line to its next inspection.
    public var eventWindowYears: Int
    /// Months between patrols of a marker with no responsible unit or person.
    public var unassignedIntervalMonths: Int

    /// Five-yearly inspections, one year after an event, yearly patrols of unassigned markers.
    public static let standard = ScheduleRules(inspectionIntervalYears: 5, eventWindowYears: 1, unassignedIntervalMonths: 12)

    /// Creates rules.
    public init(inspectionIntervalYears: Int, eventWindowYears: Int, unassignedIntervalMonths: Int) {
        self.inspectionIntervalYears = inspectionIntervalYears
        self.eventWindowYears = eventWindowYears
        self.unassignedIntervalMonths = unassignedIntervalMonths
    }
}
