import Foundation
import GeoFormats
import GRDB
import XCTest
@testable import Gazetteer

/// The naming workflow and the two name lists, on their own small gazetteer.
final class WorkflowTests: XCTestCase {
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

    func testRenameThroughTheWholeWorkflow() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let id = try workflow.apply(NamingApplication(
            action: .rename, proposedName: "新测试镇", applicant: "测试县人民政府", appliedOn: try Day(parsing: "2025-01-10"),
            placeCode: "999999001000", meaning: "新的测试镇", origin: "由测试镇更名", authority: "测试市人民政府"), actor: "clerk")
        XCTAssertEqual(try workflow.get(id).state, .applied)
        // The romanisation defaults to the Pinyin module's.
        XCTAssertEqual(try workflow.get(id).romanization, PinyinSearchKeys.standard?.romanization(of: "新测试镇"))
        XCTAssertNotNil(try workflow.get(id).romanization)

        // Out of order: refused with the allowed steps, nothing changes.
        XCTAssertThrowsError(try workflow.advance(id, .announce, on: Day(parsing: "2025-01-11"), reference: "公告", actor: "clerk")) { error in
            XCTAssertEqual(error as? GazetteerError, .invalidTransition(caseID: id, from: "applied", to: "announced", allowed: ["review", "reject"]))
        }
        try workflow.advance(id, .review, on: Day(parsing: "2025-02-01"), actor: "reviewer")
        XCTAssertThrowsError(try workflow.advance(id, .approve, on: Day(parsing: "2025-01-01"), reference: "文号", actor: "chief")) { error in
            guard case .conflict? = error as? GazetteerError else { return XCTFail("\(error)") }
        }
        try workflow.advance(id, .approve, on: Day(parsing: "2025-03-01"), reference: "测府〔2025〕1号", actor: "chief")
        let announced = try workflow.advance(id, .announce, on: Day(parsing: "2025-03-15"), reference: "测试公告第1号", actor: "clerk")
        XCTAssertEqual(announced.state, .announced)
        let eventID = try XCTUnwrap(announced.eventID)
        try workflow.advance(id, .file, on: Day(parsing: "2025-04-01"), reference: "备案第7号", actor: "clerk")
        XCTAssertThrowsError(try workflow.advance(id, .review, on: Day(parsing: "2025-05-01"), actor: "clerk")) { error in
            XCTAssertEqual(error as? GazetteerError, .invalidTransition(caseID: id, from: "filed", to: "under_review", allowed: []))
        }
        XCTAssertEqual(try workflow.steps(of: id).map(\.to), ["applied", "under_review", "approved", "announced", "filed"])
        XCTAssertEqual(try workflow.steps(of: id).map(\.actor), ["clerk", "reviewer", "chief", "clerk", "clerk"])

        // The place was renamed by a change event citing the decision; the old name was ended, not lost.
        let lookup = PlaceLookup(store: store)
        let place = try lookup.resolveOne("999999001000")
        XCTAssertEqual(place.name, "新测试镇")
        let details = try lookup.details(of: place.id)
        XCTAssertEqual(details.names.filter { $0.type == .standard }.map(\.text), ["测试镇", "新测试镇"])
        XCTAssertEqual(details.names.first { $0.text == "测试镇" }?.period.to, "2025-03-15")
        let event = try XCTUnwrap(details.events.first { $0.id == eventID })
        XCTAssertEqual(event.type, .renamed)
        XCTAssertEqual(event.detail, "测试镇 → 新测试镇")
        XCTAssertEqual(event.effectiveDate, "2025-03-15")
        XCTAssertEqual(event.documents.first?.number, "测府〔2025〕1号")
        XCTAssertEqual(event.documents.first?.citation, "测试公告第1号")
        XCTAssertEqual(try lookup.details(of: place.id, at: Day(parsing: "2024")).summary.name, "测试镇")

        // Search follows at once: the new name is current, the old one former.
        let search = NameSearch(store: store)
        XCTAssertEqual(try search.search(SearchQuery("新测试镇")).first?.placeID, place.id)
        let old = try XCTUnwrap(search.search(SearchQuery("测试镇", status: .former)).first)
        XCTAssertEqual(old.placeName, "新测试镇")
        XCTAssertFalse(old.isCurrent)

