/// A file that could not be read or written, with where and why.
///
/// The description names the file, the feature (1-based, as a user counts) and the problem:
///
/// ```
/// survey/lines.geojson: feature 12: ring 0 is not closed (first point 500100 3300200, last 500180 3300260)
/// ```
public struct GeoFormatError: Error, Sendable, CustomStringConvertible {
    /// The file's path as given.
    public var file: String
    /// The feature number, 1-based, when the problem is in one feature.
    public var feature: Int?
    /// What is wrong, in plain words.
    public var problem: String

    /// Creates an error.
    public init(file: String, feature: Int? = nil, problem: String) {
        self.file = file
        self.feature = feature
        self.problem = problem
    }

    public var description: String {
        let place = file.isEmpty ? "" : "\(file): "
        if let feature { return "\(place)feature \(feature): \(problem)" }
        return place + problem
    }
}
