/// A profile that cannot be read or makes no sense, with the reason.
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    /// The profile file, when the problem is in one.
    public var file: String?
    /// What is wrong.
    public var problem: String

    /// Creates an error.
    public init(file: String? = nil, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { file.map { "\($0): \(problem)" } ?? problem }
}
