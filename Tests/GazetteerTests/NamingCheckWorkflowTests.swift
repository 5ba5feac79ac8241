import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// The name check run when an application is filed: its findings are stored with the case and
/// never stop the application.
@Suite struct NamingCheckWorkflowTests {
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

    @Test func applicationsAreFiledWithTheirFindings() throws {
        let store = try smallStore()
        let workflow = NamingWorkflow(store: store)
        let day = try Day(parsing: "2025-01-10")

        // A new township that sounds like 太白镇: filed, the homophone recorded.
        let homophone = try workflow.apply(NamingApplication(action: .name, proposedName: "泰白镇", applicant: "测试县人民政府", appliedOn: day,
                                                             parentCode: "SHAN1", level: .township), actor: "clerk")
        #expect(try workflow.get(homophone).state == .applied)
        let checks = try workflow.checks(of: homophone)
        #expect(checks.count == 1)
        #expect(checks[0].category == .town)
        #expect(checks[0].compared == 2)
        #expect(checks[0].within == ConflictingName(name: "测试山", code: "SHAN1"))
        #expect(checks[0].findings.map(\.rule) == ["name.homophone"])
        #expect(checks[0].findings[0].conflicts == [ConflictingName(name: "太白镇", code: "999999002000", pinyin: "tai bai")])
        #expect(checks[0].hasErrors)

        // Renaming 测试镇 to 太白镇 duplicates the other township; its own name is no conflict.
        let rename = try workflow.apply(NamingApplication(action: .rename, proposedName: "太白镇", applicant: "测试县人民政府", appliedOn: day,
                                                          placeCode: "999999001000"), actor: "clerk")
        let renameCheck = try #require(try workflow.checks(of: rename).first)
        #expect(renameCheck.findings.map(\.rule) == ["name.duplicate"])
        #expect(renameCheck.findings[0].conflicts.map(\.code) == ["999999002000"])
        #expect(renameCheck.compared == 1)

        // A clean name: a check with no findings is still stored.
        let clean = try workflow.apply(NamingApplication(action: .name, proposedName: "青杠湾镇", applicant: "测试县人民政府", appliedOn: day,
                                                         parentCode: "SHAN1", level: .township), actor: "clerk")
        #expect(try workflow.checks(of: clean).map(\.findings) == [[]])

        // The stored rows, and the history rule: never deleted.
        let (checkRows, findingRules) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM naming_check"),
             try String.fetchAll(db, sql: "SELECT rule FROM naming_finding ORDER BY id"))
        }
        #expect(checkRows == 3)
        #expect(findingRules == ["name.homophone", "name.duplicate"])
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.execute(sql: "DELETE FROM naming_finding")
                return ((), nil)
            }
        }
        #expect(throws: GazetteerError.notFound("naming case 99")) { try workflow.checks(of: 99) }
    }
}
