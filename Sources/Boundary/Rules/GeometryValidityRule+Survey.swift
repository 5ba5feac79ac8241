extension GeometryValidityRule: SurveyRule {
    /// `geometry.invalid`: every OGC validity error of every line and division, with GEOS's reason and location.
    public static let definition = RuleDefinition(
        id: id, severity: .error,
        summary: "Every validity error of a line or polygon (self-intersection, ring self-touch, hole outside shell, too few points), each with GEOS's reason and location, part by part and ring by ring.")

    /// Creates the rule with the profile's severity.
    public init(profile: Profile) {
        self.init(severity: profile.severity(for: Self.definition))
    }

    /// The validity errors of the survey's lines and divisions.
    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for (ref, geometry, _) in survey.geometricFeatures() {
            findings += try check(geometry, feature: ref)
        }
        return findings
    }
}
