import Foundation
import Gazetteer
import Register
import Testing

/// Inspection and patrol due dates, responsibilities, events.
@Suite struct ScheduleTests {
    @Test func inspectionIsDueFiveYearsLaterOrOneYearAfterAnEvent() throws {
        let store = try Fixtures.imported()
        var due = try store.due(at: Fixtures.day("2021-01-01"))
        #expect(due.inspections.count == 19)
        let line5 = try #require(due.inspections.first { $0.line == "0005" })
        #expect(line5.due == Fixtures.day("2025-06-18"))
        #expect(!line5.overdue)

        try store.addLineEvent(line: "0005", on: Fixtures.day("2023-07-30"), kind: .flood, note: "渭河洪水", actor: "li",
                               today: Fixtures.today)
        due = try store.due(at: Fixtures.day("2024-08-01"))
        let flooded = try #require(due.inspections.first { $0.line == "0005" })
        #expect(flooded.due == Fixtures.day("2024-07-30"))
        #expect(flooded.overdue)
        #expect(flooded.event?.kind == .flood)
        let other = try #require(due.inspections.first { $0.line == "0004" })
        #expect(other.due == Fixtures.day("2025-06-18") && !other.overdue)
        // Before the event happened, it does not count.
        #expect(try store.due(at: Fixtures.day("2023-01-01")).inspections.first { $0.line == "0005" }?.due == Fixtures.day("2025-06-18"))

        // A configurable interval.
        var rules = ScheduleRules.standard
        rules.inspectionIntervalYears = 10
        #expect(try store.due(at: Fixtures.day("2021-01-01"), rules: rules).inspections.first { $0.line == "0004" }?.due
                == Fixtures.day("2030-06-18"))

