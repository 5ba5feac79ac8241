import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("OGC API – Features") struct OGCFeaturesTests {
    @Test func landingPageLinksTheRequiredResources() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let rels = (response.json["links"] as? [[String: Any]] ?? []).compactMap { $0["rel"] as? String }
                for rel in ["self", "service-desc", "service-doc", "conformance", "data"] { #expect(rels.contains(rel), "missing \(rel)") }
            }
            try await client.execute(uri: "/", method: .get, headers: [.accept: "text/html,application/xhtml+xml"]) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.text.contains("/collections"))
            }
        }
    }

    @Test func conformanceDeclaresCoreGeoJSONHTMLAndOpenAPI() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/conformance", method: .get) { response in
                let classes = response.json["conformsTo"] as? [String] ?? []
                #expect(classes.count == 4)
                #expect(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"))
            }
        }
    }

    @Test func apiIsAnOpenAPI3DocumentListingEveryCollection() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/api", method: .get) { response in
                #expect(response.headers[.contentType] == "application/vnd.oai.openapi+json;version=3.0")
                let document = response.json
                #expect((document["openapi"] as? String)?.hasPrefix("3.0") == true)
                let paths = document["paths"] as? [String: Any] ?? [:]
                for path in ["/collections/divisions/items", "/collections/markers/items/{featureId}", "/search", "/naming/cases"] {
                    #expect(paths[path] != nil, "missing \(path)")
                }
                let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
                let reverse = (schemas["ReverseAnswer"] as? [String: Any])?["properties"] as? [String: Any] ?? [:]
                #expect(Set(reverse.keys).isSuperset(of: ["deepestLevel", "stop", "results"]))
            }
        }
    }

    @Test func collectionsListDivisionsAndTheServedSurvey() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/collections", method: .get) { response in
                let ids = (response.json["collections"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                #expect(ids == ["divisions", "boundary-lines", "markers", "register-lines", "register-markers"])
            }
            try await client.execute(uri: "/collections/rivers", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func divisionsAreShownAsTheyWereOnTheDay() async throws {
        try await ServerFixture.withClient { client in
            // 1996: 重庆市 is the prefecture-level 510200 inside 四川省.
            try await client.execute(uri: "/collections/divisions/items?datetime=1996-12-31&limit=10000", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/geo+json") == true)
                let features = response.json["features"] as? [[String: Any]] ?? []
                let chongqing = features.compactMap { $0["properties"] as? [String: Any] }.first { $0["name"] as? String == "重庆市" }
                #expect(chongqing?["code"] as? String == "510200")
                #expect(chongqing?["parent_name"] as? String == "四川省")
                #expect(chongqing?["level"] as? String == "prefecture")
            }
            // Today: 500000, a province.
            try await client.execute(uri: "/collections/divisions/items?limit=10000&level=province", method: .get) { response in
                let names = (response.json["features"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["name"] as? String }
                #expect(names.contains("重庆市"))
            }
            // An interval is answered as of its last day.
            try await client.execute(uri: "/collections/divisions/items?datetime=1990-01-01T00:00:00Z/1996-12-31T00:00:00Z&parent=510000&limit=100", method: .get) { response in
                let codes = (response.json["features"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["code"] as? String }
                #expect(codes.contains("510200"))
            }
        }
    }

    @Test func pagingLinksAndCounts() async throws {
        try await ServerFixture.withClient { client in
            let first = try await client.execute(uri: "/collections/divisions/items", method: .get) { $0.json }
            let matched = first["numberMatched"] as? Int ?? 0
            #expect(first["numberReturned"] as? Int == 10)
            #expect(matched > 300)
            let links = first["links"] as? [[String: Any]] ?? []
            let next = links.first { $0["rel"] as? String == "next" }?["href"] as? String
            #expect(next?.contains("offset=10") == true)
            let last = try await client.execute(uri: "/collections/divisions/items?offset=\(matched - 3)&limit=10", method: .get) { $0.json }
            #expect(last["numberReturned"] as? Int == 3)
            let lastRels = (last["links"] as? [[String: Any]] ?? []).compactMap { $0["rel"] as? String }
            #expect(lastRels.contains("prev") && !lastRels.contains("next"))
            // Above the maximum: clamped to 10,000, not refused.
            try await client.execute(uri: "/collections/markers/items?limit=20000", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["numberReturned"] as? Int == 147)
            }
        }
    }

    @Test func bboxFiltersByExtent() async throws {
        try await ServerFixture.withClient { client in
            let inside = try await client.execute(uri: "/collections/divisions/items?bbox=106,29,107,30&limit=100", method: .get) { $0.json }
            let codes = (inside["features"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["code"] as? String }
            #expect(codes.contains("500000"))
            #expect(!codes.contains("110000"))
            let nowhere = try await client.execute(uri: "/collections/divisions/items?bbox=-10,-10,-9,-9", method: .get) { $0.json }
            #expect(nowhere["numberMatched"] as? Int == 0)
        }
    }

    @Test(arguments: [
        "/collections/divisions/items?bbox=1,2,3", "/collections/divisions/items?bbox=a,b,c,d", "/collections/divisions/items?bbox=10,50,20,40",
        "/collections/divisions/items?limit=0", "/collections/divisions/items?limit=ten", "/collections/divisions/items?datetime=1996-13-01",
        "/collections/divisions/items?datetime=2000-01-01/1990-01-01", "/collections/divisions/items?level=city",
        "/collections/divisions/items?colour=red", "/collections/divisions/items?f=xml", "/collections/markers/items?level=county",
        "/collections/divisions/items?limit=5&limit=6",
    ])
    func badQueryParametersAre400(_ uri: String) async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.json["status"] as? Int == 400)
                #expect((response.json["detail"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test func singleFeaturesHaveSelfLinksAndStableIDs() async throws {
        try await ServerFixture.withClient { client in
            let page = try await client.execute(uri: "/collections/markers/items?limit=1", method: .get) { $0.json }
            let id = (page["features"] as? [[String: Any]])?.first?["id"] as? String ?? ""
            #expect(!id.isEmpty)
            try await client.execute(uri: "/collections/markers/items/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.json["id"] as? String == id)
                let rels = (response.json["links"] as? [[String: Any]] ?? []).compactMap { $0["rel"] as? String }
                #expect(rels.contains("self") && rels.contains("collection"))
            }
            // Ids with characters that need escaping in a path are found by their escaped form.
            try await client.execute(uri: "/collections/markers/items/\(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id)", method: .get) { response in
                #expect(response.json["id"] as? String == id)
            }
            try await client.execute(uri: "/collections/markers/items/no-such-marker", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/collections/boundary-lines/items?f=html", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }
}
