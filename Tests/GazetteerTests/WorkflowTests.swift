import Foundation
import GeoFormats
import GRDB
import Testing
@testable import Gazetteer

/// The naming workflow and the two name lists, each test on a small gazetteer of its own.
@Suite struct WorkflowTests {
    /// A gazetteer with one county and one township, made through the CSV import.
    private func smallStore() throws -> GazetteerStore {
        let folder = Fixture.temporaryDirectory("workflow")
        let store = try GazetteerStore(path: folder.appendingPathComponent("g.sqlite").path)
        let csv = folder.appendingPathComponent("places.csv")
        try """
        name,code,parent,level,from
        测试山,SHAN1,,feature,1990
        测试镇,999999001000,SHAN1,township,1990
        """.write(to: csv, atomically: true, encoding: .utf8)
        _ = try NameCSVImporter(file: csv, mapping: CSVColumnMapping()).run(into: store, actor: "setup")
        return store
    }

    @Test func renameThroughTheWholeWorkflow() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let id = try workflow.apply(NamingApplication(
            action: .rename, proposedName: "新测试镇", applicant: "测试县人民政府", appliedOn: try Day(parsing: "2025-01-10"),
            placeCode: "999999001000", meaning: "新的测试镇", origin: "由测试镇更名", authority: "测试市人民政府"), actor: "clerk")
        #expect(try workflow.get(id).state == .applied)
        // The romanisation defaults to the Pinyin module's.
        #expect(try workflow.get(id).romanization == PinyinSearchKeys.standard?.romanization(of: "新测试镇"))
        #expect(try workflow.get(id).romanization != nil)

