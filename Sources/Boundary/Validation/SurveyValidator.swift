/// Runs the rule catalogue over a survey and gathers the findings.
///
/// ```swift
/// let survey = try SurveyLoader(profile: profile).load(inputs, context: context)
/// let report = try SurveyValidator(profile: profile).validate(survey)
/// print(report.findings.count)
/// ```
public struct SurveyValidator {
    /// The profile the rules were built from.
    public var profile: Profile
    /// The rules that run, in order.
    public var rules: [any SurveyRule]

    /// Creates a validator running every rule `profile` switches on.
    public init(profile: Profile = .standard) {
        self.profile = profile
        self.rules = RuleCatalogue.rules(for: profile)
    }

    /// Validates a survey.
    ///
    /// A rule that fails (GEOS cannot handle a geometry) does not stop the others: the failure is
    /// reported as a `validate.rule-failed` finding naming the rule and GEOS's message.
    ///
    /// - Parameters:
    ///   - survey: the survey, in metres.
    ///   - progress: called before each rule with its id, its number (from 1) and the rule count.
    /// - Throws: a `GEOSError` when the survey cannot be prepared (indexed).
    public func validate(_ survey: Survey, progress: ((String, Int, Int) -> Void)? = nil) throws -> ValidationReport {
        let prepared = try PreparedSurvey(survey, profile: profile)
        var findings: [Finding] = []
        for (n, rule) in rules.enumerated() {
            let id = type(of: rule).definition.id
            progress?(id, n + 1, rules.count)
            do {
                findings += try rule.check(prepared)
            } catch {
                findings.append(try Finding(ruleID: "validate.rule-failed", severity: .error, features: [], location: nil,
                                            message: "rule \(id) could not run: \(error)"))
            }
        }
        return ValidationReport(survey: survey, profile: profile,
                                rules: rules.map { type(of: $0).definition }, findings: findings)
    }
}

/// What a validation found: the findings, the rules that ran, and the survey they ran on.
public struct ValidationReport {
    /// The survey.
    public var survey: Survey
    /// The profile used.
    public var profile: Profile
    /// The rules that ran.
    public var rules: [RuleDefinition]
    /// Every finding, in rule order.
    public var findings: [Finding]

    /// Creates a report.
    public init(survey: Survey, profile: Profile, rules: [RuleDefinition], findings: [Finding]) {
        self.survey = survey
        self.profile = profile
        self.rules = rules
        self.findings = findings
    }

    /// Findings counted by rule id.
    public var countsByRule: [String: Int] { Dictionary(grouping: findings, by: \.ruleID).mapValues(\.count) }

    /// Findings counted by severity.
    public var countsBySeverity: [Severity: Int] { Dictionary(grouping: findings, by: \.severity).mapValues(\.count) }

    /// Whether any finding is at least as severe as `severity`.
    public func hasFindings(atLeast severity: Severity) -> Bool { findings.contains { $0.severity >= severity } }
}
