import Foundation
import GEOSKit

/// A joint inspection as JSON, schema `quhua.inspect/1`.
///
/// Coordinates (marker positions, stretches, faces) are in the record's metric CRS (`metricCRS`),
/// in metres; distances in metres, areas in square metres, azimuths in degrees clockwise from grid
/// north. The new survey's validation is embedded as a `quhua.validate/1` document.
///
/// ```swift
/// let text = try InspectionJSONReport.render(report)
/// ```
public enum InspectionJSONReport {
    /// Renders the report.
    ///
    /// - Throws: a `GEOSError` or `CRSError` when a finding's location cannot be written.
    public static func render(_ report: InspectionReport) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: try document(report), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// The report as a JSON object tree.
    static func document(_ report: InspectionReport) throws -> [String: Any] {
        typealias F = InspectionFormat
        let s = report.settings, sum = report.summary
        func xy(_ x: Double, _ y: Double) -> [Double] { [F.r3(x), F.r3(y)] }
        func optional(_ v: Any?) -> Any { v ?? NSNull() }
        func epoch(_ survey: Survey, date: CalendarDate?) -> [String: Any] {
            ["files": survey.files.map { ["path": $0.path, "role": $0.role.rawValue, "features": $0.featureCount] as [String: Any] },
             "crs": survey.inputCRS.identifier, "lines": survey.lines.count, "markers": survey.markers.count,
             "divisions": survey.divisions.count, "date": optional(date?.description)]
        }
        func marker(_ m: MarkerRecord) -> [String: Any] {
            ["number": m.number, "type": m.type, "line": optional(m.lineID), "position": xy(m.x, m.y), "elevation": optional(m.elevation)]
        }
        func stretch(_ st: ChangedStretch) -> [String: Any] {
            ["line": st.line.rawValue, "from": F.r6(st.from), "to": F.r6(st.to), "length": F.r6(st.length),
             "fromOnOther": F.r6(st.fromOnOther), "toOnOther": F.r6(st.toOnOther),
             "maximumOffset": F.r6(st.maximumOffset), "maximumOffsetAt": xy(st.maximumOffsetAt.x, st.maximumOffsetAt.y),
             "coordinates": st.coordinates.map { xy($0.x, $0.y) }]
        }
        let lines: [[String: Any]] = report.lines.map { l in
            let c = l.comparison
            let counts = report.markerCounts(onLine: l.id)
            return [
                "id": optional(l.id), "surveyId": optional(l.afterID), "left": optional(l.leftCode), "right": optional(l.rightCode),
                "pairedBy": l.pairing.rawValue, "reversed": c.reversed, "divisionsDiffer": l.divisionsDiffer,
                "verdict": c.verdict.rawValue, "hausdorff": F.r6(c.hausdorff), "frechet": F.r6(c.frechet), "discreteFrechet": c.discreteFrechet.map { F.r6($0) as Any } ?? NSNull(),
                "recordLength": F.r6(c.beforeLength), "surveyLength": F.r6(c.afterLength),
                "stretches": c.afterStretches.map(stretch), "recordStretches": c.beforeStretches.map(stretch),
                "areas": c.areas.map { a -> [String: Any] in
                    ["side": a.side.rawValue, "from": optional(a.fromCode), "to": optional(a.toCode), "area": F.r6(a.area),
                     "anchor": xy(a.anchor.x, a.anchor.y), "rings": a.rings.map { $0.map { xy($0.x, $0.y) } }]
                },
                "areaLeftToRight": F.r6(c.areaLeftToRight), "areaRightToLeft": F.r6(c.areaRightToLeft),
                "netGainOfLeft": F.r6(c.netGainOfLeft),
                "markers": ["intact": counts.intact, "moved": counts.moved, "missing": counts.missing, "new": counts.new],
            ]
        }
        func unpaired(_ l: UnpairedLine) -> [String: Any] {
            ["id": optional(l.id), "left": optional(l.leftCode), "right": optional(l.rightCode), "length": F.r6(l.length)]
        }
        let matches: [[String: Any]] = report.markers.matches.map { m in
            ["record": marker(m.before), "survey": marker(m.after), "matchedBy": m.method.rawValue,
             "dx": F.r6(m.dx), "dy": F.r6(m.dy), "distance": F.r6(m.distance), "azimuth": optional(m.azimuth.map(F.r6)),
             "dh": optional(m.dh.map(F.r6)), "status": m.isMoved ? "moved" : "intact", "typeChanged": m.typeChanged,
             "numberChanged": m.numberChanged]
        }
        let validation = try JSONSerialization.jsonObject(with: Data(try JSONReport.render(report.validation).utf8))
        return [
            "schema": "quhua.inspect/1",
            "metricCRS": report.before.metricCRS.identifier,
            "transformed": report.transformed,
            "record": epoch(report.before, date: s.recordDate),
            "survey": epoch(report.after, date: s.surveyDate),
            "settings": ["markerTolerance": s.markerTolerance, "markerSearchRadius": s.markerSearchRadius,
                         "lineTolerance": s.lineTolerance, "unchangedDistance": s.unchangedDistance, "intervalYears": s.intervalYears],
            "nextInspection": optional(s.nextInspection?.description),
            "summary": [
                "lines": ["compared": report.lines.count, "unchanged": sum.unchangedLines, "withinTolerance": sum.withinToleranceLines,
                          "changed": sum.changedLines, "missing": sum.missingLines, "new": sum.newLines],
                "markers": ["matched": report.markers.matches.count, "intact": sum.intactMarkers, "moved": sum.movedMarkers,
                            "missing": sum.missingMarkers, "new": sum.newMarkers, "typeChanged": sum.typeChangedMarkers],
                "areaChangingHands": F.r6(sum.areaChangingHands), "findings": sum.findings,
            ] as [String: Any],
            "lines": lines,
            "missingLines": report.missingLines.map(unpaired),
            "newLines": report.newLines.map(unpaired),
            "problems": report.problems,
            "markers": ["matched": matches, "missing": report.markers.missing.map(marker), "new": report.markers.new.map(marker)],
            "validation": validation,
        ]
    }
}