        // Out of order: refused with the allowed steps, nothing changes.
        #expect(throws: GazetteerError.invalidTransition(caseID: id, from: "applied", to: "announced", allowed: ["review", "reject"])) {
            try workflow.advance(id, .announce, on: Day(parsing: "2025-01-11"), reference: "公告", actor: "clerk")
        }
        try workflow.advance(id, .review, on: Day(parsing: "2025-02-01"), actor: "reviewer")
        do {
            try workflow.advance(id, .approve, on: Day(parsing: "2025-01-01"), reference: "文号", actor: "chief")
            Issue.record("no error")
        } catch {
            let conflict = if case .conflict? = error as? GazetteerError { true } else { false }
            #expect(conflict, "\(error)")
        }
        try workflow.advance(id, .approve, on: Day(parsing: "2025-03-01"), reference: "测府〔2025〕1号", actor: "chief")
        let announced = try workflow.advance(id, .announce, on: Day(parsing: "2025-03-15"), reference: "测试公告第1号", actor: "clerk")
        #expect(announced.state == .announced)
        let eventID = try #require(announced.eventID)
        try workflow.advance(id, .file, on: Day(parsing: "2025-04-01"), reference: "备案第7号", actor: "clerk")
        #expect(throws: GazetteerError.invalidTransition(caseID: id, from: "filed", to: "under_review", allowed: [])) {
            try workflow.advance(id, .review, on: Day(parsing: "2025-05-01"), actor: "clerk")
        }
        #expect(try workflow.steps(of: id).map(\.to) == ["applied", "under_review", "approved", "announced", "filed"])
        #expect(try workflow.steps(of: id).map(\.actor) == ["clerk", "reviewer", "chief", "clerk", "clerk"])

        // The place was renamed by a change event citing the decision; the old name was ended, not lost.
        let lookup = PlaceLookup(store: store)
        let place = try lookup.resolveOne("999999001000")
        #expect(place.name == "新测试镇")
        let details = try lookup.details(of: place.id)
        #expect(details.names.filter { $0.type == .standard }.map(\.text) == ["测试镇", "新测试镇"])
        #expect(details.names.first { $0.text == "测试镇" }?.period.to == "2025-03-15")
        let event = try #require(details.events.first { $0.id == eventID })
        #expect(event.type == .renamed)
        #expect(event.detail == "测试镇 → 新测试镇")
        #expect(event.effectiveDate == "2025-03-15")
        #expect(event.documents.first?.number == "测府〔2025〕1号")
        #expect(event.documents.first?.citation == "测试公告第1号")
        #expect(try lookup.details(of: place.id, at: Day(parsing: "2024")).summary.name == "测试镇")

        // Search follows at once: the new name is current, the old one former.
        let search = NameSearch(store: store)
        #expect(try search.search(SearchQuery("新测试镇")).first?.placeID == place.id)
        let old = try #require(try search.search(SearchQuery("测试镇", status: .former)).first)
        #expect(old.placeName == "新测试镇")
        #expect(!old.isCurrent)

        // Every step is audited with its actor, and before/after states.
        let audit = try store.auditLog().filter { $0.target == "naming_case \(id)" }
        #expect(audit.map(\.action).reversed() == ["naming.apply", "naming.review", "naming.approve", "naming.announce", "naming.file"])
        #expect(audit.first { $0.action == "naming.announce" }?.before?.contains("\"approved\"") == true)
    }

    @Test func newPlaceIsCreatedOnAnnouncement() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let id = try workflow.apply(NamingApplication(action: .name, proposedName: "测试新村", applicant: "测试镇人民政府",
                                                      appliedOn: try Day(parsing: "2025-01-10"), placeCode: "999999001201",
                                                      parentCode: "999999001000", level: .village), actor: "clerk")
        #expect(throws: (any Error).self) { try PlaceLookup(store: store).resolveOne("测试新村") }
        try workflow.advance(id, .review, on: Day(parsing: "2025-01-20"), actor: "clerk")
        try workflow.advance(id, .approve, on: Day(parsing: "2025-02-01"), reference: "测府〔2025〕2号", actor: "chief")
        try workflow.advance(id, .announce, on: Day(parsing: "2025-02-10"), reference: "测试公告第2号", actor: "clerk")
        let village = try PlaceLookup(store: store).resolveOne("999999001201")
        #expect(village.name == "测试新村")
        #expect(village.level == .village)
        let details = try PlaceLookup(store: store).details(of: village.id)
        #expect(details.parents.map(\.name) == ["测试镇"])
        #expect(details.events.map(\.type) == [.established])
        #expect(details.summary.period.from == "2025-02-10")
    }

    @Test func rejectionAndBadApplications() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let before = try Fixture.snapshot(store)
        #expect(throws: GazetteerError.notFound("no place has code 123456 on 2025-01-01")) {
            try workflow.apply(NamingApplication(action: .rename, proposedName: "某名", applicant: "某人",
                                                 appliedOn: try Day(parsing: "2025-01-01"), placeCode: "123456"), actor: "x")
        }
        #expect(throws: (any Error).self) {
            try workflow.apply(NamingApplication(action: .rename, proposedName: " ", applicant: "某人",
                                                 appliedOn: try Day(parsing: "2025-01-01"), placeCode: "999999001000"), actor: "x")
        }
        #expect(throws: GazetteerError.notFound("naming case 42")) {
            try workflow.advance(42, .review, on: Day(parsing: "2025-01-01"), actor: "x")
        }
        #expect(try Fixture.snapshot(store) == before)

        let id = try workflow.apply(NamingApplication(action: .rename, proposedName: "别名镇", applicant: "某人",
                                                      appliedOn: try Day(parsing: "2025-01-01"), placeCode: "999999001000"), actor: "x")
        let rejected = try workflow.advance(id, .reject, on: Day(parsing: "2025-01-05"), reference: "与邻近地名重名", actor: "chief")
        #expect(rejected.state == .rejected)
        #expect(rejected.decisionDocument == "与邻近地名重名")
        #expect(throws: (any Error).self) { try workflow.advance(id, .approve, on: Day(parsing: "2025-01-06"), reference: "x", actor: "chief") }
        #expect(try PlaceLookup(store: store).resolveOne("999999001000").name == "测试镇")
        #expect(try workflow.list(state: .rejected).map(\.id) == [id])
    }

    @Test func protectionAndVanishedLists() throws {
        let store = try smallStore()
        let lists = NameListings(store: store)
        try lists.addProtected(.init(name: "测试山", category: "历史地名", reasons: "明代已见于志书, 沿用至今", listedOn: try Day(parsing: "2024-06-01"),
                                     placeCode: "SHAN1", source: "测试名录第1批"), actor: "keeper")
        do {
            try lists.addProtected(.init(name: "测试山", category: "历史地名", reasons: "重复", listedOn: try Day(parsing: "2024-06-02"),
                                         placeCode: "SHAN1"), actor: "keeper")
            Issue.record("no error")
        } catch {
            let conflict = if case .conflict? = error as? GazetteerError { true } else { false }
            #expect(conflict, "\(error)")
        }
        #expect(throws: (any Error).self) {
            try lists.addProtected(.init(name: "某地", category: "历史地名", reasons: "x", listedOn: try Day(parsing: "2024-06-02"),
                                         placeCode: "NOPE"), actor: "keeper")
        }
        try lists.addVanished(.init(name: "龙宝镇", formerLocation: "原万县龙宝区", cause: "三峡水库蓄水淹没", vanishedOn: try Day(parsing: "2003-06-10"),
                                    listedOn: try Day(parsing: "2024-06-01"), source: "三峡库区淹没地名"), actor: "keeper")
        #expect(throws: (any Error).self) {
            try lists.addVanished(.init(name: "某村", formerLocation: "某地", cause: "水库", vanishedOn: try Day(parsing: "2030"),
                                        listedOn: try Day(parsing: "2024-06-01")), actor: "keeper")
        }
        #expect(try lists.protectedNames().map(\.name) == ["测试山"])
        #expect(try lists.protectedNames().first?.placeCode == "SHAN1")
        #expect(try lists.vanishedNames().map(\.cause) == ["三峡水库蓄水淹没"])
        let csv = try lists.exportCSV(.protected)
        #expect(csv == """
            id,name,code,category,reasons,listed_on,withdrawn_on,source
            1,测试山,SHAN1,历史地名,"明代已见于志书, 沿用至今",2024-06-01,,测试名录第1批

            """)
        #expect(try CSVReader.rows(in: try lists.exportCSV(.vanished)).last?.fields == ["2", "龙宝镇", "", "原万县龙宝区", "三峡水库蓄水淹没", "2003-06-10", "2024-06-01", "三峡库区淹没地名"])
        #expect(try store.auditLog().filter { $0.actor == "keeper" }.map(\.action) == ["vanished.add", "protect.add"])
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM name_listing") } }
    }
}

/// Direct edits: nothing is deleted, and edits of what does not exist change nothing.
@Suite struct EditTests {
    @Test func endingKeepsHistory() throws {
        let folder = Fixture.temporaryDirectory("edit")
        let store = try GazetteerStore(path: folder.appendingPathComponent("g.sqlite").path)
        let csv = folder.appendingPathComponent("places.csv")
        try "name,code,parent,level,from\n测试山,SHAN1,,feature,1990\n测试村,999999001201,SHAN1,village,1990\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        _ = try NameCSVImporter(file: csv, mapping: CSVColumnMapping()).run(into: store, actor: "setup")
        let editor = PlaceEditor(store: store)
        let lookup = PlaceLookup(store: store)
        let before = try Fixture.snapshot(store)
        #expect(throws: GazetteerError.notFound("no place has code NOPE on 2025-01-01")) {
            try editor.endPlace(code: "NOPE", on: Day(parsing: "2025-01-01"), reference: nil, actor: "x")
        }
        #expect(throws: (any Error).self) { try editor.endName(code: "SHAN1", text: "不存在", on: Day(parsing: "2025-01-01"), actor: "x") }
        do {
            try editor.endPlace(code: "SHAN1", on: Day(parsing: "2025-01-01"), reference: nil, actor: "x")
            Issue.record("no error")
        } catch {
            let conflict = if case .conflict? = error as? GazetteerError { true } else { false }
            #expect(conflict, "\(error)")   // it has a village under it
        }
        #expect(throws: (any Error).self) { try editor.endName(code: "SHAN1", text: "测试山", on: Day(parsing: "1985"), actor: "x") }
        #expect(try Fixture.snapshot(store) == before)

        try editor.addName(code: "999999001201", text: "老测试村", type: .former, to: Day(parsing: "1990"), actor: "keeper")
        let eventID = try editor.endPlace(code: "999999001201", on: Day(parsing: "2025-06-30"), reference: "测府〔2025〕9号", actor: "keeper")
        let village = try lookup.resolveOne("测试村")
        #expect(village.status == "ceased")
        let details = try lookup.details(of: village.id)
        #expect(details.codes.first?.period.to == "2025-06-30")
        #expect(details.names.first { $0.text == "测试村" }?.period == Period(from: "1990-12-31", to: "2025-06-30"))
        #expect(details.parents.first?.period.to == "2025-06-30")
        #expect(details.events.map(\.id) == [eventID])
        #expect(details.events.first?.type == .abolished)
        #expect(details.events.first?.documents.first?.number == "测府〔2025〕9号")
        #expect(try lookup.details(of: village.id, at: Day(parsing: "2020")).summary.code == "999999001201")
        #expect(try NameSearch(store: store).search(SearchQuery("测试村", status: .current)).isEmpty)
        #expect(try NameSearch(store: store).search(SearchQuery("测试村", status: .former)).first?.placeID == village.id)
        #expect(try store.auditLog().prefix(2).map(\.action) == ["place.end", "name.add"])
    }
}
