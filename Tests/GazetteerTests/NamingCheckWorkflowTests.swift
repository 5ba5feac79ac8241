import Foundation
import GRDB
import XCTest
@testable import Gazetteer

/// The name check run when an application is filed: its findings are stored with the case and
/// never stop the application.
final class NamingCheckWorkflowTests: XCTestCase {
    /// Two townships under one parent, made through the CSV import.
    private func smallStore() throws -> GazetteerStore {
        let folder = Fixture.temporaryDirectory("naming-check")
        let store = try GazetteerStore(path: folder.appendingPathComponent("g.sqlite").path)
        let csv = folder.appendingPathComponent("places.csv")
        try """
        name,code,parent,level,from
        测试山,SHAN1,,feature,1990
        测试镇,999999001000,SHAN1,township,1990
        太白镇,999999002000,SHAN1,township,1990
        """.write(to: csv, atomically: true, encoding: .utf8)
        _ = try NameCSVImporter(file: csv, mapping: CSVColumnMapping()).run(into: store, actor: "setup")
        return store
    }

    func testApplicationsAreFiledWithTheirFindings() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let day = try Day(parsing: "2025-01-10")

        // A new township that sounds like 太白镇: filed, the homophone recorded.
        let homophone = try workflow.apply(NamingApplication(action: .name, proposedName: "泰白镇", applicant: "测试县人民政府", appliedOn: day,
                                                             parentCode: "SHAN1", level: .township), actor: "clerk")
        XCTAssertEqual(try workflow.get(homophone).state, .applied)
        let checks = try workflow.checks(of: homophone)
        XCTAssertEqual(checks.count, 1)
        XCTAssertEqual(checks[0].category, .town)
        XCTAssertEqual(checks[0].compared, 2)
        XCTAssertEqual(checks[0].within, ConflictingName(name: "测试山", code: "SHAN1"))
        XCTAssertEqual(checks[0].findings.map(\.rule), ["name.homophone"])
        XCTAssertEqual(checks[0].findings[0].conflicts, [ConflictingName(name: "太白镇", code: "999999002000", pinyin: "tai bai")])
        XCTAssertTrue(checks[0].hasErrors)

        // Renaming 测试镇 to 太白镇 duplicates the other township; its own name is no conflict.
        let rename = try workflow.apply(NamingApplication(action: .rename, proposedName: "太白镇", applicant: "测试县人民政府", appliedOn: day,
                                                          placeCode: "999999001000"), actor: "clerk")
        let renameCheck = try XCTUnwrap(workflow.checks(of: rename).first)
        XCTAssertEqual(renameCheck.findings.map(\.rule), ["name.duplicate"])
        XCTAssertEqual(renameCheck.findings[0].conflicts.map(\.code), ["999999002000"])
        XCTAssertEqual(renameCheck.compared, 1)

        // A clean name: a check with no findings is still stored.
        let clean = try workflow.apply(NamingApplication(action: .name, proposedName: "青杠湾镇", applicant: "测试县人民政府", appliedOn: day,
                                                         parentCode: "SHAN1", level: .township), actor: "clerk")
        XCTAssertEqual(try workflow.checks(of: clean).map(\.findings), [[]])

        // The stored rows, and the history rule: never deleted.
        try store.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM naming_check"), 3)
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT rule FROM naming_finding ORDER BY id"), ["name.homophone", "name.duplicate"])
        }
        XCTAssertThrowsError(try store.write { db in
            try db.execute(sql: "DELETE FROM naming_finding")
            return ((), nil)
        })
        XCTAssertThrowsError(try workflow.checks(of: 99)) { error in
            XCTAssertEqual(error as? GazetteerError, .notFound("naming case 99"))
        }
    }
}
