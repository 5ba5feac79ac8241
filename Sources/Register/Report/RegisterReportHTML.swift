import Foundation
import GEOSKit

/// A self-contained HTML page of a ``RegisterReport``: a table per division and an inline SVG map
/// of the lines and markers, coloured by condition. No scripts, no network.
struct RegisterReportHTML {
    var report: RegisterReport

    var page: String {
        """
        <!DOCTYPE html>
        <html lang="zh-Hans"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Boundary upkeep report \(report.at)</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}
        th:first-child,td:first-child{text-align:left}svg{border:1px solid #ccc;background:#fbfbf8;max-width:100%;height:auto}
        .legend span{display:inline-block;margin-right:1em}.dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.3em}
        </style></head><body>
        <h1>Boundary upkeep report</h1>
        <p>On \(report.at)\(report.division.map { " for division \(escape($0))" } ?? ""); coordinates in \(escape(report.crs ?? "?")).</p>
        \(table)
        <h2>Map</h2>
        \(map)
        <p class="legend">\(MarkerCondition.allCases.map { "<span><i class=\"dot\" style=\"background:\(colour($0))\"></i>\($0.rawValue)</span>" }.joined())<span>ringed: patrol overdue</span></p>
        </body></html>

        """
    }

    private var table: String {
        let conditions = MarkerCondition.allCases
        var rows = "<table><tr><th>Division</th><th>Lines</th><th>Markers</th>"
            + conditions.map { "<th>\($0.rawValue)</th>" }.joined()
            + "<th>Patrols overdue</th><th>Open work orders</th><th>Open disputes</th><th>Inspections overdue</th></tr>\n"
        for d in report.divisions {
            rows += "<tr><td>\(escape(d.code))</td><td>\(d.lines.count)</td><td>\(d.markers)</td>"
                + conditions.map { "<td>\(d.conditions[$0.rawValue] ?? 0)</td>" }.joined()
                + "<td>\(d.patrolsOverdue.count)</td><td>\(d.openWorkOrders.count)</td><td>\(d.openDisputes.count)</td>"
                + "<td>\(d.inspectionsOverdue.count)</td></tr>\n"
        }
        return rows + "</table>"
    }

    /// The lines and markers drawn in an 800-pixel-wide SVG, north up.
    private var map: String {
        var paths: [(String, [[Coordinate]])] = []
        if let context = try? GEOSContext() {
            for line in report.lines {
                guard let geometry = try? context.geometry(wkt: line.version.wkt),
                      let parts = try? geometry.parts().map({ try $0.coordinates() }) else { continue }
                paths.append((line.id, parts))
            }
        }
        let xs = paths.flatMap { $0.1.flatMap { $0.map(\.x) } } + report.markers.map(\.position.x)
        let ys = paths.flatMap { $0.1.flatMap { $0.map(\.y) } } + report.markers.map(\.position.y)
        guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max() else {
            return "<p>Nothing to draw.</p>"
        }
        let width = 800.0, margin = 20.0
        let scale = (width - 2 * margin) / max(maxX - minX, maxY - minY, 1)
        let height = (maxY - minY) * scale + 2 * margin
        func sx(_ x: Double) -> String { String(format: "%.1f", margin + (x - minX) * scale) }
        func sy(_ y: Double) -> String { String(format: "%.1f", margin + (maxY - y) * scale) }
        var svg = String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\">\n",
                         width, height, width, height)
        for (id, parts) in paths {
            for part in parts {
                let d = part.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(sx($0.element.x)),\(sy($0.element.y))" }.joined()
                svg += "<path d=\"\(d)\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"><title>line \(escape(id))</title></path>\n"
            }
        }
        for m in report.markers {
            let ring = m.patrolOverdue ? " stroke=\"#d00\" stroke-width=\"2\"" : " stroke=\"#fff\" stroke-width=\"0.5\""
            svg += "<circle cx=\"\(sx(m.position.x))\" cy=\"\(sy(m.position.y))\" r=\"4\" fill=\"\(colour(m.condition))\"\(ring)>"
                + "<title>\(escape(m.marker)): \(m.condition.rawValue)\(m.patrolOverdue ? ", patrol overdue" : "")</title></circle>\n"
        }
        return svg + "</svg>"
    }

    private func colour(_ condition: MarkerCondition) -> String {
        switch condition {
        case .intact: return "#2a8a3a"
        case .damaged: return "#e08a00"
        case .tilted: return "#c9b400"
        case .buried: return "#8a5a2a"
        case .moved: return "#d03030"
        case .missing: return "#222"
        }
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
