import Foundation
import GEOSKit

/// Draws survey geometries (in the metric CRS) as SVG in a fixed viewBox, north up.
struct SVGMap {
    let extent: Envelope
    let width = 1000.0
    let height: Double
    let scale: Double

    init(extent: Envelope) {
        let e = extent.width > 0 && extent.height > 0 ? extent : extent.expanded(by: 1)
        let padded = e.expanded(by: max(e.width, e.height) * 0.03)
        self.extent = padded
        scale = 1000.0 / padded.width
        height = (padded.height * scale).rounded(.up)
    }

    func x(_ c: Coordinate) -> String { String(format: "%.1f", (c.x - extent.minX) * scale) }
    func y(_ c: Coordinate) -> String { String(format: "%.1f", (extent.maxY - c.y) * scale) }

    /// Path data for every line and ring of the geometry (rings closed).
    func path(_ g: Geometry) throws -> String {
        var d = ""
        for run in try g.coordinateRuns() where run.points.count > 1 {
            var last: (String, String)?
            for (i, p) in run.points.enumerated() {
                let xy = (x(p), y(p))
                if let l = last, l == xy, i != run.points.count - 1 { continue }
                d += (i == 0 ? "M" : "L") + xy.0 + " " + xy.1
                last = xy
            }
            if run.isRing { d += "Z" }
        }
        return d
    }

    /// The points of a geometry (for markers and point findings).
    func points(_ g: Geometry) throws -> [Coordinate] {
        switch try g.type {
        case .point: return try g.coordinates()
        case .multiPoint, .geometryCollection: return try g.parts().flatMap { try points($0) }
        default: return []
        }
    }
}
