/// Finds the ring segments that two polygons share exactly, by hashing every segment once.
///
/// Each segment is normalised (its lesser endpoint first) and hashed on the exact bits of its
/// coordinates. In a valid coverage an inner edge occurs exactly twice: in two different
/// polygons, in opposite directions (each polygon's interior on its own side). Such a pair is
/// *matched* and needs no further check. A segment seen once is either on the outer boundary
/// of the coverage or mismatched; a segment seen twice in the same direction (a duplicated
/// polygon, a polygon laid over others) or three times or more is never matched.
///
/// The hash space is split among the workers: each worker scans all segments, keeps those
/// whose hash falls in its share, and matches them in its own open-addressing table, so no
/// table is shared and every segment's state is written by exactly one worker.
enum SegmentMatcher {
    /// The state of each vertex index (as the start of a segment).
    enum State: UInt8 {
        /// A segment no other polygon matches.
        case unmatched = 0
        /// A segment shared exactly, in opposite directions, by two polygons.
        case matched = 1
        /// Not a segment: the closing vertex of a ring, or a zero-length segment.
        case none = 2
    }

    /// Matches all segments of `layer` and returns the state of every vertex index.
    static func match(_ layer: CoverageLayer, workers: Int) throws -> [State] {
        let n = layer.vertexCount
        var states = [State](repeating: .none, count: n)
        let partitions = max(1, workers)
        try states.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let shared = SharedBuffer(base: base, count: n)
            _ = try ParallelWork.run(workers: partitions) { worker in
                matchPartition(layer, partition: worker, of: partitions, states: shared)
            }
        }
        return states
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The hash of segment `s` and whether its forward direction is the normalised one.
    @inline(__always)
    private static func key(_ layer: CoverageLayer, _ s: Int) -> (hash: UInt64, forward: Bool) {
        let x0 = layer.xs[s], y0 = layer.ys[s], x1 = layer.xs[s + 1], y1 = layer.ys[s + 1]
        let forward = x0 < x1 || (x0 == x1 && y0 < y1)
        let (ax, ay, bx, by) = forward ? (x0, y0, x1, y1) : (x1, y1, x0, y0)
        let h = mix(ax.bitPattern ^ mix(ay.bitPattern ^ mix(bx.bitPattern ^ mix(by.bitPattern))))
        return (h, forward)
    }

    @inline(__always)
    private static func sameSegment(_ layer: CoverageLayer, _ a: Int, _ b: Int) -> Bool {
        let ax0 = layer.xs[a], ay0 = layer.ys[a], ax1 = layer.xs[a + 1], ay1 = layer.ys[a + 1]
        let bx0 = layer.xs[b], by0 = layer.ys[b], bx1 = layer.xs[b + 1], by1 = layer.ys[b + 1]
        return (ax0 == bx0 && ay0 == by0 && ax1 == bx1 && ay1 == by1) || (ax0 == bx1 && ay0 == by1 && ax1 == bx0 && ay1 == by0)
    }

    private static let empty: UInt32 = 0
    private static let noSecond = UInt32.max
    private static let many = UInt32.max - 1

    private static func matchPartition(_ layer: CoverageLayer, partition: Int, of partitions: Int, states: SharedBuffer<State>) {
        let p = UInt64(partitions), mine = UInt64(partition)
        // Count this partition's segments to size the table.
        var count = 0
        for r in 0..<layer.ringCount {
            for s in layer.segments(ofRing: r) where !layer.isDegenerate(s) {
                if key(layer, s).hash % p == mine { count += 1 }
            }
        }
        let capacity = max(16, count + count / 3 + 1)
        // Slot: fingerprint (0 = empty), first segment + 1, first's polygon and side bit, second segment + 1 or a marker.
        var fingerprint = [UInt32](repeating: empty, count: capacity)
        var first = [UInt32](repeating: 0, count: capacity)
        var firstInfo = [UInt32](repeating: 0, count: capacity)
        var second = [UInt32](repeating: noSecond, count: capacity)
        for r in 0..<layer.ringCount {
            let polygon = UInt32(layer.ringPolygon[r])
            let interiorLeft = layer.ringInteriorLeft[r]
            for s in layer.segments(ofRing: r) {
                if layer.isDegenerate(s) { continue }
                let (h, forward) = key(layer, s)
                if h % p != mine { continue }
                states[s] = .unmatched
                // The side of the polygon's interior when the segment is walked in normalised order.
                let side: UInt32 = (forward == interiorLeft) ? 1 : 0
                let info = polygon << 1 | side
                let fp = UInt32(truncatingIfNeeded: h >> 32) | 1
                var slot = Int(h.multipliedFullWidth(by: UInt64(capacity)).high)
                while true {
                    if fingerprint[slot] == empty {
                        fingerprint[slot] = fp
                        first[slot] = UInt32(s + 1)
                        firstInfo[slot] = info
                        break
                    }
                    if fingerprint[slot] == fp, sameSegment(layer, Int(first[slot]) - 1, s) {
                        if second[slot] == noSecond {
                            let other = firstInfo[slot]
                            // A match: another polygon, interior on the other side.
                            second[slot] = (other >> 1 != polygon && other & 1 != side) ? UInt32(s + 1) : many
                        } else {
                            second[slot] = many
                        }
                        break
                    }
                    slot += 1
                    if slot == capacity { slot = 0 }
                }
            }
        }
        for slot in 0..<capacity where fingerprint[slot] != empty {
            let b = second[slot]
            if b != noSecond && b != many {
                states[Int(first[slot]) - 1] = .matched
                states[Int(b) - 1] = .matched
            }
        }
    }
}
