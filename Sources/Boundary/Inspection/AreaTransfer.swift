import GEOSKit

/// One face between the record's line and the new survey's line: land that would change hands.
///
/// **Sign convention.** Left and right are seen walking along the record's (agreed) line from its
/// first point to its last; the left division is `leftCode`, the right one `rightCode`. A face on the
/// **left** of the agreed line lies between it and a new line that passes farther left: under the
/// agreed line the land belongs to the left division, under the new line to the right one, so the
/// **left division loses it to the right** (``fromCode`` is the left code, ``toCode`` the right).
/// A face on the **right** moves from the right division to the left one. The net change of the
/// left division is therefore (right faces − left faces).
///
/// ```swift
/// for face in comparison.areas {
///     print("\(face.area) m² from \(face.fromCode ?? "left") to \(face.toCode ?? "right")")
/// }
/// ```
public struct AreaTransfer: Sendable {
    /// Which side of the record's line the face lies on.
    public enum Side: String, Sendable, Codable {
        /// Left of the agreed line: the left division loses the face.
        case left
        /// Right of the agreed line: the right division loses the face.
        case right
    }

    /// Which side of the agreed line the face lies on.
    public var side: Side
    /// Its area in square metres.
    public var area: Double
    /// Its rings in the metric CRS: the exterior first (counter-clockwise), then any holes.
    public var rings: [[Coordinate]]
    /// A point inside the face, for labels.
    public var anchor: Coordinate
    /// The code of the division losing the area, when the line names it.
    public var fromCode: String?
    /// The code of the division gaining the area, when the line names it.
    public var toCode: String?

    /// Creates a face.
    public init(side: Side, area: Double, rings: [[Coordinate]], anchor: Coordinate, fromCode: String? = nil, toCode: String? = nil) {
        self.side = side
        self.area = area
        self.rings = rings
        self.anchor = anchor
        self.fromCode = fromCode
        self.toCode = toCode
    }

    /// The same face with the losing and gaining divisions named from the line's left and right codes.
    public func naming(left: String?, right: String?) -> AreaTransfer {
        var face = self
        face.fromCode = side == .left ? left : right
        face.toCode = side == .left ? right : left
        return face
    }
}
