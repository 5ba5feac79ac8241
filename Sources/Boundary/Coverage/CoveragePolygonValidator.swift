import GEOSKit

/// Checks one polygon's unmatched segments against its neighbours: which are mismatched, and with whom.
///
/// After ``SegmentMatcher`` has set aside the segments shared exactly, a polygon's remaining
/// segments are tested against every segment of each neighbour (found with the layer's
/// ``EnvelopeIndex``) whose box meets them, as GEOS 3.12's `CoveragePolygonValidator` does:
///
/// - a segment that crosses a neighbour's segment, is touched inside by one, or runs along one
///   without matching it (including a duplicate running the same way) is mismatched;
/// - a segment that meets a neighbour only at one of its endpoints is mismatched when it leaves
///   that point into the neighbour's interior;
/// - a segment with an endpoint inside a neighbour is mismatched.
///
/// Every (segment, neighbour) pair found is kept: the neighbours name the polygon pairs that
/// the overlap test (`T********`) then examines. Segments that meet nothing stay unmatched:
/// they lie on the coverage's outer boundary or around a gap, which ``CoverageGapFinder`` decides.
struct CoveragePolygonValidator {
    /// A mismatched segment and the neighbour it is mismatched with.
    struct Mismatch: Hashable, Sendable {
        var segment: Int
        var neighbour: Int32
    }

    let layer: CoverageLayer
    let states: [SegmentMatcher.State]
    let index: EnvelopeIndex

    /// Locators built so far (one worker's cache; cleared when it grows large).
    private var locators: [Int: PolygonLocator] = [:]

    init(layer: CoverageLayer, states: [SegmentMatcher.State], index: EnvelopeIndex) {
        self.layer = layer
        self.states = states
        self.index = index
    }

    /// The unmatched segments of `polygon`, with whether their ring keeps the interior on the left.
    func unmatchedSegments(of polygon: Int) -> (segments: [Int], interiorLeft: [Bool]) {
        var result: [Int] = []
        var left: [Bool] = []
        for r in layer.rings(ofPolygon: polygon) {
            for s in layer.segments(ofRing: r) where states[s] == .unmatched {
                result.append(s)
                left.append(layer.ringInteriorLeft[r])
            }
        }
        return (result, left)
    }

    /// Whether target segment `t` and neighbour segment `a` are the same segment with the two
    /// polygons on opposite sides: correctly shared, even if a third polygon duplicates it.
    private func sharesCorrectly(_ t: Int, targetInteriorLeft: Bool, _ a: Int, adjacentInteriorLeft: Bool) -> Bool {
        let xs = layer.xs, ys = layer.ys
        if xs[t] == xs[a] && ys[t] == ys[a] && xs[t + 1] == xs[a + 1] && ys[t + 1] == ys[a + 1] {
            return targetInteriorLeft != adjacentInteriorLeft
        }
        if xs[t] == xs[a + 1] && ys[t] == ys[a + 1] && xs[t + 1] == xs[a] && ys[t + 1] == ys[a] {
            return targetInteriorLeft == adjacentInteriorLeft
        }
        return false
    }

    private mutating func locator(_ polygon: Int) -> PolygonLocator {
        if let l = locators[polygon] { return l }
        if locators.count > 2048 { locators.removeAll(keepingCapacity: true) }
        let l = PolygonLocator(layer: layer, polygon: polygon)
        locators[polygon] = l
        return l
    }

