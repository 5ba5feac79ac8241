import GEOSKit

/// The discrete Fréchet distance between two vertex sequences, in memory linear in their length.
///
/// GEOS 3.11 keeps the whole n × m coupling table, which for densified boundary lines of a few
/// thousand vertices runs to gigabytes; the recurrence only ever needs the previous row:
/// `c(i, j) = max(d(pᵢ, qⱼ), min(c(i−1, j), c(i−1, j−1), c(i, j−1)))`.
enum DiscreteFrechet {
    /// The distance; `0` when either sequence is empty.
    static func distance(_ p: [Coordinate], _ q: [Coordinate]) -> Double {
        guard !p.isEmpty, !q.isEmpty else { return 0 }
        var previous = [Double](repeating: 0, count: q.count)
        var current = [Double](repeating: 0, count: q.count)
        for i in p.indices {
            for j in q.indices {
                let d = Planar.distance(p[i], q[j])
                let reach: Double
                switch (i, j) {
                case (0, 0): reach = 0
                case (0, _): reach = current[j - 1]
                case (_, 0): reach = previous[0]
                default: reach = min(previous[j], previous[j - 1], current[j - 1])
                }
                current[j] = max(d, reach)
            }
            swap(&previous, &current)
        }
        return previous[q.count - 1]
    }
}
