import Foundation
import GRDB
import XCTest
@testable import Gazetteer

/// The `v7-patroller-role` migration rebuilds `access_token`: tokens issued before it keep their
/// ids, digests and revocations, and the table still refuses deletes.
final class AccessMigrationTests: XCTestCase {
    func testTokensIssuedBeforeThePatrollerRoleSurviveTheMigration() throws {
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
                XCTAssertThrowsError(try db.execute(sql: """
                    INSERT INTO access_token (digest, role, actor, issued_at, issued_by) VALUES ('x', 'patroller', 'a', 't', 'b')
                    """))
            }
        }

        let store = try GazetteerStore(path: path, searchKeys: nil)
        XCTAssertTrue(try store.appliedMigrations().contains("v7-patroller-role"))
        let tokens = AccessTokens(store: store)
        XCTAssertEqual(try tokens.authenticate(live), AccessGrant(tokenID: 7, actor: "li.ming", role: .editor))
        XCTAssertNil(try tokens.authenticate(revoked))
        XCTAssertEqual(try tokens.list().map(\.id), [7, 9])

        let patroller = try tokens.issue(role: .patroller, actor: "zhao.lei", issuedBy: "admin")
        XCTAssertEqual(try tokens.authenticate(patroller.token)?.role, .patroller)
        XCTAssertTrue(AccessRole.patroller.allows(.viewer))
        XCTAssertFalse(AccessRole.patroller.allows(.editor))
        XCTAssertTrue(AccessRole.editor.allows(.patroller))

        // Still never deleted.
        XCTAssertThrowsError(try store.write { db in
            try db.execute(sql: "DELETE FROM access_token WHERE id = 9")
            return ((), nil)
        })
        XCTAssertEqual(try store.integrityCheck(), ["ok"])
    }
}
