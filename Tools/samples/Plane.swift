import Foundation

/// A point in metres.
struct P: Hashable, Codable {
    var x: Double
    var y: Double
    static func + (a: P, b: P) -> P { P(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: P, b: P) -> P { P(x: a.x - b.x, y: a.y - b.y) }
    static func * (a: P, k: Double) -> P { P(x: a.x * k, y: a.y * k) }
    var length: Double { (x * x + y * y).squareRoot() }
    var unit: P { self * (1 / length) }
    /// Rotated 90° counter-clockwise (to the left).
    var left: P { P(x: -y, y: x) }
    func distance(_ o: P) -> Double { (self - o).length }
    /// Rounded to the millimetre, as the sample files store it.
    var mm: P { P(x: (x * 1000).rounded() / 1000, y: (y * 1000).rounded() / 1000) }
    var wkt: String { String(format: "%.3f %.3f", x, y) }
}

enum Poly {
    static func length(_ pts: [P]) -> Double { zip(pts, pts.dropFirst()).reduce(0) { $0 + $1.0.distance($1.1) } }

    /// The point `d` metres along the polyline, with the index of the segment it lies on.
    static func along(_ pts: [P], _ d: Double) -> (P, Int) {
        var walked = 0.0
        for k in 1..<pts.count {
            let s = pts[k - 1].distance(pts[k])
            if walked + s >= d, s > 0 { return (pts[k - 1] + (pts[k] - pts[k - 1]) * ((d - walked) / s), k - 1) }
            walked += s
        }
        return (pts[pts.count - 1], pts.count - 2)
    }

    /// The distance from `p` to segment `a`–`b`.
    static func distance(_ p: P, _ a: P, _ b: P) -> Double {
        let ab = b - a, l2 = ab.x * ab.x + ab.y * ab.y
        guard l2 > 0 else { return p.distance(a) }
        let t = max(0, min(1, ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / l2))
        return p.distance(a + ab * t)
    }

    static func distance(_ p: P, _ line: [P]) -> Double {
        zip(line, line.dropFirst()).map { distance(p, $0.0, $0.1) }.min() ?? .infinity
    }

    /// Where segments a–b and c–d cross, if they do.
    static func crossing(_ a: P, _ b: P, _ c: P, _ d: P) -> P? {
        let r = b - a, s = d - c
        let den = r.x * s.y - r.y * s.x
        guard abs(den) > 1e-12 else { return nil }
        let t = ((c.x - a.x) * s.y - (c.y - a.y) * s.x) / den
        let u = ((c.x - a.x) * r.y - (c.y - a.y) * r.x) / den
        guard t > 0, t < 1, u > 0, u < 1 else { return nil }
        return a + r * t
    }

    /// The angle at b between b→a and b→c, degrees.
    static func angle(_ a: P, _ b: P, _ c: P) -> Double {
        let u = a - b, v = c - b
        return acos(max(-1, min(1, (u.x * v.x + u.y * v.y) / (u.length * v.length)))) * 180 / .pi
    }
}
