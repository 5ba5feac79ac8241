import Testing
@testable import GEOSKit

@Suite struct OperationsTests {
    let context: GEOSContext
    init() throws { context = try GEOSContext() }
    func g(_ wkt: String) throws -> Geometry { try context.geometry(wkt: wkt) }

    @Test func readersAndWritersRoundTrip() throws {
        let poly = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 3 2, 2 2))")
        #expect(try poly.wkt() == "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 3, 3 3, 3 2, 2 2))")
        let fromWKB = try context.geometry(wkb: try poly.wkb())
        #expect(try fromWKB.equalsExact(poly))
        let fromJSON = try context.geometry(geoJSON: try poly.geoJSON())
        #expect(try fromJSON.equalsExact(poly))
        let z = try g("POINT Z (1 2 3)")
        #expect(try z.coordinates() == [Coordinate(x: 1, y: 2, z: 3)])
        #expect(try context.geometry(wkb: try z.wkb()).coordinates() == [Coordinate(x: 1, y: 2, z: 3)])
    }

    @Test func constructionFromCoordinates() throws {
        let shell = [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 4, y: 4), Coordinate(x: 0, y: 4), Coordinate(x: 0, y: 0)]
        let p = try context.polygon(shell: shell)
        #expect(try p.area == 16)
        #expect(try p.exteriorRing.coordinates() == shell)
        let mp = try context.collection(.multiPolygon, [p, try p.transformedXY { xy in
            for i in stride(from: 0, to: xy.count, by: 2) { xy[i] += 10 }
        }])
        #expect(try mp.partCount == 2)
        #expect(try mp.area == 32)
        #expect(try mp.part(1).envelope == Envelope(minX: 10, minY: 0, maxX: 14, maxY: 4))
        #expect(throws: GEOSError.self) { try mp.part(2) }
        #expect(throws: GEOSError.self) {
            try context.polygon(shell: [Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0), Coordinate(x: 4, y: 4), Coordinate(x: 0, y: 4)])
        }
    }

    @Test func ringOrientation() throws {
        let cw = try g("POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 3 2, 3 3, 2 3, 2 2))")
        #expect(try !cw.exteriorRing.isCounterClockwise)
        let rfc = try cw.orientingRings(exteriorCounterClockwise: true)
        #expect(try rfc.exteriorRing.isCounterClockwise)
        #expect(try !rfc.interiorRings[0].isCounterClockwise)
        #expect(try rfc.topologicallyEquals(cw))
        let shp = try rfc.orientingRings(exteriorCounterClockwise: false)
        #expect(try !shp.exteriorRing.isCounterClockwise)
        #expect(try shp.interiorRings[0].isCounterClockwise)
    }

    @Test func predicatesAndRelate() throws {
        let big = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let inner = try g("POLYGON ((2 2, 4 2, 4 4, 2 4, 2 2))")
        let neighbour = try g("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")
        #expect(try big.contains(inner))
        #expect(try !big.overlaps(inner))               // containment is not overlap …
        #expect(try big.relate(inner, matches: "T********"))  // … but interiors intersect
        #expect(try big.touches(neighbour))
        #expect(try !big.relate(neighbour, matches: "T********"))
        #expect(try big.relate(neighbour) == "FF2F11212")
        #expect(try inner.within(big) && inner.coveredBy(big) && big.covers(inner))
        let prepared = try big.prepared()
        #expect(try prepared.contains(inner))
        #expect(try prepared.intersects(neighbour))
        #expect(try !prepared.containsProperly(try g("POINT (0 5)")))
        #expect(try prepared.isWithinDistance(1, of: try g("POINT (11 5)")))
    }

    @Test func overlayAndNoding() throws {
        let a = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
        let b = try g("POLYGON ((5 0, 15 0, 15 10, 5 10, 5 0))")
        #expect(try a.intersection(b).area == 50)
        #expect(try a.difference(b).area == 50)
        #expect(try a.union(b).area == 150)
        let coverage = try context.collection(.multiPolygon, [a, try g("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))")])
        let u = try coverage.coverageUnion()
        #expect(try u.area == 200)
        #expect(try u.type == .polygon)
        #expect(try coverage.unaryUnion().area == 200)
        let crossing = try g("MULTILINESTRING ((0 0, 10 10), (0 10, 10 0))")
        #expect(try crossing.noded().partCount == 4)
        #expect(try g("MULTILINESTRING ((0 0, 1 0), (1 0, 2 0))").lineMerged().wkt() == "LINESTRING (0 0, 1 0, 2 0)")
    }

    @Test func polygonizeFullReportsDanglesAndCuts() throws {
        // a square, a dangle from its corner, and a cut edge across it
        let lines = try g("MULTILINESTRING ((0 0, 10 0, 10 10, 0 10, 0 0), (10 10, 15 15), (0 0, 10 10))")
        let result = try lines.noded().polygonizedFull()
        #expect(try result.polygons.partCount == 2)
        #expect(try result.dangles.partCount == 1)
        #expect(try result.dangles.part(0).wkt() == "LINESTRING (10 10, 15 15)")
        #expect(try result.cutEdges.isEmpty)
        #expect(try result.invalidRings.isEmpty)
    }

    @Test func measurements() throws {
        let line = try g("LINESTRING (0 0, 10 0, 10 10)")
        #expect(try line.length == 20)
        #expect(try line.project(try g("POINT (10 5)")) == 15)
        #expect(try line.interpolate(15).wkt() == "POINT (10 5)")
        let other = try g("LINESTRING (0 1, 10 1, 10 10)")
        #expect(try line.distance(to: try g("POINT (5 3)")) == 3)
        #expect(try line.isWithinDistance(3, of: try g("POINT (5 3)")))
        #expect(try !line.isWithinDistance(2.9, of: try g("POINT (5 3)")))
        #expect(try line.hausdorffDistance(to: other) == 1)
        #expect(try line.frechetDistance(to: other) == 1)
        #expect(try line.hausdorffDistance(to: other, densify: 0.5) == 1)
        let square = try g("POLYGON ((0 0, 10 0, 10 4, 0 4, 0 0))")
        let mic = try square.maximumInscribedCircle(tolerance: 0.001)
        #expect(abs(mic.radius - 2) < 0.01)
        #expect(abs(mic.center.y - 2) < 0.01)
        #expect(try square.minimumClearance == 4)
        let (p, q) = try line.nearestPoints(try g("POINT (5 3)"))
        #expect(p == Coordinate(x: 5, y: 0) && q == Coordinate(x: 5, y: 3))
    }

    @Test func precisionAndCleaning() throws {
        let wobbly = try g("LINESTRING (0 0, 0.4 0.1, 1 0, 1 0, 2.2 0)")
        #expect(try wobbly.removingRepeatedPoints().coordinateCount == 4)
        #expect(try wobbly.removingRepeatedPoints(tolerance: 0.7).coordinateCount == 3)
        #expect(try wobbly.settingPrecision(gridSize: 1).wkt() == "LINESTRING (0 0, 1 0, 2 0)")
        let snapped = try g("LINESTRING (0 0, 9.9 0.05)").snapped(to: try g("POINT (10 0)"), tolerance: 0.2)
        #expect(try snapped.wkt() == "LINESTRING (0 0, 10 0)")
        #expect(try wobbly.topologyPreservingSimplified(tolerance: 0.5).coordinateCount == 2)
        #expect(try wobbly.simplified(tolerance: 0.5).wkt() == "LINESTRING (0 0, 2.2 0)")
        #expect(try wobbly.simplified(tolerance: 0.05).coordinateCount == 4)   // the 0.1 bump stays
    }

    @Test func mixingContextsIsRefused() throws {
        let other = try GEOSContext()
        let a = try g("POINT (0 0)")
        let b = try other.geometry(wkt: "POINT (1 1)")
        #expect(throws: GEOSError.contextMismatch(operation: "distance")) { try a.distance(to: b) }
    }

    @Test func borrowedPartsOutliveTheirVariable() throws {
        var ring: Geometry?
        do {
            let poly = try g("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
            ring = try poly.exteriorRing
        }
        #expect(try ring?.coordinateCount == 5)
    }
}
