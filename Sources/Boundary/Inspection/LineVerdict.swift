/// What the inspection concludes about one boundary line.
///
/// ```swift
/// let changed = report.lines.filter { $0.comparison.verdict == .changed }
/// ```
public enum LineVerdict: String, Sendable, Codable, CaseIterable {
    /// The two epochs coincide: the Hausdorff distance is at most the "unchanged" distance (1 mm by default).
    case unchanged
    /// The lines differ, but nowhere by more than the tolerance.
    case withinTolerance = "within-tolerance"
    /// Somewhere the lines are farther apart than the tolerance.
    case changed

    /// The verdict for a Hausdorff distance.
    ///
    /// - Parameters:
    ///   - hausdorff: the distance between the epochs, in metres.
    ///   - unchangedDistance: at or below this the line is unchanged.
    ///   - tolerance: at or below this the line is within tolerance.
    public init(hausdorff: Double, unchangedDistance: Double, tolerance: Double) {
        if hausdorff <= unchangedDistance {
            self = .unchanged
        } else if hausdorff <= tolerance {
            self = .withinTolerance
        } else {
            self = .changed
        }
    }

    /// `unchanged`, `within tolerance`, `changed`.
    public var words: String {
        switch self {
        case .unchanged: return "unchanged"
        case .withinTolerance: return "within tolerance"
        case .changed: return "changed"
        }
    }
}
