/// How serious a finding is; `quhua validate --fail-on` compares against it.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    /// Worth a look; never blocks sign-off.
    case info
    /// Probably a defect; the surveyor should explain or fix it.
    case warning
    /// A defect that blocks sign-off.
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
