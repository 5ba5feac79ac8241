import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// The `v7-patroller-role` migration rebuilds `access_token`: tokens issued before it keep their
/// ids, digests and revocations, and the table still refuses deletes.
@Suite struct AccessMigrationTests {
    @Test func tokensIssuedBeforeThePatrollerRoleSurviveTheMigration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("g.sqlite").path

        // A database as version 6 left it, with one live and one revoked token.
        let live = AccessTokens.newToken(), revoked = AccessTokens.newToken()
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v6-access")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO access_token (id, digest, role, actor, issued_at, issued_by, revoked_at) VALUES
                      (7, ?, 'editor', 'li.ming', '2026-01-02T03:04:05Z', 'admin', NULL),
                      (9, ?, 'viewer', 'wang.fang', '2026-01-02T03:04:06Z', 'admin', '2026-02-01T00:00:00Z')
                    """, arguments: [AccessTokens.digest(of: live), AccessTokens.digest(of: revoked)])
                // A patroller cannot exist before the migration.
                #expect(throws: (any Error).self) {
                    try db.execute(sql: """
                        INSERT INTO access_token (digest, role, actor, issued_at, issued_by) VALUES ('x', 'patroller', 'a', 't', 'b')
                        """)
                }
            }
        }

        let store = try GazetteerStore(path: path, searchKeys: nil)
        #expect(try store.appliedMigrations().contains("v7-patroller-role"))
        let tokens = AccessTokens(store: store)
        #expect(try tokens.authenticate(live) == AccessGrant(tokenID: 7, actor: "li.ming", role: .editor))
        #expect(try tokens.authenticate(revoked) == nil)
        #expect(try tokens.list().map(\.id) == [7, 9])

        let patroller = try tokens.issue(role: .patroller, actor: "zhao.lei", issuedBy: "admin")
        #expect(try tokens.authenticate(patroller.token)?.role == .patroller)
        #expect(AccessRole.patroller.allows(.viewer))
        #expect(!AccessRole.patroller.allows(.editor))
        #expect(AccessRole.editor.allows(.patroller))

        // Still never deleted.
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.execute(sql: "DELETE FROM access_token WHERE id = 9")
                return ((), nil)
            }
        }
        #expect(try store.integrityCheck() == ["ok"])
    }
}
