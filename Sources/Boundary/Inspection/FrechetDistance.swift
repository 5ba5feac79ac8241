import GEOSKit

/// The (continuous) Fréchet distance between two polylines: the shortest leash that lets a walker on
/// each line go from start to end, both moving forward only.
///
/// It is what the discrete Fréchet distance of the two lines converges to as they are densified more
/// and more finely, computed here exactly instead: Alt and Godau's free-space diagram decides
/// "distance ≤ ε" in one sweep over the n × m vertex pairs (one row of reachable intervals kept at a
/// time), and bisection between a lower bound (the Hausdorff distance, the end-point gaps) and an
/// upper bound (the discrete Fréchet distance of the vertices) finds the distance to 0.1 mm.
enum FrechetDistance {
    /// The distance, to within `precision` metres.
    ///
    /// - Parameters:
    ///   - p: one line's vertices.
    ///   - q: the other's, in the same direction.
    ///   - lowerBound: a known lower bound (the Hausdorff distance).
    ///   - precision: the bisection stops when the bracket is this narrow.
    static func distance(_ p: [Coordinate], _ q: [Coordinate], lowerBound: Double, precision: Double = 1e-4) -> Double {
        guard let p0 = p.first, let q0 = q.first, let pn = p.last, let qm = q.last else { return 0 }
        var lo = max(lowerBound, Planar.distance(p0, q0), Planar.distance(pn, qm))
        var hi = DiscreteFrechet.distance(p, q)
        if hi <= lo { return hi }
        if isWithin(lo, p, q) { return lo }
        while hi - lo > precision {
            let mid = (lo + hi) / 2
            if isWithin(mid, p, q) { hi = mid } else { lo = mid }
        }
        return hi
    }

    /// A free interval `[lo, hi]` of an edge of the free-space diagram, in the edge's own parameter
    /// (0…1); empty when `lo > hi`.
    private struct Interval {
        var lo: Double
        var hi: Double
        static let empty = Interval(lo: 1, hi: 0)
        var isEmpty: Bool { lo > hi }
    }

    /// The part of segment `a`–`b` within `eps` of `c`.
    private static func free(_ c: Coordinate, _ a: Coordinate, _ b: Coordinate, _ eps: Double) -> Interval {
        let vx = b.x - a.x, vy = b.y - a.y
        let wx = a.x - c.x, wy = a.y - c.y
        let vv = vx * vx + vy * vy
        if vv == 0 { return wx * wx + wy * wy <= eps * eps ? Interval(lo: 0, hi: 1) : .empty }
        // |w + t v|² = eps²  →  vv t² + 2 (v·w) t + |w|² − eps² = 0
        let vw = vx * wx + vy * wy
        let disc = vw * vw - vv * (wx * wx + wy * wy - eps * eps)
        guard disc >= 0 else { return .empty }
        let root = disc.squareRoot()
        let t0 = max(0, (-vw - root) / vv), t1 = min(1, (-vw + root) / vv)
        return t0 <= t1 ? Interval(lo: t0, hi: t1) : .empty
    }

    /// Whether the Fréchet distance is at most `eps` (Alt and Godau's decision procedure).
    static func isWithin(_ eps: Double, _ p: [Coordinate], _ q: [Coordinate]) -> Bool {
        let n = p.count - 1, m = q.count - 1
        guard n >= 0, m >= 0 else { return true }
        guard Planar.distance(p[0], q[0]) <= eps, Planar.distance(p[n], q[m]) <= eps else { return false }
        if n == 0 { return q.allSatisfy { Planar.distance($0, p[0]) <= eps } }
        if m == 0 { return p.allSatisfy { Planar.distance($0, q[0]) <= eps } }

        // Reachable parts of the left edges of the current column of cells, from the start corner up
        // the diagram's left side.
        var left = [Interval](repeating: .empty, count: m)
        var open = true
        for j in 0..<m {
            let f = free(p[0], q[j], q[j + 1], eps)
            if open && !f.isEmpty && f.lo == 0 { left[j] = f; open = f.hi == 1 } else { open = false }
        }
        // Reachable parts of the bottom edges along the diagram's bottom side.
        var bottomRow = [Interval](repeating: .empty, count: n)
        open = true
        for i in 0..<n {
            let f = free(q[0], p[i], p[i + 1], eps)
            if open && !f.isEmpty && f.lo == 0 { bottomRow[i] = f; open = f.hi == 1 } else { open = false }
        }

        var right = [Interval](repeating: .empty, count: m)
        var top = Interval.empty
        for i in 0..<n {
            var bottom = bottomRow[i]
            var anyReached = false
            for j in 0..<m {
                let l = left[j]
                // A cell entered neither from the left nor from below passes nothing on: the reachable
                // cells form a band, and most of the diagram is skipped without measuring.
                if l.isEmpty && bottom.isEmpty {
                    right[j] = .empty
                    continue
                }
                anyReached = true
                let r = free(p[i + 1], q[j], q[j + 1], eps)
                let t = free(q[j + 1], p[i], p[i + 1], eps)
                var reachRight = Interval.empty, reachTop = Interval.empty
                if !r.isEmpty {
                    if !bottom.isEmpty { reachRight = r } else if !l.isEmpty { reachRight = Interval(lo: max(r.lo, l.lo), hi: r.hi) }
                }
                if !t.isEmpty {
                    if !l.isEmpty { reachTop = t } else if !bottom.isEmpty { reachTop = Interval(lo: max(t.lo, bottom.lo), hi: t.hi) }
                }
                right[j] = reachRight
                bottom = reachTop
            }
            top = bottom
            swap(&left, &right)
            if !anyReached { return false }
        }
        // The end corner is reached through the last cell's right edge or its top edge.
        let lastRight = left[m - 1]
        return (!lastRight.isEmpty && lastRight.hi == 1) || (!top.isEmpty && top.hi == 1)
    }
}
