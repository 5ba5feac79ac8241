/// `line.undershoot`: a line that stops just short of the line it should meet.
public struct LineUndershootRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.undershoot", severity: .error,
        summary: "A line end that stops short of another line by less than the snapping distance: the two should meet.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("snapDistance", 1.0, "m", "A free end this close to another line is an undershoot (farther, a dangle).")])
    let severity: Severity
    let snapDistance: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        snapDistance = profile.tolerance("snapDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        try survey.freeEnds().compactMap { free in
            guard case .undershoot(let other, let gap, let target) = free.kind else { return nil }
            let line = survey.survey.lines[free.end.line]
            let otherLine = survey.survey.lines[other]
            let which = free.end.isStart ? "first" : "last"
            return try Finding(
                ruleID: Self.definition.id, severity: severity, features: [line.reference, otherLine.reference],
                location: try survey.context.lineString([free.end.position, target]), value: gap, tolerance: snapDistance,
                message: "the \(which) point of line \(line.label) stops \(Measure.m(gap)) short of line \(otherLine.label)")
        }
    }
}
