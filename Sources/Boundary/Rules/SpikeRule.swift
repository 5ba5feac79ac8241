import GEOSKit

/// `geometry.spike`: a vertex where the line turns back on itself at a very sharp angle.
public struct SpikeRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "geometry.spike", severity: .error,
        summary: "A vertex where a line or ring goes out and comes back at an angle below minAngle: a spike, nearly always a wrong coordinate.",
        valueUnit: "°",
        tolerances: [ToleranceDefinition("minAngle", 10, "°", "Angles between the two segments at a vertex below this are spikes.")])
    let severity: Severity
    let minAngle: Double
    let repeated: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        minAngle = profile.tolerance("minAngle", of: Self.definition)
        repeated = profile.tolerance("maxDistance", of: RepeatedPointRule.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for (ref, geometry, _) in survey.geometricFeatures() {
            for run in try geometry.coordinateRuns() {
                // Drop repeated points so that a doubled vertex does not hide or fake an angle.
                var pts: [(Int, Coordinate)] = []
                for (i, p) in run.points.enumerated() where pts.last.map({ Plane.distance($0.1, p) > repeated }) ?? true {
                    pts.append((i, p))
                }
                if run.isRing, pts.count > 3, Plane.distance(pts[0].1, pts[pts.count - 1].1) <= repeated {
                    pts.removeLast()
                    pts.insert(pts[pts.count - 1], at: 0)      // previous of the first vertex
                    pts.append(pts[1])                          // next of the last vertex
                }
                guard pts.count >= 3 else { continue }
                for k in 1..<(pts.count - 1) {
                    guard let angle = Plane.angle(pts[k - 1].1, pts[k].1, pts[k + 1].1), angle < minAngle else { continue }
                    let whereText = run.label.isEmpty ? "" : " (\(run.label))"
                    findings.append(try Finding(
                        ruleID: Self.definition.id, severity: severity, features: [ref],
                        location: try survey.context.point(pts[k].1), value: angle, tolerance: minAngle,
                        message: "\(ref)\(whereText) turns back on itself at vertex \(pts[k].0 + 1): a \(Measure.deg(angle)) spike (minimum angle \(Measure.deg(minAngle)))"))
                }
            }
        }
        return findings
    }
}
