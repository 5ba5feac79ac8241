/// Finds the ring segments that two polygons share exactly, by hashing every segment once.
///
/// Each segment is normalised (its lesser endpoint first) and hashed on the exact bits of its
/// coordinates. In a valid coverage an inner edge occurs exactly twice: in two different
/// polygons, in opposite directions (each polygon's interior on its own side). Such a pair is
/// *matched* and needs no further check. A segment seen once is either on the outer boundary
/// of the coverage or mismatched. Occurrences with the interior on the same side (a duplicated
/// polygon, a polygon laid over others) are never matched; when such duplicates face a single
/// occurrence on the other side, that one is still matched: its own edge is shared correctly.
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
    private static let countMask: UInt32 = 0x7FFF
    private static let samePolygonFlag: UInt32 = 1 << 30

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
        // A slot per distinct segment: a fingerprint of its hash (0 = empty slot), the polygon of
        // its first occurrence, one occurrence (segment + 1) on each side, and how many occurrences
        // have the interior on each side (15 bits each, saturating) with a flag set when the first
        // occurrence on the second side came from the same polygon as the first occurrence.
        var fingerprint = [UInt32](repeating: empty, count: capacity)
        var firstPolygon = [UInt32](repeating: 0, count: capacity)
        var occurrence = [UInt32](repeating: 0, count: capacity * 2)
        var counts = [UInt32](repeating: 0, count: capacity)
        for r in 0..<layer.ringCount {
            let polygon = UInt32(layer.ringPolygon[r])
            let interiorLeft = layer.ringInteriorLeft[r]
            for s in layer.segments(ofRing: r) {
                if layer.isDegenerate(s) { continue }
                let (h, forward) = key(layer, s)
                if h % p != mine { continue }
                states[s] = .unmatched
                // The side of the polygon's interior when the segment is walked in normalised order.
                let side = (forward == interiorLeft) ? 1 : 0
                let fp = UInt32(truncatingIfNeeded: h >> 32) | 1
                var slot = Int(h.multipliedFullWidth(by: UInt64(capacity)).high)
                while true {
                    if fingerprint[slot] == empty {
                        fingerprint[slot] = fp
                        firstPolygon[slot] = polygon
                        occurrence[2 * slot + side] = UInt32(s + 1)
                        counts[slot] = side == 0 ? 1 : 1 << 15
                        break
                    }
                    let stored = occurrence[2 * slot] != 0 ? Int(occurrence[2 * slot]) - 1 : Int(occurrence[2 * slot + 1]) - 1
                    if fingerprint[slot] == fp, sameSegment(layer, stored, s) {
                        var c = counts[slot]
                        let shift: UInt32 = side == 0 ? 0 : 15
                        let sideCount = (c >> shift) & countMask
                        if sideCount == 0 {
                            occurrence[2 * slot + side] = UInt32(s + 1)
                            if firstPolygon[slot] == polygon { c |= samePolygonFlag }
                        }
                        if sideCount < countMask { c += 1 << shift }
                        counts[slot] = c
                        break
                    }
                    slot += 1
                    if slot == capacity { slot = 0 }
                }
            }
        }
        // An occurrence alone on its side, facing at least one occurrence of another polygon, is matched.
        for slot in 0..<capacity where fingerprint[slot] != empty {
            let c = counts[slot]
            let c0 = c & countMask, c1 = (c >> 15) & countMask
            guard c0 >= 1, c1 >= 1 else { continue }
            if c0 == 1 && c1 == 1 && c & samePolygonFlag != 0 { continue }
            if c0 == 1 { states[Int(occurrence[2 * slot]) - 1] = .matched }
            if c1 == 1 { states[Int(occurrence[2 * slot + 1]) - 1] = .matched }
        }
    }
}
