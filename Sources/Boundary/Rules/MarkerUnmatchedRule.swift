/// `marker.unmatched`: a marker whose line is not in the survey.
public struct MarkerUnmatchedRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "marker.unmatched", severity: .error,
        summary: "A marker whose line id is missing or names no line of the survey.")
    let severity: Severity

    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        let candidates = survey.profile.fields.markerLine
        for file in survey.survey.files where file.role == .markers && file.missingColumns.contains("markerLine") {
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [], location: nil,
                message: "\(file.path) has no line column (looked for \(candidates.joined(separator: ", "))): which line each of its \(file.items.count) markers stands on cannot be checked; name the column with fields.markerLine in the profile, or check geometry only"))
        }
        for (i, m) in survey.survey.markers.enumerated() where !survey.survey.lacks("markerLine", .markers, index: i) {
            guard let id = m.lineID, !id.isEmpty else {
                findings.append(try Finding(ruleID: Self.definition.id, severity: severity, features: [m.reference], location: m.position,
                                            message: "marker \(m.label) names no line"))
                continue
            }
            if survey.linesByID[id] == nil {
                findings.append(try Finding(ruleID: Self.definition.id, severity: severity, features: [m.reference], location: m.position,
                                            message: "marker \(m.label) stands on line \(id), which is not in the survey"))
            }
        }
        return findings
    }
}