        // Every step is audited with its actor, and before/after states.
        let audit = try store.auditLog().filter { $0.target == "naming_case \(id)" }
        XCTAssertEqual(audit.map(\.action).reversed(), ["naming.apply", "naming.review", "naming.approve", "naming.announce", "naming.file"])
        XCTAssertTrue(audit.first { $0.action == "naming.announce" }?.before?.contains("\"approved\"") == true)
    }

    func testNewPlaceIsCreatedOnAnnouncement() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let id = try workflow.apply(NamingApplication(action: .name, proposedName: "测试新村", applicant: "测试镇人民政府",
                                                      appliedOn: try Day(parsing: "2025-01-10"), placeCode: "999999001201",
                                                      parentCode: "999999001000", level: .village), actor: "clerk")
        XCTAssertThrowsError(try PlaceLookup(store: store).resolveOne("测试新村"))
        try workflow.advance(id, .review, on: Day(parsing: "2025-01-20"), actor: "clerk")
        try workflow.advance(id, .approve, on: Day(parsing: "2025-02-01"), reference: "测府〔2025〕2号", actor: "chief")
        try workflow.advance(id, .announce, on: Day(parsing: "2025-02-10"), reference: "测试公告第2号", actor: "clerk")
        let village = try PlaceLookup(store: store).resolveOne("999999001201")
        XCTAssertEqual(village.name, "测试新村")
        XCTAssertEqual(village.level, .village)
        let details = try PlaceLookup(store: store).details(of: village.id)
        XCTAssertEqual(details.parents.map(\.name), ["测试镇"])
        XCTAssertEqual(details.events.map(\.type), [.established])
        XCTAssertEqual(details.summary.period.from, "2025-02-10")
    }

    func testRejectionAndBadApplications() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let before = try Fixture.snapshot(store)
        XCTAssertThrowsError(try workflow.apply(NamingApplication(action: .rename, proposedName: "某名", applicant: "某人",
                                                                  appliedOn: try Day(parsing: "2025-01-01"), placeCode: "123456"), actor: "x")) { error in
            XCTAssertEqual(error as? GazetteerError, .notFound("no place has code 123456 on 2025-01-01"))
        }
        XCTAssertThrowsError(try workflow.apply(NamingApplication(action: .rename, proposedName: " ", applicant: "某人",
                                                                  appliedOn: try Day(parsing: "2025-01-01"), placeCode: "999999001000"), actor: "x"))
        XCTAssertThrowsError(try workflow.advance(42, .review, on: Day(parsing: "2025-01-01"), actor: "x")) { error in
            XCTAssertEqual(error as? GazetteerError, .notFound("naming case 42"))
        }
        XCTAssertEqual(try Fixture.snapshot(store), before)

        let id = try workflow.apply(NamingApplication(action: .rename, proposedName: "别名镇", applicant: "某人",
                                                      appliedOn: try Day(parsing: "2025-01-01"), placeCode: "999999001000"), actor: "x")
        let rejected = try workflow.advance(id, .reject, on: Day(parsing: "2025-01-05"), reference: "与邻近地名重名", actor: "chief")
        XCTAssertEqual(rejected.state, .rejected)
        XCTAssertEqual(rejected.decisionDocument, "与邻近地名重名")
        XCTAssertThrowsError(try workflow.advance(id, .approve, on: Day(parsing: "2025-01-06"), reference: "x", actor: "chief"))
        XCTAssertEqual(try PlaceLookup(store: store).resolveOne("999999001000").name, "测试镇")
        XCTAssertEqual(try workflow.list(state: .rejected).map(\.id), [id])
    }

    func testProtectionAndVanishedLists() throws {
        let store = try smallStore()
        let lists = NameListings(store: store)
        try lists.addProtected(.init(name: "测试山", category: "历史地名", reasons: "明代已见于志书, 沿用至今", listedOn: try Day(parsing: "2024-06-01"),
                                     placeCode: "SHAN1", source: "测试名录第1批"), actor: "keeper")
        XCTAssertThrowsError(try lists.addProtected(.init(name: "测试山", category: "历史地名", reasons: "重复", listedOn: try Day(parsing: "2024-06-02"),
                                                          placeCode: "SHAN1"), actor: "keeper")) { error in
            guard case .conflict? = error as? GazetteerError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try lists.addProtected(.init(name: "某地", category: "历史地名", reasons: "x", listedOn: try Day(parsing: "2024-06-02"),
                                                          placeCode: "NOPE"), actor: "keeper"))
        try lists.addVanished(.init(name: "龙宝镇", formerLocation: "原万县龙宝区", cause: "三峡水库蓄水淹没", vanishedOn: try Day(parsing: "2003-06-10"),
                                    listedOn: try Day(parsing: "2024-06-01"), source: "三峡库区淹没地名"), actor: "keeper")
        XCTAssertThrowsError(try lists.addVanished(.init(name: "某村", formerLocation: "某地", cause: "水库", vanishedOn: try Day(parsing: "2030"),
                                                         listedOn: try Day(parsing: "2024-06-01")), actor: "keeper"))
        XCTAssertEqual(try lists.protectedNames().map(\.name), ["测试山"])
        XCTAssertEqual(try lists.protectedNames().first?.placeCode, "SHAN1")
        XCTAssertEqual(try lists.vanishedNames().map(\.cause), ["三峡水库蓄水淹没"])
        let csv = try lists.exportCSV(.protected)
        XCTAssertEqual(csv, """
            id,name,code,category,reasons,listed_on,withdrawn_on,source
            1,测试山,SHAN1,历史地名,"明代已见于志书, 沿用至今",2024-06-01,,测试名录第1批

            """)
        XCTAssertEqual(try CSVReader.rows(in: try lists.exportCSV(.vanished)).last?.fields,
                       ["2", "龙宝镇", "", "原万县龙宝区", "三峡水库蓄水淹没", "2003-06-10", "2024-06-01", "三峡库区淹没地名"])
        XCTAssertEqual(try store.auditLog().filter { $0.actor == "keeper" }.map(\.action), ["vanished.add", "protect.add"])
        XCTAssertThrowsError(try store.pool.write { db in try db.execute(sql: "DELETE FROM name_listing") })
    }
}

