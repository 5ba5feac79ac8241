import Foundation
import GRDB
import XCTest
@testable import Gazetteer

/// The checks of proposed names (`quhua naming check`), on the shipped data: the areacodes
/// history and the townships of Chongqing (50xxxx) from the shared fixture.
final class NameCheckTests: XCTestCase {
    private func checker(_ profile: NamingProfile = .standard) throws -> NameCheck {
        NameCheck(store: try Fixture.store(), profile: profile)
    }

    /// Every current township of Chongqing with its county's code.
    private func chongqingTownships() throws -> [(county: String, name: String, code: String)] {
        try Fixture.store().read { db in
            try Row.fetchAll(db, sql: """
                SELECT county.code AS county, n.text AS name, t.code AS code
                FROM place p
                JOIN place_code t ON t.place_id = p.id AND t.scheme = 'STATS12' AND t.valid_to IS NULL
                JOIN name n ON n.place_id = p.id AND n.type = 'standard' AND n.valid_to IS NULL
                JOIN hierarchy h ON h.child_id = p.id AND h.valid_to IS NULL
                JOIN place_code county ON county.place_id = h.parent_id AND county.scheme = 'GB2260' AND county.valid_to IS NULL
                WHERE p.kind = 'township' AND t.code LIKE '50%'
                ORDER BY t.code
                """).map { ($0["county"], $0["name"], $0["code"]) }
        }
    }

    private func rules(_ report: NameCheckReport) -> [String] { report.findings.map(\.rule) }

    // MARK: - Against the gazetteer

    func testEveryChongqingTownshipProposedAgainInItsCountyIsADuplicate() throws {
        let townships = try chongqingTownships()
        let counties = Set(townships.map(\.county))
        XCTAssertGreaterThan(townships.count, 1000, "the fixture holds Chongqing's townships")
        XCTAssertGreaterThan(counties.count, 35)
        let check = try checker()
        var missed: [String] = []
        for township in townships {
            let report = try check.check(NameProposal(name: township.name, within: township.county))
            let duplicate = report.findings.first { $0.rule == "name.duplicate" && $0.matched == township.name }
            if duplicate?.severity != .error || duplicate?.conflicts.contains(ConflictingName(name: township.name, code: township.code)) != true {
                missed.append("\(township.code) \(township.name)")
            }
            XCTAssertTrue(report.hasErrors)
        }
        XCTAssertEqual(missed, [], "\(missed.count) of \(townships.count) townships in \(counties.count) counties not reported as duplicates")
        print("NameCheckTests: \(townships.count) townships of \(counties.count) Chongqing counties each reported as a duplicate")
    }

    func testHomophoneFoundByPinyin() throws {
        // 太白街道 (500101002000) in 万州区: 泰 is read tài like 太.
        let report = try checker().check(NameProposal(name: "泰白街道", within: "500101"))
        XCTAssertEqual(rules(report), ["name.homophone"])
        XCTAssertEqual(report.pinyin, "tai bai")
        XCTAssertEqual(report.findings[0].severity, .error)
        XCTAssertEqual(report.findings[0].conflicts, [ConflictingName(name: "太白街道", code: "500101002000", pinyin: "tai bai")])
        XCTAssertEqual(report.category, .subdistrict)
        XCTAssertGreaterThan(report.compared, 40)
    }

    func testSameSpecificWithAnotherGenericIsADuplicate() throws {
        // 龙沙镇 (500101102000): 龙沙街道 has the same specific part.
        let report = try checker().check(NameProposal(name: "龙沙街道", within: "500101"))
        XCTAssertEqual(rules(report), ["name.duplicate"])
        XCTAssertEqual(report.findings[0].matched, "龙沙")
        XCTAssertEqual(report.findings[0].conflicts.map(\.code), ["500101102000"])
    }

    func testNearHomophoneByConfusions() throws {
        // 龙萨镇 (long sa) against 龙沙镇 (long sha): sh/s.
        let report = try checker().check(NameProposal(name: "龙萨镇", within: "500101"))
        XCTAssertEqual(rules(report), ["name.near-homophone"])
        XCTAssertEqual(report.findings[0].severity, .warning)
        XCTAssertEqual(report.findings[0].conflicts, [ConflictingName(name: "龙沙镇", code: "500101102000", pinyin: "long sha")])
        XCTAssertFalse(report.hasErrors)

        // Without the sh/s confusion the same name is clean.
        var profile = NamingProfile.standard
        profile.confusions.removeAll { $0 == ["sh", "s"] }
        XCTAssertEqual(rules(try checker(profile).check(NameProposal(name: "龙萨镇", within: "500101"))), [])
    }

