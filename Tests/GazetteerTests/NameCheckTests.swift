import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// The checks of proposed names (`quhua naming check`), on the shipped data: the areacodes
/// history and the townships of Chongqing (50xxxx) from the shared fixture.
@Suite struct NameCheckTests {
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

    @Test func everyChongqingTownshipProposedAgainInItsCountyIsADuplicate() throws {
        let townships = try chongqingTownships()
        let counties = Set(townships.map(\.county))
        #expect(townships.count > 1000, "the fixture holds Chongqing's townships")
        #expect(counties.count > 35)
        let check = try checker()
        var missed: [String] = []
        for township in townships {
            let report = try check.check(NameProposal(name: township.name, within: township.county))
            let duplicate = report.findings.first { $0.rule == "name.duplicate" && $0.matched == township.name }
            if duplicate?.severity != .error || duplicate?.conflicts.contains(ConflictingName(name: township.name, code: township.code)) != true {
                missed.append("\(township.code) \(township.name)")
            }
            #expect(report.hasErrors)
        }
        #expect(missed == [], "\(missed.count) of \(townships.count) townships in \(counties.count) counties not reported as duplicates")
        print("NameCheckTests: \(townships.count) townships of \(counties.count) Chongqing counties each reported as a duplicate")
    }

    @Test func homophoneFoundByPinyin() throws {
        // 太白街道 (500101002000) in 万州区: 泰 is read tài like 太.
        let report = try checker().check(NameProposal(name: "泰白街道", within: "500101"))
        #expect(rules(report) == ["name.homophone"])
        #expect(report.pinyin == "tai bai")
        #expect(report.findings[0].severity == .error)
        #expect(report.findings[0].conflicts == [ConflictingName(name: "太白街道", code: "500101002000", pinyin: "tai bai")])
        #expect(report.category == .subdistrict)
        #expect(report.compared > 40)
    }

    @Test func sameSpecificWithAnotherGenericIsADuplicate() throws {
        // 龙沙镇 (500101102000): 龙沙街道 has the same specific part.
        let report = try checker().check(NameProposal(name: "龙沙街道", within: "500101"))
        #expect(rules(report) == ["name.duplicate"])
        #expect(report.findings[0].matched == "龙沙")
        #expect(report.findings[0].conflicts.map(\.code) == ["500101102000"])
    }

    @Test func nearHomophoneByConfusions() throws {
        // 龙萨镇 (long sa) against 龙沙镇 (long sha): sh/s.
        let report = try checker().check(NameProposal(name: "龙萨镇", within: "500101"))
        #expect(rules(report) == ["name.near-homophone"])
        #expect(report.findings[0].severity == .warning)
        #expect(report.findings[0].conflicts == [ConflictingName(name: "龙沙镇", code: "500101102000", pinyin: "long sha")])
        #expect(!report.hasErrors)

        // Without the sh/s confusion the same name is clean.
        var profile = NamingProfile.standard
        profile.confusions.removeAll { $0 == ["sh", "s"] }
        #expect(rules(try checker(profile).check(NameProposal(name: "龙萨镇", within: "500101"))) == [])
    }

    @Test func theDayDecidesWhichUnitExists() throws {
        // 万州区 has code 500101 only since 1998 (万县市 before): on 1990-12-31 the code is unknown.
        do {
            _ = try checker().check(NameProposal(name: "泰白街道", within: "500101", day: try Day(parsing: "1990")))
            Issue.record("no error")
        } catch {
            let notFound = if case .notFound? = error as? GazetteerError { true } else { false }
            #expect(notFound, "\(error)")
        }
    }

    @Test func renamingExcludesThePlaceItself() throws {
        let report = try checker().check(NameProposal(name: "太白街道", within: "500101", renaming: "500101002000"))
        #expect(!rules(report).contains("name.duplicate"))
    }

