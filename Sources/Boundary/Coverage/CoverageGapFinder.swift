import GEOSKit

/// Finds gaps and holes from the segments no neighbour matches, without unioning the coverage.
///
/// The segments that ``SegmentMatcher`` could not match are the only linework that can bound
/// an uncovered region: every matched segment has a polygon on both sides. That linework —
/// the coverage's outer boundary plus whatever is mismatched — is joined into runs, noded and
/// dissolved once (`unaryUnion`), split into connected components, and each component is
/// polygonised on its own, the components shared among the workers. (One polygonisation of
/// everything would assign every sliver as a hole of the coverage's outer face, which is slow
/// and tells nothing.) A face that no polygon covers, tested exactly at a point inside it, is a
/// gap when its widest inscribed circle, measured in metres, is narrower than the gap width,
/// and a hole otherwise. Components lying inside such a face are cut out of it first. The
/// unbounded face outside the coverage is never a face of a polygonisation, so the coverage's
/// outer edge is never reported.
///
/// The segments on a gap's boundary are mismatched too: they are handed back, each with the
/// polygon across the gap that lies nearest to it.
struct CoverageGapFinder: Sendable {
    /// What the gap finder found.
    struct Outcome: Sendable {
        var gaps: [Finding] = []
        var holes: [Finding] = []
        var mismatches: [CoveragePolygonValidator.Mismatch] = []
        var gapPolygons = Set<Int>()
        var unmatchedSegments = 0
        var uncoveredFaces = 0
    }

    /// The noded linework: edges as interleaved coordinates, grouped into connected components.
    struct Linework: Sendable {
        var edges: [[Double]] = []
        var components: [[Int]] = []
        var componentIndex = EnvelopeIndex([])
        var componentEnvelopes: [Envelope] = []
    }

    let layer: CoverageLayer
    let states: [SegmentMatcher.State]
    let index: EnvelopeIndex
    let references: [FeatureReference]
    let options: CoverageOptions

    /// Runs the search on `workers` threads.
    func find(workers: Int) throws -> Outcome {
        try classify(nodedLinework(), workers: workers)
    }

    /// Classifies the faces of the noded linework (from ``nodedLinework()``) on `workers` threads.
    ///
    /// Two passes: the components are polygonised and their uncovered faces found (one component
    /// per task: a dirty layer's ribbons often join into a few very large components), then the
    /// uncovered faces are measured (one face per task, the largest first), so a component with
    /// thousands of gap faces does not keep one worker busy while the other idles.
    func classify(_ linework: Linework, workers: Int) throws -> Outcome {
        var unmatched: [Int] = []
        for r in 0..<layer.ringCount {
            for s in layer.segments(ofRing: r) where states[s] == .unmatched { unmatched.append(s) }
        }
        var outcome = Outcome()
        outcome.unmatchedSegments = unmatched.count
        guard !unmatched.isEmpty else { return outcome }
        let segmentIndex = EnvelopeIndex(items: unmatched.enumerated().map { (Int32($0.offset), layer.segmentEnvelope($0.element)) })
        let unmatchedList = unmatched

        // Largest components first, so the big one does not finish last.
        let order = linework.components.indices.sorted { linework.components[$0].count > linework.components[$1].count }
        let counter = ChunkCounter(count: order.count, chunk: 64)
        let found = try ParallelWork.run(workers: workers) { _ -> [UncoveredFace] in
            let context = try GEOSContext()
            var locators: [Int: PolygonLocator] = [:]
            var mine: [UncoveredFace] = []
            while let chunk = counter.take() {
                for i in chunk {
                    try uncoveredFaces(of: order[i], linework: linework, context: context, locators: &locators,
                                       unmatched: unmatchedList, segmentIndex: segmentIndex, into: &mine)
                }
            }
            return mine
        }
        let faces = found.flatMap { $0 }.sorted { $0.vertexCount > $1.vertexCount }
        outcome.uncoveredFaces = faces.count
        let faceCounter = ChunkCounter(count: faces.count, chunk: 4)
        let parts = try ParallelWork.run(workers: workers) { _ -> Outcome in
            let context = try GEOSContext()
            let measurer = MetricMeasurer(isGeographic: options.isGeographic)
            var mine = Outcome()
            while let chunk = faceCounter.take() {
                for i in chunk { try measure(faces[i], context: context, measurer: measurer, into: &mine) }
            }
            return mine
        }
        for p in parts {
            outcome.gaps += p.gaps
            outcome.holes += p.holes
            outcome.mismatches += p.mismatches
            outcome.gapPolygons.formUnion(p.gapPolygons)
        }
        return outcome
    }

