import Testing
@testable import GEOSKit

/// Hand-made invalid geometries with GEOS 3.11's exact reasons and locations.
@Suite struct ValidityTests {
    let context: GEOSContext

    init() throws { context = try GEOSContext() }

    func problem(_ wkt: String) throws -> (String, String?)? {
        guard let p = try context.geometry(wkt: wkt).validityProblem() else { return nil }
        return (p.reason, try p.location?.wkt())
    }

    @Test func bowTieSelfIntersectsAtItsCentre() throws {
        let p = try #require(try problem("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"))
        #expect(p.0 == "Self-intersection")
        #expect(p.1 == "POINT (5 5)")
    }

    @Test func ringSelfIntersection() throws {
        let p = try #require(try problem("POLYGON ((0 0, 10 0, 5 5, 10 10, 0 10, 5 5, 0 0))"))
        #expect(p.0 == "Ring Self-intersection")
        #expect(p.1 == "POINT (5 5)")
    }

    @Test func nestedShells() throws {
        let p = try #require(try problem("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((2 2, 8 2, 8 8, 2 8, 2 2)))"))
        #expect(p.0 == "Nested shells")
        #expect(p.1 == "POINT (2 2)")
    }

    @Test func holeOutsideShell() throws {
        let p = try #require(try problem("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (20 20, 30 20, 30 30, 20 30, 20 20))"))
        #expect(p.0 == "Hole lies outside shell")
        #expect(p.1 == "POINT (20 20)")
    }

    @Test func nestedHoles() throws {
        let p = try #require(try problem("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2), (3 3, 7 3, 7 7, 3 7, 3 3))"))
        #expect(p.0 == "Holes are nested")
        #expect(p.1 == "POINT (3 3)")
    }

    @Test func tooFewPoints() throws {
        let p = try #require(try problem("LINESTRING (1 1, 1 1)"))
        #expect(p.0 == "Too few points in geometry component")
        #expect(p.1 == "POINT (1 1)")
    }

    @Test func nanCoordinateFromWKT() throws {
        let p = try #require(try problem("POINT (NaN 1)"))
        #expect(p.0 == "Invalid Coordinate")
        #expect(p.1 == "POINT (NaN 1)")
    }

    @Test func nanCoordinateRefusedByConstructor() throws {
        #expect(throws: GEOSError.self) { try context.point(x: .nan, y: 1) }
        #expect(throws: GEOSError.self) { try context.lineString([Coordinate(x: 0, y: 0), Coordinate(x: .infinity, y: 1)]) }
    }

    @Test func validPolygonWithHoleHasNoProblem() throws {
        #expect(try problem("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 3, 2 2))") == nil)
        #expect(try context.geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))").isValid)
    }

    @Test func makeValidRepairsBowTie() throws {
        let bowtie = try context.geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
        let fixed = try bowtie.makeValid()
        #expect(try fixed.isValid)
        #expect(try fixed.type == .multiPolygon)
        #expect(abs(try fixed.area - 50) < 1e-9)
        let linework = try bowtie.makeValid(method: .linework)
        #expect(abs(try linework.area - 50) < 1e-9)
    }

    @Test func invalidWKTGivesTypedErrorWithGEOSMessage() throws {
        do {
            _ = try context.geometry(wkt: "POLYGON ((0 0, 1 1")
            Issue.record("expected a parse error")
        } catch let GEOSError.parseFailed(format, message) {
            #expect(format == "WKT")
            #expect(message.contains("ParseException"))
        }
    }

    @Test func unclosedRingInWKTIsAnError() throws {
        #expect(throws: GEOSError.self) { try context.geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10))") }
    }

    @Test func invalidGeoJSONGivesTypedErrorWithGEOSMessage() throws {
        do {
            _ = try context.geometry(geoJSON: #"{"type": "Polygon", "coordinates": [[[0, 0], [1"#)
            Issue.record("expected a parse error")
        } catch let GEOSError.parseFailed(format, message) {
            #expect(format == "GeoJSON")
            #expect(!message.isEmpty)
        }
        #expect(throws: GEOSError.self) { try context.geometry(geoJSON: #"{"type": "Hexagon", "coordinates": []}"#) }
    }

    @Test func invalidWKBIsAnError() throws {
        #expect(throws: GEOSError.self) { try context.geometry(wkb: [UInt8]([1, 3, 0, 0, 0, 1])) }
    }
}
