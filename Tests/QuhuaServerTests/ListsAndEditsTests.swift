import Foundation
import Gazetteer
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Lists, place edits and places by id") struct ListsAndEditsTests {
    private func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    @Test func protectedAndVanishedNamesAreListedAndAdded() async throws {
        let fixture = try ServerFixture.built()
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/lists/protected", method: .post, headers: bearer(fixture.editorToken), body: jsonBody([
                "name": "夔州", "category": "历史地名", "reasons": "两千年府治", "listedOn": "2025-06-01", "placeCode": "500238",
            ])) { response in #expect(response.status == .created, "\(response.text)") }
            try await client.execute(uri: "/lists/protected", method: .get) { response in
                let names = (response.json["entries"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(names.contains("夔州"))
            }
            try await client.execute(uri: "/lists/vanished", method: .post, headers: bearer(fixture.editorToken), body: jsonBody([
                "name": "龙宝镇", "formerLocation": "万州区长江北岸", "cause": "三峡水库蓄水淹没", "vanishedOn": "2003-06-01", "listedOn": "2025-06-01",
            ])) { response in #expect(response.status == .created, "\(response.text)") }
            try await client.execute(uri: "/lists/vanished", method: .get) { response in
                let names = (response.json["entries"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(names.contains("龙宝镇"))
            }
            // Bad entries: a date that does not exist, a missing field; a viewer may not add.
            try await client.execute(uri: "/lists/vanished", method: .post, headers: bearer(fixture.editorToken), body: jsonBody([
                "name": "x", "formerLocation": "y", "cause": "z", "listedOn": "2025-02-30",
            ])) { response in #expect(response.status == .badRequest) }
            try await client.execute(uri: "/lists/protected", method: .post, headers: bearer(fixture.editorToken), body: jsonBody(["name": "x"])) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/lists/protected", method: .post, headers: bearer(fixture.viewerToken), body: jsonBody(["name": "x"])) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test func placeEditsKeepHistory() async throws {
        let fixture = try ServerFixture.built()
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/places/500101/names", method: .post, headers: bearer(fixture.editorToken), body: jsonBody([
                "text": "万州新区", "type": "alias", "from": "2020-01-01",
            ])) { response in #expect(response.status == .created, "\(response.text)") }
            try await client.execute(uri: "/places/500101/names/end", method: .post, headers: bearer(fixture.editorToken), body: jsonBody([
                "text": "万州新区", "on": "2024-01-01",
            ])) { response in #expect(response.status == .ok, "\(response.text)") }
            // The ended name is kept, with its period.
            try await client.execute(uri: "/places/500101", method: .get) { response in
                let names = ((response.json["place"] as? [String: Any])?["names"] as? [[String: Any]] ?? [])
                let alias = names.first { $0["text"] as? String == "万州新区" }
                #expect((alias?["period"] as? [String: Any])?["to"] as? String == "2024-01-01")
            }
            // An unknown place, a name period that ends before it starts.
            try await client.execute(uri: "/places/999999/names", method: .post, headers: bearer(fixture.editorToken), body: jsonBody([
                "text": "x", "type": "alias",
            ])) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/places/500101/names", method: .post, headers: bearer(fixture.editorToken), body: jsonBody([
                "text": "y", "type": "alias", "from": "2020-01-01", "to": "2019-01-01",
            ])) { response in #expect(response.status == .conflict) }
            try await client.execute(uri: "/places/500101/end", method: .post, headers: [.contentType: "application/json"], body: jsonBody(["on": "2025-01-01"])) { response in
                #expect(response.status == .unauthorized)
            }
        }
        let audit = try fixture.services.store.auditLog(limit: 200)
        #expect(audit.contains { $0.actor == "li.ming" && ($0.after ?? "").contains("万州新区") || $0.actor == "li.ming" && ($0.target ?? "").contains("500101") })
    }

    @Test func placesByIDAndWhoAmI() async throws {
        let fixture = try ServerFixture.built()
        try await ServerFixture.withClient { client in
            let id = try await client.execute(uri: "/places/500000", method: .get) { response in
                ((response.json["place"] as? [String: Any])?["summary"] as? [String: Any])?["id"] as? Int ?? 0
            }
            try await client.execute(uri: "/places/id/\(id)?at=1996", method: .get) { response in
                let summary = (response.json["place"] as? [String: Any])?["summary"] as? [String: Any]
                #expect(summary?["code"] as? String == "510200")
            }
            try await client.execute(uri: "/places/id/abc", method: .get) { response in #expect(response.status == .badRequest) }
            try await client.execute(uri: "/places/id/99999999", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/whoami", method: .get, headers: [.authorization: "Bearer \(fixture.adminToken)"]) { response in
                #expect(response.json["role"] as? String == "admin")
            }
            try await client.execute(uri: "/whoami", method: .get, headers: [.authorization: "Basic dXNlcjpwYXNz"]) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
