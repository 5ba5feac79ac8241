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
        var features: [ReportJSON] = []
        features.reserveCapacity(report.findings.count)
        for (n, f) in report.sortedFindings.enumerated() {
            let props: [String: ReportJSON] = [
                "id": .integer(n + 1), "rule": .string(f.ruleID), "severity": .string(f.severity.rawValue),
                "message": .string(f.message), "features": .string(f.features.map(\.description).joined(separator: "; ")),
                "value": .number(f.value.map(JSONReport.round6)),
                "tolerance": .number(f.tolerance.map(JSONReport.round6)),
                "unit": .string(report.unit(of: f.ruleID)),
            ]
            features.append(.object([
                "type": .string("Feature"), "id": .integer(n + 1), "properties": .object(props),
                "geometry": try locations.geoJSON(f).map { .raw($0) } ?? .null,
            ]))
        }
        var document: [String: ReportJSON] = ["type": .string("FeatureCollection"), "name": .string("quhua_findings"), "features": .array(features)]
        if let code = report.survey.inputCRS.epsgCode, code != 4326 {
            document["crs"] = .object(["type": .string("name"), "properties": .object(["name": .string("urn:ogc:def:crs:EPSG::\(code)")])])
        }
        if !report.notes.isEmpty { document["notes"] = .array(report.notes.map { .string($0) }) }
        return ReportJSON.object(document).text(pretty: false) + "\n"
    }
}
