import Foundation
import XCTest
@testable import Gazetteer

final class PlaceGeometryTests: XCTestCase {
    func testStoredBoundariesOfTheDivisionsOnADay() throws {
        let store = try Fixture.store()
        let day = try Day(parsing: "2020")
        let tree = try DivisionTree(store: store, at: day)
        let prefectures = tree.nodes.filter { $0.level == .prefecture }
        let shapes = try store.geometries(of: prefectures.map(\.placeID), at: day)
        // cn-atlas gives a polygon to (nearly) every prefecture-level division of 2020.
        XCTAssertGreaterThan(shapes.count, 300)
        for (id, stored) in shapes {
            XCTAssertEqual(stored.placeID, id)
            XCTAssertEqual(stored.srid, 4326)
            XCTAssertGreaterThan(stored.wkb.count, 40)
            XCTAssertTrue(stored.wkb[0] <= 1, "WKB starts with a byte-order mark")
        }
        // Only the places asked for.
        let one = try XCTUnwrap(prefectures.first { shapes[$0.placeID] != nil })
        XCTAssertEqual(Array(try store.geometries(of: [one.placeID], at: day).keys), [one.placeID])
        XCTAssertTrue(try store.geometries(of: [], at: day).isEmpty)
    }
}
