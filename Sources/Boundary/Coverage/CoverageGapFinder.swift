import GEOSKit

/// Finds gaps and holes from the segments no neighbour matches, without unioning the coverage.
///
/// The segments that ``SegmentMatcher`` could not match are the only linework that can bound
/// an uncovered region: every matched segment has a polygon on both sides. That linework —
/// the coverage's outer boundary plus whatever is mismatched — is joined into runs, noded and
/// dissolved (`unaryUnion`), and polygonised. A face that no polygon covers (tested exactly at
/// a point inside it) is a gap when its widest inscribed circle, measured in metres, is
/// narrower than the gap width, and a hole otherwise. The unbounded face outside the coverage
/// is never a face of the polygonisation, so the coverage's outer edge is never reported.
///
/// The segments on a gap's boundary are mismatched too: they are handed back, each with the
/// polygon across the gap that lies nearest to it.
struct CoverageGapFinder {
    /// What the gap finder found.
    struct Outcome: Sendable {
        var gaps: [Finding] = []
        var holes: [Finding] = []
        var mismatches: [CoveragePolygonValidator.Mismatch] = []
        var gapPolygons = Set<Int>()
        var unmatchedSegments = 0
        var uncoveredFaces = 0
    }

    let layer: CoverageLayer
    let states: [SegmentMatcher.State]
    let index: EnvelopeIndex
    let references: [FeatureReference]
    let options: CoverageOptions

    /// Runs the search in `context`.
    func find(context: GEOSContext) throws -> Outcome {
        var outcome = Outcome()
        // 1. Runs of unmatched segments.
        var lines: [Geometry] = []
        var unmatched: [Int] = []
        for r in 0..<layer.ringCount {
            var run: [Double] = []
            func flush() throws {
                if run.count >= 4 { lines.append(try context.lineString(interleaved: run)) }
                run.removeAll(keepingCapacity: true)
            }
            for s in layer.segments(ofRing: r) {
                if states[s] == .unmatched {
                    unmatched.append(s)
                    if run.isEmpty { run += [layer.xs[s], layer.ys[s]] }
                    run += [layer.xs[s + 1], layer.ys[s + 1]]
                } else {
                    try flush()
                }
            }
            try flush()
        }
        outcome.unmatchedSegments = unmatched.count
        guard !lines.isEmpty else { return outcome }

        // 2. Node, dissolve and polygonise.
        let linework = try context.collection(.multiLineString, lines)
        lines.removeAll()
        let faces = try linework.unaryUnion().polygonizedFull().polygons.parts()

        // 3. Keep the faces no polygon covers.
        var locators: [Int: PolygonLocator] = [:]
        func covered(_ x: Double, _ y: Double) -> Bool {
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
        let measurer = MetricMeasurer(isGeographic: options.isGeographic)
        var segmentIndex: EnvelopeIndex?
        for face in faces {
            let inside = try face.pointOnSurface().coordinates()
            guard let p = inside.first, !covered(p.x, p.y) else { continue }
            outcome.uncoveredFaces += 1
            let width = try measurer.width(face)
            let sides = try boundingSegments(of: face, unmatched: unmatched, index: &segmentIndex)
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
        return outcome
    }

    /// The unmatched segments lying along a face's boundary.
    private func boundingSegments(of face: Geometry, unmatched: [Int], index: inout EnvelopeIndex?) throws -> [Int] {
        if index == nil {
            index = EnvelopeIndex(items: unmatched.enumerated().map { (Int32($0.offset), layer.segmentEnvelope($0.element)) })
        }
        guard let segmentIndex = index else { return [] }
        let scale = max(1, abs(layer.envelope?.minX ?? 1), abs(layer.envelope?.maxX ?? 1),
                        abs(layer.envelope?.minY ?? 1), abs(layer.envelope?.maxY ?? 1))
        let tolerance = scale * 1e-9
        var found = Set<Int>()
        let rings = try [face.exteriorRing] + face.interiorRings
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
