import Foundation
import Gazetteer
import Hummingbird
import HummingbirdTesting
import QuhuaServer
import Register
import Testing

/// The upkeep register over HTTP, on the 2020 record of the inspection sample: finding markers,
/// patrols with their roles, idempotent resubmission and refusals, work orders, the register's
/// OGC collections and the report. Serialized: the tests share one register and count rows.
@Suite("Upkeep register routes", .serialized) struct RegisterRoutesTests {
    private func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    private func rowCounts() throws -> [String: Int] {
        try RegisterStore(path: try ServerFixture.built().registerPath).rowCounts()
    }

    /// Where a marker stands, in degrees, as the service reports it.
    private func lonLat(_ client: any TestClientProtocol, _ marker: String) async throws -> (Double, Double) {
        try await client.execute(uri: "/register/markers?number=\(marker)", method: .get) { response in
            let first = try #require((response.json["markers"] as? [[String: Any]])?.first)
            #expect(first["number"] as? String == marker)
            return (try #require(first["lon"] as? Double), try #require(first["lat"] as? Double))
        }
    }

    @Test func markersAreFoundNearAPositionAndByNumber() async throws {
        try await ServerFixture.withClient { client in
            let (lon, lat) = try await lonLat(client, "0004-001")
            #expect(abs(lon - 108) < 0.01 && abs(lat - 34.15) < 0.01)   // west of Xi'an, on the 108°E meridian of EPSG:4545
            try await client.execute(uri: "/register/markers?near=\(lon),\(lat + 0.0001)&limit=3", method: .get) { response in
                #expect(response.status == .ok)
                let markers = try #require(response.json["markers"] as? [[String: Any]])
                #expect(markers.count == 3)
                #expect(markers.first?["number"] as? String == "0004-001")
                let distance = try #require(markers.first?["distance"] as? Double)
                #expect(abs(distance - 11.1) < 0.5)   // 0.0001° of latitude
                #expect(markers.first?["condition"] as? String != nil)
            }
            try await client.execute(uri: "/register/markers?number=J00", method: .get) { response in
                let numbers = (response.json["markers"] as? [[String: Any]])?.compactMap { $0["number"] as? String } ?? []
                #expect(numbers.count == 10 && numbers.allSatisfy { $0.hasPrefix("J00") })
            }
            // Refusals: no query, a bad position, a limit out of range, an unknown marker.
            for (uri, status) in [("/register/markers", HTTPResponse.Status.badRequest), ("/register/markers?near=109", .badRequest),
                                  ("/register/markers?near=200,40", .badRequest), ("/register/markers?number=0004&limit=500", .badRequest),
                                  ("/register/markers/9999-999", .notFound), ("/register/lines/9999", .notFound),
                                  ("/register/patrols/123456", .notFound), ("/register/orders?open=maybe", .badRequest)] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                }
            }
            try await client.execute(uri: "/register/markers/0004-001", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("0004-001"))
            }
        }
    }

    @Test func patrolsNeedAPatrollerAndAreRecordedOnce() async throws {
        let fixture = try ServerFixture.built()
        try await ServerFixture.withClient { client in
            let (lon, lat) = try await lonLat(client, "0004-001")
            let clientID = UUID().uuidString
            // 1.5 m north of where it is registered: beyond the 0.2 m tolerance.
            let patrol: [String: Any] = [
                "clientId": clientID, "date": "2024-05-01", "position": ["lon": lon, "lat": lat],
                "observations": [["marker": "0004-001", "condition": "moved", "note": "pushed by a digger",
                                  "position": ["lon": lon, "lat": lat + 1.5 / 111_000]]],
                "photos": [["name": "0004-001.png", "data": Self.png.base64EncodedString()]],
            ]
            let before = try rowCounts()
            try await client.execute(uri: "/register/patrols", method: .post, headers: [.contentType: "application/json"], body: jsonBody(patrol)) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/register/patrols", method: .post, headers: bearer(fixture.viewerToken), body: jsonBody(patrol)) { response in
                #expect(response.status == .forbidden)
            }
            #expect(try rowCounts() == before)

            let id: Int64 = try await client.execute(uri: "/register/patrols", method: .post, headers: bearer(fixture.patrollerToken), body: jsonBody(patrol)) { response in
                #expect(response.status == .created)
                let stored = try #require(response.json["patrol"] as? [String: Any])
                #expect(stored["patroller"] as? String == "zhao.lei")
                let observation = try #require((stored["observations"] as? [[String: Any]])?.first)
                #expect(observation["beyondTolerance"] as? Bool == true)
                #expect(abs((observation["displacement"] as? Double ?? 0) - 1.5) < 0.05)
                #expect((stored["photos"] as? [[String: Any]])?.first?["mediaType"] as? String == "image/png")
                #expect(response.json["duplicate"] as? Bool == false)
                return try #require((stored["id"] as? NSNumber)?.int64Value)
            }
            let after = try rowCounts()
            // The same entry again (the phone never got the answer): the same patrol, nothing written.
            try await client.execute(uri: "/register/patrols", method: .post, headers: bearer(fixture.patrollerToken), body: jsonBody(patrol)) { response in
                #expect(response.status == .ok)
                #expect(response.json["duplicate"] as? Bool == true)
                #expect(((response.json["patrol"] as? [String: Any])?["id"] as? NSNumber)?.int64Value == id)
            }
            #expect(try rowCounts() == after)
            try await client.execute(uri: "/register/patrols?marker=0004-001", method: .get) { response in
                let ids = (response.json["patrols"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } ?? []
                #expect(ids.filter { $0 == id }.count == 1)
            }

            // Refused, and nothing changed: the same client id with other content, an unknown
            // marker, a future day, a photo that is not one, bad JSON, a wrong media type.
            var conflicting = patrol
            conflicting["note"] = "something else"
            var unknown = patrol
            unknown["clientId"] = UUID().uuidString
            unknown["observations"] = [["marker": "9999-999", "condition": "intact"]]
            var future = patrol
            future["clientId"] = UUID().uuidString
            future["date"] = "2199-01-01"
            var notAPhoto = patrol
            notAPhoto["clientId"] = UUID().uuidString
            notAPhoto["photos"] = [["name": "notes.txt", "data": Data("just text".utf8).base64EncodedString()]]
            var badCondition = patrol
            badCondition["clientId"] = UUID().uuidString
            badCondition["observations"] = [["marker": "0004-001", "condition": "stolen"]]
            for (body, status, words) in [(conflicting, HTTPResponse.Status.conflict, clientID), (unknown, .notFound, "9999-999"),
                                          (future, .badRequest, "future"), (notAPhoto, .badRequest, "notes.txt"),
                                          (badCondition, .badRequest, "condition")] {
                try await client.execute(uri: "/register/patrols", method: .post, headers: bearer(fixture.patrollerToken), body: jsonBody(body)) { response in
                    #expect(response.status == status)
                    #expect(response.text.contains(words), "\(response.text)")
                }
            }
            try await client.execute(uri: "/register/patrols", method: .post, headers: [.authorization: "Bearer \(fixture.patrollerToken)", .contentType: "text/plain"],
                                     body: ByteBuffer(string: "hello")) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            #expect(try rowCounts() == after)
        }
    }

    @Test func workOrdersGoThroughTheirStepsWithAnEditor() async throws {
        let fixture = try ServerFixture.built()
        try await ServerFixture.withClient { client in
            let patrol: [String: Any] = ["clientId": UUID().uuidString, "date": "2024-06-01",
                                         "observations": [["marker": "0003-001", "condition": "tilted"]]]
            let patrolID: Int64 = try await client.execute(uri: "/register/patrols", method: .post, headers: bearer(fixture.patrollerToken), body: jsonBody(patrol)) { response in
                #expect(response.status == .created)
                return try #require(((response.json["patrol"] as? [String: Any])?["id"] as? NSNumber)?.int64Value)
            }
            let order: [String: Any] = ["patrol": patrolID, "marker": "0003-001", "date": "2024-06-02", "note": "set it upright"]
            try await client.execute(uri: "/register/orders", method: .post, headers: bearer(fixture.patrollerToken), body: jsonBody(order)) { response in
                #expect(response.status == .forbidden)   // a patroller only records patrols
            }
            let orderID: Int64 = try await client.execute(uri: "/register/orders", method: .post, headers: bearer(fixture.editorToken), body: jsonBody(order)) { response in
                #expect(response.status == .created)
                return try #require(((response.json["order"] as? [String: Any])?["id"] as? NSNumber)?.int64Value)
            }
            let steps = "/register/orders/\(orderID)/steps"
            try await client.execute(uri: steps, method: .post, headers: bearer(fixture.editorToken), body: jsonBody(["state": "assigned", "date": "2024-06-03"])) { response in
                #expect(response.status == .badRequest)   // no assignee
            }
            try await client.execute(uri: steps, method: .post, headers: bearer(fixture.editorToken), body: jsonBody(["state": "verified", "date": "2024-06-03"])) { response in
                #expect(response.status == .conflict)     // open → verified is not a step
                #expect(response.text.contains("assigned"))
            }
            for step in [["state": "assigned", "date": "2024-06-03", "assignee": "县界桩维护队"], ["state": "done", "date": "2024-06-10"],
                         ["state": "verified", "date": "2024-06-12"]] {
                try await client.execute(uri: steps, method: .post, headers: bearer(fixture.editorToken), body: jsonBody(step)) { response in
                    #expect(response.status == .ok, "\(step)")
                }
            }
            try await client.execute(uri: "/register/orders/\(orderID)", method: .get) { response in
                let states = ((response.json["order"] as? [String: Any])?["steps"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
                #expect(states == ["open", "assigned", "done", "verified"])
            }
            try await client.execute(uri: "/register/orders?open=true", method: .get) { response in
                let ids = (response.json["orders"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } ?? []
                #expect(!ids.contains(orderID))
            }
        }
    }

    @Test func linesAndMarkersAreCollectionsAsOfADay() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/collections", method: .get) { response in
                let ids = (response.json["collections"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
                #expect(ids.contains("register-lines") && ids.contains("register-markers"))
            }
            try await client.execute(uri: "/collections/register-markers/items?limit=1000", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["numberMatched"] as? Int == 147)
            }
            try await client.execute(uri: "/collections/register-lines/items?limit=1000", method: .get) { response in
                #expect(response.json["numberMatched"] as? Int == 19)
            }
            // Before the 2020 inspection the register held nothing.
            try await client.execute(uri: "/collections/register-markers/items?datetime=2019-01-01", method: .get) { response in
                #expect(response.json["numberMatched"] as? Int == 0)
            }
            try await client.execute(uri: "/collections/register-markers/items/0004-002", method: .get) { response in
                #expect(response.status == .ok)
                let properties = (response.json["properties"] as? [String: Any]) ?? [:]
                #expect(properties["line_id"] as? String == "0004")
                #expect(properties["crs"] as? String == "EPSG:4545")
                #expect(properties["condition"] as? String != nil)
            }
            try await client.execute(uri: "/collections/register-markers/items/0004-002?datetime=2019-01-01", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theReportComesInEveryFormat() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/register/report?division=610100", method: .get) { response in
                #expect(response.status == .ok)
                #expect((response.json["divisions"] as? [[String: Any]])?.first?["code"] as? String == "610100")
            }
            for (format, type) in [("csv", "text/csv; charset=utf-8"), ("html", "text/html; charset=utf-8"), ("text", "text/plain; charset=utf-8")] {
                try await client.execute(uri: "/register/report?f=\(format)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == type)
                    #expect(response.text.contains("610100"))
                }
            }
            try await client.execute(uri: "/register/report?division=999999", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/register/due?at=2026-01-01", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("0005"))
            }
        }
    }

    @Test func aServerWithoutARegisterSaysSo() async throws {
        let fixture = try ServerFixture.built()
        var configuration = ServerConfiguration(databasePath: fixture.services.store.path)
        configuration.port = 0
        let services = try QuhuaServices(configuration: configuration, store: fixture.services.store)
        let app = Application(router: QuhuaServer.router(services: services))
        try await app.test(.router) { client in
            try await client.execute(uri: "/register/markers?number=0004", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.text.contains("--register"))
            }
            try await client.execute(uri: "/collections/register-markers", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// A 1×1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==") ?? Data()
}
