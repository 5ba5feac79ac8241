import GEOSKit

/// A boundary line: the line separating two divisions, with the division code on each side.
///
/// Left and right are seen walking along the line from its first point to its last.
///
/// ```swift
/// for line in survey.lines where line.leftCode == line.rightCode { print("line \(line.id) separates nothing") }
/// ```
public struct BoundaryLine {
    /// The line id (`"0003"`), or `nil` when the file gives none.
    public var id: String?
    /// The code of the division on the left.
    public var leftCode: String?
    /// The code of the division on the right.
    public var rightCode: String?
    /// The geometry as delivered (a line string, or a multi-line string), in the metric CRS.
    public var geometry: Geometry
    /// The line strings of ``geometry``, in order (one for a single line).
    public var parts: [Geometry]
    /// Where the feature came from.
    public var reference: FeatureReference

    /// Creates a line; `parts` are taken from `geometry`.
    ///
    /// - Throws: a `GEOSError` when the parts cannot be read.
    public init(id: String?, leftCode: String?, rightCode: String?, geometry: Geometry, reference: FeatureReference) throws {
        self.id = id
        self.leftCode = leftCode
        self.rightCode = rightCode
        self.geometry = geometry
        self.parts = try geometry.parts().filter { try $0.type == .lineString && !$0.isEmpty }
        self.reference = reference
    }

    /// The unordered pair of codes, `"610100|610400"`, used to find lines between the same two divisions.
    public var codePair: String? {
        guard let l = leftCode, let r = rightCode else { return nil }
        return l < r ? "\(l)|\(r)" : "\(r)|\(l)"
    }

    /// `0003 (610100|610400)`.
    public var label: String {
        "\(id ?? "#\(reference.index)") (\(leftCode ?? "?")|\(rightCode ?? "?"))"
    }
}
