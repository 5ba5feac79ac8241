/// `geometry.empty`: a feature with no geometry, or an empty one.
public struct GeometryEmptyRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "geometry.empty", severity: .error,
        summary: "A line, marker or division record with no geometry or an empty one.")
    let severity: Severity

    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        try survey.survey.emptyFeatures.map { ref in
            try Finding(ruleID: Self.definition.id, severity: severity, features: [ref], location: nil,
                        message: "\(ref) has no geometry: it cannot be placed on the map or checked")
        }
    }
}