    /// A face no polygon covers, found in the first pass and measured in the second.
    struct UncoveredFace: Sendable {
        /// The face (a polygon or multipolygon) as WKB.
        var wkb: [UInt8]
        /// Its vertex count, the measure of its cost.
        var vertexCount: Int
        /// The unmatched segments along its boundary.
        var sides: [Int]
    }

    // MARK: - Linework

    /// Runs of unmatched segments, noded and dissolved by GEOS (one context, one thread),
    /// split into connected components.
    func nodedLinework() throws -> Linework {
        let context = try GEOSContext()
        var lines: [Geometry] = []
        for r in 0..<layer.ringCount {
            var run: [Double] = []
            func flush() throws {
                if run.count >= 4 { lines.append(try context.lineString(interleaved: run)) }
                run.removeAll(keepingCapacity: true)
            }
            for s in layer.segments(ofRing: r) {
                if states[s] == .unmatched {
                    if run.isEmpty { run += [layer.xs[s], layer.ys[s]] }
                    run += [layer.xs[s + 1], layer.ys[s + 1]]
                } else {
                    try flush()
                }
            }
            try flush()
        }
        let noded = try context.collection(.multiLineString, lines).unaryUnion()
        lines.removeAll()
        var result = Linework()
        for part in try noded.parts() where try part.type == .lineString {
            let c = try part.coordinates()
            guard c.count >= 2 else { continue }
            var xy: [Double] = []
            xy.reserveCapacity(c.count * 2)
            for p in c { xy += [p.x, p.y] }
            result.edges.append(xy)
        }
        // Components: edges joined at shared end points (exact after noding).
        struct Point: Hashable { var x: UInt64; var y: UInt64 }
        var node: [Point: Int] = [:]
        var parent: [Int] = []
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var edgeNode: [Int] = []
        for e in result.edges {
            var ends: [Int] = []
            for k in [0, e.count - 2] {
                let p = Point(x: (e[k] + 0.0).bitPattern, y: (e[k + 1] + 0.0).bitPattern)
                if let id = node[p] { ends.append(id) } else {
                    node[p] = parent.count
                    ends.append(parent.count)
                    parent.append(parent.count)
                }
            }
            let a = find(ends[0]), b = find(ends[1])
            if a != b { parent[a] = b }
            edgeNode.append(ends[0])
        }
        var componentOf: [Int: Int] = [:]
        for (i, n) in edgeNode.enumerated() {
            let root = find(n)
            if let c = componentOf[root] { result.components[c].append(i) } else {
                componentOf[root] = result.components.count
                result.components.append([i])
            }
        }
        result.componentEnvelopes = result.components.map { edges in
            var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
            for e in edges {
                let xy = result.edges[e]
                for k in stride(from: 0, to: xy.count, by: 2) {
                    minX = min(minX, xy[k]); maxX = max(maxX, xy[k])
                    minY = min(minY, xy[k + 1]); maxY = max(maxY, xy[k + 1])
                }
            }
            return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        }
        result.componentIndex = EnvelopeIndex(result.componentEnvelopes.map { Optional($0) })
        return result
    }

    /// The faces of one component's edges.
    private func faces(of component: Int, linework: Linework, context: GEOSContext) throws -> [Geometry] {
        let lines = try linework.components[component].map { try context.lineString(interleaved: linework.edges[$0]) }
        return try context.collection(.multiLineString, lines).polygonizedFull().polygons.parts()
    }

