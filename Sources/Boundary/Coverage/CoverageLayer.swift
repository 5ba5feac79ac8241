import GEOSKit

/// Every vertex of a coverage in flat arrays: the shared, read-only data all workers scan.
///
/// Rings are stored one after another, each closed (its last vertex repeats its first). A
/// segment is named by the global index of its first vertex; the last vertex of a ring starts
/// no segment. Each ring records which side its interior is on when walked forward, so that a
/// correctly shared segment can be told from a duplicated one by direction alone.
struct CoverageLayer: Sendable {
    /// Vertex x values (longitude or easting).
    let xs: [Double]
    /// Vertex y values (latitude or northing).
    let ys: [Double]
    /// First vertex of each ring; one more entry than rings, the last being the vertex count.
    let ringStart: [Int]
    /// The polygon each ring belongs to.
    let ringPolygon: [Int32]
    /// Whether walking the ring forward keeps the polygon's interior on the left.
    let ringInteriorLeft: [Bool]
    /// Whether the ring is a shell (the outer ring of a polygon or of a multipolygon's part).
    let ringIsShell: [Bool]
    /// First ring of each polygon; one more entry than polygons.
    let polygonRingStart: [Int]
    /// Bounding box of each polygon (`nil` for an empty polygon).
    let polygonEnvelope: [Envelope?]
    /// Bounding box of the whole layer (`nil` when empty).
    let envelope: Envelope?

    var polygonCount: Int { polygonRingStart.count - 1 }
    var ringCount: Int { ringPolygon.count }
    var vertexCount: Int { xs.count }

    /// The vertex indices of ring `r` (closed).
    @inline(__always) func vertices(ofRing r: Int) -> Range<Int> { ringStart[r]..<ringStart[r + 1] }

    /// The segment indices of ring `r` (all but its last vertex).
    @inline(__always) func segments(ofRing r: Int) -> Range<Int> { ringStart[r]..<max(ringStart[r], ringStart[r + 1] - 1) }

    /// The rings of polygon `p`.
    @inline(__always) func rings(ofPolygon p: Int) -> Range<Int> { polygonRingStart[p]..<polygonRingStart[p + 1] }

