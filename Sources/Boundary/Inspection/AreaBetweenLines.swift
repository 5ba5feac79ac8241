import GEOSKit

/// The faces enclosed between two epochs of one line, each assigned to a side of the record's line.
///
/// Both lines (run in the same direction) are noded together, with a closing segment between their
/// first points and one between their last points where those differ, and polygonised: every face
/// of that arrangement is land lying between the two lines. A face's side is read from its boundary:
/// walking the face's exterior counter-clockwise (interior on the left), a stretch that follows the
/// record's line forwards puts the face on the record line's left, backwards on its right; a stretch
/// following the survey's line forwards puts it on the survey line's left, which is the record
/// line's right. The vote is weighted by length; closing segments do not vote.
struct AreaBetweenLines {
    /// The record's line.
    let before: Polyline
    /// The survey's line, in the record line's direction.
    let after: Polyline
    /// Faces smaller than this (m²) are rounding noise and are dropped.
    static let negligibleArea = 1e-6
    /// A boundary stretch counts as on a line when its midpoint is this close (m).
    static let onLine = 1e-5
    /// Survey vertices this close (m) to a record vertex are snapped onto it before noding, so that
    /// a line that went through a CRS round trip does not shatter into slivers (the comparator
    /// passes its "unchanged" distance: differences that small are no change).
    let snapDistance: Double

    /// The faces, largest first within each side; faces no line bounds are left out.
    func faces(in context: GEOSContext) throws -> [AreaTransfer] {
        guard let bs = before.start, let be = before.end, after.points.count > 1 else { return [] }
        let beforeLine = try context.lineString(before.points)
        let afterLine = try context.lineString(after.points).snapped(to: beforeLine, tolerance: snapDistance)
        var pieces = [beforeLine, afterLine]
        let snapped = Polyline(try afterLine.coordinates())
        if let s = snapped.start, Planar.distance(bs, s) > 0 { pieces.append(try context.lineString([bs, s])) }
        if let e = snapped.end, Planar.distance(be, e) > 0 { pieces.append(try context.lineString([be, e])) }
        let noded = try context.collection(.multiLineString, pieces).noded()
        let polygons = try noded.polygonizedFull().polygons
        let beforeIndex = ChainIndex(before), afterIndex = ChainIndex(snapped)

        var faces: [AreaTransfer] = []
        for polygon in try polygons.parts() {
            let area = try polygon.area
            guard area > Self.negligibleArea else { continue }
            var shell = try polygon.exteriorRing.coordinates()
            if Planar.twiceSignedArea(shell) < 0 { shell.reverse() }
            guard let side = side(of: shell, beforeIndex: beforeIndex, afterIndex: afterIndex) else { continue }
            let holes = try polygon.interiorRings.map { try $0.coordinates() }
            let anchor = try polygon.pointOnSurface().coordinates().first ?? shell[0]
            faces.append(AreaTransfer(side: side, area: area, rings: [shell] + holes, anchor: anchor))
        }
        return faces
    }

    /// The side of the record's line a counter-clockwise ring's interior lies on, by length-weighted vote.
    func side(of ring: [Coordinate], beforeIndex: ChainIndex, afterIndex: ChainIndex) -> AreaTransfer.Side? {
        var left = 0.0, right = 0.0
        for i in 0..<(ring.count - 1) {
            let p = ring[i], q = ring[i + 1]
            let length = Planar.distance(p, q)
            guard length > 0 else { continue }
            let mid = Planar.lerp(p, q, 0.5)
            let onBefore = beforeIndex.distance(to: mid) <= Self.onLine
            let onAfter = afterIndex.distance(to: mid) <= Self.onLine
            if onBefore && !onAfter {
                let forward = beforeIndex.locate(q).measure > beforeIndex.locate(p).measure
                if forward { left += length } else { right += length }
            } else if onAfter && !onBefore {
                let forward = afterIndex.locate(q).measure > afterIndex.locate(p).measure
                if forward { right += length } else { left += length }
            }
        }
        if left == 0 && right == 0 { return nil }
        return left >= right ? .left : .right
    }
}
