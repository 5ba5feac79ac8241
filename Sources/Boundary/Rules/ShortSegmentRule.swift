/// `geometry.short-segment`: a segment shorter than the survey can resolve.
public struct ShortSegmentRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "geometry.short-segment", severity: .warning,
        summary: "A segment of a line or ring shorter than minLength (but not a repeated point): usually a digitising slip or a vertex snapped twice.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("minLength", 0.5, "m", "Segments shorter than this are reported; at 1:10 000 a boundary point is fixed to about ±0.5 m.")])
    let severity: Severity
    let minLength: Double
    let repeated: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        minLength = profile.tolerance("minLength", of: Self.definition)
        repeated = profile.tolerance("maxDistance", of: RepeatedPointRule.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for (ref, geometry, _) in survey.geometricFeatures() {
            for run in try geometry.coordinateRuns() where run.points.count > 1 {
                for i in 1..<run.points.count {
                    let a = run.points[i - 1], b = run.points[i]
                    let d = Plane.distance(a, b)
                    guard d > repeated, d < minLength else { continue }
                    let whereText = run.label.isEmpty ? "" : " (\(run.label))"
                    findings.append(try Finding(
                        ruleID: Self.definition.id, severity: severity, features: [ref],
                        location: try survey.context.lineString([a, b]), value: d, tolerance: minLength,
                        message: "segment \(i) of \(ref)\(whereText) is only \(Measure.m(d)) long (minimum \(Measure.m(minLength)))"))
                }
            }
        }
        return findings
    }
}
