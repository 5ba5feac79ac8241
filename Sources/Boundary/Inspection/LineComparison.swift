/// How two epochs of one boundary line differ: distances, far stretches, areas changing hands, verdict.
///
/// Measures along the survey's line run in the survey's own direction, also when it was digitised
/// the other way round from the record (``reversed``).
///
/// ```swift
/// let c = try LineComparator(tolerance: 0.5).compare(before: agreed, after: surveyed)
/// print(c.verdict, c.hausdorff, c.frechet, c.areaLeftToRight, c.areaRightToLeft)
/// ```
public struct LineComparison: Sendable {
    /// The record line's length in metres.
    public var beforeLength: Double
    /// The survey line's length in metres.
    public var afterLength: Double
    /// Whether the survey's line runs the other way from the record's (it was compared reversed).
    public var reversed: Bool
    /// The (densified, discrete) Hausdorff distance in metres: the farthest either line gets from the other.
    public var hausdorff: Double
    /// The Fréchet distance in metres, which also respects the order along the lines: the limit of the
    /// discrete Fréchet distance of ever more finely densified lines, computed exactly (to 0.1 mm).
    public var frechet: Double
    /// Whether ``frechet`` is only the discrete Fréchet distance of the vertices, an upper bound (for
    /// lines too long to compute the exact one, see ``LineComparator/maximumFrechetCells``).
    public var frechetIsUpperBound: Bool
    /// The discrete Fréchet distance of the two lines' vertices as delivered (GEOS's definition,
    /// without densifying): an upper bound of ``frechet`` that depends on where vertices were placed.
    public var discreteFrechet: Double?
    /// Into how many pieces each segment was cut for the Hausdorff distance (1: vertices only).
    public var densifyPieces: Int
    /// Pieces of the survey's line farther than the tolerance from the record's line.
    public var afterStretches: [ChangedStretch]
    /// Pieces of the record's line farther than the tolerance from the survey's line.
    public var beforeStretches: [ChangedStretch]
    /// The faces between the two lines (see ``AreaTransfer`` for which side loses what); none for an
    /// unchanged line.
    public var areas: [AreaTransfer]
    /// The tolerance in metres.
    public var tolerance: Double
    /// The conclusion.
    public var verdict: LineVerdict

    /// Creates a comparison.
    public init(beforeLength: Double, afterLength: Double, reversed: Bool, hausdorff: Double, frechet: Double,
                frechetIsUpperBound: Bool = false, densifyPieces: Int, afterStretches: [ChangedStretch], beforeStretches: [ChangedStretch],
                areas: [AreaTransfer], tolerance: Double, verdict: LineVerdict) {
        self.beforeLength = beforeLength
        self.afterLength = afterLength
        self.reversed = reversed
        self.hausdorff = hausdorff
        self.frechet = frechet
        self.frechetIsUpperBound = frechetIsUpperBound
        self.densifyPieces = densifyPieces
        self.afterStretches = afterStretches
        self.beforeStretches = beforeStretches
        self.areas = areas
        self.tolerance = tolerance
        self.verdict = verdict
    }

    /// Square metres on the left of the agreed line that the new line gives to the right division.
    public var areaLeftToRight: Double { areas.filter { $0.side == .left }.reduce(0) { $0 + $1.area } }
    /// Square metres on the right of the agreed line that the new line gives to the left division.
    public var areaRightToLeft: Double { areas.filter { $0.side == .right }.reduce(0) { $0 + $1.area } }
    /// The left division's net gain in square metres (negative: a net loss).
    public var netGainOfLeft: Double { areaRightToLeft - areaLeftToRight }
}
