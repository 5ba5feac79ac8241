
/// The findings as JSON, schema `quhua.validate/1` (documented in docs/validate-json.md).
///
/// ```swift
/// let text = try JSONReport.render(report)
/// ```
public enum JSONReport {
    /// Renders the report.
    ///
    /// - Throws: a `GEOSError` or `CRSError` when a location cannot be written or taken back to the input CRS.
    public static func render(_ report: ValidationReport) throws -> String {
        let locations = try ReportLocations(report)
        var findings: [ReportJSON] = []
        findings.reserveCapacity(report.findings.count)
        for f in report.sortedFindings {
            findings.append(.object([
                "rule": .string(f.ruleID), "severity": .string(f.severity.rawValue), "message": .string(f.message),
                "features": .array(f.features.map { ref in
                    var d: [String: ReportJSON] = ["layer": .string(ref.layer), "index": .integer(ref.index)]
                    if let k = ref.key { d["key"] = .string(k) }
                    if let n = ref.name { d["name"] = .string(n) }
                    return .object(d)
                }),
                "location": try locations.geoJSON(f).map { .raw($0) } ?? .null,
                "value": .number(f.value.map(round6)),
                "tolerance": .number(f.tolerance.map(round6)),
                "unit": .string(report.unit(of: f.ruleID)),
            ]))
        }
        let countsByRule = report.countsByRule, countsBySeverity = report.countsBySeverity
        let bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, ReportJSON.integer(countsBySeverity[$0] ?? 0)) })
        var document: [String: ReportJSON] = [
            "schema": .string("quhua.validate/1"),
            "profile": .string(report.profile.name),
            "crs": .string(report.survey.inputCRS.identifier),
            "metricCRS": .string(report.survey.metricCRS.identifier),
            "files": .array(report.survey.files.map {
                .object(["path": .string($0.path), "role": .string($0.role.rawValue), "layer": .string($0.layer), "features": .integer($0.featureCount)])
            }),
            "rules": .array(report.rules.map { d in
                .object(["id": .string(d.id), "severity": .string(report.profile.severity(for: d).rawValue),
                         "findings": .integer(countsByRule[d.id] ?? 0)])
            }),
            "summary": .object(["findings": .integer(report.findings.count), "bySeverity": .object(bySeverity),
                                "byRule": .object(countsByRule.mapValues { .integer($0) })]),
            "findings": .array(findings),
        ]
        if !report.notes.isEmpty { document["notes"] = .array(report.notes.map { .string($0) }) }
        return ReportJSON.object(document).text(pretty: true)
    }

    static func round6(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
}
