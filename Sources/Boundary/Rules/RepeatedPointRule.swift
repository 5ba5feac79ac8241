/// `geometry.repeated-point`: two consecutive vertices at the same place.
public struct RepeatedPointRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "geometry.repeated-point", severity: .warning,
        summary: "Two consecutive vertices of a line or ring at the same place (closer than maxDistance).",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("maxDistance", 0.001, "m", "Consecutive vertices closer than this are one point entered twice.")])
    let severity: Severity
    let maxDistance: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        maxDistance = profile.tolerance("maxDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for (ref, geometry, _) in survey.geometricFeatures() {
            for run in try geometry.coordinateRuns() where run.points.count > 1 {
                var i = 1
                while i < run.points.count {
                    let d = Plane.distance(run.points[i - 1], run.points[i])
                    if d <= maxDistance {
                        var j = i
                        while j + 1 < run.points.count, Plane.distance(run.points[j], run.points[j + 1]) <= maxDistance { j += 1 }
                        let n = j - i + 2
                        let whereText = run.label.isEmpty ? "" : " (\(run.label))"
                        findings.append(try Finding(
                            ruleID: Self.definition.id, severity: severity, features: [ref],
                            location: try survey.context.point(run.points[i]), value: d, tolerance: maxDistance,
                            message: "vertices \(i) to \(j + 1) of \(ref)\(whereText) are the same point entered \(n) times at \(survey.at(run.points[i]))"))
                        i = j + 1
                    } else {
                        i += 1
                    }
                }
            }
        }
        return findings
    }
}
