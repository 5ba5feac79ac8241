import Foundation
import Gazetteer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Writes, tokens and errors") struct WriteAccessTests {
    private func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    private var application: [String: Any] {
        ["action": "name", "proposedName": "滨江路", "applicant": "渝中区民政局", "appliedOn": "2026-03-01", "parentCode": "500103", "level": "feature",
         "meaning": "沿江而建的道路"]
    }

    @Test func writesNeedATokenWithTheEditorRole() async throws {
        let fixture = try ServerFixture.built()
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/naming/cases", method: .post, headers: [.contentType: "application/json"], body: jsonBody(application)) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            }
            try await client.execute(uri: "/naming/cases", method: .post, headers: bearer("qh_not-a-token"), body: jsonBody(application)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/naming/cases", method: .post, headers: bearer(fixture.viewerToken), body: jsonBody(application)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/audit", method: .get, headers: bearer(fixture.editorToken)) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func aNamingCaseGoesThroughTheOneWindowAndEveryStepIsAudited() async throws {
        let fixture = try ServerFixture.built()
        try await ServerFixture.withClient { client in
            let created = try await client.execute(uri: "/naming/cases", method: .post, headers: bearer(fixture.editorToken), body: jsonBody(application)) { response in
                #expect(response.status == .created, "\(response.text)")
                // The name check ran and is stored with the case.
                let checks = response.json["checks"] as? [[String: Any]] ?? []
                #expect(checks.count == 1)
                #expect(checks.first?["category"] as? String == "road")
                #expect((checks.first?["within"] as? [String: Any])?["code"] as? String == "500103")
                return response.json["case"] as? [String: Any] ?? [:]
            }
            let id = created["id"] as? Int ?? 0
            #expect(created["state"] as? String == "applied")
            try await client.execute(uri: "/naming/cases/\(id)/steps", method: .post, headers: bearer(fixture.fileToken),
                                     body: jsonBody(["step": "review", "date": "2026-03-05"])) { response in
                #expect(response.status == .ok, "\(response.text)")
                #expect((response.json["case"] as? [String: Any])?["state"] as? String == "under_review")
            }
            // A step the workflow does not allow: 409, nothing changed.
            try await client.execute(uri: "/naming/cases/\(id)/steps", method: .post, headers: bearer(fixture.editorToken),
                                     body: jsonBody(["step": "file", "date": "2026-03-06"])) { response in
                #expect(response.status == .conflict)
                #expect((response.json["detail"] as? String)?.contains("approve") == true)
            }
            try await client.execute(uri: "/naming/cases/\(id)", method: .get) { response in
                #expect((response.json["case"] as? [String: Any])?["state"] as? String == "under_review")
                #expect((response.json["checks"] as? [[String: Any]])?.count == 1)
            }
            try await client.execute(uri: "/audit?limit=20", method: .get, headers: bearer(fixture.adminToken)) { response in
                let entries = response.json["entries"] as? [[String: Any]] ?? []
                let actors = entries.filter { ($0["target"] as? String)?.contains("\(id)") == true }.compactMap { $0["actor"] as? String }
                #expect(actors.contains("li.ming"))
                #expect(actors.contains("zhang.wei"))
            }
        }
    }

    @Test func badBodiesAreRefusedAndChangeNothing() async throws {
        let fixture = try ServerFixture.built()
        let refusedName = "拒收路"
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/naming/cases", method: .post, headers: [.authorization: "Bearer \(fixture.editorToken)", .contentType: "text/plain"],
                                     body: ByteBuffer(string: "name=x")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            try await client.execute(uri: "/naming/cases", method: .post, headers: bearer(fixture.editorToken), body: ByteBuffer(string: "{\"action\":")) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/naming/cases", method: .post, headers: bearer(fixture.editorToken),
                                     body: jsonBody(["action": "name", "proposedName": refusedName])) { response in
                #expect(response.status == .badRequest)
                #expect((response.json["detail"] as? String)?.contains("applicant") == true)
            }
            var wrongDate = application
            wrongDate["proposedName"] = refusedName
            wrongDate["appliedOn"] = "2026-02-30"
            try await client.execute(uri: "/naming/cases", method: .post, headers: bearer(fixture.editorToken), body: jsonBody(wrongDate)) { response in
                #expect(response.status == .badRequest)
            }
            let huge = ByteBuffer(string: "{\"proposedName\":\"\(refusedName)\",\"note\":\"" + String(repeating: "x", count: 200_000) + "\"}")
            try await client.execute(uri: "/naming/cases", method: .post, headers: bearer(fixture.editorToken), body: huge) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        // Nothing of the refused requests was stored (other tests write cases at the same time).
        #expect(try NamingWorkflow(store: fixture.services.store).list().allSatisfy { $0.proposedName != refusedName })
    }

    @Test func unknownMethodsAre405WithAllow() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/search?q=x", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow]?.contains("GET") == true)
            }
            try await client.execute(uri: "/naming/cases", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow]?.contains("POST") == true)
            }
            try await client.execute(uri: "/no/such/thing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.json["status"] as? Int == 404)
            }
        }
    }

    @Test func otherOriginsMayCallTheAPI() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/naming/cases", method: .options, headers: [
                .origin: "https://portal.example.org", .accessControlRequestMethod: "POST",
                .accessControlRequestHeaders: "authorization, content-type",
            ]) { response in
                #expect(response.status == .noContent || response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                #expect(response.headers[.accessControlAllowHeaders]?.lowercased().contains("authorization") == true)
            }
            try await client.execute(uri: "/search?q=cqs", method: .get, headers: [.origin: "https://portal.example.org"]) { response in
                #expect(response.headers[.accessControlAllowOrigin] == "*")
            }
        }
    }

    @Test func staticFilesStayInTheirFolder() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/app/vendor/leaflet/leaflet.css", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/app", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/app/")
            }
            for uri in ["/app/../../Package.swift", "/app/%2e%2e/%2e%2e/%2e%2e/Package.swift", "/app/..%2f..%2fPackage.swift", "/app/vendor/../../QuhuaServer.swift"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code >= 400, "\(uri) answered \(response.status)")
                    #expect(!response.text.contains("PackageDescription"))
                }
            }
        }
    }

    @Test func tokensAreStoredOnlyAsDigests() throws {
        let fixture = try ServerFixture.built()
        let tokens = AccessTokens(store: fixture.services.store)
        #expect(try tokens.authenticate(fixture.editorToken)?.actor == "li.ming")
        // The database and its write-ahead log, as bytes.
        let dump = try [fixture.services.store.path, fixture.services.store.path + "-wal"]
            .filter { FileManager.default.fileExists(atPath: $0) }
            .map { try String(contentsOfFile: $0, encoding: .isoLatin1) }.joined()
        #expect(!dump.contains(fixture.editorToken))
        #expect(dump.contains(AccessTokens.digest(of: fixture.editorToken)))
        // FIPS 180-4 test vectors.
        #expect(SHA256.hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: []) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(of: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func revokedTokensNoLongerWrite() async throws {
        let fixture = try ServerFixture.built()
        let tokens = AccessTokens(store: fixture.services.store)
        let issued = try tokens.issue(role: .editor, actor: "temp", issuedBy: "tests")
        try tokens.revoke(id: issued.id, actor: "tests")
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/whoami", method: .get, headers: [.authorization: "Bearer \(issued.token)"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/whoami", method: .get, headers: [.authorization: "Bearer \(fixture.viewerToken)"]) { response in
                #expect(response.json["actor"] as? String == "wang.fang")
            }
        }
        #expect(throws: GazetteerError.self) { try tokens.revoke(id: issued.id, actor: "tests") }
    }
}
