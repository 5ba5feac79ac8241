import CRS
import Foundation
import GEOSKit

/// A joint inspection as one GeoJSON layer for QGIS: both epochs of every line, the changed
/// stretches, the areas changing hands, marker displacements (a line from the record's position to
/// the survey's), missing and new markers, and the survey's validation findings.
///
/// Each feature has a `kind` (`record-line`, `survey-line`, `stretch`, `area`, `marker`,
/// `marker-missing`, `marker-new`, `finding`) to style by. Coordinates are in the record's CRS.
///
/// ```swift
/// try InspectionGeoJSONReport.render(report).write(toFile: "inspection.geojson", atomically: true, encoding: .utf8)
/// ```
public enum InspectionGeoJSONReport {
    /// Renders the report.
    ///
    /// - Throws: a `CRSError` when coordinates cannot be taken back to the record's CRS, a `GEOSError`
    ///   when a geometry cannot be read.
    public static func render(_ report: InspectionReport) throws -> String {
        let record = report.before
        let back: CoordinateTransform? = record.inputCRS == record.metricCRS ? nil : try record.toInputCRS()
        let decimals = record.inputCRS.isGeographic ? 9 : 3
        func scale(_ v: Double) -> Double { let k = pow(10, Double(decimals)); return (v * k).rounded() / k }
        func positions(_ cs: [Coordinate]) throws -> [[Double]] {
            var xy = cs.flatMap { [$0.x, $0.y] }
            try back?.transform(&xy)
            return stride(from: 0, to: xy.count, by: 2).map { [scale(xy[$0]), scale(xy[$0 + 1])] }
        }
        func point(_ c: Coordinate) throws -> [String: Any] { ["type": "Point", "coordinates": try positions([c])[0]] }
        func line(_ cs: [Coordinate]) throws -> [String: Any] { ["type": "LineString", "coordinates": try positions(cs)] }
        func geometry(_ g: Geometry) throws -> Any {
            let shown = try back?.transform(g) ?? g
            return try JSONSerialization.jsonObject(with: Data(try shown.geoJSON().utf8))
        }
        var features: [[String: Any]] = []
        func add(_ kind: String, _ geometry: Any, _ properties: [String: Any]) {
            var p = properties
            p["kind"] = kind
            features.append(["type": "Feature", "properties": p, "geometry": geometry])
        }
        typealias F = InspectionFormat

        for l in report.lines {
            let c = l.comparison
            let common: [String: Any] = ["line": l.id ?? "", "left": l.leftCode ?? "", "right": l.rightCode ?? "", "verdict": c.verdict.rawValue,
                                         "hausdorff": F.r6(c.hausdorff), "frechet": F.r6(c.frechet), "discreteFrechet": c.discreteFrechet.map { F.r6($0) as Any } ?? NSNull()]
            add("record-line", try geometry(record.lines[l.beforeIndex].geometry), common)
            add("survey-line", try geometry(report.after.lines[l.afterIndex].geometry), common)
            for st in c.afterStretches + c.beforeStretches {
                add("stretch", try line(st.coordinates), [
                    "line": l.id ?? "", "on": st.line == .after ? "survey" : "record", "from": F.r6(st.from), "to": F.r6(st.to),
                    "length": F.r6(st.length), "maximumOffset": F.r6(st.maximumOffset), "tolerance": c.tolerance])
            }
            for a in c.areas {
                add("area", ["type": "Polygon", "coordinates": try a.rings.map(positions)], [
                    "line": l.id ?? "", "side": a.side.rawValue, "from": a.fromCode ?? "", "to": a.toCode ?? "", "area": F.r6(a.area)])
            }
        }
        for l in report.missingLines { add("record-line", try geometry(record.lines[l.index].geometry), ["line": l.id ?? "", "verdict": "missing"]) }
        for l in report.newLines { add("survey-line", try geometry(report.after.lines[l.index].geometry), ["line": l.id ?? "", "verdict": "new"]) }
        for m in report.markers.matches {
            let from = Coordinate(x: m.before.x, y: m.before.y), to = Coordinate(x: m.after.x, y: m.after.y)
            add("marker", m.distance > 0 ? try line([from, to]) : try point(from), [
                "number": m.before.number, "type": m.before.type, "line": m.before.lineID ?? "", "status": m.isMoved ? "moved" : "intact",
                "dx": F.r6(m.dx), "dy": F.r6(m.dy), "distance": F.r6(m.distance), "azimuth": m.azimuth.map(F.r6) ?? NSNull(),
                "matchedBy": m.method.rawValue, "typeChanged": m.typeChanged, "surveyNumber": m.after.number, "surveyType": m.after.type])
        }
        for m in report.markers.missing {
            add("marker-missing", try point(Coordinate(x: m.x, y: m.y)), ["number": m.number, "type": m.type, "line": m.lineID ?? ""])
        }
        for m in report.markers.new {
            add("marker-new", try point(Coordinate(x: m.x, y: m.y)), ["number": m.number, "type": m.type, "line": m.lineID ?? ""])
        }
        for f in report.validation.sortedFindings {
            let location = try f.location(in: record.context)
            add("finding", try location.map(geometry) ?? NSNull(), [
                "rule": f.ruleID, "severity": f.severity.rawValue, "message": f.message,
                "features": f.features.map(\.description).joined(separator: "; ")])
        }
        var document: [String: Any] = ["type": "FeatureCollection", "name": "quhua_inspection", "features": features]
        if let code = record.inputCRS.epsgCode, code != 4326 {
            document["crs"] = ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::\(code)"]]
        }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
