import GEOSKit

/// A located piece of one epoch's line lying farther than the tolerance from the other epoch's line.
///
/// Stretches on the new line (``Line-swift.enum/after``) show where the line on the ground has left
/// the agreed line; stretches on the agreed line (``Line-swift.enum/before``) show where the agreed
/// line is no longer followed (they differ where one line is longer or turns away).
///
/// ```swift
/// for s in comparison.afterStretches {
///     print("\(s.from)–\(s.to) m along the survey line, up to \(s.maximumOffset) m off")
/// }
/// ```
public struct ChangedStretch: Sendable {
    /// Which epoch's line the stretch lies on.
    public enum Line: String, Sendable, Codable {
        /// The record's (agreed) line.
        case before
        /// The new survey's line.
        case after
    }

    /// Which line the stretch lies on.
    public var line: Line
    /// Where it starts, in metres along its line from the line's first point.
    public var from: Double
    /// Where it ends, in metres along its line.
    public var to: Double
    /// Where its start lies along the other epoch's line (the nearest point there), in metres.
    public var fromOnOther: Double
    /// Where its end lies along the other epoch's line, in metres.
    public var toOnOther: Double
    /// The largest distance from the stretch to the other line, in metres.
    public var maximumOffset: Double
    /// Where on the stretch that largest distance is reached.
    public var maximumOffsetAt: Coordinate
    /// The stretch itself, in the metric CRS.
    public var coordinates: [Coordinate]

    /// Creates a stretch.
    public init(line: Line, from: Double, to: Double, fromOnOther: Double, toOnOther: Double,
                maximumOffset: Double, maximumOffsetAt: Coordinate, coordinates: [Coordinate]) {
        self.line = line
        self.from = from
        self.to = to
        self.fromOnOther = fromOnOther
        self.toOnOther = toOnOther
        self.maximumOffset = maximumOffset
        self.maximumOffsetAt = maximumOffsetAt
        self.coordinates = coordinates
    }

    /// The stretch's length in metres.
    public var length: Double { to - from }
}
