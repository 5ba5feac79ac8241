import GEOSKit

/// One coordinate sequence of a geometry (a line, a part of a multi-line, a ring of a polygon),
/// named as a surveyor would find it.
struct CoordinateRun {
    /// `""`, `"part 2"`, `"part 1, hole 1"`, `"outer ring"`.
    var label: String
    /// The coordinates.
    var points: [Coordinate]
    /// Whether it is a closed ring (its last point repeats its first).
    var isRing: Bool
}

extension Geometry {
    /// Every coordinate sequence of the geometry: points excluded; lines and rings included.
    func coordinateRuns() throws -> [CoordinateRun] {
        switch try type {
        case .point, .multiPoint: return []
        case .lineString, .linearRing:
            return [CoordinateRun(label: "", points: try coordinates(), isRing: try type == .linearRing)]
        case .polygon:
            if try isEmpty { return [] }
            var runs = [CoordinateRun(label: "outer ring", points: try exteriorRing.coordinates(), isRing: true)]
            for (i, hole) in try interiorRings.enumerated() {
                runs.append(CoordinateRun(label: "hole \(i + 1)", points: try hole.coordinates(), isRing: true))
            }
            return runs
        default:
            let parts = try parts()
            var runs: [CoordinateRun] = []
            for (i, p) in parts.enumerated() {
                for var r in try p.coordinateRuns() {
                    if parts.count > 1 { r.label = r.label.isEmpty ? "part \(i + 1)" : "part \(i + 1), \(r.label)" }
                    runs.append(r)
                }
            }
            return runs
        }
    }
}

/// Plane geometry on coordinates, in metres.
enum Plane {
    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }

    /// The angle at `b` between `b→a` and `b→c`, in degrees (0 when the line folds back on itself).
    static func angle(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Double? {
        let ux = a.x - b.x, uy = a.y - b.y, vx = c.x - b.x, vy = c.y - b.y
        let nu = (ux * ux + uy * uy).squareRoot(), nv = (vx * vx + vy * vy).squareRoot()
        guard nu > 0, nv > 0 else { return nil }
        let cosine = max(-1, min(1, (ux * vx + uy * vy) / (nu * nv)))
        return acos(cosine) * 180 / .pi
    }

    /// Points along a polyline: its vertices and, on segments longer than `step`, evenly spaced points.
    static func densified(_ points: [Coordinate], step: Double) -> [Coordinate] {
        guard var last = points.first else { return [] }
        var out = [last]
        for p in points.dropFirst() {
            let d = distance(last, p)
            if step > 0, d > step {
                let n = Int((d / step).rounded(.up))
                for k in 1..<n {
                    let t = Double(k) / Double(n)
                    out.append(Coordinate(x: last.x + (p.x - last.x) * t, y: last.y + (p.y - last.y) * t))
                }
            }
            out.append(p)
            last = p
        }
        return out
    }
}

import Foundation
