import Testing
@testable import Gazetteer

/// The index build sorts its documents on packed keys; the order must be ``SearchIndexer/ranksBefore(_:_:)``'s.
@Suite struct RankOrderTests {
    @Test func packedKeysGiveTheRankOrder() {
        var generator = SystemRandomNumberGenerator()
        let texts = ["重庆市", "万州区", "长安", "长安区", "城关镇", "Chungking", "东城区", "城区"]
        let codes: [String?] = [nil, "500000", "500101", "500101001000", "610116", "130102", "110101", "5001"]
        let candidates = (0..<5_000).map { i -> SearchIndexer.Candidate in
            let text = texts.randomElement(using: &generator)!
            let type = SearchIndexer.typeRank.keys.sorted().randomElement(using: &generator)!
            return SearchIndexer.Candidate(
                nameID: Int64(i), placeID: Int64(i % 97), text: text, type: type, script: "Hans", specific: nil,
                validFrom: nil, validTo: nil, inherited: false, levelRank: Int.random(in: 1...6, using: &generator),
                isCurrent: Bool.random(using: &generator), code: codes.randomElement(using: &generator)!, placeName: text,
                placeCode: nil, placeStatus: "current", level: "county", length: text.count, typeOrder: SearchIndexer.typeRank[type] ?? 9)
        }.shuffled(using: &generator)
        let expected = candidates.sorted(by: SearchIndexer.ranksBefore).map(\.nameID)
        #expect(SearchIndexer.inRankOrder(candidates).map(\.nameID) == expected)
        #expect(SearchIndexer.inRankOrder([]).isEmpty)
    }
}