    // MARK: - Faces

    /// Appends the faces of one component that no polygon covers.
    private func uncoveredFaces(of component: Int, linework: Linework, context: GEOSContext,
                                locators: inout [Int: PolygonLocator], unmatched: [Int], segmentIndex: EnvelopeIndex,
                                into found: inout [UncoveredFace]) throws {
        let edges = linework.components[component]
        // Most components of a dirty layer are one closed ring around a sliver: decide those
        // without GEOS when a point inside is covered and no other component lies around it.
        if edges.count == 1, let ring = Self.closedRing(linework.edges[edges[0]]),
           let p = Self.interiorPoint(of: ring) {
            let env = linework.componentEnvelopes[component]
            var nestedNearPoint = false
            linework.componentIndex.query(Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) { c in
                let e = linework.componentEnvelopes[c]
                if c != component, e.minX >= env.minX, e.maxX <= env.maxX, e.minY >= env.minY, e.maxY <= env.maxY {
                    nestedNearPoint = true
                }
            }
            if !nestedNearPoint, covered(p.x, p.y, locators: &locators) { return }
            // Uncovered, or another component is around: the ring is the face (noded, so simple).
            let face = try context.polygon(shell: ring.map { Coordinate(x: $0.x, y: $0.y) })
            if try face.area > 0 {
                try collect(face, component: component, linework: linework, context: context,
                            locators: &locators, unmatched: unmatched, segmentIndex: segmentIndex, into: &found)
            }
            return
        }
        // A component without a cycle (as many nodes as edges, or more) has no face.
        var nodes = Set<[UInt64]>()
        for e in edges {
            let xy = linework.edges[e]
            nodes.insert([xy[0].bitPattern, xy[1].bitPattern])
            nodes.insert([xy[xy.count - 2].bitPattern, xy[xy.count - 1].bitPattern])
        }
        if edges.count < nodes.count { return }
        for face in try faces(of: component, linework: linework, context: context) {
            try collect(face, component: component, linework: linework, context: context,
                        locators: &locators, unmatched: unmatched, segmentIndex: segmentIndex, into: &found)
        }
    }

    /// Keeps one face of a component for measuring if no polygon covers it.
    private func collect(_ candidate: Geometry, component: Int, linework: Linework, context: GEOSContext,
                         locators: inout [Int: PolygonLocator], unmatched: [Int], segmentIndex: EnvelopeIndex,
                         into found: inout [UncoveredFace]) throws {
        guard var face = try uncoveredFace(candidate, component: component, linework: linework, context: context,
                                           locators: &locators) else { return }
        if try face.isEmpty { return }
        if try face.type == .geometryCollection { face = try context.collection(.multiPolygon, face.parts()) }
        let sides = try boundingSegments(of: face, unmatched: unmatched, index: segmentIndex)
        found.append(UncoveredFace(wkb: try face.wkb(), vertexCount: try face.coordinateCount, sides: sides))
    }

    /// Reports an uncovered face: a gap or a hole by its width.
    private func measure(_ uncovered: UncoveredFace, context: GEOSContext, measurer: MetricMeasurer,
                         into outcome: inout Outcome) throws {
        let face = try context.geometry(wkb: uncovered.wkb)
        let width = try measurer.width(face, threshold: options.gapWidth)
        let sides = uncovered.sides
        let polygons = Set(sides.map { layer.polygon(ofVertex: $0) }).sorted()
        let features = polygons.map { references[$0] }
        let names = features.map(\.description).joined(separator: ", ")
        if width < options.gapWidth {
            outcome.gaps.append(try Finding(
                ruleID: "coverage.gap", severity: .error, features: features, location: face,
                value: width, tolerance: options.gapWidth,
                message: "gap \(Self.format(width)) m wide, narrower than the \(Self.format(options.gapWidth)) m gap width, between \(names)"))
            outcome.gapPolygons.formUnion(polygons)
            outcome.mismatches += attribute(sides)
        } else {
            outcome.holes.append(try Finding(
                ruleID: "coverage.hole", severity: options.severityOfHoles, features: features, location: face,
                value: width, tolerance: options.gapWidth,
                message: "uncovered hole \(Self.format(width)) m wide (at least the \(Self.format(options.gapWidth)) m gap width) inside \(names)"))
        }
    }

