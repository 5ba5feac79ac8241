/// Exact point-in-polygon for one polygon of the flat layer, indexed by horizontal bands.
///
/// Counts crossings of a ray to the right with exact orientation tests, so a point on an
/// edge is reported on the boundary, never inside or outside by rounding. Crossings are
/// counted per part (a shell and the holes after it), and a point inside any part is inside:
/// where two parts of an invalid multipolygon overlap, the overlap counts as covered, as GEOS's
/// structure-preserving repair would have it, not as a hole by parity. The polygon's
/// segments are bucketed by the bands of y they span, so a query looks only at the segments
/// in its band.
struct PolygonLocator {
    /// Where a point is with respect to the polygon.
    enum Location { case interior, boundary, exterior }

    private let layer: CoverageLayer
    private let minX: Double, minY: Double, maxX: Double, maxY: Double
    private let bandHeight: Double
    private let bandStart: [Int]
    private let bandSegments: [Int]
    /// The part (0-based) of each entry of `bandSegments`.
    private let bandParts: [Int32]
    private let partCount: Int

    /// Indexes polygon `polygon` of `layer`.
    init(layer: CoverageLayer, polygon: Int) {
        self.layer = layer
        let env = layer.polygonEnvelope[polygon]
        minX = env?.minX ?? .infinity; maxX = env?.maxX ?? -.infinity
        minY = env?.minY ?? .infinity; maxY = env?.maxY ?? -.infinity
        var segments: [Int] = []
        var partOf: [Int32] = []
        var part: Int32 = -1
        for r in layer.rings(ofPolygon: polygon) {
            if layer.ringIsShell[r] || part < 0 { part += 1 }
            for s in layer.segments(ofRing: r) {
                segments.append(s)
                partOf.append(part)
            }
        }
        partCount = Int(part + 1)
        let bands = max(1, min(4096, segments.count / 8))
        let height = maxY > minY ? (maxY - minY) / Double(bands) : 1
        bandHeight = height
        var counts = [Int](repeating: 0, count: bands + 1)
        let mnY = minY
        func band(_ y: Double) -> Int { min(bands - 1, max(0, Int((y - mnY) / height))) }
        for s in segments {
            let a = band(min(layer.ys[s], layer.ys[s + 1])), b = band(max(layer.ys[s], layer.ys[s + 1]))
            for k in a...b { counts[k + 1] += 1 }
        }
        for k in 0..<bands { counts[k + 1] += counts[k] }
        var fill = counts
        var flat = [Int](repeating: 0, count: counts[bands])
        var flatParts = [Int32](repeating: 0, count: counts[bands])
        for (i, s) in segments.enumerated() {
            let a = band(min(layer.ys[s], layer.ys[s + 1])), b = band(max(layer.ys[s], layer.ys[s + 1]))
            for k in a...b {
                flat[fill[k]] = s
                flatParts[fill[k]] = partOf[i]
                fill[k] += 1
            }
        }
        bandStart = counts
        bandSegments = flat
        bandParts = flatParts
    }

    /// Where (`x`, `y`) lies.
    func locate(_ x: Double, _ y: Double) -> Location {
        guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return .exterior }
        let bands = bandStart.count - 1
        let k = min(bands - 1, max(0, Int((y - minY) / bandHeight)))
        var crossings = 0
        var partCrossings = partCount > 1 ? [Int](repeating: 0, count: partCount) : []
        let xs = layer.xs, ys = layer.ys
        for i in bandStart[k]..<bandStart[k + 1] {
            let s = bandSegments[i]
            let x1 = xs[s], y1 = ys[s], x2 = xs[s + 1], y2 = ys[s + 1]
            if x1 < x && x2 < x { continue }
            if x2 == x && y2 == y { return .boundary }
            if x1 == x && y1 == y { return .boundary }
            if y1 == y && y2 == y {
                if x >= min(x1, x2) && x <= max(x1, x2) { return .boundary }
                continue
            }
            if (y1 > y && y2 <= y) || (y2 > y && y1 <= y) {
                var o = RobustOrientation.orientation(x1, y1, x2, y2, x, y)
                if o == 0 { return .boundary }
                if y2 < y1 { o = -o }
                if o > 0 {
                    if partCount > 1 { partCrossings[Int(bandParts[i])] += 1 } else { crossings += 1 }
                }
            }
        }
        if partCount > 1 { return partCrossings.contains { $0 % 2 == 1 } ? .interior : .exterior }
        return crossings % 2 == 1 ? .interior : .exterior
    }
}
