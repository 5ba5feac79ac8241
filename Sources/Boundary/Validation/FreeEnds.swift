import GEOSKit

/// A line end that meets no other line end, and what it most likely is.
public struct FreeEnd {
    /// What the free end is.
    public enum Kind {
        /// It ends on the middle of another line (a missing node there).
        case onLine(other: Int)
        /// It stops `gap` metres short of another line; `target` is the nearest point on it.
        case undershoot(other: Int, gap: Double, target: Coordinate)
        /// It crosses another line at `crossing` and runs on `length` metres past it.
        case overshoot(other: Int, length: Double, crossing: Coordinate)
        /// It ends in the open; `nearest` is the distance to the nearest other line, if any is near.
        case dangle(nearest: Double?)
    }
    /// The end.
    public var end: LineEnd
    /// What it is.
    public var kind: Kind
}

extension PreparedSurvey {
    /// Classifies every free end (a node of degree 1) as on-line, undershoot, overshoot or dangle.
    func classifyFreeEnds() throws -> [FreeEnd] {
        let undershootDistance = profile.tolerance("snapDistance", of: LineUndershootRule.definition)
        let overshootDistance = profile.tolerance("snapDistance", of: LineOvershootRule.definition)
        let reach = max(undershootDistance, overshootDistance, profile.nodeTolerance)
        var result: [FreeEnd] = []
        for node in try network.nodes where node.degree == 1 {
            let end = node.ends[0]
            let part = lineParts[end.line][end.part]
            let point = try context.point(end.position)
            let box = Envelope(minX: end.position.x, minY: end.position.y, maxX: end.position.x, maxY: end.position.y)
            // The nearest other line.
            var nearest: (line: Int, distance: Double)?
            for other in try lineTree.query(intersecting: box.expanded(by: reach)) where other != end.line {
                let d = try survey.lines[other].geometry.distance(to: point)
                if nearest.map({ d < $0.distance }) ?? true { nearest = (other, d) }
            }
            if let n = nearest, n.distance <= profile.nodeTolerance {
                result.append(FreeEnd(end: end, kind: .onLine(other: n.line)))
                continue
            }
            // A crossing of another line just before the end (measured along the line) makes an overshoot;
            // else another line just beyond the end makes an undershoot.
            let endChainage = try part.project(point)
            var best: (line: Int, length: Double, at: Coordinate)?
            let partBox = try part.envelope ?? box
            for other in try lineTree.query(intersecting: partBox) where other != end.line {
                let otherGeometry = survey.lines[other].geometry
                guard try part.isWithinDistance(overshootDistance, of: otherGeometry) else { continue }
                for c in try part.intersection(otherGeometry).allCoordinates() {
                    let along = abs(endChainage - (try part.project(try context.point(c))))
                    if along > profile.nodeTolerance, along <= overshootDistance, best.map({ along < $0.length }) ?? true {
                        best = (other, along, c)
                    }
                }
            }
            if let b = best {
                result.append(FreeEnd(end: end, kind: .overshoot(other: b.line, length: b.length, crossing: b.at)))
            } else if let n = nearest, n.distance <= undershootDistance {
                let (_, target) = try point.nearestPoints(survey.lines[n.line].geometry)
                result.append(FreeEnd(end: end, kind: .undershoot(other: n.line, gap: n.distance, target: target)))
            } else {
                result.append(FreeEnd(end: end, kind: .dangle(nearest: nearest?.distance)))
            }
        }
        return result
    }
}

extension Geometry {
    /// Every coordinate of the geometry, whatever its type.
    func allCoordinates() throws -> [Coordinate] {
        switch try type {
        case .point, .lineString, .linearRing: return try coordinates()
        case .polygon: return try coordinateRuns().flatMap(\.points)
        default: return try parts().flatMap { try $0.allCoordinates() }
        }
    }
}
