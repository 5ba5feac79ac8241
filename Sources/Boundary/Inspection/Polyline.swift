import GEOSKit

/// A line as a plain coordinate array with its running length, for the measuring the inspection
/// does point by point (locating, cutting, sampling) without a GEOS call per point.
///
/// Only x and y are used. Measures are metres along the line from its first point.
struct Polyline: Sendable {
    /// The vertices.
    let points: [Coordinate]
    /// `cumulative[i]` is the length of the line up to vertex `i`.
    let cumulative: [Double]

    /// Creates a polyline through `points`.
    init(_ points: [Coordinate]) {
        self.points = points.map { Coordinate(x: $0.x, y: $0.y) }
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(points.count)
        for (i, p) in self.points.enumerated() {
            if i > 0 { running += Planar.distance(self.points[i - 1], p) }
            cumulative.append(running)
        }
        self.cumulative = cumulative
    }

    /// The coordinates of a lineal geometry: a line string, or the parts of a multi-line string
    /// joined in the order given.
    ///
    /// - Throws: ``InspectionError/notALine(_:)`` for other geometry types, a `GEOSError` when GEOS fails.
    init(_ geometry: Geometry) throws {
        switch try geometry.type {
        case .lineString, .linearRing:
            self.init(try geometry.coordinates())
        case .multiLineString:
            var all: [Coordinate] = []
            for part in try geometry.parts() {
                let c = try part.coordinates()
                if let last = all.last, let first = c.first, Planar.distance(last, first) == 0 {
                    all.append(contentsOf: c.dropFirst())
                } else {
                    all.append(contentsOf: c)
                }
            }
            self.init(all)
        case let other:
            throw InspectionError.notALine("a \(other)")
        }
    }

    /// The total length.
    var length: Double { cumulative.last ?? 0 }

    /// The number of segments.
    var segmentCount: Int { max(0, points.count - 1) }

    /// The first vertex.
    var start: Coordinate? { points.first }

    /// The last vertex.
    var end: Coordinate? { points.last }

    /// The same line walked from its last point to its first.
    var reversed: Polyline { Polyline(points.reversed()) }

    /// The point `measure` metres along the line (clamped to the line).
    func point(at measure: Double) -> Coordinate {
        guard let first = points.first else { return Coordinate(x: .nan, y: .nan) }
        if measure <= 0 || points.count == 1 { return first }
        if measure >= length { return points[points.count - 1] }
        let i = segmentIndex(at: measure)
        let segmentLength = cumulative[i + 1] - cumulative[i]
        let u = segmentLength > 0 ? (measure - cumulative[i]) / segmentLength : 0
        return Planar.lerp(points[i], points[i + 1], u)
    }

    /// The index of the segment holding `measure` (the last segment for the end point).
    func segmentIndex(at measure: Double) -> Int {
        var lo = 0
        var hi = points.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= measure { lo = mid } else { hi = mid }
        }
        return min(lo, max(0, points.count - 2))
    }

    /// Where `p` meets the line: the measure of the nearest point on the line and the distance to it.
    func locate(_ p: Coordinate) -> (measure: Double, distance: Double) {
        guard points.count > 1 else {
            return (0, points.first.map { Planar.distance($0, p) } ?? .infinity)
        }
        var best = (measure: 0.0, distance: Double.infinity)
        for i in 0..<(points.count - 1) {
            let (u, d) = Planar.nearest(on: points[i], points[i + 1], to: p)
            if d < best.distance {
                best = (cumulative[i] + u * (cumulative[i + 1] - cumulative[i]), d)
            }
        }
        return best
    }

    /// The distance from `p` to the line.
    func distance(to p: Coordinate) -> Double { locate(p).distance }

    /// The piece of the line between two measures, as coordinates (at least two).
    func substring(from start: Double, to end: Double) -> [Coordinate] {
        let a = max(0, min(start, end)), b = min(length, max(start, end))
        var result = [point(at: a)]
        for i in points.indices where cumulative[i] > a && cumulative[i] < b {
            result.append(points[i])
        }
        result.append(point(at: b))
        return result
    }

    /// The vertices with `pieces - 1` evenly spaced points added inside every segment.
    func densified(pieces: Int) -> [Coordinate] {
        guard pieces > 1, points.count > 1 else { return points }
        var result: [Coordinate] = []
        result.reserveCapacity((points.count - 1) * pieces + 1)
        for i in 0..<(points.count - 1) {
            for k in 0..<pieces {
                result.append(Planar.lerp(points[i], points[i + 1], Double(k) / Double(pieces)))
            }
        }
        result.append(points[points.count - 1])
        return result
    }

    /// The bounding box of segment `i`.
    func envelope(ofSegment i: Int) -> Envelope {
        let a = points[i], b = points[i + 1]
        return Envelope(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
    }
}
