import GEOSKit

/// Tests the polygon pairs that segment matching flagged for shared interior, exactly.
///
/// Only pairs with a mismatched segment between them are candidates. For each, the
/// mismatched segments of both polygons are grouped into disjoint windows: the boundary of
/// any region the two share is made of such segments, so each connected shared region lies
/// inside one window. Both polygons are clipped to each window (GEOS's rectangle clipper) and
/// tested with the DE-9IM pattern `T********` — interiors intersect, which holds for
/// containment as well as for partial overlap, unlike `overlaps`. Where it holds, the shared
/// part is computed and measured in square metres. A shared part that reaches its window's
/// edge (possible when a matched edge of a third polygon runs through it) sends the pair to
/// the unclipped test.
///
/// GEOS 3.11 can throw a TopologyException for a pair involving a self-intersecting polygon.
/// Such a pair is tested again on `makeValid` copies; if that fails too, the pair is reported
/// as a `coverage.overlap` finding without a value, saying it could not be checked. A failure
/// never stops the run or hides the pair.
struct CoverageOverlapFinder {
    /// A flagged pair: polygon indices `a < b` and the windows holding their mismatched segments.
    struct Pair: Sendable {
        var a: Int
        var b: Int
        var windows: [Envelope]
    }

    /// The outcome for one pair.
    struct Outcome {
        var finding: Finding?
        var repaired = false
    }

    let references: [FeatureReference]
    let polygons: [CoveragePolygon]

    /// The candidate pairs, from every mismatched segment and the neighbour it was found against.
    static func pairs(from mismatches: [CoveragePolygonValidator.Mismatch], layer: CoverageLayer) -> [Pair] {
        var boxes: [Int: [Envelope]] = [:]
        let n = layer.polygonCount
        for m in mismatches {
            let p = layer.polygon(ofVertex: m.segment), q = Int(m.neighbour)
            guard p != q else { continue }
            let key = min(p, q) * n + max(p, q)
            boxes[key, default: []].append(layer.segmentEnvelope(m.segment))
        }
        let scale = max(1, abs(layer.envelope?.minX ?? 1), abs(layer.envelope?.maxX ?? 1),
                        abs(layer.envelope?.minY ?? 1), abs(layer.envelope?.maxY ?? 1))
        return boxes.keys.sorted().map { key in
            Pair(a: key / n, b: key % n, windows: mergedWindows(boxes[key] ?? [], margin: scale * 1e-9))
        }
    }

