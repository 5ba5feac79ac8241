import Testing
@testable import CRS

@Suite struct TransformTests {
    private func crs(_ text: String) throws -> CoordinateReferenceSystem {
        try CoordinateReferenceSystem(parsing: text)
    }

    // MARK: Web Mercator and WGS84 ↔ CGCS2000

    @Test func webMercatorBothWays() throws {
        // echo "39.90 116.40" | cs2cs -d 4 EPSG:4326 EPSG:3857 → 12957588.7283 4851421.1752
        let t = try CoordinateTransform(from: .wgs84, to: .webMercator)
        let p = try t.transform(x: 116.40, y: 39.90)
        #expect(abs(p.x - 12957588.7283) < 0.001)
        #expect(abs(p.y - 4851421.1752) < 0.001)
        // echo "12958000 4852000" | cs2cs -d 10 EPSG:3857 EPSG:4326 → 39.9039888909 116.4036945162
        let back = try t.inverted()
        let q = try back.transform(x: 12958000, y: 4852000)
        #expect(abs(q.x - 116.4036945162) < 1e-8)
        #expect(abs(q.y - 39.9039888909) < 1e-8)
    }

    @Test func zoneToWebMercator() throws {
        // echo "3272193.2583 361412.5847" | cs2cs -d 4 EPSG:4545 EPSG:3857 → 11863318.1339 3447116.4051
        let t = try CoordinateTransform(from: try crs("EPSG:4545"), to: .webMercator)
        let p = try t.transform(x: 361412.5847, y: 3272193.2583)
        #expect(abs(p.x - 11863318.1339) < 0.001)
        #expect(abs(p.y - 3447116.4051) < 0.001)
        // And Web Mercator into a zone goes through geographic coordinates (and the zone check).
        let into = try t.inverted()
        let q = try into.transform(x: 11863318.1339, y: 3447116.4051)
        #expect(abs(q.x - 361412.5847) < 0.001)
        #expect(abs(q.y - 3272193.2583) < 0.001)
    }

    @Test func wgs84AndCGCS2000AreTheSameAtThisLevel() throws {
        // echo "39.90 116.40" | cs2cs -d 12 EPSG:4490 EPSG:4326 → 39.900000000000 116.400000000000
        let t = try CoordinateTransform(from: .cgcs2000, to: .wgs84)
        let p = try t.transform(x: 116.40, y: 39.90)
        #expect(abs(p.x - 116.40) < 1e-12)
        #expect(abs(p.y - 39.90) < 1e-12)
        let q = try t.inverted().transform(x: 87.6, y: 43.8)
        #expect(abs(q.x - 87.6) < 1e-12 && abs(q.y - 43.8) < 1e-12)
    }

    @Test func identityTransformLeavesPointsAlone() throws {
        let t = try CoordinateTransform(from: try crs("EPSG:4545"), to: try crs("CGCS2000-GK3-CM108"))
        var xy = [361412.5847, 3272193.2583]
        try t.transform(&xy)
        #expect(xy == [361412.5847, 3272193.2583])
    }

    // MARK: Batches

    @Test func batchEqualsSinglePoints() throws {
        let t = try CoordinateTransform(from: .cgcs2000, to: try crs("CGCS2000-GK3-Z36"))
        var generator = SystemRandomNumberGenerator()
        var xy: [Double] = []
        for _ in 0..<1000 {
            xy.append(Double.random(in: 106.0...110.0, using: &generator))
            xy.append(Double.random(in: 18.0...45.0, using: &generator))
        }
        var batch = xy
        try t.transform(&batch)
        var xs = stride(from: 0, to: xy.count, by: 2).map { xy[$0] }
        var ys = stride(from: 1, to: xy.count, by: 2).map { xy[$0] }
        try t.transform(x: &xs, y: &ys)
        for i in 0..<1000 {
            let single = try t.transform(x: xy[2 * i], y: xy[2 * i + 1])
            #expect(batch[2 * i] == single.x && batch[2 * i + 1] == single.y)
            #expect(xs[i] == single.x && ys[i] == single.y)
            #expect(single.x > 36_000_000 && single.x < 37_000_000)
        }
    }

