import Foundation
import Gazetteer
import Register
import Testing

/// Bad input is a typed error naming the input, and nothing is written.
@Suite struct BadInputTests {
    func patrol(_ marker: String = "0004-001", date: String = "2023-04-02", condition: MarkerCondition = .intact,
                photos: [String] = [], clientID: String? = nil, note: String? = nil) -> PatrolInput {
        PatrolInput(date: Fixtures.day(date), patroller: "王五", observations: [ObservationInput(marker: marker, condition: condition)],
                    note: note, photos: photos, clientID: clientID)
    }

    @Test func unknownMarker() throws {
        let store = try Fixtures.imported()
        try expectNothingChanged(store, throws: .unknownMarker("0099-001")) {
            _ = try store.addPatrol(patrol("0099-001"), actor: "wang", today: Fixtures.today)
        }
    }

    @Test func futureDate() throws {
        let store = try Fixtures.imported()
        try expectNothingChanged(store, throws: .futureDate("patrol", date: "2026-01-05", today: "2025-12-31")) {
            _ = try store.addPatrol(patrol(date: "2026-01-05"), actor: "wang", today: Fixtures.today)
        }
    }

    @Test func dateBeforeTheMarkerExisted() throws {
        let store = try Fixtures.imported()
        try expectNothingChanged(store, throws: .dateTooEarly("patrol of marker 0004-001", date: "2019-05-01", earliest: "2020-06-18")) {
            _ = try store.addPatrol(patrol(date: "2019-05-01"), actor: "wang", today: Fixtures.today)
        }
    }

    @Test func photoThatIsNotAnImage() throws {
        let store = try Fixtures.imported()
        let file = try Fixtures.folder().appendingPathComponent("notes.jpg")
        try Data("not a photo at all".utf8).write(to: file)
        try expectNothingChanged(store, throws: .notAnImage(file: file.path)) {
            _ = try store.addPatrol(patrol(photos: [file.path]), actor: "wang", today: Fixtures.today)
        }
        #expect(!FileManager.default.fileExists(atPath: store.photosFolder))
    }

    @Test func photosAreStoredByContentAndNeverOverwritten() throws {
        let store = try Fixtures.imported()
        let file = try Fixtures.folder().appendingPathComponent("IMG_0001.png")
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        try png.write(to: file)
        let first = try store.addPatrol(patrol(photos: [file.path]), actor: "wang", today: Fixtures.today)
        let photo = try #require(first.patrol.photos.first)
        #expect(photo.mediaType == "image/png")
        #expect(photo.sha256 == SHA256.hex(of: [UInt8](png)))
        let stored = URL(fileURLWithPath: store.photosFolder).appendingPathComponent(photo.fileName)
        #expect(FileManager.default.contents(atPath: stored.path) == png)
        // A second patrol with the same photo refers to the same file, untouched.
        let modified = try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date
        let second = try store.addPatrol(patrol(date: "2023-05-02", photos: [file.path]), actor: "wang", today: Fixtures.today)
        #expect(second.patrol.photos.first?.fileName == photo.fileName)
        #expect(try FileManager.default.attributesOfItem(atPath: stored.path)[.modificationDate] as? Date == modified)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.photosFolder) == [photo.fileName])
    }

