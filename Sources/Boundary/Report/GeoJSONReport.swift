import Foundation

/// The findings as a GeoJSON error layer: one feature per finding, at its location, in the survey's
/// input CRS, with properties `rule`, `severity`, `message`, `value`, `tolerance`, `unit`, `features`.
///
/// Opens in QGIS as a layer over the survey. Findings without a location have a `null` geometry.
///
/// ```swift
/// try GeoJSONReport.render(report).write(toFile: "findings.geojson", atomically: true, encoding: .utf8)
/// ```
public enum GeoJSONReport {
    /// Renders the report.
    ///
    /// - Throws: a `GEOSError` or `CRSError` when a location cannot be written or taken back to the input CRS.
    public static func render(_ report: ValidationReport) throws -> String {
        let locations = try ReportLocations(report)
        var features: [[String: Any]] = []
        for (n, f) in report.sortedFindings.enumerated() {
            var props: [String: Any] = [
                "id": n + 1, "rule": f.ruleID, "severity": f.severity.rawValue, "message": f.message,
                "features": f.features.map(\.description).joined(separator: "; "),
            ]
            props["value"] = f.value.map { JSONReport.round6($0) as Any } ?? NSNull()
            props["tolerance"] = f.tolerance.map { JSONReport.round6($0) as Any } ?? NSNull()
            props["unit"] = report.unit(of: f.ruleID) ?? NSNull()
            let geometry: Any = try locations.geoJSON(f).flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? NSNull()
            features.append(["type": "Feature", "id": n + 1, "properties": props, "geometry": geometry])
        }
        var document: [String: Any] = ["type": "FeatureCollection", "name": "quhua_findings", "features": features]
        if let code = report.survey.inputCRS.epsgCode, code != 4326 {
            document["crs"] = ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::\(code)"]]
        }
        if !report.notes.isEmpty { document["notes"] = report.notes }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
