import Foundation
import Testing
@testable import Gazetteer

@Suite struct PlaceGeometryTests {
    @Test func storedBoundariesOfTheDivisionsOnADay() throws {
        let store = try Fixture.store()
        let day = try Day(parsing: "2020")
        let tree = try DivisionTree(store: store, at: day)
        let prefectures = tree.nodes.filter { $0.level == .prefecture }
        let shapes = try store.geometries(of: prefectures.map(\.placeID), at: day)
        // cn-atlas gives a polygon to (nearly) every prefecture-level division of 2020.
        #expect(shapes.count > 300)
        for (id, stored) in shapes {
            #expect(stored.placeID == id)
            #expect(stored.srid == 4326)
            #expect(stored.wkb.count > 40)
            #expect(stored.wkb[0] <= 1, "WKB starts with a byte-order mark")
        }
        // Only the places asked for.
        let one = try #require(prefectures.first { shapes[$0.placeID] != nil })
        #expect(Array(try store.geometries(of: [one.placeID], at: day).keys) == [one.placeID])
        #expect(try store.geometries(of: [], at: day).isEmpty)
    }
}
