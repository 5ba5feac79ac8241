import Foundation
import Gazetteer
import Register
import Testing

/// The per-division report: markers by condition, overdue patrols, open work orders and disputes.
@Suite struct ReportTests {
    @Test func countsFollowPatrolsOrdersAndDisputes() throws {
        let store = try Fixtures.imported()
        let today = Fixtures.today
        let measured = Position(x: Fixtures.position2020.x + 0.9, y: Fixtures.position2020.y + 1.2)
        let patrol = try store.addPatrol(PatrolInput(
            date: Fixtures.day("2023-04-02"), patroller: "王五",
            observations: [ObservationInput(marker: "0004-001", condition: .moved, measured: measured),
                           ObservationInput(marker: "0004-002", condition: .buried)]), actor: "wang", today: today)
        let order = try store.openWorkOrder(patrol: patrol.patrol.id, marker: "0004-001", on: Fixtures.day("2023-04-03"), actor: "li", today: today)
        _ = try store.addDispute(DisputeInput(line: "0005", stretch: .markers(from: "0005-001", to: "0005-002"),
                                              parties: ["咸阳市", "西安市"], opened: Fixtures.day("2023-04-01")), actor: "li", today: today)

        // Line 0004 is 610100 | 610300; line 0005 is 610400 | 610100.
        let report = try store.report(division: "610100", at: Fixtures.day("2023-04-10"))
        let xian = try #require(report.divisions.first)
        #expect(report.divisions.count == 1 && xian.code == "610100")
        #expect(xian.lines.contains("0004") && xian.lines.contains("0005"))
        let onLines = try store.markers().filter { xian.lines.contains($0.version.line ?? "") }.count
        #expect(xian.markers == onLines)
        #expect(xian.conditions.values.reduce(0, +) == xian.markers)
        #expect(xian.conditions["moved"] == 1)
        #expect(xian.conditions["buried"] == 1)
        #expect(xian.conditions["intact"] == xian.markers - 2)
        #expect(xian.openWorkOrders == [order.id])
        #expect(xian.openDisputes == [1])
        // Every marker patrolled on 2023-04-02 is visited; the others last on 2020-06-18, yearly.
        #expect(xian.patrolsOverdue.count == xian.markers - 2)
        let tongchuan = try #require(try store.report(division: "610300", at: Fixtures.day("2023-04-10")).divisions.first)
        #expect(tongchuan.openDisputes.isEmpty)
        #expect(tongchuan.openWorkOrders == [order.id])   // 0004 is on its side too

        // Repaired and verified: the replacement is intact, the order closed.
        try store.advanceWorkOrder(order.id, to: .assigned, on: Fixtures.day("2023-04-05"), assignee: "赵六", actor: "li", today: today)
        try store.advanceWorkOrder(order.id, to: .done, on: Fixtures.day("2023-05-10"), replacedAt: Fixtures.position2020, actor: "zhao", today: today)
        try store.advanceWorkOrder(order.id, to: .verified, on: Fixtures.day("2023-05-20"), actor: "li", today: today)
        let later = try #require(try store.report(division: "610100", at: Fixtures.day("2023-06-01")).divisions.first)
        #expect(later.conditions["moved"] == 0)
        #expect(later.conditions["buried"] == 1)
        #expect(later.openWorkOrders.isEmpty)
        // As of the earlier day, the order was still open.
        #expect(try store.report(division: "610100", at: Fixtures.day("2023-04-10")).divisions.first?.openWorkOrders == [order.id])

        // Every form.
        let all = try store.report(at: Fixtures.day("2023-06-01"))
        #expect(all.divisions.count > 5)
        let csv = all.rendered(as: .csv).split(separator: "\n")
        #expect(csv.first == "division,lines,markers,intact,damaged,tilted,buried,moved,missing,patrols_overdue,open_work_orders,open_disputes,inspections_overdue")
        #expect(csv.count == all.divisions.count + 1)
        #expect(csv.contains { $0.hasPrefix("610100,") })
        let html = all.rendered(as: .html)
        #expect(html.contains("<svg") && html.contains("<title>0004-002: buried"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2)   // only the SVG namespace
        #expect(all.rendered(as: .json).contains("\"code\" : \"610100\""))
        #expect(all.rendered(as: .text).contains("610100:"))
        #expect(throws: RegisterError.self) { try store.report(division: "999999", at: Fixtures.day("2023-06-01")) }
    }
}
