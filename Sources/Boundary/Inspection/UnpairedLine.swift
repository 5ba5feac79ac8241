/// A boundary line found in one epoch only.
///
/// ```swift
/// for line in report.missingLines { print("not surveyed: \(line.label)") }
/// ```
public struct UnpairedLine: Sendable, Codable {
    /// The line's index in its survey's ``Survey/lines``.
    public var index: Int
    /// The line id.
    public var id: String?
    /// The division on the left.
    public var leftCode: String?
    /// The division on the right.
    public var rightCode: String?
    /// The feature.
    public var reference: FeatureReference
    /// The line's length in metres.
    public var length: Double

    /// Creates an entry.
    public init(index: Int, id: String?, leftCode: String?, rightCode: String?, reference: FeatureReference, length: Double) {
        self.index = index
        self.id = id
        self.leftCode = leftCode
        self.rightCode = rightCode
        self.reference = reference
        self.length = length
    }

    /// `0007 (610100|610700)`.
    public var label: String { "\(id ?? reference.description) (\(leftCode ?? "?")|\(rightCode ?? "?"))" }
}
