import Foundation
import GRDB

/// Bearer tokens for the gazetteer's writers, stored as SHA-256 digests only.
///
/// A token is 32 random bytes written as `qh_` and 64 hexadecimal digits. It is shown once,
/// when issued; the database keeps its digest, role and actor, so a stolen database file gives
/// no usable token. Issuing and revoking are audited like every other write.
///
/// ```swift
/// let tokens = AccessTokens(store: store)
/// let issued = try tokens.issue(role: .editor, actor: "li.ming", issuedBy: "admin")
/// let grant = try tokens.authenticate(issued.token)   // AccessGrant(actor: "li.ming", role: .editor)
/// ```
public struct AccessTokens: Sendable {
    public let store: GazetteerStore

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// A token just issued: the only time its text is known.
    public struct IssuedToken: Sendable, Codable, Equatable {
        public var id: Int64
        /// The secret to give to the bearer (`qh_…`).
        public var token: String
        public var role: AccessRole
        public var actor: String
    }

    /// A stored token, without its secret.
    public struct TokenRecord: Sendable, Codable, Equatable {
        public var id: Int64
        public var role: AccessRole
        public var actor: String
        public var issuedAt: String
        public var issuedBy: String
        public var revokedAt: String?
    }

    /// Issues a new token for `actor` with `role`.
    ///
    /// - Parameters:
    ///   - role: What the token allows.
    ///   - actor: The name recorded in the audit log for writes made with the token.
    ///   - issuedBy: Who issues it, for the audit log.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for an empty actor name;
    ///   ``GazetteerError/database(_:)`` when it cannot be stored.
    public func issue(role: AccessRole, actor: String, issuedBy: String) throws -> IssuedToken {
        let actor = actor.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !actor.isEmpty else { throw GazetteerError.invalidInput(source: "token", line: nil, message: "the actor name is empty") }
        let token = Self.newToken()
        let digest = Self.digest(of: token)
        return try store.write { db in
            try db.execute(sql: """
                INSERT INTO access_token (digest, role, actor, issued_at, issued_by) VALUES (?, ?, ?, ?, ?)
                """, arguments: [digest, role.rawValue, actor, AuditRecord.timestamp(), issuedBy])
            let id = db.lastInsertedRowID
            let issued = IssuedToken(id: id, token: token, role: role, actor: actor)
            let audit = AuditRecord(actor: issuedBy, action: "token.issue", target: "access_token \(id)",
                                    after: ["role": role.rawValue, "actor": actor])
            return (issued, audit)
        }
    }

    /// The grant of a token that is stored and not revoked; `nil` otherwise.
    ///
    /// - Throws: ``GazetteerError/database(_:)`` when the database cannot be read.
    public func authenticate(_ token: String) throws -> AccessGrant? {
        let digest = Self.digest(of: token)
        return try store.read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, role, actor FROM access_token WHERE digest = ? AND revoked_at IS NULL
                """, arguments: [digest]),
                let role = AccessRole(rawValue: row["role"]) else { return nil }
            return AccessGrant(tokenID: row["id"], actor: row["actor"], role: role)
        }
    }

    /// Revokes a token; it stays in the table with the day it was revoked.
    ///
    /// - Throws: ``GazetteerError/notFound(_:)`` when no unrevoked token has that id.
    public func revoke(id: Int64, actor: String) throws {
        try store.write { db in
            try db.execute(sql: "UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                           arguments: [AuditRecord.timestamp(), id])
            guard db.changesCount == 1 else { throw GazetteerError.notFound("no active access token has id \(id)") }
            return ((), AuditRecord(actor: actor, action: "token.revoke", target: "access_token \(id)"))
        }
    }

    /// Every token ever issued, oldest first, without secrets.
    public func list() throws -> [TokenRecord] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_token ORDER BY id").map {
                TokenRecord(id: $0["id"], role: AccessRole(rawValue: $0["role"]) ?? .viewer, actor: $0["actor"],
                            issuedAt: $0["issued_at"], issuedBy: $0["issued_by"], revokedAt: $0["revoked_at"])
            }
        }
    }

    /// The stored form of a token: `sha256:` and its digest in hexadecimal.
    public static func digest(of token: String) -> String {
        "sha256:" + SHA256.hex(of: Array(token.utf8))
    }

    /// A new random token: `qh_` and 64 hexadecimal digits (256 bits).
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return "qh_" + String((0..<64).map { _ in digits[Int(generator.next() % 16)] })
    }
}
