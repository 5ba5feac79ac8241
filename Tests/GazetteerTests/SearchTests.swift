import Foundation
import Testing
@testable import Gazetteer

/// One case per search mode, with the expected top result.
@Suite struct SearchTests {
    let search: NameSearch

    init() throws {
        search = NameSearch(store: try Fixture.store())
    }

    private func top(_ text: String, _ configure: (inout SearchQuery) -> Void = { _ in }) throws -> [SearchHit] {
        var query = SearchQuery(text)
        configure(&query)
        return try search.search(query)
    }

    @Test func exactName() throws {
        let hits = try top("万州区")
        #expect(hits.first?.placeCode == "500101")
        #expect(hits.first?.match == .exact)
    }

    @Test func nameWithoutGenericSuffix() throws {
        // 崇文区 (Beijing, merged into 东城区 in 2010) has no short name on record.
        let hits = try top("崇文")
        #expect(hits.first?.placeName == "崇文区")
        #expect(hits.first?.match == .withoutSuffix)
        // 渝中 is also the short name areacity gives 渝中区.
        #expect(try top("渝中").first?.placeName == "渝中区")
        #expect(try top("万州").first?.placeName == "万州区")
    }

    @Test func oneCharacterPrefix() throws {
        let hits = try top("渝")
        #expect(hits.count >= 3)
        #expect(hits.prefix(3).allSatisfy { $0.matchedName.hasPrefix("渝") && $0.match == .prefix }, "\(hits.map(\.matchedName))")
        #expect(hits.contains { $0.placeName == "渝中区" })
    }

    @Test func longPrefix() throws {
        let hits = try top("乌鲁木")
        #expect(hits.first?.placeName == "乌鲁木齐市")
        #expect(hits.first?.level == .prefecture)
        #expect(hits.first?.match == .prefix)
    }

    @Test func oneCharacterSubstringPrefersHigherLevels() throws {
        let hits = try top("州", { $0.limit = 200 })
        #expect(hits.allSatisfy { $0.matchedName.contains("州") })
        #expect(hits.first { $0.match == .substring }?.placeName == "贵州省")
    }

    @Test func twoCharacterSubstring() throws {
        let hits = try top("木齐")
        #expect(hits.first?.placeName == "乌鲁木齐市")
        #expect(hits.first?.match == .substring)
    }

    @Test func longSubstring() throws {
        let hits = try top("土家族苗族", { $0.limit = 50 })
        #expect(hits.count > 5)
        #expect(hits.allSatisfy { $0.matchedName.contains("土家族苗族") })
        #expect(hits.contains { $0.placeName == "酉阳土家族苗族自治县" })
        // The two autonomous prefectures (恩施 422800, 湘西 433100) before the counties.
        #expect(hits.prefix(2).map(\.placeName) == ["恩施土家族苗族自治州", "湘西土家族苗族自治州"])
        #expect(hits.dropFirst(2).allSatisfy { $0.level == .county })
    }

    @Test func toneLessPinyinWithAndWithoutSpaces() throws {
        #expect(try top("chongqing").first?.placeName == "重庆市")
        #expect(try top("chong qing").first?.placeName == "重庆市")
        #expect(try top("Wanzhou").first?.placeName == "万州区")
        #expect(try top("chongqing").first?.match == .pinyin)
    }

    @Test func initials() throws {
        let hits = try top("cqs")
        #expect(hits.first?.placeName == "重庆市")
        #expect(hits.first?.match == .initials)
    }

    @Test func traditionalCharacters() throws {
        let hits = try top("萬縣")
        #expect(hits.first?.placeCode == "512221")
        #expect(hits.first?.matchedName == "万县")
        #expect(hits.first?.match == .exact)
        #expect(hits.first?.reason.contains("traditional") == true)
    }

    @Test func typoTolerantLatin() throws {
        #expect(try top("chongqin").first?.placeName == "重庆市")
        let missing = try top("chonqing")
        #expect(missing.first?.placeName == "重庆市")
        #expect(missing.first?.match == .spelling)
        let swapped = try top("wnazhou")
        #expect(swapped.first?.placeName == "万州区")
        #expect(swapped.first?.match == .spelling)
    }

    @Test func formerNamesRankAfterCurrent() throws {
        // 万县 is a former name; 万县区 was the name of today's 万州区 for five months.
        let hits = try top("万县")
        #expect(hits.first?.placeCode == "512221")
        #expect(!(hits.first?.isCurrent ?? true))
        #expect(hits.contains { $0.placeName == "万州区" && $0.matchedName == "万县区" })
    }

    @Test func filters() throws {
        let jiangbei = try top("江北区", { $0.within = "500000" })
        #expect(jiangbei.map(\.placeCode) == ["500105"])
        let everyJiangbei = try top("江北区")
        #expect(everyJiangbei.count > 1)

        let counties = try top("重庆", { $0.level = .county })
        #expect(counties.allSatisfy { $0.level == .county })
        #expect(!counties.contains { $0.placeName == "重庆市" })

        let current = try top("万县", { $0.status = .current })
        #expect(current.allSatisfy { $0.isCurrent })
        let former = try top("万州", { $0.status = .former })
        #expect(former.allSatisfy { !$0.isCurrent })

        let in1990 = try top("万县", { $0.at = try? Day(parsing: "1990") })
        #expect(in1990.allSatisfy { $0.matchedPeriod.contains(try! Day(parsing: "1990")) })
        #expect(in1990.contains { $0.placeCode == "512221" })
        #expect(!in1990.contains { $0.matchedName == "万县区" })

        #expect(try top("渝", { $0.limit = 2 }).count == 2)
    }

    @Test func badQueriesAreRefused() throws {
        #expect(throws: (any Error).self) { try top("  ") }
        #expect(throws: (any Error).self) { try top("!!!") }
        #expect(throws: (any Error).self) { try top("万州", { $0.within = "50" }) }
        #expect(throws: (any Error).self) { try top("万州", { $0.limit = 0 }) }
    }
}

/// Names the official tables printed wrongly (areacodes errata.md) are variant names of the corrected divisions.
@Suite struct ErrataTests {
    @Test func printedFormsFindTheCorrectedDivisions() throws {
        let search = NameSearch(store: try Fixture.store())
        let gulou = try #require(try search.search(SearchQuery("古楼区")).first)
        #expect(gulou.placeCode == "410204")
        #expect(gulou.placeName == "鼓楼区")
        #expect(gulou.matchedType == .variant)
        #expect(gulou.matchedPeriod == Period(from: "1983-01-01", to: "1989-01-01"))
        #expect(try search.search(SearchQuery("石咀山市")).first?.placeName == "石嘴山市")
        #expect(Errata(text: "- 2014-2015年代码“210112”原名称为东陵区，更正为浑南区，原因：…").corrections == [.init(fromYear: 2014, toYear: 2015, code: "210112", printed: "东陵区", corrected: "浑南区")])
        #expect(Errata(text: "- 1981-1986年代码“640200”“640205”原名称分别为“石咀山市”“石咀山区”，分别更正为“石嘴山市”“石嘴山区”，原因").corrections.map(\.printed) == ["石咀山市", "石咀山区"])
    }
}
