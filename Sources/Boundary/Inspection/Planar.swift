import Foundation
import GEOSKit

/// Plane geometry on x and y in metres: distances, nearest points, signed areas, azimuths.
enum Planar {
    /// The distance between two points.
    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        hypot(a.x - b.x, a.y - b.y)
    }

    /// The point a fraction `u` of the way from `a` to `b`.
    static func lerp(_ a: Coordinate, _ b: Coordinate, _ u: Double) -> Coordinate {
        if u <= 0 { return Coordinate(x: a.x, y: a.y) }
        if u >= 1 { return Coordinate(x: b.x, y: b.y) }
        return Coordinate(x: a.x + (b.x - a.x) * u, y: a.y + (b.y - a.y) * u)
    }

    /// The nearest point of segment `a`–`b` to `p`, as the fraction along the segment, and its distance.
    static func nearest(on a: Coordinate, _ b: Coordinate, to p: Coordinate) -> (u: Double, distance: Double) {
        let vx = b.x - a.x, vy = b.y - a.y
        let lengthSquared = vx * vx + vy * vy
        guard lengthSquared > 0 else { return (0, distance(a, p)) }
        let u = max(0, min(1, ((p.x - a.x) * vx + (p.y - a.y) * vy) / lengthSquared))
        return (u, distance(lerp(a, b, u), p))
    }

    /// Twice the signed area of a ring (shoelace), positive when it runs counter-clockwise.
    ///
    /// Coordinates are taken relative to the first point, which keeps full precision for
    /// Gauss-Krüger values in the millions.
    static func twiceSignedArea(_ ring: [Coordinate]) -> Double {
        guard let origin = ring.first, ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0..<ring.count {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return sum
    }

    /// The grid azimuth of the vector (dx, dy): degrees clockwise from grid north (+y), in [0, 360).
    static func azimuth(dx: Double, dy: Double) -> Double {
        var degrees = atan2(dx, dy) * 180 / Double.pi
        if degrees < 0 { degrees += 360 }
        if degrees >= 360 { degrees -= 360 }
        return degrees
    }

    /// The part `[u0, u1]` of segment `a`–`b` (as fractions) lying within `radius` of segment `c`–`d`,
    /// or `nil` when none does.
    ///
    /// The points within `radius` of a segment form a capsule (a rectangle with two half-discs),
    /// which is convex, so its intersection with the line through `a`–`b` is one interval: the hull
    /// of the line's intersections with the two end discs and the rectangle, each solved exactly.
    static func interval(of a: Coordinate, _ b: Coordinate, within radius: Double,
                         of c: Coordinate, _ d: Coordinate) -> (Double, Double)? {
        // Work relative to `a` to keep precision with large coordinates.
        let vx = b.x - a.x, vy = b.y - a.y
        let vv = vx * vx + vy * vy
        guard vv > 0 else { return nil }
        let cx = c.x - a.x, cy = c.y - a.y, dx = d.x - a.x, dy = d.y - a.y
        var lo = Double.infinity, hi = -Double.infinity
        func include(_ range: (Double, Double)?) {
            guard let (l, h) = range, l <= h else { return }
            lo = min(lo, l)
            hi = max(hi, h)
        }
        func disc(_ px: Double, _ py: Double) -> (Double, Double)? {
            // |u v - p|² = r²  →  vv u² - 2 (v·p) u + |p|² - r² = 0
            let vp = vx * px + vy * py
            let disc = vp * vp - vv * (px * px + py * py - radius * radius)
            guard disc >= 0 else { return nil }
            let root = disc.squareRoot()
            return ((vp - root) / vv, (vp + root) / vv)
        }
        include(disc(cx, cy))
        include(disc(dx, dy))
        let ex = dx - cx, ey = dy - cy
        let ee = ex * ex + ey * ey
        if ee > 0 {
            // Along t: w(u) = ((u v - c)·e) / ee in [0, 1]; across t: h(u) = ((u v - c) × e) / |e| in [-r, r].
            var range = (-Double.infinity, Double.infinity)
            func clip(slope: Double, offset: Double, min lower: Double, max upper: Double) {
                if slope == 0 {
                    if offset < lower || offset > upper { range = (1, 0) }
                    return
                }
                var u0 = (lower - offset) / slope, u1 = (upper - offset) / slope
                if u0 > u1 { swap(&u0, &u1) }
                range = (max(range.0, u0), min(range.1, u1))
            }
            clip(slope: (vx * ex + vy * ey) / ee, offset: -(cx * ex + cy * ey) / ee, min: 0, max: 1)
            let e = ee.squareRoot()
            clip(slope: (vx * ey - vy * ex) / e, offset: -(cx * ey - cy * ex) / e, min: -radius, max: radius)
            include(range)
        }
        let l = max(0, lo), h = min(1, hi)
        return l <= h ? (l, h) : nil
    }
}
