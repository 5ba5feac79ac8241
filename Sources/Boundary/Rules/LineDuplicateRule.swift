/// `line.duplicate`: the same line delivered twice.
public struct LineDuplicateRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.duplicate", severity: .error,
        summary: "Two lines that are the same line (every point of each within maxDistance of the other), whatever their ids.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("maxDistance", 0.01, "m", "Two lines whose Hausdorff distance is at most this are duplicates.")])
    let severity: Severity
    let maxDistance: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        maxDistance = profile.tolerance("maxDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for (i, j) in try survey.candidateLinePairs() where try survey.areDuplicates(i, j, tolerance: maxDistance) {
            let a = survey.survey.lines[i], b = survey.survey.lines[j]
            let d = try a.geometry.hausdorffDistance(to: b.geometry, densify: 0.25)
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [a.reference, b.reference],
                location: a.geometry, value: d, tolerance: maxDistance,
                message: "lines \(a.label) and \(b.label) are the same line delivered twice (they differ by at most \(Measure.m(d)))"))
        }
        return findings
    }
}
