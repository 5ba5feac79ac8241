import GEOSKit
import Testing
@testable import CRS

@Suite struct GeometryTransformTests {
    @Test func polygonWithHoleKeepsItsStructureAndLandsOnCs2csValues() throws {
        let geos = try GEOSContext()
        // The first vertex is Chongqing Yuzhong; the hole is well inside the shell.
        let polygon = try geos.geometry(wkt: """
            POLYGON ((106.57 29.56, 106.60 29.56, 106.60 29.59, 106.57 29.59, 106.57 29.56), \
            (106.58 29.57, 106.58 29.58, 106.59 29.58, 106.58 29.57))
            """)
        let t = try CoordinateTransform(from: .cgcs2000, to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108"))
        let projected = try t.transform(polygon)
        #expect(try projected.type == .polygon)
        #expect(try projected.interiorRings.count == 1)
        #expect(projected.srid == 4545)

        let shell = try projected.exteriorRing.coordinates()
        #expect(shell.count == 5)
        // echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4545 → 3272193.2583 361412.5847
        #expect(abs(shell[0].x - 361412.5847) < 0.001)
        #expect(abs(shell[0].y - 3272193.2583) < 0.001)
        // Every vertex equals the point transform of its input vertex.
        let input = try polygon.exteriorRing.coordinates()
        for (a, b) in zip(input, shell) {
            let p = try t.transform(x: a.x, y: a.y)
            #expect(p.x == b.x && p.y == b.y)
        }
        let hole = try projected.interiorRings[0].coordinates()
        let p = try t.transform(x: 106.59, y: 29.58)
        #expect(hole[2].x == p.x && hole[2].y == p.y)

        // A 0.03° × 0.03° square at 29.56°N is about 2.90 km × 3.33 km (9.66 km²) less a triangular hole
        // of half of 0.01° × 0.01° (0.54 km²): about 9.1 km².
        let area = try projected.area
        #expect(area > 9.0e6 && area < 9.3e6, "\(area)")
        #expect(try projected.isValid)
    }

    @Test func collectionsPointsAndZValues() throws {
        let geos = try GEOSContext()
        let collection = try geos.geometry(wkt: """
            GEOMETRYCOLLECTION (POINT Z (116.40 39.90 43.5), \
            MULTILINESTRING ((116.40 39.90, 116.41 39.91), (116.42 39.92, 116.43 39.93)))
            """)
        let t = try CoordinateTransform(from: .cgcs2000, to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-Z39"))
        let out = try t.transform(collection)
        #expect(try out.type == .geometryCollection)
        let parts = try out.parts()
        #expect(parts.count == 2)
        let point = try parts[0].coordinates()
        // echo "39.90 116.40" | cs2cs -d 4 EPSG:4490 EPSG:4527 → 4418598.0013 39448688.8557
        #expect(abs(point[0].x - 39448688.8557) < 0.001)
        #expect(abs(point[0].y - 4418598.0013) < 0.001)
        #expect(point[0].z == 43.5)
        #expect(try parts[1].type == .multiLineString)
        #expect(try parts[1].parts().count == 2)
        #expect(try parts[1].part(1).coordinates().count == 2)
    }

    @Test func emptyGeometriesStayEmpty() throws {
        let geos = try GEOSContext()
        let t = try CoordinateTransform(from: .wgs84, to: .gcj02)
        let empty = try t.transform(try geos.geometry(wkt: "POLYGON EMPTY"))
        #expect(try empty.isEmpty)
    }

    @Test func gcjRoundTripOfALine() throws {
        let geos = try GEOSContext()
        let line = try geos.geometry(wkt: "LINESTRING (116.40 39.90, 113.26 23.13, 87.6 43.8)")
        let toGCJ = try CoordinateTransform(from: .wgs84, to: .gcj02)
        let gcj = try toGCJ.transform(line)
        #expect(gcj.srid == 0)
        let first = try gcj.coordinates()[0]
        // python3 Tests/CRSTests/Reference/gcj02_reference.py 116.40,39.90 → 116.406242784911 39.901403529849
        #expect(abs(first.x - 116.406242784911) < 1e-11 && abs(first.y - 39.901403529849) < 1e-11)
        let back = try toGCJ.inverted().transform(gcj)
        for (a, b) in zip(try line.coordinates(), try back.coordinates()) {
            #expect(abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) < 1e-9)
        }
    }

    @Test func aVertexOutsideTheZoneThrowsCRSError() throws {
        let geos = try GEOSContext()
        let line = try geos.geometry(wkt: "LINESTRING (106.57 29.56, 112.5 29.56)")
        let t = try CoordinateTransform(from: .cgcs2000, to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108"))
        let zone = try GaussKrugerZone(width: .threeDegree, number: 36)
        #expect(throws: CRSError.pointOutsideZone(lon: 112.5, zone: zone)) { try t.transform(line) }
    }
}
