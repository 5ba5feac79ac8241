/// Why an inspection could not be made.
///
/// ```swift
/// do { _ = try Inspector().inspect(before: record, after: survey) }
/// catch let error as InspectionError { print(error) }   // the record has no lines and no markers …
/// ```
public enum InspectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An epoch holds nothing to compare: no boundary lines and no markers. `epoch` is
    /// `"record"` (before) or `"survey"` (after).
    case emptyEpoch(epoch: String)
    /// A line geometry is not a line string or multi-line string.
    case notALine(String)
    /// A line has fewer than two distinct points.
    case degenerateLine(String)
    /// A setting is out of range (a negative tolerance, an interval of zero years, a bad date).
    case invalidSetting(String)

    /// A sentence a user can act on.
    public var description: String {
        switch self {
        case .emptyEpoch(let epoch):
            return "the \(epoch) has no boundary lines and no markers: nothing to inspect (check the files and their field mapping)"
        case .notALine(let what):
            return "a boundary line must be a LineString or MultiLineString, got \(what)"
        case .degenerateLine(let what):
            return "boundary line \(what) has fewer than two distinct points"
        case .invalidSetting(let problem):
            return "inspection setting: \(problem)"
        }
    }
}