    /// The mismatched segments of `polygon`, each with the neighbour it is mismatched with.
    mutating func validate(_ polygon: Int) -> [Mismatch] {
        let (targets, targetInteriorLeft) = unmatchedSegments(of: polygon)
        guard !targets.isEmpty else { return [] }
        var envU = layer.segmentEnvelope(targets[0])
        for t in targets.dropFirst() {
            let e = layer.segmentEnvelope(t)
            envU = Envelope(minX: min(envU.minX, e.minX), minY: min(envU.minY, e.minY),
                            maxX: max(envU.maxX, e.maxX), maxY: max(envU.maxY, e.maxY))
        }
        let neighbours = index.items(intersecting: envU).filter { $0 != polygon }
        guard !neighbours.isEmpty else { return [] }
        let local = EnvelopeIndex(items: targets.enumerated().map { (Int32($0.offset), layer.segmentEnvelope($0.element)) })
        var found = Set<Mismatch>()
        let xs = layer.xs, ys = layer.ys

        for n in neighbours {
            let n32 = Int32(n)
            for r in layer.rings(ofPolygon: n) {
                let adjInteriorLeft = layer.ringInteriorLeft[r]
                for a in layer.segments(ofRing: r) where states[a] != .none {
                    let box = layer.segmentEnvelope(a)
                    guard box.intersects(envU) else { continue }
                    local.query(box) { k in
                        let t = targets[k]
                        if found.contains(Mismatch(segment: t, neighbour: n32)) { return }
                        if sharesCorrectly(t, targetInteriorLeft: targetInteriorLeft[k], a, adjacentInteriorLeft: adjInteriorLeft) { return }
                        let interaction = SegmentInteraction.classify(xs[t], ys[t], xs[t + 1], ys[t + 1],
                                                                      xs[a], ys[a], xs[a + 1], ys[a + 1])
                        let invalid: Bool
                        switch interaction {
                        case .none:
                            invalid = false
                        case .collinearOverlap, .interiorOfTarget:
                            invalid = true
                        case let .targetEndpoint(node, position):
                            invalid = entersNeighbour(target: t, node: node, adjacent: a, ring: r, position: position,
                                                      interiorLeft: adjInteriorLeft)
                        }
                        if invalid { found.insert(Mismatch(segment: t, neighbour: n32)) }
                    }
                }
            }
        }

        // Endpoints inside a neighbour.
        for t in targets {
            for v in t...(t + 1) {
                let x = xs[v], y = ys[v]
                for n in neighbours {
                    guard let e = layer.polygonEnvelope[n], x >= e.minX, x <= e.maxX, y >= e.minY, y <= e.maxY else { continue }
                    let m = Mismatch(segment: t, neighbour: Int32(n))
                    if found.contains(m) { continue }
                    if locator(n).locate(x, y) == .interior { found.insert(m) }
                }
            }
        }
        return found.sorted { ($0.segment, $0.neighbour) < ($1.segment, $1.neighbour) }
    }

    /// Whether target segment `t`, meeting adjacent segment `a` only at its endpoint `node`, goes into the neighbour.
    private func entersNeighbour(target t: Int, node: Int, adjacent a: Int, ring r: Int,
                                 position: SegmentInteraction.Position, interiorLeft: Bool) -> Bool {
        let xs = layer.xs, ys = layer.ys
        let nodeIndex = node == 0 ? t : t + 1
        let endIndex = node == 0 ? t + 1 : t
        let px = xs[nodeIndex], py = ys[nodeIndex]
        var previous = a, next = a + 1
        switch position {
        case .interior:
            break
        case .start:
            // The vertex before a's start, skipping repeats of the node.
            var s = layer.previousSegment(a, ring: r)
            var guardCount = 0
            while xs[s] == px && ys[s] == py && guardCount < layer.vertices(ofRing: r).count {
                s = layer.previousSegment(s, ring: r)
                guardCount += 1
            }
            previous = s
        case .end:
            var s = layer.nextSegment(a, ring: r)
            var guardCount = 0
            while xs[s + 1] == px && ys[s + 1] == py && guardCount < layer.vertices(ofRing: r).count {
                s = layer.nextSegment(s, ring: r)
                guardCount += 1
            }
            next = s + 1
        }
        var (prevX, prevY, nextX, nextY) = (xs[previous], ys[previous], xs[next], ys[next])
        if !interiorLeft { swap(&prevX, &nextX); swap(&prevY, &nextY) }
        return PolygonNodeTopology.isInterior(nodeX: px, nodeY: py, previousX: prevX, previousY: prevY,
                                              nextX: nextX, nextY: nextY, endX: xs[endIndex], endY: ys[endIndex])
    }
}
