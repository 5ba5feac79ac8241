import Foundation
import GEOSKit

/// One SVG map of an inspection (the overview or a detail), drawn with ``SVGMap``: both epochs of
/// the lines, marker symbols, a scale bar.
struct InspectionMap {
    let map: SVGMap
    let report: InspectionReport

    /// A map of `extent` (with ``SVGMap``'s small margin around it).
    init(extent: Envelope, report: InspectionReport) {
        self.map = SVGMap(extent: extent)
        self.report = report
    }

    /// The opening `<svg>` tag with the arrowhead definition.
    func open(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(map.width)) \(Int(map.height))\" role=\"img\" aria-label=\"\(HTMLReport.escape(label))\">\n"
            + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#d62828\"/></marker></defs>\n"
    }

    /// The record's divisions, the survey's lines (solid) and the record's lines (dashed, on top).
    func epochs(divisions: Bool = true) throws -> String {
        var s = ""
        if divisions {
            s += "<g class=\"divisions\">"
            for d in report.before.divisions { s += "<path d=\"\(try map.path(d.geometry))\"><title>\(HTMLReport.escape(d.label))</title></path>" }
            s += "</g>\n"
        }
        s += "<g class=\"survey\">"
        for l in report.after.lines { s += "<path d=\"\(try map.path(l.geometry))\"><title>survey line \(HTMLReport.escape(l.label))</title></path>" }
        s += "</g>\n<g class=\"record\">"
        for l in report.before.lines { s += "<path d=\"\(try map.path(l.geometry))\"><title>record line \(HTMLReport.escape(l.label))</title></path>" }
        return s + "</g>\n"
    }

    /// Intact markers as dots, moved ones as arrows of `arrowLength` (viewBox units, not to scale),
    /// missing ones as crosses and new ones as plus signs, each changed one labelled.
    func markerSymbols(arrowLength: Double) -> String {
        let e = HTMLReport.escape
        var s = "<g class=\"marks\">"
        for m in report.markers.matches where !m.isMoved {
            let c = Coordinate(x: m.after.x, y: m.after.y)
            s += "<circle cx=\"\(map.x(c))\" cy=\"\(map.y(c))\" r=\"2\" class=\"intact\"><title>marker \(e(m.before.label)): \(InspectionFormat.m(m.distance))</title></circle>"
        }
        for m in report.markers.matches where m.isMoved {
            let c = Coordinate(x: m.before.x, y: m.before.y)
            let x = (c.x - map.extent.minX) * map.scale, y = (map.extent.maxY - c.y) * map.scale
            let ux = m.dx / m.distance, uy = m.dy / m.distance
            s += "<g><title>marker \(e(m.before.label)) moved \(InspectionFormat.m(m.distance)) toward \(InspectionFormat.azimuth(m.azimuth))</title>"
            s += String(format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"arrow\" marker-end=\"url(#arrow)\"/>", x, y, x + ux * arrowLength, y - uy * arrowLength)
            s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#d62828\"/>", x, y)
            s += label(m.before.label, x, y, dy: 14)
            s += "</g>"
        }
        for m in report.markers.missing {
            let c = Coordinate(x: m.x, y: m.y)
            let x = (c.x - map.extent.minX) * map.scale, y = (map.extent.maxY - c.y) * map.scale
            s += "<g><title>marker \(e(m.label)) missing from the survey</title>"
            s += String(format: "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" class=\"missing\"/>", x - 6, y - 6, x + 6, y + 6, x - 6, y + 6, x + 6, y - 6)
            s += label("\(m.label) missing", x, y, dy: -6) + "</g>"
        }
        for m in report.markers.new {
            let c = Coordinate(x: m.x, y: m.y)
            let x = (c.x - map.extent.minX) * map.scale, y = (map.extent.maxY - c.y) * map.scale
            s += "<g><title>marker \(e(m.label)) new in the survey</title>"
            s += String(format: "<path d=\"M%.1f %.1fL%.1f %.1fM%.1f %.1fL%.1f %.1f\" class=\"new\"/>", x - 7, y, x + 7, y, x, y - 7, x, y + 7)
            s += label("\(m.label) new", x, y, dy: -6, className: "new") + "</g>"
        }
        return s + "</g>\n"
    }

    /// A text label right of (x, y), or left of it near the map's right edge.
    private func label(_ text: String, _ x: Double, _ y: Double, dy: Double, className: String? = nil) -> String {
        let nearEdge = x > map.width - 140
        let anchor = nearEdge ? " text-anchor=\"end\"" : ""
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        return String(format: "<text x=\"%.1f\" y=\"%.1f\" dx=\"%.0f\" dy=\"%.0f\"", x, y, nearEdge ? -8.0 : 8.0, dy)
            + anchor + cls + ">" + HTMLReport.escape(text) + "</text>"
    }

    /// Path data through `coordinates`.
    func path(_ coordinates: [Coordinate], closed: Bool = false) -> String {
        var d = ""
        for (i, p) in coordinates.enumerated() { d += (i == 0 ? "M" : "L") + map.x(p) + " " + map.y(p) }
        return closed ? d + "Z" : d
    }

    /// Path data for polygon rings.
    func path(rings: [[Coordinate]]) -> String { rings.map { path($0, closed: true) }.joined() }

    /// A scale bar of a round length about a fifth of the map's width, bottom left.
    func scaleBar() -> String {
        let target = map.extent.width / 5
        let magnitude = pow(10, floor(log10(target)))
        let length = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let px = length * map.scale
        let y = map.height - 20
        let text = length >= 1000 ? "\(InspectionFormat.grouped(String(format: "%g", length / 1000))) km" : length >= 1 ? String(format: "%g m", length) : String(format: "%g cm", length * 100)
        return String(format: "<g class=\"scale\"><line x1=\"20\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><line x1=\"20\" y1=\"%.1f\" x2=\"20\" y2=\"%.1f\"/><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><text x=\"20\" y=\"%.1f\">%@</text></g>",
                      y, 20 + px, y, y - 5, y + 5, 20 + px, y - 5, 20 + px, y + 5, y - 9, text)
    }
}