    /// Boxes grown a little and merged until no two meet.
    static func mergedWindows(_ boxes: [Envelope], margin: Double) -> [Envelope] {
        var current = boxes.map { e -> Envelope in
            let m = max(margin, 0.01 * max(e.maxX - e.minX, e.maxY - e.minY))
            return Envelope(minX: e.minX - m, minY: e.minY - m, maxX: e.maxX + m, maxY: e.maxY + m)
        }
        while true {
            let index = EnvelopeIndex(items: current.enumerated().map { (Int32($0.offset), $0.element) })
            var parent = Array(0..<current.count)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
                return i
            }
            var merged = false
            for (i, e) in current.enumerated() {
                index.query(e) { j in
                    let a = root(i), b = root(j)
                    if a != b { parent[a] = b; merged = true }
                }
            }
            if !merged { return current }
            var groups: [Int: Envelope] = [:]
            for (i, e) in current.enumerated() {
                let r = root(i)
                if let g = groups[r] {
                    groups[r] = Envelope(minX: min(g.minX, e.minX), minY: min(g.minY, e.minY),
                                         maxX: max(g.maxX, e.maxX), maxY: max(g.maxY, e.maxY))
                } else {
                    groups[r] = e
                }
            }
            current = groups.keys.sorted().compactMap { groups[$0] }
        }
    }

    /// Tests one pair in `context`, with the worker's geometry cache and measurer.
    ///
    /// - Throws: only when even the finding for an untestable pair cannot be written.
    func check(_ pair: Pair, context: GEOSContext, cache: GeometryCache, measurer: MetricMeasurer) throws -> Outcome {
        let features = [references[pair.a], references[pair.b]]
        do {
            let a = try cache.geometry(pair.a, polygons: polygons, context: context)
            let b = try cache.geometry(pair.b, polygons: polygons, context: context)
            do {
                return Outcome(finding: try shared(a, b, pair: pair, features: features, measurer: measurer))
            } catch let first as GEOSError {
                do {
                    let ra = try a.makeValid(), rb = try b.makeValid()
                    var outcome = Outcome(finding: try shared(ra, rb, pair: pair, features: features, measurer: measurer,
                                                              note: " (tested on repaired copies: GEOS failed on the input with \(first))"))
                    outcome.repaired = true
                    return outcome
                } catch {
                    return Outcome(finding: try unchecked(features, pair: pair, context: context,
                                                      reason: "GEOS failed on the input (\(first)) and on repaired copies (\(error))"))
                }
            }
        } catch {
            return Outcome(finding: try unchecked(features, pair: pair, context: context, reason: "\(error)"))
        }
    }

    /// The finding for the part `a` and `b` share, or `nil` when their interiors do not meet.
    private func shared(_ a: Geometry, _ b: Geometry, pair: Pair, features: [FeatureReference],
                        measurer: MetricMeasurer, note: String = "") throws -> Finding? {
        var pieces: [Geometry] = []
        var clippedTestHeld = true
        for window in pair.windows {
            let ca = try a.clipped(to: window), cb = try b.clipped(to: window)
            if try ca.isEmpty || cb.isEmpty { continue }
            guard try ca.relate(cb, matches: "T********") else { continue }
            // Only the areal part counts: the shared edges of the two polygons come along as lines.
            let areas = try areal(ca.intersection(cb))
            for piece in areas {
                if let e = try piece.envelope,
                   e.minX <= window.minX || e.minY <= window.minY || e.maxX >= window.maxX || e.maxY >= window.maxY {
                    clippedTestHeld = false
                }
            }
            if !clippedTestHeld { break }
            pieces.append(contentsOf: areas)
        }
        if !clippedTestHeld {
            pieces = []
            if try a.relate(b, matches: "T********") {
                pieces = try areal(a.intersection(b))
            }
        }
        guard !pieces.isEmpty else { return nil }
        let location = try a.context.collection(.multiPolygon, pieces)
        let area = try measurer.area(location)
        return try Finding(
            ruleID: "coverage.overlap", severity: .error, features: features, location: location, value: area,
            message: "\(features[0]) and \(features[1]) overlap over \(CoverageGapFinder.format(area)) m²\(note)")
    }

    /// The polygons of a geometry (overlay results may carry lines and points along).
    private func areal(_ g: Geometry) throws -> [Geometry] {
        switch try g.type {
        case .polygon: return try g.isEmpty ? [] : [g]
        case .multiPolygon, .geometryCollection: return try g.parts().flatMap { try areal($0) }
        default: return []
        }
    }

    /// A finding for a pair that could not be tested, located at its first window.
    private func unchecked(_ features: [FeatureReference], pair: Pair, context: GEOSContext, reason: String) throws -> Finding {
        let location = try pair.windows.first.map { try context.rectangle($0) }
        return try Finding(
            ruleID: "coverage.overlap", severity: .error, features: features, location: location,
            message: "\(features[0]) and \(features[1]) have mismatched edges and their overlap could not be checked: \(reason); check this pair by hand")
    }
}

/// One worker's GEOS geometries of the polygons it has needed, built from their WKB.
final class GeometryCache {
    private var geometries: [Int: Geometry] = [:]

    /// Polygon `index` as a GEOS geometry in `context`.
    func geometry(_ index: Int, polygons: [CoveragePolygon], context: GEOSContext) throws -> Geometry {
        if let g = geometries[index] { return g }
        if geometries.count > 4096 { geometries.removeAll(keepingCapacity: true) }
        let g = try context.geometry(wkb: polygons[index].wkb)
        geometries[index] = g
        return g
    }
}