    @Test func villageWithinACountyIsRefusedAsInput() throws {
        do {
            _ = try checker().check(NameProposal(name: "新村", within: "500101", category: .village))
            Issue.record("no error")
        } catch {
            if case let .invalidInput(_, _, message)? = error as? GazetteerError {
                #expect(message.contains("unique within a township"), "\(message)")
            } else {
                Issue.record("\(error)")
            }
        }
    }

    // MARK: - The name on its own

    @Test func negativeListWord() throws {
        let report = try checker().check(NameProposal(name: "至尊花园", within: "500101002000", category: .housingEstate))
        #expect(rules(report) == ["name.negative-word"])
        #expect(report.findings[0].matched == "至尊")
        #expect(report.findings[0].severity == .error)
        #expect(report.findings[0].message.contains("exaggerated"))
    }

    @Test func foreignName() throws {
        let report = try checker().check(NameProposal(name: "威尼斯花园", within: "500101002000", category: .housingEstate))
        #expect(rules(report) == ["name.foreign"])
        #expect(report.findings[0].matched == "威尼斯")
        // A transliteration not on the list is caught by its run of typical characters.
        let run = try checker().check(NameProposal(name: "莎维尼花园", within: "500101002000", category: .housingEstate))
        #expect(rules(run) == ["name.foreign"])
        #expect(run.findings[0].matched == "莎维尼")
    }

    @Test func personNames() throws {
        let road = try checker().check(NameProposal(name: "中山路", within: "500101002000"))
        #expect(road.category == .road)
        #expect(rules(road) == ["name.person"])
        #expect(road.findings[0].matched == "中山")
        #expect(rules(try checker().check(NameProposal(name: "雷锋大道", within: "500101002000"))) == ["name.person"])
    }

    @Test func genericMisfit() throws {
        let square = try checker().check(NameProposal(name: "阳光广场", within: "500101002000", category: .housingEstate))
        #expect(rules(square) == ["name.generic-misfit"])
        #expect(square.findings[0].matched == "广场")
        let centre = try checker().check(NameProposal(name: "阳光中心", within: "500101002000", category: .housingEstate))
        #expect(rules(centre) == ["name.generic-misfit"])
        #expect(centre.findings[0].matched == "中心")
        let village = try checker().check(NameProposal(name: "桃源区", within: "500101002000", category: .village))
        #expect(rules(village) == ["name.generic-misfit"])
        #expect(village.findings[0].matched == "区")
        let missing = try checker().check(NameProposal(name: "阳光", within: "500101002000", category: .housingEstate))
        #expect(rules(missing) == ["name.generic-missing", "name.length"])
    }

    @Test func rareCharacter() throws {
        #expect(!CharacterRepertoire.gb2312.scalars.isEmpty, "iconv has a GB2312 converter")
        #expect(CharacterRepertoire.gb2312.scalars.count == 6763)
        // 瀼 (瀼渡镇, 万州) is outside GB 2312.
        let report = try checker().check(NameProposal(name: "瀼溪镇", within: "500102"))
        #expect(rules(report) == ["name.rare-character"])
        #expect(report.findings[0].matched == "瀼")
        #expect(report.findings[0].severity == .warning)
    }

    @Test func length() throws {
        let short = try checker().check(NameProposal(name: "金苑", within: "500101002000", category: .housingEstate))
        #expect(rules(short) == ["name.length"])
        var profile = NamingProfile.standard
        profile.categories["town"] = .init(maxLength: 4)
        let long = try checker(profile).check(NameProposal(name: "青龙白虎镇", within: "500102"))
        #expect(rules(long) == ["name.length"])
        #expect(long.findings[0].message.contains("longer than 4"), "\(long.findings[0].message)")
    }

    @Test func cleanNameHasNoFindings() throws {
        let report = try checker().check(NameProposal(name: "青杠湾镇", within: "500101"))
        #expect(report.findings == [])
        #expect(report.category == .town)
        #expect(!report.hasErrors)
    }

    // MARK: - Profile