    /// The face with nested components cut out, when no polygon covers it; `nil` when one does.
    ///
    /// The coverage is tested at a point inside the face. Other components can lie inside the
    /// face (slivers inside the coverage's outer face, an island inside a gap); they are faces of
    /// their own and are cut out of this one, but only when they matter: when the test point
    /// falls inside one of them, or when the face is uncovered and is about to be measured.
    private func uncoveredFace(_ face: Geometry, component: Int, linework: Linework, context: GEOSContext,
                               locators: inout [Int: PolygonLocator]) throws -> Geometry? {
        guard let p = try face.pointOnSurface().coordinates().first, let env = try face.envelope else { return nil }
        var prepared: PreparedGeometry?
        /// Whether component `c` lies inside this face.
        func isNested(_ c: Int) throws -> Bool {
            let e = linework.componentEnvelopes[c]
            guard c != component, e.minX >= env.minX, e.maxX <= env.maxX, e.minY >= env.minY, e.maxY <= env.maxY else { return false }
            let first = linework.edges[linework.components[c][0]]
            if prepared == nil { prepared = try face.prepared() }
            guard let prep = prepared else { return false }
            return try prep.contains(context.point(x: first[0], y: first[1]))
        }
        // A nested component whose box holds the test point might hold the point itself.
        var pointInNested = false
        for c in linework.componentIndex.items(intersecting: Envelope(minX: p.x, minY: p.y, maxX: p.x, maxY: p.y)) where try isNested(c) {
            let point = try context.point(x: p.x, y: p.y)
            if try faces(of: c, linework: linework, context: context).contains(where: { try $0.intersects(point) }) {
                pointInNested = true
                break
            }
        }
        if !pointInNested && covered(p.x, p.y, locators: &locators) { return nil }
        var nested: [Geometry] = []
        for c in linework.componentIndex.items(intersecting: env) where try isNested(c) {
            nested += try faces(of: c, linework: linework, context: context)
        }
        if nested.isEmpty { return pointInNested ? nil : face }
        let result = try face.difference(context.collection(.multiPolygon, nested).unaryUnion())
        if try result.isEmpty { return nil }
        guard let q = try result.pointOnSurface().coordinates().first else { return nil }
        return covered(q.x, q.y, locators: &locators) ? nil : result
    }

    /// The coordinates of an edge as (x, y) pairs when it closes on itself.
    static func closedRing(_ xy: [Double]) -> [(x: Double, y: Double)]? {
        let n = xy.count / 2
        guard n >= 4, xy[0] == xy[2 * n - 2], xy[1] == xy[2 * n - 1] else { return nil }
        return (0..<n).map { (x: xy[2 * $0], y: xy[2 * $0 + 1]) }
    }

