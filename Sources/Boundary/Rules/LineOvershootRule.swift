/// `line.overshoot`: a line that runs a little past the line it should end on.
public struct LineOvershootRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.overshoot", severity: .error,
        summary: "A line that crosses another line and runs on past it by less than the snapping distance: it should end where they meet.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("snapDistance", 1.0, "m", "A free end this far past a crossing (measured along the line) is an overshoot (farther, a dangle).")])
    let severity: Severity
    let snapDistance: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        snapDistance = profile.tolerance("snapDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        try survey.freeEnds().compactMap { free in
            guard case .overshoot(let other, let length, let crossing) = free.kind else { return nil }
            let line = survey.survey.lines[free.end.line]
            let otherLine = survey.survey.lines[other]
            let which = free.end.isStart ? "first" : "last"
            return try Finding(
                ruleID: Self.definition.id, severity: severity, features: [line.reference, otherLine.reference],
                location: try survey.context.lineString([crossing, free.end.position]), value: length, tolerance: snapDistance,
                message: "line \(line.label) runs \(Measure.m(length)) past line \(otherLine.label) at its \(which) point; it should end at \(survey.at(crossing))")
        }
    }
}
