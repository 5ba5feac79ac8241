/// `marker.off-line`: a marker farther from its line than the tolerance.
public struct MarkerOffLineRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "marker.off-line", severity: .error,
        summary: "A marker farther than maxDistance from the line it stands on (markers are set on the boundary line).",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("maxDistance", 0.1, "m", "The largest allowed distance from a marker to its line.")])
    let severity: Severity
    let maxDistance: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        maxDistance = profile.tolerance("maxDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for m in survey.survey.markers {
            guard let id = m.lineID, let indices = survey.linesByID[id] else { continue }
            let distances = try indices.map { try survey.survey.lines[$0].geometry.distance(to: m.position) }
            guard let (k, d) = distances.enumerated().min(by: { $0.element < $1.element }).map({ (indices[$0.offset], $0.element) }),
                  d > maxDistance else { continue }
            let line = survey.survey.lines[k]
            let (_, onLine) = try m.position.nearestPoints(line.geometry)
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [m.reference, line.reference],
                location: try survey.context.lineString([try m.position.coordinates().first ?? onLine, onLine]), value: d, tolerance: maxDistance,
                message: "marker \(m.label) is \(Measure.m(d)) from its line \(line.label) (tolerance \(Measure.m(maxDistance)))"))
        }
        return findings
    }
}
