import GEOSKit

/// `line.overlap`: two lines running along each other for a stretch.
public struct LineOverlapRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.overlap", severity: .error,
        summary: "Two different lines that share a collinear stretch longer than minLength: a boundary is delivered twice there.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("minLength", 0.01, "m", "Shared stretches shorter than this are ignored.")])
    let severity: Severity
    let minLength: Double
    let duplicate: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        minLength = profile.tolerance("minLength", of: Self.definition)
        duplicate = profile.tolerance("maxDistance", of: LineDuplicateRule.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for (i, j) in try survey.candidateLinePairs() {
            let a = survey.survey.lines[i], b = survey.survey.lines[j]
            guard try a.geometry.relate(b.geometry, matches: "1********") else { continue }
            if try survey.areDuplicates(i, j, tolerance: duplicate) { continue }   // line.duplicate reports it
            let shared = try a.geometry.intersection(b.geometry).lineal()
            for piece in try shared.flattened() {
                let length = try piece.length
                guard length >= minLength else { continue }
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: [a.reference, b.reference],
                    location: piece, value: length, tolerance: minLength,
                    message: "lines \(a.label) and \(b.label) run along each other for \(Measure.m(length))"))
            }
        }
        return findings
    }
}