    @Test func malformedProfileIsATypedErrorNamingTheField() throws {
        func problem(_ json: String) -> NamingProfileError? {
            do { _ = try NamingProfile.decode(Data(json.utf8), file: "naming.json"); return nil } catch { return error }
        }
        #expect(problem(#"{"categories": {"village": {"maxLength": "ten"}}}"#)?.field == "categories.village.maxLength")
        #expect(problem(#"{"categories": {"village": {"minLength": 5, "maxLength": 3}}}"#)?.field == "categories.village.maxLength")
        #expect(problem(#"{"categories": {"castle": {}}}"#)?.field == "categories.castle")
        #expect(problem(#"{"rules": {"name.duplicate": {"severity": "fatal"}}}"#)?.field == "rules.name.duplicate.severity")
        #expect(problem(#"{"rules": {"name.nonsense": {}}}"#)?.field == "rules.name.nonsense")
        #expect(problem(#"{"confusions": [["zh", "z"], ["n"]]}"#)?.field == "confusions[1]")
        #expect(problem(#"{"negativeLists": [{"kind": "x"}]}"#)?.field == "negativeLists[0].words")
        #expect(problem(#"{"name": "#)?.field == nil)
        #expect(problem(#"{"name": "#)?.file == "naming.json")

        let url = Fixture.temporaryDirectory("naming").appendingPathComponent("bad.json")
        try #"{"transliterationRun": 1}"#.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try NamingProfile.load(from: url)
            Issue.record("no error")
        } catch {
            #expect(error == NamingProfileError(file: url.relativePath, field: "transliterationRun", problem: "must be 2 or more"))
            #expect("\(error)".hasPrefix(url.relativePath + ": transliterationRun: "))
        }
    }

    @Test func profileOverridesAndRoundTrips() throws {
        let profile = try NamingProfile.decode(Data(#"""
            {"name": "strict", "rules": {"name.near-homophone": {"severity": "error"}, "name.rare-character": {"enabled": false}},
             "negativeLists": [{"kind": "test", "words": ["青杠"]}]}
            """#.utf8))
        #expect(profile.severity(.nearHomophone) == .error)
        #expect(!profile.isEnabled(.rareCharacter))
        #expect(profile.confusions == NamingProfile.standard.confusions)
        let report = try checker(profile).check(NameProposal(name: "青杠湾镇", within: "500101"))
        #expect(rules(report) == ["name.negative-word"])
        #expect(report.findings[0].severity == .error)
        #expect(rules(try checker(profile).check(NameProposal(name: "瀼溪镇", within: "500102"))) == [])
        // The full JSON reads back as the same effective profile.
        let again = try NamingProfile.decode(Data(try profile.jsonText().utf8))
        for rule in NameRule.allCases {
            #expect(again.severity(rule) == profile.severity(rule))
            #expect(again.isEnabled(rule) == profile.isEnabled(rule))
        }
        for category in NameCategory.allCases {
            #expect(again.generics(of: category) == profile.generics(of: category))
            #expect(again.lengthRange(of: category) == profile.lengthRange(of: category))
        }
    }

    @Test func nearHomophoneFolding() {
        let confusions = NamingProfile.standard.confusions
        // A pair of initials folds the second into the first; a pair of endings folds the longer into the shorter.
        #expect(NameSound.fold("zhang", confusions) == "zhan")
        #expect(NameSound.fold("zan", confusions) == "zhan")
        #expect(NameSound.fold("ling", confusions) == "nin")
        #expect(NameSound.fold("nin", confusions) == "nin")
        #expect(NameSound.fold("hu", confusions) == "fu")
        #expect(NameSound.fold("seng", confusions) == "shen")
        #expect(NameSound.fold("xiang", confusions) == "xian")
        #expect(NameSound.fold("chuang", confusions) == "chuan")
        #expect(NameSound.fold("jiang", confusions) != NameSound.fold("qiang", confusions))
        #expect(NameSound.fold("er", confusions) == "er")
    }
}