    /// One transform per task: each task makes its own (transforms are not Sendable) and all agree.
    @Test func oneTransformPerTask() async throws {
        let results = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let t = try CoordinateTransform(from: .cgcs2000, to: try CoordinateReferenceSystem(epsg: 4545))
                    var xy: [Double] = []
                    for i in 0..<10_000 { xy += [106.0 + Double(i) * 0.0003, 29.56] }
                    try t.transform(&xy)
                    return xy
                }
            }
            var all: [[Double]] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 4)
        #expect(results.allSatisfy { $0 == results[0] })
        // echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4545 → 3272193.2583 361412.5847 (i = 1900)
        #expect(abs(results[0][3800] - 361412.5847) < 0.001 && abs(results[0][3801] - 3272193.2583) < 0.001)
    }

    @Test func emptyBatchesAreFine() throws {
        let t = try CoordinateTransform(from: .cgcs2000, to: .webMercator)
        var none: [Double] = []
        try t.transform(&none)
        var xs: [Double] = [], ys: [Double] = []
        try t.transform(x: &xs, y: &ys)
        #expect(none.isEmpty && xs.isEmpty)
    }

    @Test func malformedBatchesThrow() throws {
        let t = try CoordinateTransform(from: .cgcs2000, to: .webMercator)
        var odd = [116.40, 39.90, 106.57]
        #expect(throws: CRSError.oddCoordinateCount(3)) { try t.transform(&odd) }
        var xs = [116.40, 106.57], ys = [39.90]
        #expect(throws: CRSError.mismatchedCoordinateCounts(x: 2, y: 1)) { try t.transform(x: &xs, y: &ys) }
        var nan = [116.40, 39.90, .nan, 29.56]
        do {
            try t.transform(&nan)
            Issue.record("a NaN coordinate must throw")
        } catch {
            guard case .invalidCoordinate(let index, let x, let y) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(index == 1 && x.isNaN && y == 29.56)
        }
    }

    @Test func projFailuresCarryPROJsMessage() throws {
        // Latitude 95° is not on the Earth; PROJ refuses it.
        let t = try CoordinateTransform(from: .wgs84, to: .webMercator)
        do {
            _ = try t.transform(x: 116.4, y: 95)
            Issue.record("latitude 95° must throw")
        } catch {
            guard case .projFailure(let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(message.contains("point 0"))
            #expect(message.contains("EPSG:4326") && message.contains("EPSG:3857"))
            #expect(message.contains("Invalid coordinate") || message.contains("coordinate"), "\(message)")
        }
    }

    // MARK: Zone domains

    @Test func pointsOutsideAZoneThrow() throws {
        let zone = try GaussKrugerZone(width: .threeDegree, number: 36)  // CM 108, domain 105…111
        let into = try CoordinateTransform(from: .cgcs2000, to: .cgcs2000GaussKruger(zone, withZonePrefix: false))
        // 2.9° from the central meridian: accepted.
        _ = try into.transform(x: 110.9, y: 30)
        _ = try into.transform(x: 105.1, y: 30)
        // 4° away: refused.
        #expect(throws: CRSError.pointOutsideZone(lon: 112, zone: zone)) { try into.transform(x: 112, y: 30) }
        #expect(throws: CRSError.pointOutsideZone(lon: 104.5, zone: zone)) { try into.transform(x: 104.5, y: 30) }
        // Latitude and longitude swapped (Chongqing as 29.56, 106.57): refused, not silently projected.
        #expect(throws: CRSError.pointOutsideZone(lon: 29.56, zone: zone)) { try into.transform(x: 29.56, y: 106.57) }
        // One bad point in a batch spoils the batch.
        var batch = [106.57, 29.56, 108.0, 30.0, 120.0, 30.0]
        #expect(throws: CRSError.pointOutsideZone(lon: 120, zone: zone)) { try into.transform(&batch) }
        // The same holds from GCJ-02 and Web Mercator.
        let fromGCJ = try CoordinateTransform(from: .gcj02, to: .cgcs2000GaussKruger(zone, withZonePrefix: true))
        #expect(throws: CRSError.self) { try fromGCJ.transform(x: 116.4, y: 39.9) }
        let fromWeb = try CoordinateTransform(from: .webMercator, to: .cgcs2000GaussKruger(zone, withZonePrefix: false))
        #expect(throws: CRSError.self) { try fromWeb.transform(x: 12957588.7283, y: 4851421.1752) }
    }

    @Test func sixDegreeZonesAcceptTheirWiderDomain() throws {
        let zone = try GaussKrugerZone(width: .sixDegree, number: 19)  // CM 111, domain 105…117
        let into = try CoordinateTransform(from: .cgcs2000, to: .cgcs2000GaussKruger(zone, withZonePrefix: true))
        _ = try into.transform(x: 116.4, y: 39.9)
        #expect(throws: CRSError.pointOutsideZone(lon: 117.5, zone: zone)) { try into.transform(x: 117.5, y: 39.9) }
    }

    @Test func eastingsOutOfTheZoneThrowOnTheWayOut() throws {
        // A zone-20 easting read as CGCS2000 6° zone 20 lands 1 000 000 m west of the central meridian
        // of zone 20 when it is written with the prefix of zone 19:
        // echo "4850000 19548000" | cs2cs -d 10 EPSG:4498 EPSG:4490 → 43.1822864069 105.2950331953
        let z20 = try GaussKrugerZone(width: .sixDegree, number: 20)
        let out = try CoordinateTransform(from: .cgcs2000GaussKruger(z20, withZonePrefix: true), to: .cgcs2000)
        do {
            _ = try out.transform(x: 19_548_000, y: 4_850_000)
            Issue.record("a point 11.7° from the central meridian must throw")
        } catch {
            guard case .pointOutsideZone(let lon, let zone) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(abs(lon - 105.2950331953) < 1e-8)
            #expect(zone == z20)
        }

        // An easting without prefix given to the CRS with prefix, and the other way round.
        let prefixed = try crs("CGCS2000-GK3-Z36")
        let noPrefix = try crs("CGCS2000-GK3-CM108")
        let a = try CoordinateTransform(from: prefixed, to: .cgcs2000)
        #expect(throws: CRSError.eastingOutsideZone(easting: 361412.5847, crs: prefixed)) {
            try a.transform(x: 361412.5847, y: 3272193.2583)
        }
        let b = try CoordinateTransform(from: noPrefix, to: .cgcs2000)
        #expect(throws: CRSError.eastingOutsideZone(easting: 36361412.5847, crs: noPrefix)) {
            try b.transform(x: 36361412.5847, y: 3272193.2583)
        }
        let message = CRSError.eastingOutsideZone(easting: 361412.5847, crs: prefixed).description
        #expect(message.contains("36500000") && message.contains("prefix"))
    }

    // MARK: Measuring in metres

    @Test func toMetresPicksTheBestThreeDegreeZone() throws {
        let t = try CoordinateTransform.toMetres(from: .cgcs2000, aroundLongitude: 106.57)
        #expect(t.target.epsgCode == 4545)
        // echo "29.56 106.57 29.57 106.58" | geod +ellps=GRS80 -I +units=m -f "%.4f" → 1472.314 m
        var line = [106.57, 29.56, 106.58, 29.57]
        try t.transform(&line)
        let length = ((line[2] - line[0]) * (line[2] - line[0]) + (line[3] - line[1]) * (line[3] - line[1])).squareRoot()
        // The grid distance differs from the ellipsoidal one by the scale factor, 1.0002 at 1.4° from the CM.
        #expect(abs(length / 1472.314 - 1) < 0.0005)

        let beijing = try CoordinateTransform.toMetres(from: .gcj02, aroundLongitude: 116.41)
        #expect(beijing.target.epsgCode == 4548)
        #expect(try CoordinateTransform.toMetres(from: .webMercator, aroundLongitude: 113.26).target.epsgCode == 4547)

        // Data already in a zone stays in that zone, without prefix.
        let fromPrefixed = try CoordinateTransform.toMetres(from: try crs("EPSG:4524"), aroundLongitude: 0)
        #expect(fromPrefixed.target.epsgCode == 4545)
        let p = try fromPrefixed.transform(x: 36361412.5847, y: 3272193.2583)
        #expect(abs(p.x - 361412.5847) < 1e-6 && abs(p.y - 3272193.2583) < 1e-6)

        #expect(throws: CRSError.longitudeOutsideZones(lon: 139.69, width: 3)) {
            try CoordinateTransform.toMetres(from: .wgs84, aroundLongitude: 139.69)
        }
    }

    // MARK: WKT

    @Test func wktForPrjAndGeoPackage() throws {
        let zone = try crs("CGCS2000-GK3-CM108")
        let esri = try zone.wkt(.esri)
        #expect(esri.hasPrefix("PROJCS[\"CGCS2000_3_Degree_GK_CM_108E\""))
        #expect(esri.contains("PROJECTION[\"Gauss_Kruger\"]"))
        #expect(esri.contains("PARAMETER[\"Central_Meridian\",108.0]"))
        #expect(!esri.contains("\n"))
        let wkt1 = try zone.wkt(.wkt1)
        #expect(wkt1.hasPrefix("PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 108E\""))
        #expect(wkt1.hasSuffix("AUTHORITY[\"EPSG\",\"4545\"]]"))
        let wkt2 = try zone.wkt(.wkt2)
        #expect(wkt2.hasPrefix("PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 108E\""))
        #expect(wkt2.contains("ID[\"EPSG\",4545]"))

        let prefixed = try crs("CGCS2000-GK3-Z36").wkt(.esri)
        #expect(prefixed.contains("PARAMETER[\"False_Easting\",36500000.0]"))
        #expect(try CoordinateReferenceSystem.cgcs2000.wkt(.esri).hasPrefix("GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\""))
        #expect(try CoordinateReferenceSystem.wgs84.wkt(.wkt1).contains("AUTHORITY[\"EPSG\",\"4326\"]"))
        #expect(try CoordinateReferenceSystem.webMercator.wkt(.esri).contains("Mercator_Auxiliary_Sphere"))
        #expect(throws: CRSError.noPROJDefinition("GCJ-02")) { try CoordinateReferenceSystem.gcj02.wkt(.esri) }
    }
}