    func testTheDayDecidesWhichUnitExists() throws {
        // 万州区 has code 500101 only since 1998 (万县市 before): on 1990-12-31 the code is unknown.
        XCTAssertThrowsError(try checker().check(NameProposal(name: "泰白街道", within: "500101", day: try Day(parsing: "1990")))) { error in
            guard case .notFound? = error as? GazetteerError else { return XCTFail("\(error)") }
        }
    }

    func testRenamingExcludesThePlaceItself() throws {
        let report = try checker().check(NameProposal(name: "太白街道", within: "500101", renaming: "500101002000"))
        XCTAssertFalse(rules(report).contains("name.duplicate"))
    }

    func testVillageWithinACountyIsRefusedAsInput() throws {
        XCTAssertThrowsError(try checker().check(NameProposal(name: "新村", within: "500101", category: .village))) { error in
            guard case let .invalidInput(_, _, message)? = error as? GazetteerError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("unique within a township"), message)
        }
    }

    // MARK: - The name on its own

    func testNegativeListWord() throws {
        let report = try checker().check(NameProposal(name: "至尊花园", within: "500101002000", category: .housingEstate))
        XCTAssertEqual(rules(report), ["name.negative-word"])
        XCTAssertEqual(report.findings[0].matched, "至尊")
        XCTAssertEqual(report.findings[0].severity, .error)
        XCTAssertTrue(report.findings[0].message.contains("exaggerated"))
    }

    func testForeignName() throws {
        let report = try checker().check(NameProposal(name: "威尼斯花园", within: "500101002000", category: .housingEstate))
        XCTAssertEqual(rules(report), ["name.foreign"])
        XCTAssertEqual(report.findings[0].matched, "威尼斯")
        // A transliteration not on the list is caught by its run of typical characters.
        let run = try checker().check(NameProposal(name: "莎维尼花园", within: "500101002000", category: .housingEstate))
        XCTAssertEqual(rules(run), ["name.foreign"])
        XCTAssertEqual(run.findings[0].matched, "莎维尼")
    }

    func testPersonNames() throws {
        let road = try checker().check(NameProposal(name: "中山路", within: "500101002000"))
        XCTAssertEqual(road.category, .road)
        XCTAssertEqual(rules(road), ["name.person"])
        XCTAssertEqual(road.findings[0].matched, "中山")
        XCTAssertEqual(rules(try checker().check(NameProposal(name: "雷锋大道", within: "500101002000"))), ["name.person"])
    }

    func testGenericMisfit() throws {
        let square = try checker().check(NameProposal(name: "阳光广场", within: "500101002000", category: .housingEstate))
        XCTAssertEqual(rules(square), ["name.generic-misfit"])
        XCTAssertEqual(square.findings[0].matched, "广场")
        let centre = try checker().check(NameProposal(name: "阳光中心", within: "500101002000", category: .housingEstate))
        XCTAssertEqual(rules(centre), ["name.generic-misfit"])
        XCTAssertEqual(centre.findings[0].matched, "中心")
        let village = try checker().check(NameProposal(name: "桃源区", within: "500101002000", category: .village))
        XCTAssertEqual(rules(village), ["name.generic-misfit"])
        XCTAssertEqual(village.findings[0].matched, "区")
        let missing = try checker().check(NameProposal(name: "阳光", within: "500101002000", category: .housingEstate))
        XCTAssertEqual(rules(missing), ["name.generic-missing", "name.length"])
    }

    func testRareCharacter() throws {
        XCTAssertFalse(CharacterRepertoire.gb2312.scalars.isEmpty, "iconv has a GB2312 converter")
        XCTAssertEqual(CharacterRepertoire.gb2312.scalars.count, 6763)
        // 瀼 (瀼渡镇, 万州) is outside GB 2312.
        let report = try checker().check(NameProposal(name: "瀼溪镇", within: "500102"))
        XCTAssertEqual(rules(report), ["name.rare-character"])
        XCTAssertEqual(report.findings[0].matched, "瀼")
        XCTAssertEqual(report.findings[0].severity, .warning)
    }

    func testLength() throws {
        let short = try checker().check(NameProposal(name: "金苑", within: "500101002000", category: .housingEstate))
        XCTAssertEqual(rules(short), ["name.length"])
        var profile = NamingProfile.standard
        profile.categories["town"] = .init(maxLength: 4)
        let long = try checker(profile).check(NameProposal(name: "青龙白虎镇", within: "500102"))
        XCTAssertEqual(rules(long), ["name.length"])
        XCTAssertTrue(long.findings[0].message.contains("longer than 4"), long.findings[0].message)
    }

    func testCleanNameHasNoFindings() throws {
        let report = try checker().check(NameProposal(name: "青杠湾镇", within: "500101"))
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.category, .town)
        XCTAssertFalse(report.hasErrors)
    }

    // MARK: - Profile

    func testMalformedProfileIsATypedErrorNamingTheField() throws {
        func problem(_ json: String) -> NamingProfileError? {
            do { _ = try NamingProfile.decode(Data(json.utf8), file: "naming.json"); return nil } catch { return error }
        }
        XCTAssertEqual(problem(#"{"categories": {"village": {"maxLength": "ten"}}}"#)?.field, "categories.village.maxLength")
        XCTAssertEqual(problem(#"{"categories": {"village": {"minLength": 5, "maxLength": 3}}}"#)?.field, "categories.village.maxLength")
        XCTAssertEqual(problem(#"{"categories": {"castle": {}}}"#)?.field, "categories.castle")
        XCTAssertEqual(problem(#"{"rules": {"name.duplicate": {"severity": "fatal"}}}"#)?.field, "rules.name.duplicate.severity")
        XCTAssertEqual(problem(#"{"rules": {"name.nonsense": {}}}"#)?.field, "rules.name.nonsense")
        XCTAssertEqual(problem(#"{"confusions": [["zh", "z"], ["n"]]}"#)?.field, "confusions[1]")
        XCTAssertEqual(problem(#"{"negativeLists": [{"kind": "x"}]}"#)?.field, "negativeLists[0].words")
        XCTAssertEqual(problem(#"{"name": "#)?.field, nil)
        XCTAssertEqual(problem(#"{"name": "#)?.file, "naming.json")

        let url = Fixture.temporaryDirectory("naming").appendingPathComponent("bad.json")
        try #"{"transliterationRun": 1}"#.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try NamingProfile.load(from: url)) { error in
            XCTAssertEqual(error as? NamingProfileError, NamingProfileError(file: url.relativePath, field: "transliterationRun", problem: "must be 2 or more"))
            XCTAssertTrue("\(error)".hasPrefix(url.relativePath + ": transliterationRun: "))
        }
    }

    func testProfileOverridesAndRoundTrips() throws {
        let profile = try NamingProfile.decode(Data(#"""
            {"name": "strict", "rules": {"name.near-homophone": {"severity": "error"}, "name.rare-character": {"enabled": false}},
             "negativeLists": [{"kind": "test", "words": ["青杠"]}]}
            """#.utf8))
        XCTAssertEqual(profile.severity(.nearHomophone), .error)
        XCTAssertFalse(profile.isEnabled(.rareCharacter))
        XCTAssertEqual(profile.confusions, NamingProfile.standard.confusions)
        let report = try checker(profile).check(NameProposal(name: "青杠湾镇", within: "500101"))
        XCTAssertEqual(rules(report), ["name.negative-word"])
        XCTAssertEqual(report.findings[0].severity, .error)
        XCTAssertEqual(rules(try checker(profile).check(NameProposal(name: "瀼溪镇", within: "500102"))), [])
        // The full JSON reads back as the same effective profile.
        let again = try NamingProfile.decode(Data(try profile.jsonText().utf8))
        for rule in NameRule.allCases {
            XCTAssertEqual(again.severity(rule), profile.severity(rule))
            XCTAssertEqual(again.isEnabled(rule), profile.isEnabled(rule))
        }
        for category in NameCategory.allCases {
            XCTAssertEqual(again.generics(of: category), profile.generics(of: category))
            XCTAssertEqual(again.lengthRange(of: category), profile.lengthRange(of: category))
        }
    }

    func testNearHomophoneFolding() {
        let confusions = NamingProfile.standard.confusions
        // A pair of initials folds the second into the first; a pair of endings folds the longer into the shorter.
        XCTAssertEqual(NameSound.fold("zhang", confusions), "zhan")
        XCTAssertEqual(NameSound.fold("zan", confusions), "zhan")
        XCTAssertEqual(NameSound.fold("ling", confusions), "nin")
        XCTAssertEqual(NameSound.fold("nin", confusions), "nin")
        XCTAssertEqual(NameSound.fold("hu", confusions), "fu")
        XCTAssertEqual(NameSound.fold("seng", confusions), "shen")
        XCTAssertEqual(NameSound.fold("xiang", confusions), "xian")
        XCTAssertEqual(NameSound.fold("chuang", confusions), "chuan")
        XCTAssertNotEqual(NameSound.fold("jiang", confusions), NameSound.fold("qiang", confusions))
        XCTAssertEqual(NameSound.fold("er", confusions), "er")
    }
}
