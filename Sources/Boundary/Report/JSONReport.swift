import Foundation

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
        var findings: [[String: Any]] = []
        for f in report.sortedFindings {
            var item: [String: Any] = [
                "rule": f.ruleID, "severity": f.severity.rawValue, "message": f.message,
                "features": f.features.map { ref -> [String: Any] in
                    var d: [String: Any] = ["layer": ref.layer, "index": ref.index]
                    if let k = ref.key { d["key"] = k }
                    if let n = ref.name { d["name"] = n }
                    return d
                },
            ]
            item["location"] = try locations.geoJSON(f).flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? NSNull()
            item["value"] = f.value.map { round6($0) as Any } ?? NSNull()
            item["tolerance"] = f.tolerance.map { round6($0) as Any } ?? NSNull()
            item["unit"] = report.unit(of: f.ruleID) ?? NSNull()
            findings.append(item)
        }
        let bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, report.countsBySeverity[$0] ?? 0) })
        var document: [String: Any] = [
            "schema": "quhua.validate/1",
            "profile": report.profile.name,
            "crs": report.survey.inputCRS.identifier,
            "metricCRS": report.survey.metricCRS.identifier,
            "files": report.survey.files.map { ["path": $0.path, "role": $0.role.rawValue, "layer": $0.layer, "features": $0.featureCount] as [String: Any] },
            "rules": report.rules.map { d in
                ["id": d.id, "severity": report.profile.severity(for: d).rawValue, "findings": report.countsByRule[d.id] ?? 0] as [String: Any]
            },
            "summary": ["findings": report.findings.count, "bySeverity": bySeverity, "byRule": report.countsByRule],
            "findings": findings,
        ]
        if !report.notes.isEmpty { document["notes"] = report.notes }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func round6(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
}
