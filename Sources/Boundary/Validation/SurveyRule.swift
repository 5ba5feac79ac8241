/// A validation rule: a stable id, a severity, tolerances from the profile, and a check.
///
/// Rules are values built from a ``Profile``; they look at a ``PreparedSurvey`` and return
/// findings. They never print.
///
/// ```swift
/// let rule = MarkerOffLineRule(profile: .standard)
/// let findings = try rule.check(prepared)
/// ```
public protocol SurveyRule {
    /// The rule's id, default severity, description and tolerances.
    static var definition: RuleDefinition { get }
    /// Creates the rule with the severity and tolerances `profile` gives it.
    init(profile: Profile)
    /// The findings of this rule in the survey.
    ///
    /// - Throws: a `GEOSError` when GEOS fails on a geometry.
    func check(_ survey: PreparedSurvey) throws -> [Finding]
}