/// Direct edits: nothing is deleted, and edits of what does not exist change nothing.
final class EditTests: XCTestCase {
    func testEndingKeepsHistory() throws {
        let folder = Fixture.temporaryDirectory("edit")
        let store = try GazetteerStore(path: folder.appendingPathComponent("g.sqlite").path)
        let csv = folder.appendingPathComponent("places.csv")
        try "name,code,parent,level,from\n测试山,SHAN1,,feature,1990\n测试村,999999001201,SHAN1,village,1990\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        _ = try NameCSVImporter(file: csv, mapping: CSVColumnMapping()).run(into: store, actor: "setup")
        let editor = PlaceEditor(store: store)
        let lookup = PlaceLookup(store: store)
        let before = try Fixture.snapshot(store)
        XCTAssertThrowsError(try editor.endPlace(code: "NOPE", on: Day(parsing: "2025-01-01"), reference: nil, actor: "x")) { error in
            XCTAssertEqual(error as? GazetteerError, .notFound("no place has code NOPE on 2025-01-01"))
        }
        XCTAssertThrowsError(try editor.endName(code: "SHAN1", text: "不存在", on: Day(parsing: "2025-01-01"), actor: "x"))
        XCTAssertThrowsError(try editor.endPlace(code: "SHAN1", on: Day(parsing: "2025-01-01"), reference: nil, actor: "x")) { error in
            guard case .conflict? = error as? GazetteerError else { return XCTFail("\(error)") }   // it has a village under it
        }
        XCTAssertThrowsError(try editor.endName(code: "SHAN1", text: "测试山", on: Day(parsing: "1985"), actor: "x"))
        XCTAssertEqual(try Fixture.snapshot(store), before)

        try editor.addName(code: "999999001201", text: "老测试村", type: .former, to: Day(parsing: "1990"), actor: "keeper")
        let eventID = try editor.endPlace(code: "999999001201", on: Day(parsing: "2025-06-30"), reference: "测府〔2025〕9号", actor: "keeper")
        let village = try lookup.resolveOne("测试村")
        XCTAssertEqual(village.status, "ceased")
        let details = try lookup.details(of: village.id)
        XCTAssertEqual(details.codes.first?.period.to, "2025-06-30")
        XCTAssertEqual(details.names.first { $0.text == "测试村" }?.period, Period(from: "1990-12-31", to: "2025-06-30"))
        XCTAssertEqual(details.parents.first?.period.to, "2025-06-30")
        XCTAssertEqual(details.events.map(\.id), [eventID])
        XCTAssertEqual(details.events.first?.type, .abolished)
        XCTAssertEqual(details.events.first?.documents.first?.number, "测府〔2025〕9号")
        XCTAssertEqual(try lookup.details(of: village.id, at: Day(parsing: "2020")).summary.code, "999999001201")
        XCTAssertTrue(try NameSearch(store: store).search(SearchQuery("测试村", status: .current)).isEmpty)
        XCTAssertEqual(try NameSearch(store: store).search(SearchQuery("测试村", status: .former)).first?.placeID, village.id)
        XCTAssertEqual(try store.auditLog().prefix(2).map(\.action), ["place.end", "name.add"])
    }
}