    @Test func illegalWorkOrderTransitions() throws {
        let store = try Fixtures.imported()
        let found = try store.addPatrol(patrol(condition: .damaged), actor: "wang", today: Fixtures.today)
        let order = try store.openWorkOrder(patrol: found.patrol.id, marker: "0004-001", on: Fixtures.day("2023-04-03"),
                                            actor: "li", today: Fixtures.today)
        try expectNothingChanged(store, throws: .invalidTransition(order: order.id, from: "open", to: "verified",
                                                                   allowed: ["assigned", "cancelled"])) {
            try store.advanceWorkOrder(order.id, to: .verified, on: Fixtures.day("2023-04-04"), actor: "li", today: Fixtures.today)
        }
        try expectNothingChanged(store, throws: .invalidTransition(order: order.id, from: "open", to: "done",
                                                                   allowed: ["assigned", "cancelled"])) {
            try store.advanceWorkOrder(order.id, to: .done, on: Fixtures.day("2023-04-04"), replacedAt: Fixtures.position2020,
                                       actor: "li", today: Fixtures.today)
        }
        try store.advanceWorkOrder(order.id, to: .cancelled, on: Fixtures.day("2023-04-04"), actor: "li", today: Fixtures.today)
        try expectNothingChanged(store, throws: .invalidTransition(order: order.id, from: "cancelled", to: "assigned", allowed: [])) {
            try store.advanceWorkOrder(order.id, to: .assigned, on: Fixtures.day("2023-04-05"), assignee: "赵六", actor: "li",
                                       today: Fixtures.today)
        }
        // A step dated before the previous one, and an order for a marker the patrol found intact.
        let other = try store.addPatrol(patrol("0004-002", date: "2023-06-01", condition: .buried), actor: "wang", today: Fixtures.today)
        let second = try store.openWorkOrder(patrol: other.patrol.id, marker: "0004-002", on: Fixtures.day("2023-06-02"),
                                             actor: "li", today: Fixtures.today)
        try expectNothingChanged(store, throws: .dateTooEarly("work order \(second.id) step", date: "2023-06-01", earliest: "2023-06-02")) {
            try store.advanceWorkOrder(second.id, to: .assigned, on: Fixtures.day("2023-06-01"), assignee: "赵六", actor: "li",
                                       today: Fixtures.today)
        }
        let intact = try store.addPatrol(patrol("0004-003", date: "2023-06-01"), actor: "wang", today: Fixtures.today)
        try expectNothingChanged(store, throws: .invalidValue(field: "marker", value: "0004-003",
                                                              expected: "a finding: patrol \(intact.patrol.id) found it intact")) {
            _ = try store.openWorkOrder(patrol: intact.patrol.id, marker: "0004-003", on: Fixtures.day("2023-06-02"),
                                        actor: "li", today: Fixtures.today)
        }
    }

    @Test func resubmittedOfflineEntryIsIdempotent() throws {
        let store = try Fixtures.imported()
        let clientID = "6F9619FF-8B86-D011-B42D-00C04FC964FF"
        let first = try store.addPatrol(patrol(condition: .tilted, clientID: clientID), actor: "wang", today: Fixtures.today)
        #expect(first.created)
        let before = try Fixtures.fingerprint(store)
        let again = try store.addPatrol(patrol(condition: .tilted, clientID: clientID), actor: "wang", today: Fixtures.today)
        #expect(!again.created)
        #expect(again.patrol == first.patrol)
        #expect(try Fixtures.fingerprint(store) == before)
    }

    @Test func conflictingOfflineEntryIsRefused() throws {
        let store = try Fixtures.imported()
        let clientID = "6F9619FF-8B86-D011-B42D-00C04FC964FF"
        let first = try store.addPatrol(patrol(condition: .tilted, clientID: clientID), actor: "wang", today: Fixtures.today)
        try expectNothingChanged(store, throws: .clientIDConflict(clientID: clientID, patrol: first.patrol.id)) {
            _ = try store.addPatrol(patrol(condition: .buried, clientID: clientID), actor: "wang", today: Fixtures.today)
        }
    }

    @Test func unreadableSurveyNamesTheFolder() throws {
        let store = try Fixtures.store()
        let empty = try Fixtures.folder().path
        var request = Fixtures.request2020
        request.survey = [empty]
        #expect(throws: RegisterError.invalidSurvey(source: empty,
            problem: "the folder holds no survey files (.geojson, .shp, .gpkg, .kml, .kmz, .topojson, .csv …)")) {
            _ = try store.importInspection(request, actor: "li", today: Fixtures.today)
        }
        #expect(try store.rowCounts().values.reduce(0, +) == 0)
    }

    @Test func showOfSomethingUnknown() throws {
        let store = try Fixtures.imported()
        #expect(throws: RegisterError.unknownMarkerOrLine("0099")) { try store.history(of: "0099") }
        #expect(throws: RegisterError.unknownMarkerOrLine("0099")) { try store.responsible(for: "0099") }
        #expect(throws: RegisterError.unknownMarker("0099-001")) { try store.markerHistory("0099-001") }
        #expect(throws: RegisterError.unknownLine("0099")) { try store.lineHistory("0099") }
        if case .line(let line) = try store.history(of: "0004") { #expect(line.markers.count == 9) } else {
            Issue.record("0004 is not shown as a line")
        }
    }

    @Test func parsingMarkerOptions() throws {
        #expect(try ObservationInput(parsing: "0004-001:moved:a note: with colon")
                == ObservationInput(marker: "0004-001", condition: .moved, note: "a note: with colon"))
        #expect(throws: RegisterError.self) { try ObservationInput(parsing: "0004-001:wobbly") }
        #expect(try Position(parsing: "1,2,3", field: "--replaced-at") == Position(x: 1, y: 2, h: 3))
        #expect(throws: RegisterError.invalidValue(field: "--position", value: "1;2", expected: "X,Y or X,Y,H in metres")) {
            try Position(parsing: "1;2", field: "--position")
        }
    }
}