    /// The ring holding vertex (or segment) `v`.
    func ring(ofVertex v: Int) -> Int {
        var lo = 0, hi = ringCount - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if ringStart[mid] <= v { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The polygon holding vertex (or segment) `v`.
    func polygon(ofVertex v: Int) -> Int { Int(ringPolygon[ring(ofVertex: v)]) }

    /// Whether segment `s` has length zero.
    @inline(__always) func isDegenerate(_ s: Int) -> Bool { xs[s] == xs[s + 1] && ys[s] == ys[s + 1] }

    /// The segment before `s` in its ring (wrapping around the closing vertex).
    func previousSegment(_ s: Int, ring r: Int) -> Int {
        s == ringStart[r] ? ringStart[r + 1] - 2 : s - 1
    }

    /// The segment after `s` in its ring.
    func nextSegment(_ s: Int, ring r: Int) -> Int {
        s + 1 >= ringStart[r + 1] - 1 ? ringStart[r] : s + 1
    }

    /// The bounding box of segment `s`.
    @inline(__always) func segmentEnvelope(_ s: Int) -> Envelope {
        Envelope(minX: min(xs[s], xs[s + 1]), minY: min(ys[s], ys[s + 1]),
                 maxX: max(xs[s], xs[s + 1]), maxY: max(ys[s], ys[s + 1]))
    }

    // MARK: - Building

    /// Reads every polygon's WKB into the flat arrays, on `workers` threads.
    static func build(_ polygons: [CoveragePolygon], workers: Int) throws -> CoverageLayer {
        let n = polygons.count
        // Pass 1: where each ring is and how long.
        let firstPass = ChunkCounter(count: n, chunk: 256)
        let descriptors = try ParallelWork.run(workers: workers) { _ -> [(Int, [WKBPolygonReader.Ring])] in
            var mine: [(Int, [WKBPolygonReader.Ring])] = []
            while let chunk = firstPass.take() {
                for i in chunk { mine.append((i, try WKBPolygonReader.rings(polygons[i].wkb, polygonIndex: i))) }
            }
            return mine
        }
        var ringsOf = [[WKBPolygonReader.Ring]](repeating: [], count: n)
        for list in descriptors { for (i, r) in list { ringsOf[i] = r } }

        var polygonRingStart = [Int](repeating: 0, count: n + 1)
        var ringStart: [Int] = [0]
        var ringPolygon: [Int32] = []
        var ringIsShell: [Bool] = []
        var vertexTotal = 0
        for i in 0..<n {
            polygonRingStart[i] = ringPolygon.count
            for r in ringsOf[i] {
                vertexTotal += r.count
                ringStart.append(vertexTotal)
                ringPolygon.append(Int32(i))
                ringIsShell.append(r.isShell)
            }
        }
        polygonRingStart[n] = ringPolygon.count
        guard vertexTotal < Int(UInt32.max) - 1 else { throw CoverageError.tooManyVertices(vertexTotal) }

        // Pass 2: copy coordinates, each worker its own polygons, into disjoint ranges.
        let ringCount = ringPolygon.count
        var xs = [Double](repeating: 0, count: vertexTotal)
        var ys = [Double](repeating: 0, count: vertexTotal)
        var interiorLeft = [Bool](repeating: true, count: ringCount)
        var envelopes = [Envelope?](repeating: nil, count: n)
        let rings = ringsOf, starts = ringStart, polygonStarts = polygonRingStart
        try xs.withUnsafeMutableBufferPointer { xb in
            try ys.withUnsafeMutableBufferPointer { yb in
                try interiorLeft.withUnsafeMutableBufferPointer { lb in
                    try envelopes.withUnsafeMutableBufferPointer { eb in
                        guard let xBase = xb.baseAddress, let yBase = yb.baseAddress,
                              let lBase = lb.baseAddress, let eBase = eb.baseAddress else { return }
                        let x = SharedBuffer(base: xBase, count: vertexTotal), y = SharedBuffer(base: yBase, count: vertexTotal)
                        let left = SharedBuffer(base: lBase, count: ringCount), env = SharedBuffer(base: eBase, count: n)
                        let secondPass = ChunkCounter(count: n, chunk: 256)
                        _ = try ParallelWork.run(workers: workers) { _ in
                            while let chunk = secondPass.take() {
                                for i in chunk {
                                    try fill(polygon: i, rings: rings[i], wkb: polygons[i].wkb, firstRing: polygonStarts[i],
                                             ringStart: starts, x: x, y: y, interiorLeft: left, envelope: env)
                                }
                            }
                        }
                    }
                }
            }
        }
        var layerEnvelope: Envelope?
        for case let e? in envelopes {
            if let l = layerEnvelope {
                layerEnvelope = Envelope(minX: min(l.minX, e.minX), minY: min(l.minY, e.minY),
                                         maxX: max(l.maxX, e.maxX), maxY: max(l.maxY, e.maxY))
            } else {
                layerEnvelope = e
            }
        }
        return CoverageLayer(xs: xs, ys: ys, ringStart: ringStart, ringPolygon: ringPolygon, ringInteriorLeft: interiorLeft, ringIsShell: ringIsShell,
                             polygonRingStart: polygonRingStart, polygonEnvelope: envelopes, envelope: layerEnvelope)
    }

    /// Copies one polygon's rings and works out their orientation and the polygon's box.
    private static func fill(polygon i: Int, rings: [WKBPolygonReader.Ring], wkb: [UInt8], firstRing: Int, ringStart: [Int],
                             x: SharedBuffer<Double>, y: SharedBuffer<Double>,
                             interiorLeft: SharedBuffer<Bool>, envelope: SharedBuffer<Envelope?>) throws {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for (k, ring) in rings.enumerated() {
            let r = firstRing + k
            let start = ringStart[r], end = ringStart[r + 1]
            guard WKBPolygonReader.copy(ring, from: wkb, x: x.base + start, y: y.base + start) else {
                throw CoverageError.nonFiniteCoordinate(index: i)
            }
            // Twice the signed area, relative to the first vertex to keep the products small.
            var area2 = 0.0
            let x0 = x[start], y0 = y[start]
            for v in start..<end {
                minX = min(minX, x[v]); maxX = max(maxX, x[v])
                minY = min(minY, y[v]); maxY = max(maxY, y[v])
                if v + 1 < end {
                    area2 += (x[v] - x0) * (y[v + 1] - y0) - (x[v + 1] - x0) * (y[v] - y0)
                }
            }
            interiorLeft[r] = ring.isShell == (area2 >= 0)
        }
        if minX <= maxX { envelope[i] = Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY) }
    }
}
