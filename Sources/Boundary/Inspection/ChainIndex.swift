import GEOSKit

/// A bounding-box tree over the segments of one polyline, for "which segments come near this box?".
///
/// Consecutive segments of a line lie close together, so a binary tree over runs of segment
/// numbers (each node boxing its run) prunes as well as an R-tree for this use, with no sorting.
struct ChainIndex: Sendable {
    private struct Node: Sendable {
        var box: Envelope
        var lo: Int
        var hi: Int
        var left: Int?
        var right: Int?
    }

    private let line: Polyline
    private var nodes: [Node] = []
    private static let leafSize = 8

    /// Indexes every segment of `line`.
    init(_ line: Polyline) {
        self.line = line
        if line.segmentCount > 0 { _ = build(0, line.segmentCount) }
    }

    private mutating func build(_ lo: Int, _ hi: Int) -> Int {
        let index = nodes.count
        nodes.append(Node(box: line.envelope(ofSegment: lo), lo: lo, hi: hi, left: nil, right: nil))
        if hi - lo <= Self.leafSize {
            var box = line.envelope(ofSegment: lo)
            for i in lo..<hi { box = box.union(line.envelope(ofSegment: i)) }
            nodes[index].box = box
        } else {
            let mid = (lo + hi) / 2
            let l = build(lo, mid)
            let r = build(mid, hi)
            nodes[index].left = l
            nodes[index].right = r
            nodes[index].box = nodes[l].box.union(nodes[r].box)
        }
        return index
    }

    /// The segments whose boxes meet `box`, in ascending order.
    func segments(meeting box: Envelope) -> [Int] {
        guard !nodes.isEmpty else { return [] }
        var result: [Int] = []
        var stack = [0]
        while let n = stack.popLast() {
            let node = nodes[n]
            guard node.box.intersects(box) else { continue }
            if let l = node.left, let r = node.right {
                stack.append(r)
                stack.append(l)
            } else {
                for i in node.lo..<node.hi where line.envelope(ofSegment: i).intersects(box) { result.append(i) }
            }
        }
        return result
    }

    /// The distance from `p` to the line, searching only the segments that can be nearest.
    func distance(to p: Coordinate) -> Double { locate(p).distance }

    /// The nearest point of the line to `p`: its measure along the line and its distance.
    func locate(_ p: Coordinate) -> (measure: Double, distance: Double) {
        guard !nodes.isEmpty else {
            return (0, line.points.first.map { Planar.distance($0, p) } ?? .infinity)
        }
        var best = (measure: 0.0, distance: Double.infinity)
        var stack = [0]
        while let n = stack.popLast() {
            let node = nodes[n]
            guard Self.distance(from: p, to: node.box) < best.distance else { continue }
            if let l = node.left, let r = node.right {
                // Visit the nearer child first.
                if Self.distance(from: p, to: nodes[l].box) <= Self.distance(from: p, to: nodes[r].box) {
                    stack.append(r); stack.append(l)
                } else {
                    stack.append(l); stack.append(r)
                }
            } else {
                for i in node.lo..<node.hi {
                    let (u, d) = Planar.nearest(on: line.points[i], line.points[i + 1], to: p)
                    if d < best.distance {
                        best = (line.cumulative[i] + u * (line.cumulative[i + 1] - line.cumulative[i]), d)
                    }
                }
            }
        }
        return best
    }

    private static func distance(from p: Coordinate, to box: Envelope) -> Double {
        let dx = max(box.minX - p.x, 0, p.x - box.maxX)
        let dy = max(box.minY - p.y, 0, p.y - box.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }
}
