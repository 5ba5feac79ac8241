import Boundary
import Foundation
import GEOSKit

/// Findings as a terminal report: a summary by rule and severity, then each finding.
enum TextFindings {
    static func render(_ findings: [Finding], files: Int, features: Int, context: GEOSContext) throws -> String {
        let tty = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        func paint(_ s: String, _ severity: Severity) -> String {
            guard tty else { return s }
            let code = severity == .error ? "31" : severity == .warning ? "33" : "36"
            return "\u{1B}[\(code)m\(s)\u{1B}[0m"
        }
        var out = ""
        let counts = Dictionary(grouping: findings, by: { "\($0.severity.rawValue)\t\($0.ruleID)" }).mapValues(\.count)
        out += "Checked \(features) feature\(features == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s"): "
        out += findings.isEmpty ? "no findings.\n" : "\(findings.count) finding\(findings.count == 1 ? "" : "s").\n"
        if !findings.isEmpty {
            out += "\nSummary\n"
            for key in counts.keys.sorted(by: >) {
                let parts = key.split(separator: "\t").map(String.init)
                let sev = Severity(rawValue: parts[0]) ?? .info
                out += "  " + paint(parts[0].padding(toLength: 8, withPad: " ", startingAt: 0), sev)
                out += parts[1].padding(toLength: 28, withPad: " ", startingAt: 0) + "\(counts[key] ?? 0)\n"
            }
            out += "\nFindings\n"
            for f in findings.sorted(by: { ($0.severity, $1.ruleID) > ($1.severity, $0.ruleID) }) {
                let where_ = f.features.map(\.description).joined(separator: ", ")
                out += "  " + paint(f.severity.rawValue, f.severity) + "  \(f.ruleID)  \(where_): \(f.message)"
                if let v = f.value {
                    out += " (measured \(format(v))" + (f.tolerance.map { ", tolerance \(format($0))" } ?? "") + ")"
                }
                out += "\n"
            }
        }
        return out
    }

    static func format(_ v: Double) -> String {
        String(format: "%.3f", v)
    }
}
