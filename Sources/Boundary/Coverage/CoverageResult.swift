/// What ``CoverageValidator/validate(_:)`` found.
public struct CoverageResult: Sendable {
    /// The findings, ordered by rule id and then by the polygons involved:
    /// `coverage.edge-mismatch`, `coverage.gap`, `coverage.hole`, `coverage.overlap`.
    public var findings: [Finding]
    /// The input indices of polygons with at least one error-level coverage finding
    /// (a mismatched edge, an overlap, or a side of a gap). Holes do not flag a polygon.
    public var invalidPolygonIndices: Set<Int>
    /// Counts that explain where the work went.
    public var statistics: CoverageStatistics

    /// Creates a result.
    public init(findings: [Finding], invalidPolygonIndices: Set<Int>, statistics: CoverageStatistics) {
        self.findings = findings
        self.invalidPolygonIndices = invalidPolygonIndices
        self.statistics = statistics
    }
}

/// Counts gathered during a coverage check.
public struct CoverageStatistics: Sendable, Hashable {
    /// Polygons checked.
    public var polygons = 0
    /// Vertices read (rings closed, so the first vertex of each ring counts twice).
    public var vertices = 0
    /// Ring segments of non-zero length.
    public var segments = 0
    /// Segments shared exactly (same two vertices, opposite directions) by two polygons.
    public var matchedSegments = 0
    /// Polygons with at least one segment not shared exactly, which were checked against their neighbours.
    public var polygonsCheckedAgainstNeighbours = 0
    /// Segments of the linework that no neighbour matches, polygonised to find gaps.
    public var unmatchedSegments = 0
    /// Faces of that linework which no polygon covers (gaps and holes before classification).
    public var uncoveredFaces = 0
    /// Polygon pairs flagged by segment mismatch whose interiors were tested with `T********`.
    public var candidatePairs = 0
    /// Pairs whose exact test failed on the input and was done on repaired (`makeValid`) copies.
    public var pairsCheckedOnRepairedCopies = 0

    /// Creates empty counts.
    public init() {}
}
