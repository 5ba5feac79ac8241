import Foundation
import GEOSKit

/// The data behind the HTML report's interactive map and findings list, as one JSON text.
///
/// Coordinates are in the survey's metric CRS, relative to an origin (the lower-left corner of
/// the extent) and rounded to the centimetre, so that numbers stay short. The survey's
/// divisions and lines are simplified for display (Douglas-Peucker within ``displayTolerance``:
/// a twelfth of a pixel on a 1,000-pixel-wide view of the whole survey, still under a pixel at
/// 8× zoom). Finding shapes are written as they are, for at most
/// ``maxShapeVertices`` vertices in all; later findings are drawn by their anchor point only.
/// The text never contains `<`, so it can sit inside a `<script>` element.
struct ReportMapData {
    /// The most finding-shape vertices written; later findings are drawn as points only.
    static let maxShapeVertices = 400_000

    let origin: Coordinate
    let displayTolerance: Double
    private(set) var json = ""

    init(_ report: ValidationReport, findings: [Finding]) throws {
        let survey = report.survey
        let context = survey.context
        var extent: Envelope?
        func grow(_ g: Geometry?) throws { if let e = try g?.envelope { extent = extent.map { $0.union(e) } ?? e } }
        for d in survey.divisions { try grow(d.geometry) }
        for l in survey.lines { try grow(l.geometry) }
        for m in survey.markers { try grow(m.position) }
        let locations = try findings.map { try $0.location(in: context) }
        if extent == nil { for g in locations { try grow(g) } }
        let box = extent ?? Envelope(minX: 0, minY: 0, maxX: 1, maxY: 1)
        origin = Coordinate(x: box.minX, y: box.minY)
        displayTolerance = max(box.width, box.height) / 12_000

        var out = "{\"extent\":[0,0,\(Self.number(box.width)),\(Self.number(box.height))]"
        out += ",\"origin\":[\(Self.number(box.minX)),\(Self.number(box.minY))],\"displayTolerance\":\(Self.number(displayTolerance))"
        out += ",\"divisions\":["
        for (i, d) in survey.divisions.enumerated() {
            if i > 0 { out += "," }
            out += "{\"label\":\(Self.string(d.label)),\"rings\":\(try runs(d.geometry, thin: true))}"
        }
        out += "],\"lines\":["
        for (i, l) in survey.lines.enumerated() {
            if i > 0 { out += "," }
            out += "{\"label\":\(Self.string(l.label)),\"paths\":\(try runs(l.geometry, thin: true))}"
        }
        out += "],\"markers\":["
        var first = true
        for m in survey.markers {
            for p in try Self.points(m.position) {
                out += (first ? "" : ",") + "[\(x(p)),\(y(p)),\(Self.string(m.label)),\(m.type.isEmpty ? 0 : 1)]"
                first = false
            }
        }
        out += "],\"findings\":["
        var shapeBudget = Self.maxShapeVertices
        for (n, f) in findings.enumerated() {
            if n > 0 { out += "," }
            let unit = report.unit(of: f.ruleID).map { $0 == "count" ? "" : " \($0)" } ?? ""
            var measure = ""
            if let v = f.value {
                measure = "measured \(TextReport.format(v))\(unit)" + (f.tolerance.map { ", tolerance \(TextReport.format($0))\(unit)" } ?? "")
            }
            out += "{\"n\":\(n + 1),\"rule\":\(Self.string(f.ruleID)),\"severity\":\"\(f.severity.rawValue)\""
            out += ",\"message\":\(Self.string(f.message)),\"measure\":\(Self.string(measure))"
            out += ",\"features\":\(Self.string(f.features.map(\.description).joined(separator: ", ")))"
            if let g = locations[n], try !g.isEmpty {
                let type = try g.type
                let anchor = type == .point ? try g.coordinates()[0] : try g.pointOnSurface().coordinates().first ?? origin
                out += ",\"at\":[\(x(anchor)),\(y(anchor))]"
                if type != .point, let e = try g.envelope {
                    let low = Coordinate(x: e.minX, y: e.minY), high = Coordinate(x: e.maxX, y: e.maxY)
                    out += ",\"box\":[\(x(low)),\(y(low)),\(x(high)),\(y(high))]"
                }
                if type != .point && type != .multiPoint, shapeBudget > 0 {
                    let shapeRuns = try g.coordinateRuns()
                    shapeBudget -= shapeRuns.reduce(0) { $0 + $1.points.count }
                    out += ",\"shape\":\(try runs(g, thin: false)),\"closed\":\(type == .polygon || type == .multiPolygon)"
                } else if type == .multiPoint {
                    out += ",\"points\":[" + (try Self.points(g).map { "[\(x($0)),\(y($0))]" }.joined(separator: ",")) + "]"
                }
            }
            out += "}"
        }
        out += "]}"
        json = out
    }

    // MARK: - Writing

    private func x(_ c: Coordinate) -> String { Self.number(c.x - origin.x) }
    private func y(_ c: Coordinate) -> String { Self.number(c.y - origin.y) }

    /// `[[[x,y],…],…]`: every line and ring of the geometry, simplified for display when asked
    /// (Douglas-Peucker within ``displayTolerance``; rings that collapse are left out).
    private func runs(_ g: Geometry, thin: Bool) throws -> String {
        let drawn = thin ? try g.simplified(tolerance: displayTolerance) : g
        var parts: [String] = []
        for run in try drawn.coordinateRuns() where run.points.count > 1 {
            parts.append("[" + run.points.map { "[\(x($0)),\(y($0))]" }.joined(separator: ",") + "]")
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    static func points(_ g: Geometry) throws -> [Coordinate] {
        switch try g.type {
        case .point: return try g.coordinates()
        case .multiPoint, .geometryCollection: return try g.parts().flatMap { try points($0) }
        default: return []
        }
    }

    /// A number rounded to the centimetre, without trailing zeros.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let cents = (v * 100).rounded()
        if abs(cents) < 9e15 {
            let whole = Int64(cents)
            let sign = whole < 0 ? "-" : ""
            let magnitude = whole.magnitude
            let units = magnitude / 100, fraction = magnitude % 100
            if fraction == 0 { return "\(sign)\(units)" }
            return fraction % 10 == 0 ? "\(sign)\(units).\(fraction / 10)" : "\(sign)\(units).\(fraction < 10 ? "0" : "")\(fraction)"
        }
        return String(v)
    }

    /// A JSON string literal; `<`, `>` and `&` are escaped so the text is safe inside `<script>`.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
