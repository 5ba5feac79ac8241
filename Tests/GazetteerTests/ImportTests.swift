import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// Townships, GeoNames, polygons and CSV imports; idempotency, atomicity, bad inputs, protected history.
///
/// These tests write to the shared gazetteer and compare snapshots of it, so they run one at a time.
@Suite(.serialized) struct ImportTests {
    let store: GazetteerStore
    let lookup: PlaceLookup

    init() throws {
        store = try Fixture.store()
        lookup = PlaceLookup(store: store)
    }

    /// “Which county held this township in 1996”: 高笋塘街道 is in today's 万州区, formed in 1997
    /// from 龙宝区, 天城区 and 五桥区 of 万县市 (国函〔1992〕194号 says 万县市人民政府驻龙宝区的高笋塘).
    @Test func townshipInWanzhouOn1996() throws {
        let township = try lookup.resolveOne("高笋塘街道")
        #expect(township.code == "500101001000")
        #expect(township.level == .township)
        let then = try lookup.details(of: township.id, at: Day(parsing: "1996"))
        let county = try #require(then.ancestry.dropFirst().first)
        #expect(county.place.name == "万州区")
        #expect(!county.existed)
        #expect(Set(county.heldBy.compactMap(\.code)) == ["511202", "511203", "511204"])
        #expect(then.ancestry.map { $0.place.code }.suffix(3) == ["511200", "510000", "000000"])
        #expect(then.names.contains { $0.text == "高笋塘" && $0.type == .short && $0.romanization == "gao sun tang" })
    }

    /// A county that went on through renames: a township of today's 开州区 was in 开县 of 万县市 in 1996.
    @Test func townshipOfKaizhouWasInKaixian() throws {
        let kaizhou = try lookup.resolveOne("开州区")
        let township = try #require(try lookup.details(of: kaizhou.id).children.first)
        let in1996 = try lookup.details(of: township.id, at: Day(parsing: "1996"))
        #expect(in1996.ancestry.dropFirst().map(\.label) == ["511221 开县", "511200 万县市", "510000 四川省", "000000 中华人民共和国"])
    }

