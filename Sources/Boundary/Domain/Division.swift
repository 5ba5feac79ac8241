import GEOSKit

/// A division of the survey (a prefecture, county or township) with its polygon in metres.
///
/// ```swift
/// for division in survey.divisions { print(division.code, try division.geometry.area) }
/// ```
public struct Division {
    /// The division code (GB/T 2260 or the statistical code), for example `"610100"`.
    public var code: String
    /// The name, when the file gives one (`"西安市"`).
    public var name: String?
    /// The polygon or multipolygon, in the survey's metric CRS.
    public var geometry: Geometry
    /// Where the feature came from.
    public var reference: FeatureReference

    /// Creates a division.
    public init(code: String, name: String?, geometry: Geometry, reference: FeatureReference) {
        self.code = code
        self.name = name
        self.geometry = geometry
        self.reference = reference
    }

    /// `610100 西安市`, or the code alone.
    public var label: String { name.map { "\(code) \($0)" } ?? code }
}
