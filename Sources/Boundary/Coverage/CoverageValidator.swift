import GEOSKit

/// Checks that a set of polygons forms a clean coverage: no overlaps, no gaps narrower than the
/// gap width, and every shared edge shared vertex for vertex.
///
/// GEOS 3.11 has no coverage functions, so the check is built here after the design of GEOS
/// 3.12's `CoverageValidator`, on flat coordinate arrays shared by all workers:
///
/// 1. ``SegmentMatcher`` hashes every ring segment; a segment shared exactly by two polygons in
///    opposite directions is matched and never looked at again (in a clean coverage that is
///    every inner edge).
/// 2. ``CoveragePolygonValidator`` tests each polygon that has unmatched segments against its
///    neighbours (from an ``EnvelopeIndex``): crossing, touching, collinear-but-different and
///    interior segments are mismatched, and name the pair.
/// 3. ``CoverageGapFinder`` polygonises the unmatched linework, component by component, and
///    classifies the faces no polygon covers as gaps or holes by their inscribed width in metres.
/// 4. ``CoverageOverlapFinder`` runs the exact `T********` test only on the flagged pairs.
///
/// Every step is spread (the noding of the unmatched linework, one GEOS call, runs beside the
/// overlap tests) over ``CoverageOptions/workers``
/// threads, each with its own GEOS context built from the polygons' WKB.
///
/// Rule ids: `coverage.edge-mismatch` (error; one finding per polygon and neighbour, located at
/// the polygon's mismatched pieces, value = their length in metres), `coverage.overlap` (error;
/// value = shared area in m²), `coverage.gap` (error; value = width in metres, tolerance = the gap
/// width), `coverage.hole` (``CoverageOptions/severityOfHoles``; an uncovered face at least the
/// gap width wide, value = width in metres). Invalid polygons (self-intersections) are not
/// coverage findings: they are checked around, on repaired copies where GEOS needs it.
///
/// ```swift
/// let validator = CoverageValidator(options: CoverageOptions(gapWidth: 50, isGeographic: true))
/// let result = try validator.validate(polygons)
/// for f in result.findings { print(f.ruleID, f.features, f.value ?? 0, f.message) }
/// ```
public struct CoverageValidator: Sendable {
    /// The options in force.
    public var options: CoverageOptions

    /// Creates a validator.
    public init(options: CoverageOptions) {
        self.options = options
    }

