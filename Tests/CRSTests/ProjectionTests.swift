import Testing
@testable import CRS

/// A known coordinate pair from `cs2cs` (PROJ 9.1.1, Debian 12), run when these tests were written.
///
/// cs2cs follows the EPSG axis order: EPSG:4490 takes "latitude longitude" and the CGCS2000
/// Gauss-Krüger CRSs print "northing easting". The values below are rearranged to quhua's
/// x,y order (longitude/latitude, easting/northing).
struct KnownPoint: Sendable, CustomTestStringConvertible {
    let crs: String
    let lon: Double
    let lat: Double
    let easting: Double
    let northing: Double
    let command: String

    var testDescription: String { "\(crs) \(command)" }
}

@Suite struct ProjectionTests {
    /// Forward: CGCS2000 longitude/latitude → zone easting/northing, to 1 mm.
    static let forward: [KnownPoint] = [
        // Chongqing Yuzhong in 3° CM 108 (its own zone) and CM 105 (the neighbour), both prefixes.
        KnownPoint(crs: "CGCS2000-GK3-CM108", lon: 106.57, lat: 29.56, easting: 361412.5847, northing: 3272193.2583,
                   command: #"echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4545 → 3272193.2583 361412.5847"#),
        KnownPoint(crs: "CGCS2000-GK3-Z36", lon: 106.57, lat: 29.56, easting: 36361412.5847, northing: 3272193.2583,
                   command: #"echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4524 → 3272193.2583 36361412.5847"#),
        KnownPoint(crs: "CGCS2000-GK3-CM105", lon: 106.57, lat: 29.56, easting: 652157.0916, northing: 3272368.5577,
                   command: #"echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4544 → 3272368.5577 652157.0916"#),
        KnownPoint(crs: "CGCS2000-GK3-Z35", lon: 106.57, lat: 29.56, easting: 35652157.0916, northing: 3272368.5577,
                   command: #"echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4523 → 3272368.5577 35652157.0916"#),
        // Beijing in 3° CM 117.
        KnownPoint(crs: "CGCS2000-GK3-CM117", lon: 116.40, lat: 39.90, easting: 448688.8557, northing: 4418598.0013,
                   command: #"echo "39.90 116.40" | cs2cs -d 4 EPSG:4490 EPSG:4548 → 4418598.0013 448688.8557"#),
        KnownPoint(crs: "CGCS2000-GK3-Z39", lon: 116.40, lat: 39.90, easting: 39448688.8557, northing: 4418598.0013,
                   command: #"echo "39.90 116.40" | cs2cs -d 4 EPSG:4490 EPSG:4527 → 4418598.0013 39448688.8557"#),
        // Guangzhou in 3° CM 114.
        KnownPoint(crs: "CGCS2000-GK3-CM114", lon: 113.26, lat: 23.13, easting: 424204.7037, northing: 2559126.6961,
                   command: #"echo "23.13 113.26" | cs2cs -d 4 EPSG:4490 EPSG:4547 → 2559126.6961 424204.7037"#),
        KnownPoint(crs: "CGCS2000-GK3-Z38", lon: 113.26, lat: 23.13, easting: 38424204.7037, northing: 2559126.6961,
                   command: #"echo "23.13 113.26" | cs2cs -d 4 EPSG:4490 EPSG:4526 → 2559126.6961 38424204.7037"#),
        // Urumqi in 3° CM 87.
        KnownPoint(crs: "CGCS2000-GK3-CM87", lon: 87.6, lat: 43.8, easting: 548285.1151, northing: 4851775.3027,
                   command: #"echo "43.8 87.6" | cs2cs -d 4 EPSG:4490 EPSG:4538 → 4851775.3027 548285.1151"#),
        KnownPoint(crs: "CGCS2000-GK3-Z29", lon: 87.6, lat: 43.8, easting: 29548285.1151, northing: 4851775.3027,
                   command: #"echo "43.8 87.6" | cs2cs -d 4 EPSG:4490 EPSG:4517 → 4851775.3027 29548285.1151"#),
        // 6° zones: Beijing in zone 20 (CM 117), Chongqing in zone 18 (CM 105), Urumqi in zone 15 (CM 87).
        KnownPoint(crs: "CGCS2000-GK6-CM117", lon: 116.40, lat: 39.90, easting: 448688.8557, northing: 4418598.0013,
                   command: #"echo "39.90 116.40" | cs2cs -d 4 EPSG:4490 EPSG:4509 → 4418598.0013 448688.8557"#),
        KnownPoint(crs: "CGCS2000-GK6-Z20", lon: 116.40, lat: 39.90, easting: 20448688.8557, northing: 4418598.0013,
                   command: #"echo "39.90 116.40" | cs2cs -d 4 EPSG:4490 EPSG:4498 → 4418598.0013 20448688.8557"#),
        KnownPoint(crs: "CGCS2000-GK6-CM105", lon: 106.57, lat: 29.56, easting: 652157.0916, northing: 3272368.5577,
                   command: #"echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4507 → 3272368.5577 652157.0916"#),
        KnownPoint(crs: "CGCS2000-GK6-Z15", lon: 87.6, lat: 43.8, easting: 15548285.1151, northing: 4851775.3027,
                   command: #"echo "43.8 87.6" | cs2cs -d 4 EPSG:4490 EPSG:4493 → 4851775.3027 15548285.1151"#),
    ]

    /// Inverse: zone easting/northing → CGCS2000 longitude/latitude, to 1e-8° (about 1 mm).
    static let inverse: [KnownPoint] = [
        KnownPoint(crs: "EPSG:4545", lon: 106.5657685188, lat: 29.5582111550, easting: 361000, northing: 3272000,
                   command: #"echo "3272000 361000" | cs2cs -d 10 EPSG:4545 EPSG:4490 → 29.5582111550 106.5657685188"#),
        KnownPoint(crs: "EPSG:4523", lon: 106.5474238140, lat: 29.5389007808, easting: 35650000, northing: 3270000,
                   command: #"echo "3270000 35650000" | cs2cs -d 10 EPSG:4523 EPSG:4490 → 29.5389007808 106.5474238140"#),
        KnownPoint(crs: "EPSG:4527", lon: 116.3919133802, lat: 39.9035783846, easting: 39448000, northing: 4419000,
                   command: #"echo "4419000 39448000" | cs2cs -d 10 EPSG:4527 EPSG:4490 → 39.9035783846 116.3919133802"#),
        KnownPoint(crs: "EPSG:4547", lon: 114.2538636707, lat: 23.1394174768, easting: 526000, northing: 2560000,
                   command: #"echo "2560000 526000" | cs2cs -d 10 EPSG:4547 EPSG:4490 → 23.1394174768 114.2538636707"#),
        KnownPoint(crs: "EPSG:4517", lon: 87.5965669781, lat: 43.8110404854, easting: 29548000, northing: 4853000,
                   command: #"echo "4853000 29548000" | cs2cs -d 10 EPSG:4517 EPSG:4490 → 43.8110404854 87.5965669781"#),
        KnownPoint(crs: "EPSG:4498", lon: 117.5962984132, lat: 43.7840412653, easting: 20548000, northing: 4850000,
                   command: #"echo "4850000 20548000" | cs2cs -d 10 EPSG:4498 EPSG:4490 → 43.7840412653 117.5962984132"#),
        KnownPoint(crs: "EPSG:4507", lon: 106.2413264555, lat: 29.8127237391, easting: 620000, northing: 3300000,
                   command: #"echo "3300000 620000" | cs2cs -d 10 EPSG:4507 EPSG:4490 → 29.8127237391 106.2413264555"#),
    ]

    @Test(arguments: forward)
    func forwardMatchesCs2cs(point: KnownPoint) throws {
        let t = try CoordinateTransform(from: .cgcs2000, to: try CoordinateReferenceSystem(parsing: point.crs))
        let p = try t.transform(x: point.lon, y: point.lat)
        #expect(abs(p.x - point.easting) < 0.001, "easting \(p.x)")
        #expect(abs(p.y - point.northing) < 0.001, "northing \(p.y)")
    }

    @Test(arguments: forward)
    func forwardValuesGoBack(point: KnownPoint) throws {
        let t = try CoordinateTransform(from: try CoordinateReferenceSystem(parsing: point.crs), to: .cgcs2000)
        let p = try t.transform(x: point.easting, y: point.northing)
        // cs2cs rounded to 0.1 mm, so the way back is good to about 1e-9°.
        #expect(abs(p.x - point.lon) < 1e-8, "longitude \(p.x)")
        #expect(abs(p.y - point.lat) < 1e-8, "latitude \(p.y)")
    }

    @Test(arguments: inverse)
    func inverseMatchesCs2cs(point: KnownPoint) throws {
        let t = try CoordinateTransform(from: try CoordinateReferenceSystem(parsing: point.crs), to: .cgcs2000)
        let p = try t.transform(x: point.easting, y: point.northing)
        #expect(abs(p.x - point.lon) < 1e-8, "longitude \(p.x)")
        #expect(abs(p.y - point.lat) < 1e-8, "latitude \(p.y)")
    }

    /// Between two zones the northing and easting must match going through geographic coordinates.
    @Test func zoneToZone() throws {
        // Chongqing: CM 108 values → CM 105 values (both from the cs2cs runs above).
        let t = try CoordinateTransform(
            from: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108"),
            to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-Z35"))
        let p = try t.transform(x: 361412.5847, y: 3272193.2583)
        #expect(abs(p.x - 35652157.0916) < 0.001)
        #expect(abs(p.y - 3272368.5577) < 0.001)
        // Same zone, prefix dropped: only the easting changes, by exactly 36 000 000 m.
        let drop = try CoordinateTransform(
            from: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-Z36"),
            to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108"))
        let q = try drop.transform(x: 36361412.5847, y: 3272193.2583)
        #expect(abs(q.x - 361412.5847) < 1e-6)
        #expect(abs(q.y - 3272193.2583) < 1e-6)
    }

    @Test func wgs84InputUsesTheSameZoneValues() throws {
        // echo "29.56 106.57" | cs2cs -d 4 EPSG:4326 EPSG:4545 → 3272193.2583 361412.5847
        let t = try CoordinateTransform(from: .wgs84, to: try CoordinateReferenceSystem(epsg: 4545))
        let p = try t.transform(x: 106.57, y: 29.56)
        #expect(abs(p.x - 361412.5847) < 0.001)
        #expect(abs(p.y - 3272193.2583) < 0.001)
    }
}
