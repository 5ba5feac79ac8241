import GEOSKit

/// A boundary marker (界桩): its number, type letter, position, elevation and the line it stands on.
///
/// A number is shared by the markers of one set: a single marker has type `""`, a two-sided set
/// (同号双立) types `A` and `B`, a three-sided set at a junction of three lines (同号三立) `A`, `B`, `C`.
///
/// ```swift
/// let sets = Dictionary(grouping: survey.markers, by: \.number)
/// ```
public struct Marker {
    /// The marker number, for example `"0003-002"` or `"J001"`.
    public var number: String
    /// The type letter: `""`, `"A"`, `"B"` or `"C"`.
    public var type: String
    /// The id of the line it stands on.
    public var lineID: String?
    /// The position, a point in the metric CRS.
    public var position: Geometry
    /// The elevation H in metres, when given.
    public var elevation: Double?
    /// Where the record came from.
    public var reference: FeatureReference

    /// Creates a marker.
    public init(number: String, type: String, lineID: String?, position: Geometry, elevation: Double?, reference: FeatureReference) {
        self.number = number
        self.type = type
        self.lineID = lineID
        self.position = position
        self.elevation = elevation
        self.reference = reference
    }

    /// The number with its type letter: `0003-002`, `J001A`.
    public var label: String { number + type }
}
