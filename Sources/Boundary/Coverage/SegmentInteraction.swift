/// How a polygon's segment meets a neighbour's segment, decided with exact orientation tests.
///
/// This is the classification GEOS 3.12's coverage validator makes with its robust line
/// intersector: a target segment that crosses a neighbour's segment, is touched in its
/// interior, or runs along it without matching it is mismatched outright; one that meets the
/// neighbour only at one of its own endpoints is mismatched when it leaves that point into the
/// neighbour's interior (decided by ``PolygonNodeTopology``).
enum SegmentInteraction: Equatable {
    /// Where the meeting point is on the neighbour's segment.
    enum Position: Equatable { case start, end, interior }

    /// The segments do not meet.
    case none
    /// They are collinear and share more than a point.
    case collinearOverlap
    /// They meet at a point inside the target segment (a crossing, or a touch).
    case interiorOfTarget
    /// They meet only at target endpoint `node` (0 or 1), which lies at `position` on the neighbour's segment.
    case targetEndpoint(node: Int, position: Position)

    /// Classifies target segment t0–t1 against neighbour segment a0–a1 (neither of zero length).
    static func classify(_ t0x: Double, _ t0y: Double, _ t1x: Double, _ t1y: Double,
                         _ a0x: Double, _ a0y: Double, _ a1x: Double, _ a1y: Double) -> SegmentInteraction {
        let oa0 = RobustOrientation.orientation(t0x, t0y, t1x, t1y, a0x, a0y)
        let oa1 = RobustOrientation.orientation(t0x, t0y, t1x, t1y, a1x, a1y)
        if oa0 != 0 && oa0 == oa1 { return .none }
        let ot0 = RobustOrientation.orientation(a0x, a0y, a1x, a1y, t0x, t0y)
        let ot1 = RobustOrientation.orientation(a0x, a0y, a1x, a1y, t1x, t1y)
        if ot0 != 0 && ot0 == ot1 { return .none }
        if oa0 == 0 && oa1 == 0 && ot0 == 0 && ot1 == 0 {
            return collinear(t0x, t0y, t1x, t1y, a0x, a0y, a1x, a1y)
        }
        if ot0 != 0 && ot1 != 0 { return .interiorOfTarget }
        let node = ot0 == 0 ? 0 : 1
        let (px, py) = node == 0 ? (t0x, t0y) : (t1x, t1y)
        if px == a0x && py == a0y { return .targetEndpoint(node: node, position: .start) }
        if px == a1x && py == a1y { return .targetEndpoint(node: node, position: .end) }
        return .targetEndpoint(node: node, position: .interior)
    }

    @inline(__always)
    private static func less(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Bool {
        ax < bx || (ax == bx && ay < by)
    }

    private static func collinear(_ t0x: Double, _ t0y: Double, _ t1x: Double, _ t1y: Double,
                                  _ a0x: Double, _ a0y: Double, _ a1x: Double, _ a1y: Double) -> SegmentInteraction {
        // On a common line, lexicographic order of points is order along the line.
        let (tLoX, tLoY, tHiX, tHiY) = less(t1x, t1y, t0x, t0y) ? (t1x, t1y, t0x, t0y) : (t0x, t0y, t1x, t1y)
        let (aLoX, aLoY, aHiX, aHiY) = less(a1x, a1y, a0x, a0y) ? (a1x, a1y, a0x, a0y) : (a0x, a0y, a1x, a1y)
        let (loX, loY) = less(tLoX, tLoY, aLoX, aLoY) ? (aLoX, aLoY) : (tLoX, tLoY)
        let (hiX, hiY) = less(tHiX, tHiY, aHiX, aHiY) ? (tHiX, tHiY) : (aHiX, aHiY)
        if less(hiX, hiY, loX, loY) { return .none }
        if loX == hiX && loY == hiY {
            // End to end: the touching point is an endpoint of both.
            let node = (loX == t0x && loY == t0y) ? 0 : 1
            let position: Position = (loX == a0x && loY == a0y) ? .start : .end
            return .targetEndpoint(node: node, position: position)
        }
        return .collinearOverlap
    }
}

/// Whether a segment leaving a ring vertex goes into the ring's polygon, exactly.
enum PolygonNodeTopology {
    /// Whether the direction node→`end` lies strictly inside the polygon's angle at `node`,
    /// where the ring runs `previous` → `node` → `next` with the interior on its left.
    static func isInterior(nodeX: Double, nodeY: Double, previousX: Double, previousY: Double,
                           nextX: Double, nextY: Double, endX: Double, endY: Double) -> Bool {
        let o = RobustOrientation.orientation
        // The interior is the counter-clockwise sweep from the ray to `next` round to the ray to `previous`.
        let turn = o(nodeX, nodeY, nextX, nextY, previousX, previousY)
        if turn > 0 {
            return o(nodeX, nodeY, nextX, nextY, endX, endY) > 0 && o(nodeX, nodeY, endX, endY, previousX, previousY) > 0
        }
        if turn < 0 {
            return !(o(nodeX, nodeY, previousX, previousY, endX, endY) >= 0 && o(nodeX, nodeY, endX, endY, nextX, nextY) >= 0)
        }
        // Collinear rays: a straight ring (interior on the left of travel) or a zero-width spike.
        let sameDirection = ((previousX < nodeX) == (nextX < nodeX)) && ((previousX > nodeX) == (nextX > nodeX))
            && ((previousY < nodeY) == (nextY < nodeY)) && ((previousY > nodeY) == (nextY > nodeY))
        if sameDirection { return false }
        return o(nodeX, nodeY, nextX, nextY, endX, endY) > 0
    }
}
