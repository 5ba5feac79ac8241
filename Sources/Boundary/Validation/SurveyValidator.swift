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
    /// Whether only geometry is checked: the rules that read survey attributes
    /// (``RuleCatalogue/attributeRuleIDs``) do not run, and the report notes what was left out.
    public var geometryOnly: Bool

    /// Creates a validator running every rule `profile` switches on.
    ///
    /// ```swift
    /// // A plain GIS layer (no left/right codes, no marker numbers): geometry and coverage only.
    /// let report = try SurveyValidator(profile: .standard, geometryOnly: true).validate(survey)
    /// ```
    ///
    /// - Parameters:
    ///   - profile: rule switches, severities and tolerances.
    ///   - geometryOnly: leave out the rules that read survey attributes.
    public init(profile: Profile = .standard, geometryOnly: Bool = false) {
        self.profile = profile
        self.geometryOnly = geometryOnly
        self.rules = RuleCatalogue.rules(for: profile).filter { !geometryOnly || !RuleCatalogue.attributeRuleIDs.contains(type(of: $0).definition.id) }
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
        var notes: [String] = []
        if geometryOnly {
            let left = RuleCatalogue.definitions.map(\.id).filter { RuleCatalogue.attributeRuleIDs.contains($0) && profile.isEnabled($0) }
            if !left.isEmpty { notes.append("geometry only: the attribute rules did not run (\(left.joined(separator: ", ")))") }
            for file in survey.files where !file.missingColumns.isEmpty {
                notes.append("\(file.path) has no \(file.missingColumns.joined(separator: ", ")) column")
            }
        }
        return ValidationReport(survey: survey, profile: profile,
                                rules: rules.map { type(of: $0).definition }, findings: findings, notes: notes)
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
    /// What the reader should know about how the check ran (rules left out, columns missing).
    public var notes: [String]

    /// Creates a report.
    public init(survey: Survey, profile: Profile, rules: [RuleDefinition], findings: [Finding], notes: [String] = []) {
        self.survey = survey
        self.profile = profile
        self.rules = rules
        self.findings = findings
        self.notes = notes
    }

    /// Findings counted by rule id.
    public var countsByRule: [String: Int] { Dictionary(grouping: findings, by: \.ruleID).mapValues(\.count) }

    /// Findings counted by severity.
    public var countsBySeverity: [Severity: Int] { Dictionary(grouping: findings, by: \.severity).mapValues(\.count) }

    /// Whether any finding is at least as severe as `severity`.
    public func hasFindings(atLeast severity: Severity) -> Bool { findings.contains { $0.severity >= severity } }
}
