import Foundation
import Gazetteer
import Hummingbird

/// Who may write: bearer tokens checked against the database's digests and an optional token file.
///
/// A token file has one token per line, `ROLE ACTOR sha256:HEX` (blank lines and `#` comments
/// ignored): only digests, like the database, so the file is safe to back up.
public struct AccessControl: Sendable {
    let tokens: AccessTokens
    let fileGrants: [String: AccessGrant]

    /// - Throws: ``Problem``-free ``GazetteerError/invalidInput(source:line:message:)`` naming the
    ///   file and line of a malformed token file.
    public init(store: GazetteerStore, tokenFile: String?) throws {
        tokens = AccessTokens(store: store)
        var grants: [String: AccessGrant] = [:]
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw GazetteerError.invalidInput(source: tokenFile, line: nil, message: "cannot read the token file")
            }
            for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 3, let role = AccessRole(rawValue: String(parts[0])), parts[2].hasPrefix("sha256:"), parts[2].count == 71 else {
                    throw GazetteerError.invalidInput(source: tokenFile, line: number + 1,
                        message: "expected “ROLE ACTOR sha256:HEX” with ROLE one of \(AccessRole.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                grants[String(parts[2])] = AccessGrant(tokenID: nil, actor: String(parts[1]), role: role)
            }
        }
        fileGrants = grants
    }

    /// The grant of the request's bearer token, checked against `role`.
    ///
    /// - Throws: ``Problem`` 401 without a valid token, 403 when its role is not enough.
    func require(_ role: AccessRole, for request: Request) throws -> AccessGrant {
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer realm=\"quhua\""]
        guard let header = request.headers[.authorization] else {
            throw Problem(.unauthorized, "Unauthorized", detail: "this request needs a bearer token with the \(role.rawValue) role", headers: challenge)
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem(.unauthorized, "Unauthorized", detail: "the Authorization header must be “Bearer TOKEN”", headers: challenge)
        }
        let token = String(parts[1]).trimmingCharacters(in: .whitespaces)
        guard let grant = try fileGrants[AccessTokens.digest(of: token)] ?? tokens.authenticate(token) else {
            throw Problem(.unauthorized, "Unauthorized", detail: "the token is unknown or revoked", headers: challenge)
        }
        guard grant.role.allows(role) else {
            throw Problem(.forbidden, "Forbidden", detail: "\(grant.actor)’s token has the \(grant.role.rawValue) role; this request needs \(role.rawValue)")
        }
        return grant
    }
}
