import Foundation
import XCTest
@testable import Gazetteer

/// One case per search mode, with the expected top result.
final class SearchTests: XCTestCase {
    var search: NameSearch!

    override func setUpWithError() throws {
        search = NameSearch(store: try Fixture.store())
    }

    private func top(_ text: String, _ configure: (inout SearchQuery) -> Void = { _ in }) throws -> [SearchHit] {
        var query = SearchQuery(text)
        configure(&query)
        return try search.search(query)
    }

    func testExactName() throws {
        let hits = try top("万州区")
        XCTAssertEqual(hits.first?.placeCode, "500101")
        XCTAssertEqual(hits.first?.match, .exact)
    }

    func testNameWithoutGenericSuffix() throws {
        // 崇文区 (Beijing, merged into 东城区 in 2010) has no short name on record.
        let hits = try top("崇文")
        XCTAssertEqual(hits.first?.placeName, "崇文区")
        XCTAssertEqual(hits.first?.match, .withoutSuffix)
        // 渝中 is also the short name areacity gives 渝中区.
        XCTAssertEqual(try top("渝中").first?.placeName, "渝中区")
        XCTAssertEqual(try top("万州").first?.placeName, "万州区")
    }

    func testOneCharacterPrefix() throws {
        let hits = try top("渝")
        XCTAssertGreaterThanOrEqual(hits.count, 3)
        XCTAssertTrue(hits.prefix(3).allSatisfy { $0.matchedName.hasPrefix("渝") && $0.match == .prefix }, "\(hits.map(\.matchedName))")
        XCTAssertTrue(hits.contains { $0.placeName == "渝中区" })
    }

    func testLongPrefix() throws {
        let hits = try top("乌鲁木")
        XCTAssertEqual(hits.first?.placeName, "乌鲁木齐市")
        XCTAssertEqual(hits.first?.level, .prefecture)
        XCTAssertEqual(hits.first?.match, .prefix)
    }

    func testOneCharacterSubstringPrefersHigherLevels() throws {
        let hits = try top("州", { $0.limit = 200 })
        XCTAssertTrue(hits.allSatisfy { $0.matchedName.contains("州") })
        XCTAssertEqual(hits.first { $0.match == .substring }?.placeName, "贵州省")
    }

    func testTwoCharacterSubstring() throws {
        let hits = try top("木齐")
        XCTAssertEqual(hits.first?.placeName, "乌鲁木齐市")
        XCTAssertEqual(hits.first?.match, .substring)
    }

    func testLongSubstring() throws {
        let hits = try top("土家族苗族", { $0.limit = 50 })
        XCTAssertGreaterThan(hits.count, 5)
        XCTAssertTrue(hits.allSatisfy { $0.matchedName.contains("土家族苗族") })
        XCTAssertTrue(hits.contains { $0.placeName == "酉阳土家族苗族自治县" })
        // The two autonomous prefectures (恩施 422800, 湘西 433100) before the counties.
        XCTAssertEqual(hits.prefix(2).map(\.placeName), ["恩施土家族苗族自治州", "湘西土家族苗族自治州"])
        XCTAssertTrue(hits.dropFirst(2).allSatisfy { $0.level == .county })
    }

    func testToneLessPinyinWithAndWithoutSpaces() throws {
        XCTAssertEqual(try top("chongqing").first?.placeName, "重庆市")
        XCTAssertEqual(try top("chong qing").first?.placeName, "重庆市")
        XCTAssertEqual(try top("Wanzhou").first?.placeName, "万州区")
        XCTAssertEqual(try top("chongqing").first?.match, .pinyin)
    }

    func testInitials() throws {
        let hits = try top("cqs")
        XCTAssertEqual(hits.first?.placeName, "重庆市")
        XCTAssertEqual(hits.first?.match, .initials)
    }

    func testTraditionalCharacters() throws {
        let hits = try top("萬縣")
        XCTAssertEqual(hits.first?.placeCode, "512221")
        XCTAssertEqual(hits.first?.matchedName, "万县")
        XCTAssertEqual(hits.first?.match, .exact)
        XCTAssertTrue(hits.first?.reason.contains("traditional") == true)
    }

