import CRS
import GEOSKit

extension PreparedSurvey {
    /// The findings of the coverage check over the division polygons (computed once).
    ///
    /// Geographic deliveries are checked in longitude/latitude, where the ``CoverageValidator``
    /// measures each defect in the Gauss-Krüger zone of its own longitude (so a country-wide layer is
    /// measured right); their locations are then brought into the survey's metric CRS like every finding.
    func coverageFindings() throws -> [Finding] {
        if let cachedCoverage { return cachedCoverage }
        let divisions = survey.divisions
        guard divisions.count > 1 else {
            cachedCoverage = []
            return []
        }
        let geographic = survey.inputCRS.isGeographic
        let toInput = try survey.toInputCRS()
        let polygons = try divisions.map { d in
            CoveragePolygon(reference: d.reference, wkb: try (geographic ? toInput.transform(d.geometry) : d.geometry).wkb())
        }
        let gapWidth = profile.tolerance("gapWidth", of: CoverageGapRule.definition)
        var options = CoverageOptions(gapWidth: gapWidth, isGeographic: geographic)
        // Only what the enabled coverage rules need (no gap faces for an overlap check alone).
        options.checks = []
        if profile.isEnabled(CoverageOverlapRule.definition.id) { options.checks.insert(.overlaps) }
        if profile.isEnabled(CoverageGapRule.definition.id) || profile.isEnabled(CoverageHoleRule.definition.id) { options.checks.insert(.gaps) }
        if profile.isEnabled(CoverageEdgeMismatchRule.definition.id) { options.checks.insert(.edgeMismatches) }
        let result = try CoverageValidator(options: options).validate(polygons)
        var findings = result.findings
        if geographic {
            let toMetric = try CoordinateTransform(from: survey.inputCRS, to: survey.metricCRS)
            findings = try findings.map { f in
                var moved = f
                moved.locationWKB = try f.location(in: context).map { try toMetric.transform($0).wkb() }
                return moved
            }
        }
        cachedCoverage = findings
        return findings
    }
}

/// The findings of one coverage rule id, with the profile's severity.
private func coverage(_ id: String, _ severity: Severity, _ survey: PreparedSurvey) throws -> [Finding] {
    try survey.coverageFindings().filter { $0.ruleID == id }.map { f in
        var g = f
        g.severity = severity
        return g
    }
}

/// `coverage.overlap`: two division polygons sharing interior area.
public struct CoverageOverlapRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "coverage.overlap", severity: .error,
        summary: "Two divisions that share interior area (including one inside another); the location is the shared area, the value its size.",
        valueUnit: "m²")
    let severity: Severity
    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }
    public func check(_ survey: PreparedSurvey) throws -> [Finding] { try coverage(Self.definition.id, severity, survey) }
}

/// `coverage.gap`: a narrow uncovered face between divisions.
public struct CoverageGapRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "coverage.gap", severity: .error,
        summary: "An uncovered face between divisions narrower than gapWidth (its widest inscribed circle); the value is its width.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("gapWidth", 100, "m", "Uncovered faces narrower than this are gaps (errors); wider ones are coverage.hole.")])
    let severity: Severity
    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }
    public func check(_ survey: PreparedSurvey) throws -> [Finding] { try coverage(Self.definition.id, severity, survey) }
}

/// `coverage.hole`: a wide uncovered face inside the divisions.
public struct CoverageHoleRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "coverage.hole", severity: .info,
        summary: "An uncovered face inside the divisions at least gapWidth wide: often meant (a lake, an enclave outside the survey), worth a look.",
        valueUnit: "m")
    let severity: Severity
    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }
    public func check(_ survey: PreparedSurvey) throws -> [Finding] { try coverage(Self.definition.id, severity, survey) }
}

/// `coverage.edge-mismatch`: an edge two neighbouring divisions should share but do not share vertex for vertex.
public struct CoverageEdgeMismatchRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "coverage.edge-mismatch", severity: .error,
        summary: "Where two neighbouring divisions meet, their edges must be the same segments in opposite directions; the mismatched pieces of each polygon against each neighbour are reported, the value their length.",
        valueUnit: "m")
    let severity: Severity
    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }
    public func check(_ survey: PreparedSurvey) throws -> [Finding] { try coverage(Self.definition.id, severity, survey) }
}
