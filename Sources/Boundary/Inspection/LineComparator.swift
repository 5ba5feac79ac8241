import GEOSKit

/// Compares two epochs of one boundary line, both in the same metric CRS.
///
/// ```swift
/// let comparator = LineComparator(tolerance: 0.5)
/// let c = try comparator.compare(before: recordLine.geometry, after: surveyLine.geometry)
/// for s in c.afterStretches { print(s.from, s.to, s.maximumOffset) }
/// ```
///
/// The survey line is turned round first when it runs the other way (its ends lie nearer the
/// record's opposite ends). A multi-line string is compared as its parts joined in order.
public struct LineComparator: Sendable {
    /// Stretches farther apart than this many metres are changed.
    public var tolerance: Double
    /// Lines whose Hausdorff distance is at most this many metres are unchanged.
    public var unchangedDistance: Double
    /// Lines with more vertex pairs (n × m) than this get the discrete Fréchet distance of their
    /// vertices (an upper bound) instead of the exact one; it also bounds the Hausdorff densification.
    public var maximumFrechetCells: Int

    /// Creates a comparator.
    ///
    /// - Parameters:
    ///   - tolerance: the distance (m) above which a stretch is changed.
    ///   - unchangedDistance: the Hausdorff distance (m) at or below which a line is unchanged.
    ///   - maximumFrechetCells: the budget of vertex pairs for the Fréchet and Hausdorff computations.
    public init(tolerance: Double, unchangedDistance: Double = 0.001, maximumFrechetCells: Int = 4_000_000) {
        self.tolerance = tolerance
        self.unchangedDistance = unchangedDistance
        self.maximumFrechetCells = maximumFrechetCells
    }

    /// Compares the record's line with the survey's line.
    ///
    /// - Parameters:
    ///   - before: the record's (agreed) line, a line string or multi-line string.
    ///   - after: the new survey's line, in the same context and CRS.
    /// - Returns: distances, far stretches, faces between the lines and a verdict.
    /// - Throws: ``InspectionError/notALine(_:)`` or ``InspectionError/degenerateLine(_:)`` for
    ///   unusable geometries, a `GEOSError` when GEOS fails.
    public func compare(before: Geometry, after: Geometry) throws -> LineComparison {
        let record = try Polyline(before)
        let surveyed = try Polyline(after)
        guard record.length > 0 else { throw InspectionError.degenerateLine("in the record") }
        guard surveyed.length > 0 else { throw InspectionError.degenerateLine("in the survey") }
        let reversed = Self.runsBackwards(surveyed, against: record)
        let oriented = reversed ? surveyed.reversed : surveyed
        let context = before.context

        let cells = Double(record.points.count) * Double(oriented.points.count)
        let pieces = max(1, min(8, Int((Double(maximumFrechetCells) / cells).squareRoot())))
        let recordGeometry = try context.lineString(record.points)
        let surveyGeometry = try context.lineString(oriented.points)
        let geosHausdorff = try recordGeometry.hausdorffDistance(to: surveyGeometry, densify: pieces > 1 ? 1 / Double(pieces) : nil)

        var afterStretches = StretchFinder(subject: oriented, reference: record, referenceIndex: ChainIndex(record),
                                           tolerance: tolerance).stretches(on: .after)
        var beforeStretches = StretchFinder(subject: record, reference: oriented, referenceIndex: ChainIndex(oriented),
                                            tolerance: tolerance).stretches(on: .before)
        if reversed {
            let length = oriented.length
            afterStretches = afterStretches.map { s in
                ChangedStretch(line: .after, from: length - s.to, to: length - s.from, fromOnOther: s.toOnOther,
                               toOnOther: s.fromOnOther, maximumOffset: s.maximumOffset, maximumOffsetAt: s.maximumOffsetAt,
                               coordinates: s.coordinates.reversed())
            }
            beforeStretches = beforeStretches.map { s in
                var t = s
                t.fromOnOther = length - s.fromOnOther
                t.toOnOther = length - s.toOnOther
                return t
            }
        }
        let hausdorff = ([geosHausdorff] + (afterStretches + beforeStretches).map(\.maximumOffset)).max() ?? geosHausdorff
        let exact = cells <= Double(maximumFrechetCells)
        let frechet = exact ? FrechetDistance.distance(record.points, oriented.points, lowerBound: hausdorff)
                            : DiscreteFrechet.distance(record.points, oriented.points)
        let discrete = exact ? DiscreteFrechet.distance(record.points, oriented.points) : frechet
        let verdict = LineVerdict(hausdorff: hausdorff, unchangedDistance: unchangedDistance, tolerance: tolerance)
        let areas = verdict == .unchanged ? [] :
            try AreaBetweenLines(before: record, after: oriented, snapDistance: unchangedDistance).faces(in: context)
        var comparison = LineComparison(
            beforeLength: record.length, afterLength: surveyed.length, reversed: reversed,
            hausdorff: hausdorff, frechet: frechet, frechetIsUpperBound: !exact, densifyPieces: pieces,
            afterStretches: afterStretches, beforeStretches: beforeStretches, areas: areas, tolerance: tolerance,
            verdict: verdict)
        comparison.discreteFrechet = discrete
        return comparison
    }

    /// Whether `line` runs the other way from `reference`: its ends lie nearer the opposite ends.
    static func runsBackwards(_ line: Polyline, against reference: Polyline) -> Bool {
        guard let a0 = line.start, let a1 = line.end, let b0 = reference.start, let b1 = reference.end else { return false }
        let same = Planar.distance(a0, b0) + Planar.distance(a1, b1)
        let opposite = Planar.distance(a0, b1) + Planar.distance(a1, b0)
        return opposite < same
    }
}