    /// A point strictly inside a simple closed ring: the middle of the widest stretch of a
    /// horizontal line through the widest band between vertex heights.
    static func interiorPoint(of ring: [(x: Double, y: Double)]) -> (x: Double, y: Double)? {
        let ys = Set(ring.map(\.y)).sorted()
        guard ys.count >= 2 else { return nil }
        var band = 0
        for i in 1..<(ys.count - 1) where ys[i + 1] - ys[i] > ys[band + 1] - ys[band] { band = i }
        let y = (ys[band] + ys[band + 1]) / 2
        guard y > ys[band], y < ys[band + 1] else { return nil }
        var crossings: [Double] = []
        for i in 0..<(ring.count - 1) {
            let a = ring[i], b = ring[i + 1]
            if (a.y < y) != (b.y < y) { crossings.append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)) }
        }
        crossings.sort()
        var best: (Double, Double)?
        var i = 0
        while i + 1 < crossings.count {
            let w = crossings[i + 1] - crossings[i]
            if w > 0, w > (best.map { $0.1 - $0.0 } ?? 0) { best = (crossings[i], crossings[i + 1]) }
            i += 2
        }
        guard let (x0, x1) = best else { return nil }
        let x = (x0 + x1) / 2
        guard x > x0, x < x1 else { return nil }
        return (x, y)
    }

    /// Whether some polygon covers the point (inside or on its boundary).
    private func covered(_ x: Double, _ y: Double, locators: inout [Int: PolygonLocator]) -> Bool {
        var hit = false
        index.query(Envelope(minX: x, minY: y, maxX: x, maxY: y)) { p in
            if hit { return }
            let locator: PolygonLocator
            if let l = locators[p] { locator = l } else {
                if locators.count > 4096 { locators.removeAll(keepingCapacity: true) }
                locator = PolygonLocator(layer: layer, polygon: p)
                locators[p] = locator
            }
            if locator.locate(x, y) != .exterior { hit = true }
        }
        return hit
    }

    /// The unmatched segments lying along a face's boundary.
    private func boundingSegments(of face: Geometry, unmatched: [Int], index segmentIndex: EnvelopeIndex) throws -> [Int] {
        let scale = max(1, abs(layer.envelope?.minX ?? 1), abs(layer.envelope?.maxX ?? 1),
                        abs(layer.envelope?.minY ?? 1), abs(layer.envelope?.maxY ?? 1))
        let tolerance = scale * 1e-9
        var found = Set<Int>()
        var rings: [Geometry] = []
        for polygon in try face.parts() where try polygon.type == .polygon {
            rings += try [polygon.exteriorRing] + polygon.interiorRings
        }
        for ring in rings {
            let c = try ring.coordinates()
            for i in 0..<max(0, c.count - 1) {
                let mx = (c[i].x + c[i + 1].x) / 2, my = (c[i].y + c[i + 1].y) / 2
                segmentIndex.query(Envelope(minX: mx - tolerance, minY: my - tolerance, maxX: mx + tolerance, maxY: my + tolerance)) { k in
                    let s = unmatched[k]
                    if distance(mx, my, to: s) <= tolerance { found.insert(s) }
                }
            }
        }
        return found.sorted()
    }

    /// Each gap side segment with the nearest segment of another polygon on the same gap.
    private func attribute(_ sides: [Int]) -> [CoveragePolygonValidator.Mismatch] {
        var result: [CoveragePolygonValidator.Mismatch] = []
        let owners = sides.map { layer.polygon(ofVertex: $0) }
        for (i, s) in sides.enumerated() {
            let mx = (layer.xs[s] + layer.xs[s + 1]) / 2, my = (layer.ys[s] + layer.ys[s + 1]) / 2
            var best: (Double, Int)?
            for (j, o) in sides.enumerated() where owners[j] != owners[i] {
                let d = distance(mx, my, to: o)
                if let b = best, b.0 <= d { continue }
                best = (d, owners[j])
            }
            if let best { result.append(.init(segment: s, neighbour: Int32(best.1))) }
        }
        return result
    }

    /// The distance from a point to segment `s`.
    private func distance(_ px: Double, _ py: Double, to s: Int) -> Double {
        let ax = layer.xs[s], ay = layer.ys[s], bx = layer.xs[s + 1], by = layer.ys[s + 1]
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        var t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0
        t = max(0, min(1, t))
        let qx = ax + t * dx - px, qy = ay + t * dy - py
        return (qx * qx + qy * qy).squareRoot()
    }

    /// A value with sensible digits for a message.
    static func format(_ value: Double) -> String {
        if value >= 100 { return String(Int(value.rounded())) }
        if value >= 1 { return String((value * 10).rounded() / 10) }
        return String((value * 1000).rounded() / 1000)
    }
}