        // The 2025 inspection resets the clock; the 2023 flood is before it.
        _ = try store.importInspection(Fixtures.request2025, actor: "li", today: Fixtures.today)
        let after = try #require(try store.due(at: Fixtures.day("2025-07-01")).inspections.first { $0.line == "0005" })
        #expect(after.lastInspected == Fixtures.day("2025-06-18"))
        #expect(after.due == Fixtures.day("2030-06-18"))
        #expect(after.event == nil)
    }

    @Test func patrolFrequencyFollowsTheMostFrequentResponsibleLevel() throws {
        let store = try Fixtures.imported()
        let today = Fixtures.today
        let city = try store.addUnit(name: "西安市界线办", level: .city, divisionCode: "610100", actor: "li")
        let county = try store.addUnit(name: "长安区界线办", level: .county, divisionCode: "610116", parent: "西安市界线办", actor: "li")
        let village = try store.addUnit(name: "某村委会", level: .village, parent: String(county.id), actor: "li")
        let keeper = try store.addPerson(name: "王五", unit: "某村委会", phone: "13800000000", actor: "li")
        #expect(village.parentID == county.id)
        let from = Fixtures.day("2020-07-01")
        try store.assign(.unit(city.id), to: .line("0004"), from: from, actor: "li")
        try store.assign(.unit(county.id), to: .stretch(line: "0004", from: "0004-001", to: "0004-003"), from: from, actor: "li")
        try store.assign(.person(keeper.id), to: .marker("0004-002"), from: from, to: Fixtures.day("2022-01-01"), actor: "li")
        #expect(throws: RegisterError.invalidValue(field: "stretch", value: "0005-001", expected: "a marker on line 0004")) {
            try store.assign(.unit(county.id), to: .stretch(line: "0004", from: "0004-001", to: "0005-001"), from: from, actor: "li")
        }
        _ = try store.addPatrol(PatrolInput(date: Fixtures.day("2021-03-01"), patroller: "王五",
                                            observations: [ObservationInput(marker: "0004-002", condition: .intact)]),
                                actor: "wang", today: today)

        let at = Fixtures.day("2021-04-15")
        #expect(try store.responsible(for: "0004-002", at: at).map(\.caretakerName) == ["西安市界线办", "长安区界线办", "王五"])
        #expect(try store.responsible(for: "0004-002", at: Fixtures.day("2022-06-01")).map(\.caretakerName) == ["西安市界线办", "长安区界线办"])
        #expect(try store.responsible(for: "0004-005", at: at).map(\.caretakerName) == ["西安市界线办"])
        #expect(try store.responsible(for: "0004", at: at).count == 3)

        let due = try store.due(at: at)
        let byMarker = Dictionary(uniqueKeysWithValues: due.patrols.map { ($0.marker, $0) })
        func patrol(_ label: String) throws -> PatrolDue {
            guard let found = byMarker[label] else { throw RegisterError.unknownMarker(label) }
            return found
        }
        // The village keeper: monthly from the last patrol.
        #expect(try patrol("0004-002").level == .village)
        #expect(try patrol("0004-002").due == Fixtures.day("2021-04-01"))
        #expect(try patrol("0004-002").overdue)
        // The county's stretch: half-yearly from the inspection.
        #expect(try patrol("0004-001").level == .county)
        #expect(try patrol("0004-001").due == Fixtures.day("2020-12-18"))
        #expect(try patrol("0004-001").overdue)
        // The city's line: yearly.
        #expect(try patrol("0004-005").level == .city)
        #expect(try patrol("0004-005").due == Fixtures.day("2021-06-18"))
        #expect(try !patrol("0004-005").overdue)
        // Nobody responsible: yearly.
        #expect(try patrol("0001-001").level == nil)
        #expect(try patrol("0001-001").intervalMonths == 12)
        #expect(due.patrols.count == 147)

        // Ending the city's responsibility: kept with its period, no longer in force.
        let cityLine = try #require(try store.responsible(for: "0004-005").first { $0.caretaker == .unit(city.id) })
        let ended = try store.endResponsibility(cityLine.id, on: Fixtures.day("2021-05-01"), actor: "li")
        #expect(ended.validTo == Fixtures.day("2021-05-01"))
        #expect(try store.responsible(for: "0004-005", at: Fixtures.day("2021-06-01")).isEmpty)
        #expect(try store.responsible(for: "0004-005").count == 1)
        try expectNothingChanged(store, throws: .conflict("responsibility \(cityLine.id) already ended on 2021-05-01")) {
            try store.endResponsibility(cityLine.id, on: Fixtures.day("2021-06-01"), actor: "li")
        }
    }

    @Test func disputesAlongAStretch() throws {
        let store = try Fixtures.imported()
        let dispute = try store.addDispute(DisputeInput(line: "0005", stretch: .markers(from: "0005-002", to: "0005-003"),
                                                        parties: ["咸阳市", "西安市"], opened: Fixtures.day("2024-03-01"),
                                                        title: "河道改道段", documents: ["咸政函〔2024〕12号"]),
                                           actor: "li", today: Fixtures.today)
        #expect(dispute.wkt.hasPrefix("LINESTRING ("))
        #expect(dispute.status == .open)
        let updated = try store.updateDispute(dispute.id, status: .mediating, on: Fixtures.day("2024-04-10"), note: "市级调处",
                                              documents: ["调处会议纪要"], actor: "li", today: Fixtures.today)
        #expect(updated.steps.map(\.status) == [.open, .mediating])
        #expect(updated.documents == ["咸政函〔2024〕12号", "调处会议纪要"])
        try store.updateDispute(dispute.id, status: .closed, on: Fixtures.day("2024-06-01"), actor: "li", today: Fixtures.today)
        try expectNothingChanged(store, throws: .conflict("dispute \(dispute.id) is closed")) {
            try store.updateDispute(dispute.id, status: .open, on: Fixtures.day("2024-07-01"), actor: "li", today: Fixtures.today)
        }
        let byWKT = try store.addDispute(DisputeInput(line: "0005", stretch: .wkt("LINESTRING (500000 3780000, 500100 3780100)"),
                                                      parties: ["咸阳市"], opened: Fixtures.day("2024-03-02")), actor: "li",
                                         today: Fixtures.today)
        #expect(byWKT.wkt == "LINESTRING (500000 3780000, 500100 3780100)")
        #expect(try store.disputes(openOnly: true).map(\.id) == [byWKT.id])
        #expect(throws: RegisterError.self) {
            try store.addDispute(DisputeInput(line: "0005", stretch: .wkt("POINT (1 2)"), parties: ["a"], opened: Fixtures.day("2024-03-02")),
                                 actor: "li", today: Fixtures.today)
        }
    }
}
