/// The markers of two epochs set side by side: matched (intact or moved), missing and new.
///
/// ```swift
/// let comparison = MarkerMatcher(tolerance: 0.2, searchRadius: 10).compare(before: old, after: new)
/// print(comparison.moved.count, comparison.missing.count, comparison.new.count)
/// ```
public struct MarkerComparison: Sendable, Codable {
    /// Markers found in both epochs, in the order of the record.
    public var matches: [MarkerMatch]
    /// Markers of the record with no counterpart in the new survey.
    public var missing: [MarkerRecord]
    /// Markers of the new survey with no counterpart in the record.
    public var new: [MarkerRecord]
    /// The displacement tolerance in metres.
    public var tolerance: Double
    /// The search radius for matching by position, in metres.
    public var searchRadius: Double

    /// Creates a comparison.
    public init(matches: [MarkerMatch], missing: [MarkerRecord], new: [MarkerRecord], tolerance: Double, searchRadius: Double) {
        self.matches = matches
        self.missing = missing
        self.new = new
        self.tolerance = tolerance
        self.searchRadius = searchRadius
    }

    /// Matched markers that moved no more than the tolerance.
    public var intact: [MarkerMatch] { matches.filter { !$0.isMoved } }
    /// Matched markers that moved more than the tolerance.
    public var moved: [MarkerMatch] { matches.filter(\.isMoved) }
    /// Matched markers whose type letter changed.
    public var typeChanged: [MarkerMatch] { matches.filter(\.typeChanged) }
}
