/// A survey that cannot be read: which file, which feature (1-based), and why.
///
/// ```
/// survey/markers.csv: feature 12: no marker number (looked for number, 界桩编号, …)
/// ```
public struct SurveyLoadError: Error, Sendable, CustomStringConvertible {
    /// The file, when the problem is in one.
    public var file: String?
    /// The feature or row (1-based), when the problem is in one.
    public var feature: Int?
    /// What is wrong, in plain words.
    public var problem: String

    /// Creates an error.
    public init(file: String? = nil, feature: Int? = nil, problem: String) {
        self.file = file
        self.feature = feature
        self.problem = problem
    }

    public var description: String {
        var s = file.map { "\($0): " } ?? ""
        if let feature { s += "feature \(feature): " }
        return s + problem
    }
}