    @Test func shortNamesAndTownshipSearch() throws {
        let search = NameSearch(store: store)
        let hits = try search.search(SearchQuery("解放", level: .township, within: "500000"))
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.level == .township && ($0.placeCode ?? "").hasPrefix("50") })
        #expect(hits.allSatisfy { $0.matchedName.contains("解放") })
        // The areacity short name of a division is a name of it.
        let details = try lookup.details(of: try lookup.resolveOne("500103").id)
        #expect(details.names.contains { $0.text == "渝中" && $0.type == .short })
    }

    @Test func geoNamesOldRomanisations() throws {
        for (romanised, code) in [("Chungking", "500000"), ("Peking", "110000"), ("Wan-Hsien", "500101")] {
            let place = try lookup.resolveOne(romanised)
            #expect(place.code == code, "\(romanised)")
            let name = try #require(try lookup.details(of: place.id).names.first { $0.text == romanised })
            #expect(name.type == .variant)
            #expect(name.script == "Latn")
            #expect(name.language == "und")
            #expect(name.source == "geonames")
        }
        let hits = try NameSearch(store: store).search(SearchQuery("chungking"))
        #expect(hits.first?.placeCode == "500000")
        #expect(hits.first?.matchedName == "Chungking")
    }

    @Test func reverseLookups() throws {
        let geocoder = try ReverseGeocoder(store: store)
        let yuzhong = try geocoder.lookup(longitude: 106.57, latitude: 29.55)
        #expect(yuzhong.map { $0.place.code } == ["500000"])
        #expect(try geocoder.lookup(longitude: 116.40, latitude: 39.90).first?.place.name == "北京市")
        #expect(try geocoder.lookup(longitude: 113.26, latitude: 23.13).first?.place.name == "广州市")
        #expect(try geocoder.lookup(longitude: 150.0, latitude: 20.0).isEmpty)
        #expect(throws: (any Error).self) { try geocoder.lookup(longitude: 200, latitude: 20) }
        // 万州 in 1990: the polygon is today's Chongqing; then the ground was 万县地区's, among others.
        let wanzhou1990 = try #require(try geocoder.lookup(longitude: 108.38, latitude: 30.81, at: Day(parsing: "1990")).first)
        #expect(wanzhou1990.place.code == "510200")
        #expect(wanzhou1990.place.level == .prefecture)
        #expect(wanzhou1990.heldThen?.contains { $0.code == "512200" && $0.name == "万县地区" } == true)
    }

    @Test func reimportingChangesNothing() throws {
        let before = try Fixture.snapshot(store)
        let built = try Fixture.shared.get()
        let areacodes = try AreaCodesImporter(directory: Fixture.areacodes).run(into: store, actor: "tests")
        let townships = try TownshipImporter(file: built.townshipFile).run(into: store, actor: "tests")
        let polygons = try GeometryImporter(file: Fixture.geoData.appendingPathComponent("cn-atlas/derived_prefectures.geojson")).run(into: store, actor: "tests")
        let geonames = try GeoNamesImporter(file: Fixture.geoData.appendingPathComponent("geonames-cn/geonames_cities15000_CN.tsv")).run(into: store, actor: "tests")
        #expect([areacodes.changed, townships.changed, polygons.changed, geonames.changed] == [false, false, false, false])
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func badInputsChangeNothing() throws {
        let folder = Fixture.temporaryDirectory("bad")
        let cases: [(String, String, String)] = [
            ("unclosed.csv", "name,code\n新村,500101001000\n\"旧村,500101001000\n", "unclosed.csv:3: a quoted field is never closed (the file ends inside quotes; is it truncated?)"),
            ("unknown.csv", "name,code\n新村,500101001000\n某村,999999999999\n", "unknown.csv:3: no place has code 999999999999; give level (and parent) to create it"),
            ("date.csv", "name,code,from\n新村,500101001000,1990-02-30\n", "date.csv:2: invalid date “1990-02-30”: no such day"),
            ("range.csv", "name,code,from\n新村,500101001000,1066\n", "range.csv:2: invalid date “1066”: years from 1800 to 2200 are accepted"),
            ("order.csv", "name,code,from,to\n新村,500101001000,2000,1990\n", "order.csv:2: the name ends (1990-12-31) before it starts (2000-12-31)"),
            ("type.csv", "name,code,type\n新村,500101001000,nickname\n", "type.csv:2: name type “nickname” is not one of standard, short, alias, former, romanized, variant"),
            ("fields.csv", "name,code\n新村,500101001000,extra\n", "fields.csv:2: 3 fields where the header has 2"),
        ]
        let before = try Fixture.snapshot(store)
        for (file, text, message) in cases {
            let url = folder.appendingPathComponent(file)
            try text.write(to: url, atomically: true, encoding: .utf8)
            do {
                _ = try NameCSVImporter(file: url, mapping: CSVColumnMapping()).run(into: store, actor: "tests")
                Issue.record("no error")
            } catch {
                #expect((error as? GazetteerError)?.description == message)
            }
        }
        let badDiff = folder.appendingPathComponent("areacodes")
        try FileManager.default.createDirectory(at: badDiff.appendingPathComponent("data"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try AreaCodesImporter(directory: badDiff).run(into: store, actor: "tests") }
        #expect(throws: (any Error).self) { try lookup.details(of: 987_654_321) }
        #expect(try Fixture.snapshot(store) == before)
    }

    @Test func csvImportCreatesPlacesAndIsIdempotent() throws {
        let url = Fixture.temporaryDirectory("csv").appendingPathComponent("villages.csv")
        try """
        村名,代码,上级,级别,类型,起,备注
        测试甲村,500101001201,500101001000,village,,,
        测试乙村,500101001202,500101001000,village,,2001,"在高笋塘街道, 测试用"
        老测试乙村,500101001202,,,former,,
        """.write(to: url, atomically: true, encoding: .utf8)
        let mapping = try CSVColumnMapping(parsing: "name=村名,code=代码,parent=上级,level=级别,type=类型,from=起,note=备注")
        let first = try NameCSVImporter(file: url, mapping: mapping).run(into: store, actor: "csv-tester")
        #expect(first.count("places created") == 2)
        #expect(first.count("names") == 3)
        let village = try lookup.resolveOne("测试乙村")
        #expect(village.level == .village)
        let details = try lookup.details(of: village.id)
        #expect(details.parents.first?.name == "高笋塘街道")
        #expect(details.names.first { $0.text == "测试乙村" }?.period.from == "2001-12-31")
        #expect(details.names.contains { $0.text == "老测试乙村" && $0.type == .former })
        #expect(try NameSearch(store: store).search(SearchQuery("测试乙")).first?.placeID == village.id)
        let before = try Fixture.snapshot(store)
        #expect(try !NameCSVImporter(file: url, mapping: mapping).run(into: store, actor: "csv-tester").changed)
        #expect(try Fixture.snapshot(store) == before)
        #expect(try store.auditLog(limit: 50).first { $0.action == "import.csv" }?.actor == "csv-tester")
    }

    @Test func historyCannotBeDeletedOrOverwritten() throws {
        do {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM place WHERE id = (SELECT min(id) FROM place)") }
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("history is never deleted"))
        }
        do {
            try store.pool.write { db in try db.execute(sql: "UPDATE name SET text = 'x' WHERE id = (SELECT min(id) FROM name)") }
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("never overwritten"))
        }
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "UPDATE audit_log SET actor = 'x'") } }
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM change_event") } }
    }

    @Test func auditLogRecordsImports() throws {
        let actions = Set(try store.auditLog(limit: 100).map(\.action))
        #expect(actions.isSuperset(of: ["import.areacodes", "import.areacity", "import.geometry", "import.geonames"]))
        #expect(try store.appliedMigrations() == ["v1-history", "v2-search", "v3-geometry", "v4-workflow", "v5-search-as-of", "v6-access", "v7-patroller-role", "v8-naming-checks", "v9-geometry-level", "v10-place-records"])
        #expect(try store.integrityCheck() == ["ok"])
    }
}