    func testTypoTolerantLatin() throws {
        XCTAssertEqual(try top("chongqin").first?.placeName, "重庆市")
        let missing = try top("chonqing")
        XCTAssertEqual(missing.first?.placeName, "重庆市")
        XCTAssertEqual(missing.first?.match, .spelling)
        let swapped = try top("wnazhou")
        XCTAssertEqual(swapped.first?.placeName, "万州区")
        XCTAssertEqual(swapped.first?.match, .spelling)
    }

    func testFormerNamesRankAfterCurrent() throws {
        // 万县 is a former name; 万县区 was the name of today's 万州区 for five months.
        let hits = try top("万县")
        XCTAssertEqual(hits.first?.placeCode, "512221")
        XCTAssertFalse(hits.first?.isCurrent ?? true)
        XCTAssertTrue(hits.contains { $0.placeName == "万州区" && $0.matchedName == "万县区" })
    }

    func testFilters() throws {
        let jiangbei = try top("江北区", { $0.within = "500000" })
        XCTAssertEqual(jiangbei.map(\.placeCode), ["500105"])
        let everyJiangbei = try top("江北区")
        XCTAssertGreaterThan(everyJiangbei.count, 1)

        let counties = try top("重庆", { $0.level = .county })
        XCTAssertTrue(counties.allSatisfy { $0.level == .county })
        XCTAssertFalse(counties.contains { $0.placeName == "重庆市" })

        let current = try top("万县", { $0.status = .current })
        XCTAssertTrue(current.allSatisfy(\.isCurrent))
        let former = try top("万州", { $0.status = .former })
        XCTAssertTrue(former.allSatisfy { !$0.isCurrent })

        let in1990 = try top("万县", { $0.at = try? Day(parsing: "1990") })
        XCTAssertTrue(in1990.allSatisfy { $0.matchedPeriod.contains(try! Day(parsing: "1990")) })
        XCTAssertTrue(in1990.contains { $0.placeCode == "512221" })
        XCTAssertFalse(in1990.contains { $0.matchedName == "万县区" })

        XCTAssertEqual(try top("渝", { $0.limit = 2 }).count, 2)
    }

    func testBadQueriesAreRefused() throws {
        XCTAssertThrowsError(try top("  "))
        XCTAssertThrowsError(try top("!!!"))
        XCTAssertThrowsError(try top("万州", { $0.within = "50" }))
        XCTAssertThrowsError(try top("万州", { $0.limit = 0 }))
    }
}

/// Names the official tables printed wrongly (areacodes errata.md) are variant names of the corrected divisions.
final class ErrataTests: XCTestCase {
    func testPrintedFormsFindTheCorrectedDivisions() throws {
        let search = NameSearch(store: try Fixture.store())
        let gulou = try XCTUnwrap(search.search(SearchQuery("古楼区")).first)
        XCTAssertEqual(gulou.placeCode, "410204")
        XCTAssertEqual(gulou.placeName, "鼓楼区")
        XCTAssertEqual(gulou.matchedType, .variant)
        XCTAssertEqual(gulou.matchedPeriod, Period(from: "1983-01-01", to: "1989-01-01"))
        XCTAssertEqual(try search.search(SearchQuery("石咀山市")).first?.placeName, "石嘴山市")
        XCTAssertEqual(Errata(text: "- 2014-2015年代码“210112”原名称为东陵区，更正为浑南区，原因：…").corrections,
                       [.init(fromYear: 2014, toYear: 2015, code: "210112", printed: "东陵区", corrected: "浑南区")])
        XCTAssertEqual(Errata(text: "- 1981-1986年代码“640200”“640205”原名称分别为“石咀山市”“石咀山区”，分别更正为“石嘴山市”“石嘴山区”，原因").corrections.map(\.printed),
                       ["石咀山市", "石咀山区"])
    }
}
