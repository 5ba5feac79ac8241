/// One marker found in both epochs: how it was paired, how far and which way it moved.
///
/// ```swift
/// for m in comparison.matches where m.isMoved {
///     print(m.after.label, String(format: "%.3f m at %.1f°", m.distance, m.azimuth ?? 0))
/// }
/// ```
public struct MarkerMatch: Sendable, Hashable, Codable {
    /// How the two records were paired.
    public enum Method: String, Sendable, Codable {
        /// Same number (and type letter, within a set of markers sharing a number).
        case number
        /// Nearest within the search radius, because a number was missing or used more than once.
        case position
    }

    /// The marker in the record (before).
    public var before: MarkerRecord
    /// The marker in the new survey (after).
    public var after: MarkerRecord
    /// How they were paired.
    public var method: Method
    /// The displacement tolerance it was held against, in metres.
    public var tolerance: Double

    /// Creates a match.
    public init(before: MarkerRecord, after: MarkerRecord, method: Method, tolerance: Double) {
        self.before = before
        self.after = after
        self.method = method
        self.tolerance = tolerance
    }

    /// Easting change, after minus before, in metres.
    public var dx: Double { after.x - before.x }
    /// Northing change, after minus before, in metres.
    public var dy: Double { after.y - before.y }
    /// The horizontal displacement in metres.
    public var distance: Double { (dx * dx + dy * dy).squareRoot() }
    /// The direction of the move: degrees clockwise from grid north, in [0, 360); `nil` when it did not move.
    public var azimuth: Double? { distance > 0 ? Planar.azimuth(dx: dx, dy: dy) : nil }
    /// The elevation change in metres, when both epochs give H.
    public var dh: Double? {
        guard let a = before.elevation, let b = after.elevation else { return nil }
        return b - a
    }
    /// Whether the marker moved more than the tolerance.
    public var isMoved: Bool { distance > tolerance }
    /// Whether the type letter changed (a single marker that became part of a set, say).
    public var typeChanged: Bool { before.type != after.type }
    /// Whether the number changed (possible only for a match by position with one side unnumbered).
    public var numberChanged: Bool { before.number != after.number }
}
