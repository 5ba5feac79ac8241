import Foundation

/// The findings for a terminal: what was read, a summary by rule and severity, then each finding.
///
/// ```swift
/// print(TextReport.render(report, colour: isatty(1) != 0))
/// ```
public enum TextReport {
    /// Renders the report; `colour` adds ANSI colours to severities.
    public static func render(_ report: ValidationReport, colour: Bool = false) -> String {
        func paint(_ s: String, _ severity: Severity) -> String {
            guard colour else { return s }
            let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
            return "\u{1B}[\(code)m\(s)\u{1B}[0m"
        }
        let s = report.survey
        var out = "Survey: \(s.lines.count) lines, \(s.markers.count) markers, \(s.divisions.count) divisions"
        if !s.emptyFeatures.isEmpty { out += ", \(s.emptyFeatures.count) without geometry" }
        out += " from \(s.files.count) file\(s.files.count == 1 ? "" : "s"), in \(s.inputCRS); measured in \(s.metricCRS)\n"
        if let note = s.measurementNote { out += "Note: \(note)\n" }
        for note in report.notes { out += "Note: \(note)\n" }
        out += "Rules: \(report.rules.count) (profile: \(report.profile.name))\n"
        let findings = report.sortedFindings
        if findings.isEmpty { return out + "No findings.\n" }
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s"): "
        out += Severity.allCases.reversed().compactMap { sev in report.countsBySeverity[sev].map { "\($0) \(sev.rawValue)\($0 == 1 ? "" : "s")" } }.joined(separator: ", ") + "\n"
        out += "\nSummary\n"
        let counts = report.countsByRule
        for rule in RuleCatalogue.definitions.map(\.id) + ["validate.rule-failed"] {
            guard let n = counts[rule], let first = findings.first(where: { $0.ruleID == rule }) else { continue }
            out += "  " + paint(first.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), first.severity)
            out += rule.padding(toLength: 26, withPad: " ", startingAt: 0) + String(n) + "\n"
        }
        for (rule, n) in counts.sorted(by: { $0.key < $1.key }) where RuleCatalogue.definition(rule) == nil && rule != "validate.rule-failed" {
            out += "  " + "".padding(toLength: 8, withPad: " ", startingAt: 0) + rule.padding(toLength: 26, withPad: " ", startingAt: 0) + "\(n)\n"
        }
        out += "\nFindings\n"
        let locations = try? ReportLocations(report)
        let decimals = s.inputCRS.isGeographic ? 7 : 3
        for f in findings {
            out += "  " + paint(f.severity.rawValue, f.severity) + "  \(f.ruleID)  \(f.message)"
            if let v = f.value {
                let unit = report.unit(of: f.ruleID).map { $0 == "count" ? "" : " \($0)" } ?? ""
                out += " [measured \(format(v))\(unit)" + (f.tolerance.map { ", tolerance \(format($0))\(unit)" } ?? "") + "]"
            }
            out += "\n"
            var detail = f.features.map(\.description).joined(separator: ", ")
            if let at = (try? locations?.anchor(f)).flatMap({ $0 }) {
                detail += (detail.isEmpty ? "" : "; ") + "location " + String(format: "%.\(decimals)f %.\(decimals)f", at.x, at.y)
            }
            if !detail.isEmpty { out += "        " + detail + "\n" }
        }
        return out
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e9 { return String(Int(v)) }
        return String(format: abs(v) >= 100 ? "%.1f" : "%.3f", v)
    }
}
