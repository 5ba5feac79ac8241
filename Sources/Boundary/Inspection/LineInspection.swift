/// One boundary line found in both epochs: which lines were paired, how, and how they compare.
///
/// ```swift
/// for line in report.lines where line.comparison.verdict == .changed {
///     print(line.label, line.comparison.hausdorff, line.comparison.netGainOfLeft)
/// }
/// ```
public struct LineInspection: Sendable {
    /// How the two epochs of the line were paired.
    public enum Pairing: String, Sendable, Codable {
        /// Same line id.
        case id
        /// Same pair of divisions (left and right codes, in either order).
        case divisions
    }

    /// The line's index in the record's ``Survey/lines``.
    public var beforeIndex: Int
    /// The line's index in the new survey's ``Survey/lines``.
    public var afterIndex: Int
    /// The line id in the record (or the survey's, when the record has none).
    public var id: String?
    /// The line id in the survey, when it differs from the record's.
    public var afterID: String?
    /// The division on the left of the record's line.
    public var leftCode: String?
    /// The division on the right of the record's line.
    public var rightCode: String?
    /// The record's feature.
    public var beforeReference: FeatureReference
    /// The survey's feature.
    public var afterReference: FeatureReference
    /// How the lines were paired.
    public var pairing: Pairing
    /// Whether the survey names other divisions on its left and right than the record (taking its
    /// direction into account).
    public var divisionsDiffer: Bool
    /// The comparison, with the areas named by the divisions that lose and gain them.
    public var comparison: LineComparison

    /// Creates a line inspection.
    public init(beforeIndex: Int, afterIndex: Int, id: String?, afterID: String?, leftCode: String?, rightCode: String?,
                beforeReference: FeatureReference, afterReference: FeatureReference, pairing: Pairing,
                divisionsDiffer: Bool, comparison: LineComparison) {
        self.beforeIndex = beforeIndex
        self.afterIndex = afterIndex
        self.id = id
        self.afterID = afterID
        self.leftCode = leftCode
        self.rightCode = rightCode
        self.beforeReference = beforeReference
        self.afterReference = afterReference
        self.pairing = pairing
        self.divisionsDiffer = divisionsDiffer
        self.comparison = comparison
    }

    /// `0010 (610400|610200)`.
    public var label: String {
        "\(id ?? beforeReference.description) (\(leftCode ?? "?")|\(rightCode ?? "?"))"
    }
}
