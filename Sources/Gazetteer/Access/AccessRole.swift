/// What a bearer of an access token may do.
///
/// Roles are ordered: a patroller may do everything a viewer may and record patrols of the
/// upkeep register, an editor everything a patroller may, an admin everything an editor may.
///
/// ```swift
/// AccessRole.admin.allows(.editor)   // true
/// AccessRole.viewer.allows(.editor)  // false
/// ```
public enum AccessRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// Identifies a reader (`/whoami`) and writes nothing; for staff accounts that only read.
    case viewer
    /// Records patrols of the upkeep register (the patrol app) and nothing else.
    case patroller
    /// Writes names: the naming workflow, the protection and vanished-name lists, place edits.
    case editor
    /// Everything, including issuing and revoking tokens.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .patroller: 1
        case .editor: 2
        case .admin: 3
        }
    }

    /// Whether this role includes everything `required` may do.
    public func allows(_ required: AccessRole) -> Bool { rank >= required.rank }

    public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool { lhs.rank < rhs.rank }
}

/// Who holds a valid token: the actor written to the audit log and the role.
public struct AccessGrant: Sendable, Codable, Equatable {
    /// The token's row in the database, `nil` when the grant comes from a token file.
    public var tokenID: Int64?
    /// The name recorded as the actor of every write made with the token.
    public var actor: String
    /// What the token allows.
    public var role: AccessRole

    public init(tokenID: Int64?, actor: String, role: AccessRole) {
        self.tokenID = tokenID
        self.actor = actor
        self.role = role
    }
}
