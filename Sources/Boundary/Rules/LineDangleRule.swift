/// `line.dangle`: a line end that meets no other line and is not near one.
public struct LineDangleRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.dangle", severity: .error,
        summary: "A line end that meets no other line and is farther than the snapping distance from any: boundary lines end only at junctions with other lines.",
        valueUnit: "m")
    let severity: Severity

    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        try survey.freeEnds().compactMap { free in
            guard case .dangle(let nearest) = free.kind else { return nil }
            let line = survey.survey.lines[free.end.line]
            let which = free.end.isStart ? "first" : "last"
            let near = nearest.map { "; the nearest other line is \(Measure.m($0)) away" } ?? "; no other line is near"
            return try Finding(
                ruleID: Self.definition.id, severity: severity, features: [line.reference],
                location: try survey.context.point(free.end.position), value: nearest,
                message: "the \(which) point of line \(line.label) is a dangling end at \(survey.at(free.end.position))\(near)")
        }
    }
}
