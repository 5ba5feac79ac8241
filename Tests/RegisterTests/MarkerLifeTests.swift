import Foundation
import Gazetteer
import GRDB
import Register
import Testing

/// The whole life of marker 0004-001 on the shipped inspection sample: registered from the 2020
/// record, patrolled and found moved, repaired through a work order, re-registered from the 2025 survey.
@Suite struct MarkerLifeTests {
    @Test func theLifeOfMarker0004_001() throws {
        let store = try Fixtures.store()
        let today = Fixtures.today

        // 1. The 2020 joint-inspection record.
        let first = try store.importInspection(Fixtures.request2020, actor: "li", today: today)
        #expect(first.created)
        #expect(first.linesAdded.count == 19)
        #expect(first.markersAdded.count == 147)
        #expect(first.inspection.crs == "EPSG:4545")
        let registered = try store.marker("0004-001")
        #expect(registered.installed == Fixtures.day("2020-06-18"))
        #expect(registered.version.line == "0004")
        #expect(registered.version.position == Fixtures.position2020)
        #expect(try store.line("0004").version.level == .county)
        #expect(try store.line("0001").version.level == .province)   // 140800 | 610500

        // 2. A patrol finds it moved: measured 1.5 m off (0.9 m east, 1.2 m north).
        let measured = Position(x: Fixtures.position2020.x + 0.9, y: Fixtures.position2020.y + 1.2)
        let patrol = try store.addPatrol(PatrolInput(
            date: Fixtures.day("2023-04-02"), patroller: "王五",
            observations: [ObservationInput(marker: "0004-001", condition: .moved, note: "桩体移位", measured: measured),
                           ObservationInput(marker: "0004-002", condition: .intact)],
            position: Position(x: 499950, y: 3780810)), actor: "wang", today: today)
        #expect(patrol.created)
        let found = try #require(patrol.patrol.observations.first { $0.marker == "0004-001" })
        #expect(abs((found.displacement ?? 0) - 1.5) < 1e-6)
        #expect(found.tolerance == 0.2)
        #expect(found.beyondTolerance == true)

        // 3. A work order: open → assigned → done (replaced at its registered position) → verified.
        let order = try store.openWorkOrder(patrol: patrol.patrol.id, marker: "0004-001", on: Fixtures.day("2023-04-03"),
                                            note: "恢复界桩", actor: "li", today: today)
        #expect(order.state == .open)
        try store.advanceWorkOrder(order.id, to: .assigned, on: Fixtures.day("2023-04-05"), assignee: "赵六", actor: "li", today: today)
        try store.advanceWorkOrder(order.id, to: .done, on: Fixtures.day("2023-05-10"), replacedAt: Fixtures.position2020,
                                   actor: "zhao", today: today)
        let verified = try store.advanceWorkOrder(order.id, to: .verified, on: Fixtures.day("2023-05-20"), actor: "li", today: today)
        #expect(verified.steps.map(\.state) == [.open, .assigned, .done, .verified])
        #expect(verified.steps.map(\.actor) == ["li", "li", "zhao", "li"])
        #expect(try store.marker("0004-001").version.reason == .replaced)

        // 4. The 2025 survey: the marker is displaced by (+1.250, +0.800) m, a new version.
        let second = try store.importInspection(Fixtures.request2025, actor: "li", today: today)
        #expect(second.created)
        #expect(Set(second.markersChanged) == ["0001-001", "0003-001", "0004-001", "0006-001"])
        #expect(second.markersEnded == ["0007-005", "0008-008"])
        #expect(second.markersAdded == ["0009-009"])
        #expect(second.linesChanged == ["0005"])
        #expect(second.linesAdded.isEmpty && second.linesEnded.isEmpty)

        // 5. The full history, through the call `register show` makes.
        guard case .marker(let history) = try store.history(of: "0004-001") else {
            Issue.record("0004-001 is not shown as a marker")
            return
        }
        #expect(history.versions.map(\.reason) == [.inspection, .replaced, .inspection])
        #expect(history.versions.map(\.validFrom) == ["2020-06-18", "2023-05-10", "2025-06-18"].map(Fixtures.day))
        #expect(history.versions.map(\.validTo) == [Fixtures.day("2023-05-10"), Fixtures.day("2025-06-18"), nil])
        #expect(history.versions.map(\.position) == [Fixtures.position2020, Fixtures.position2020, Fixtures.position2025])
        #expect(history.versions[1].workOrderID == order.id)
        #expect(history.versions.map(\.inspectionDate) == [Fixtures.day("2020-06-18"), nil, Fixtures.day("2025-06-18")])
        #expect(history.inspections.map(\.agreement) == ["陕界〔2020〕1号", "陕界〔2025〕1号"])
        #expect(history.observations.map(\.condition) == [.moved])
        #expect(history.workOrders.map(\.id) == [order.id])
        #expect(history.workOrders[0].steps.last?.state == .verified)
        #expect(history.marker.version.position == Fixtures.position2025)
        #expect(history.marker.installed == Fixtures.day("2020-06-18"))

        // As of a day inside each version.
        #expect(try store.marker("0004-001", at: Fixtures.day("2021-01-01")).version.position == Fixtures.position2020)
        #expect(try store.marker("0004-001", at: Fixtures.day("2024-01-01")).version.reason == .replaced)

        // Every change is in the audit log.
        let actions = try store.auditLog().map(\.action).reversed()
        #expect(Array(actions) == ["inspection.import", "patrol.add", "workorder.open", "workorder.assigned", "workorder.done",
                                   "workorder.verified", "inspection.import"])
    }

    @Test func missingMarkersAreEndedAndNewOnesStartAHistory() throws {
        let store = try Fixtures.imported()
        _ = try store.importInspection(Fixtures.request2025, actor: "li", today: Fixtures.today)
        for label in ["0007-005", "0008-008"] {
            let versions = try store.markerHistory(label).versions
            #expect(versions.map(\.status) == [.active, .missing])
            #expect(versions[0].validTo == Fixtures.day("2025-06-18"))
            #expect(versions[1].validFrom == Fixtures.day("2025-06-18"))
            #expect(versions[1].position == versions[0].position)
            #expect(try store.marker(label, at: Fixtures.day("2021-01-01")).version.status == .active)
        }
        let new = try store.markerHistory("0009-009")
        #expect(new.versions.count == 1)
        #expect(new.marker.installed == Fixtures.day("2025-06-18"))
        #expect(throws: RegisterError.self) { try store.marker("0009-009", at: Fixtures.day("2021-01-01")) }
        // The river change on line 0005: a new version, the old kept.
        let line = try store.lineHistory("0005")
        #expect(line.versions.count == 2)
        #expect(line.versions[0].validTo == Fixtures.day("2025-06-18"))
        #expect(line.versions[0].wkt != line.versions[1].wkt)
        #expect(line.inspections.count == 2)
        // An unchanged line keeps its one version but counts as inspected in 2025.
        let unchanged = try store.line("0004")
        #expect(try store.lineHistory("0004").versions.count == 1)
        #expect(unchanged.lastInspected == Fixtures.day("2025-06-18"))
    }

    @Test func installationDayGivenWithTheImport() throws {
        let store = try Fixtures.store()
        var request = Fixtures.request2020
        request.installed = Fixtures.day("2015-03-01")
        _ = try store.importInspection(request, actor: "li", today: Fixtures.today)
        #expect(try store.marker("0004-001").installed == Fixtures.day("2015-03-01"))
        // Patrols count from the registration: the register knows no position before it.
        try expectNothingChanged(store, throws: .dateTooEarly("patrol of marker 0004-001", date: "2019-05-01", earliest: "2020-06-18")) {
            _ = try store.addPatrol(PatrolInput(date: Fixtures.day("2019-05-01"), patroller: "王五",
                                                observations: [ObservationInput(marker: "0004-001", condition: .intact)]),
                                    actor: "wang", today: Fixtures.today)
        }
        request.installed = Fixtures.day("2021-01-01")
        request.date = Fixtures.day("2020-12-01")
        #expect(throws: RegisterError.invalidValue(field: "installed", value: "2021-01-01", expected: "a day on or before 2020-12-01")) {
            _ = try store.importInspection(request, actor: "li", today: Fixtures.today)
        }
    }

    @Test func reimportIsANoOp() throws {
        let store = try Fixtures.imported()
        let before = try Fixtures.fingerprint(store)
        let again = try store.importInspection(Fixtures.request2020, actor: "li", today: Fixtures.today)
        #expect(!again.created)
        #expect(again.inspection.id == 1)
        #expect(try Fixtures.fingerprint(store) == before)
    }

    @Test func importsAreRefusedOutOfOrderOrFromOtherFilesOnTheSameDay() throws {
        let store = try Fixtures.imported()
        var sameDay = Fixtures.request2025
        sameDay.date = Fixtures.day("2020-06-18")
        try expectNothingChanged(store, throws: .conflict(
            "an inspection dated 2020-06-18 is already registered (\(Fixtures.before)) from different files")) {
            _ = try store.importInspection(sameDay, actor: "li", today: Fixtures.today)
        }
        var earlier = Fixtures.request2025
        earlier.date = Fixtures.day("2019-01-01")
        try expectNothingChanged(store, throws: .conflict(
            "the register already holds the inspection of 2020-06-18; import inspections in date order")) {
            _ = try store.importInspection(earlier, actor: "li", today: Fixtures.today)
        }
        var future = Fixtures.request2025
        future.date = Fixtures.day("2026-03-01")
        try expectNothingChanged(store, throws: .futureDate("inspection", date: "2026-03-01", today: "2025-12-31")) {
            _ = try store.importInspection(future, actor: "li", today: Fixtures.today)
        }
    }

    @Test func historyCannotBeDeletedEvenThroughTheFile() throws {
        let store = try Fixtures.imported()
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.appliedMigrations() == ["v1-register"])
        let raw = try DatabaseQueue(path: store.path)
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM marker_version") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM audit_log") } }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "UPDATE audit_log SET actor = 'x'") } }
        try raw.write { try $0.execute(sql: "UPDATE marker_version SET valid_to = '2021-01-01' WHERE marker = '0004-001'") }
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE marker_version SET x = 0 WHERE marker = '0004-001'") }
        }
        #expect(try raw.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM marker_version") } == 147)
    }
}
