/// A marker as the inspection compares it: number, type letter and plane position in metres.
///
/// ```swift
/// let record = MarkerRecord(number: "0003-002", type: "", x: 39_512_345.678, y: 3_456_789.012,
///                           reference: FeatureReference(layer: "markers", index: 2, key: "0003-002"))
/// ```
public struct MarkerRecord: Sendable, Hashable, Codable {
    /// The marker number (`"0003-002"`, `"J001"`), or `""` when the survey gives none.
    public var number: String
    /// The type letter: `""`, `"A"`, `"B"` or `"C"`.
    public var type: String
    /// The id of the line the marker stands on, when known.
    public var lineID: String?
    /// Easting in the metric CRS.
    public var x: Double
    /// Northing in the metric CRS.
    public var y: Double
    /// Elevation H in metres, when given.
    public var elevation: Double?
    /// Where the record came from.
    public var reference: FeatureReference

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - number: the marker number, `""` when unknown.
    ///   - type: the type letter.
    ///   - lineID: the line it stands on.
    ///   - x: easting in metres.
    ///   - y: northing in metres.
    ///   - elevation: H in metres.
    ///   - reference: the feature it was read from.
    public init(number: String, type: String = "", lineID: String? = nil, x: Double, y: Double,
                elevation: Double? = nil, reference: FeatureReference) {
        self.number = number
        self.type = type
        self.lineID = lineID
        self.x = x
        self.y = y
        self.elevation = elevation
        self.reference = reference
    }

    /// The number with its type letter (`0003-002`, `J001A`), or the feature reference when unnumbered.
    public var label: String { number.isEmpty ? "(unnumbered, \(reference))" : number + type }

    /// Whether the survey gave the marker a number.
    public var isNumbered: Bool { !number.isEmpty }
}
