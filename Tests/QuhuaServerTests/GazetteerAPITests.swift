import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Gazetteer API") struct GazetteerAPITests {
    private func results(_ response: TestResponse) -> [[String: Any]] { response.json["results"] as? [[String: Any]] ?? [] }

    @Test func searchAnswersInEveryModeLikeTheCommandLine() async throws {
        let cases: [(query: String, code: String)] = [
            ("万州", "500101"), ("wanzhou", "500101"), ("wan%20zhou", "500101"), ("cqs", "500000"), ("%E8%90%AC%E7%B8%A3", "512221"),
            ("chongqin", "500000"), ("渝中", "500103"),
        ]
        try await ServerFixture.withClient { client in
            for item in cases {
                let uri = "/search?q=\(item.query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "%"))) ?? item.query)"
                    .replacingOccurrences(of: "%25", with: "%")
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(item.query)")
                    let codes = results(response).prefix(3).compactMap { $0["placeCode"] as? String }
                    #expect(codes.contains(item.code), "\(item.query) → \(codes)")
                }
            }
        }
    }

    @Test func autocompleteSuggestsAtMostTen() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/autocomplete?q=cqs", method: .get) { response in
                let suggestions = response.json["suggestions"] as? [[String: Any]] ?? []
                #expect(suggestions.first?["name"] as? String == "重庆市")
            }
            try await client.execute(uri: "/autocomplete?q=%E5%B7%9E", method: .get) { response in
                let suggestions = response.json["suggestions"] as? [[String: Any]] ?? []
                #expect(suggestions.count == 10)
            }
            try await client.execute(uri: "/autocomplete?q=%E5%B7%9E&limit=50", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func placeShowsItsEventsAndDocuments() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/places/500101", method: .get) { response in
                let place = response.json["place"] as? [String: Any] ?? [:]
                let events = place["events"] as? [[String: Any]] ?? []
                let years = Set(events.compactMap { ($0["effectiveDate"] as? String)?.prefix(4) }.map(String.init))
                // 万州区 is the place made in 1997 by merging 龙宝, 天城 and 五桥, renamed in 1998.
                #expect(years.isSuperset(of: ["1997", "1998"]), "\(years)")
                let documents = events.flatMap { $0["documents"] as? [[String: Any]] ?? [] }.compactMap { $0["number"] as? String }
                #expect(documents.contains("国函〔1998〕37号"))
            }
            // 重庆市 on a day in 1996: the code and level of that day.
            try await client.execute(uri: "/places/500000?at=1996", method: .get) { response in
                let summary = (response.json["place"] as? [String: Any])?["summary"] as? [String: Any]
                #expect(summary?["code"] as? String == "510200")
                #expect(summary?["level"] as? String == "prefecture")
            }
            try await client.execute(uri: "/places/999999", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/places/500101?f=lpf", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/ld+json") == true)
                let features = response.json["features"] as? [[String: Any]] ?? []
                #expect(features.count == 1)
                #expect(response.json["@context"] != nil)
            }
        }
    }

    @Test func historyFollowsTheChain() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/places/512221/history", method: .get) { response in
                #expect(response.status == .ok)
                let events = response.json["events"] as? [[String: Any]] ?? []
                let documents = events.flatMap { $0["documents"] as? [[String: Any]] ?? [] }.compactMap { $0["number"] as? String }
                #expect(documents.contains("国函〔1992〕194号"), "\(documents)")
                #expect(documents.contains("国函〔1998〕37号"), "\(documents)")
            }
            try await client.execute(uri: "/places/512221/history?f=lpf", method: .get) { response in
                let features = response.json["features"] as? [[String: Any]] ?? []
                #expect(features.count >= 2)
            }
        }
    }

    @Test func treeAndReverseAsOfADay() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/tree?at=1996&root=510000", method: .get) { response in
                let codes = (response.json["nodes"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
                #expect(codes.contains("510200"))
            }
            try await client.execute(uri: "/tree?at=1996&root=500000", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/reverse?lon=106.55&lat=29.56&at=1996", method: .get) { response in
                let codes = results(response).compactMap { ($0["place"] as? [String: Any])?["code"] as? String }
                #expect(codes.first == "510200")
                #expect(response.json["deepestLevel"] as? String == "prefecture")
                #expect(response.json["stop"] as? String == "stops at prefecture level: no county or township polygons are stored")
            }
            for bad in ["/reverse?lon=200&lat=29", "/reverse?lon=x&lat=29", "/reverse?lat=29", "/tree?at=1996-02-30"] {
                try await client.execute(uri: bad, method: .get) { response in #expect(response.status == .badRequest, "\(bad)") }
            }
        }
    }

    @Test func romanizeFollowsGBT16159() async throws {
        try await ServerFixture.withClient { client in
            try await client.execute(uri: "/romanize?name=%E8%A5%BF%E5%AE%89%E5%B8%82", method: .get) { response in
                #expect(response.json["display"] as? String == "Xi'an Shi")
            }
            try await client.execute(uri: "/romanize", method: .get) { response in #expect(response.status == .badRequest) }
        }
    }
}