    /// Checks the coverage.
    ///
    /// - Parameter polygons: the coverage's polygons (polygon or multipolygon WKB each).
    /// - Returns: the findings, the indices of polygons with error findings, and counts.
    /// - Throws: ``CoverageError`` for unreadable input or a failure with no fallback; never for
    ///   a self-intersecting polygon or a pair GEOS cannot test.
    public func validate(_ polygons: [CoveragePolygon]) throws -> CoverageResult {
        guard options.gapWidth >= 0, options.gapWidth.isFinite else { throw CoverageError.invalidGapWidth(options.gapWidth) }
        let workers = max(1, options.workers)
        let layer = try CoverageLayer.build(polygons, workers: workers)
        let states = try SegmentMatcher.match(layer, workers: workers)
        let index = EnvelopeIndex(layer.polygonEnvelope)
        let references = polygons.map(\.reference)

        var statistics = CoverageStatistics()
        statistics.polygons = polygons.count
        statistics.vertices = layer.vertexCount
        for s in states {
            if s != .none { statistics.segments += 1 }
            if s == .matched { statistics.matchedSegments += 1 }
        }

        // Polygons with unmatched segments, against their neighbours.
        var toCheck: [Int] = []
        for p in 0..<layer.polygonCount {
            if layer.rings(ofPolygon: p).contains(where: { r in layer.segments(ofRing: r).contains { states[$0] == .unmatched } }) {
                toCheck.append(p)
            }
        }
        statistics.polygonsCheckedAgainstNeighbours = toCheck.count
        let checkList = toCheck
        let polygonCounter = ChunkCounter(count: checkList.count, chunk: 16)
        let mismatchLists = try ParallelWork.run(workers: workers) { _ -> [CoveragePolygonValidator.Mismatch] in
            var validator = CoveragePolygonValidator(layer: layer, states: states, index: index)
            var mine: [CoveragePolygonValidator.Mismatch] = []
            while let chunk = polygonCounter.take() {
                for i in chunk { mine += validator.validate(checkList[i]) }
            }
            return mine
        }
        let segmentMismatches = mismatchLists.flatMap { $0 }

        // Overlaps on the flagged pairs, while one worker first nodes the unmatched linework
        // (GEOS, one thread); then the faces of that linework, for gaps, on all workers.
        let checks = options.checks
        let facesNeeded = !checks.isDisjoint(with: [.gaps, .edgeMismatches])
        let gapFinder = CoverageGapFinder(layer: layer, states: states, index: index, references: references, options: options)
        let noded = Locked<CoverageGapFinder.Linework?>(nil)
        let pairs = checks.contains(.overlaps) ? CoverageOverlapFinder.pairs(from: segmentMismatches, layer: layer) : []
        statistics.candidatePairs = pairs.count
        let overlapFinder = CoverageOverlapFinder(references: references, polygons: polygons)
        let pairCounter = ChunkCounter(count: pairs.count, chunk: 8)
        let options = self.options
        let phase = try ParallelWork.run(workers: workers) { worker -> PhaseOutput in
            if worker == 0, facesNeeded {
                let linework = try gapFinder.nodedLinework()
                noded.withLock { $0 = linework }
            }
            let context = try GEOSContext()
            var output = PhaseOutput()
            let cache = GeometryCache()
            let measurer = MetricMeasurer(isGeographic: options.isGeographic)
            while let chunk = pairCounter.take() {
                for i in chunk {
                    let outcome = try overlapFinder.check(pairs[i], context: context, cache: cache, measurer: measurer)
                    if let f = outcome.finding { output.overlaps.append(OverlapHit(f, pairs[i].a, pairs[i].b)) }
                    if outcome.repaired { output.repaired += 1 }
                }
            }
            return output
        }

        var findings: [Finding] = []
        var flagged = Set<Int>()
        var allMismatches = segmentMismatches
        if facesNeeded {
            let linework = try noded.withLock { $0 } ?? gapFinder.nodedLinework()
            let gaps = try gapFinder.classify(linework, workers: workers)
            allMismatches += gaps.mismatches
            if checks.contains(.gaps) {
                findings += gaps.gaps + gaps.holes
                flagged.formUnion(gaps.gapPolygons)
            }
            statistics.unmatchedSegments = gaps.unmatchedSegments
            statistics.uncoveredFaces = gaps.uncoveredFaces
        }
        if !checks.contains(.edgeMismatches) { allMismatches = [] }
        for out in phase {
            for o in out.overlaps {
                findings.append(o.finding)
                flagged.insert(o.a)
                flagged.insert(o.b)
            }
            statistics.pairsCheckedOnRepairedCopies += out.repaired
        }

        // One edge-mismatch finding per polygon and neighbour.
        var groups: [Int: [Int]] = [:]
        let n = layer.polygonCount
        for m in allMismatches {
            let p = layer.polygon(ofVertex: m.segment)
            groups[p * n + Int(m.neighbour), default: []].append(m.segment)
        }
        let keys = groups.keys.sorted()
        let groupList = keys.map { (key: $0, segments: Array(Set(groups[$0] ?? [])).sorted()) }
        let groupCounter = ChunkCounter(count: groupList.count, chunk: 32)
        let mismatchFindings = try ParallelWork.run(workers: workers) { _ -> [Finding] in
            let context = try GEOSContext()
            let measurer = MetricMeasurer(isGeographic: options.isGeographic)
            var mine: [Finding] = []
            while let chunk = groupCounter.take() {
                for i in chunk {
                    let g = groupList[i]
                    mine.append(try Self.edgeMismatch(polygon: g.key / n, neighbour: g.key % n, segments: g.segments,
                                                      layer: layer, references: references, context: context, measurer: measurer))
                }
            }
            return mine
        }
        for list in mismatchFindings { findings += list }
        for key in keys { flagged.insert(key / n) }

        findings.sort { a, b in
            if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
            let ka = a.features.map(\.index), kb = b.features.map(\.index)
            if ka != kb { return ka.lexicographicallyPrecedes(kb) }
            return (a.value ?? 0) < (b.value ?? 0)
        }
        return CoverageResult(findings: findings, invalidPolygonIndices: flagged, statistics: statistics)
    }

    /// The finding for polygon `polygon`'s segments mismatched with `neighbour`.
    private static func edgeMismatch(polygon: Int, neighbour: Int, segments: [Int], layer: CoverageLayer,
                                     references: [FeatureReference], context: GEOSContext,
                                     measurer: MetricMeasurer) throws -> Finding {
        // Consecutive segments of a ring become one line.
        var lines: [Geometry] = []
        var run: [Double] = []
        var last = -2
        for s in segments {
            if s != last + 1, run.count >= 4 {
                lines.append(try context.lineString(interleaved: run))
                run = []
            }
            if s != last + 1 { run = [layer.xs[s], layer.ys[s]] }
            run += [layer.xs[s + 1], layer.ys[s + 1]]
            last = s
        }
        if run.count >= 4 { lines.append(try context.lineString(interleaved: run)) }
        let location = try context.collection(.multiLineString, lines)
        let length = try measurer.length(location)
        let p = references[polygon], q = references[neighbour]
        return try Finding(
            ruleID: "coverage.edge-mismatch", severity: .error, features: [p, q], location: location, value: length,
            message: "\(CoverageGapFinder.format(length)) m of the edge of \(p) do not match \(q) vertex for vertex")
    }
}

/// What one worker of the overlap phase found.
private struct PhaseOutput: Sendable {
    var overlaps: [OverlapHit] = []
    var repaired = 0
}

/// An overlap finding with its pair.
private struct OverlapHit: Sendable {
    var finding: Finding
    var a: Int
    var b: Int
    init(_ finding: Finding, _ a: Int, _ b: Int) {
        self.finding = finding
        self.a = a
        self.b = b
    }
}
