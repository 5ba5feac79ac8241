import Testing
@testable import CRS

@Suite struct GaussKrugerZoneTests {
    // MARK: Zone for a longitude

    @Test(arguments: [
        // (longitude, expected 3° zone number, expected central meridian)
        (106.57, 36, 108.0),  // Chongqing Yuzhong: 106.57 is nearer 108 than 105
        (116.40, 39, 117.0),  // Beijing
        (87.6, 29, 87.0),  // Urumqi
        (113.26, 38, 114.0),  // Guangzhou
        (106.5, 36, 108.0),  // on the 35/36 boundary: belongs to the zone to the east
        (106.4999, 35, 105.0),
        (73.5, 25, 75.0),
        (136.4999, 45, 135.0),
    ])
    func threeDegreeZoneForLongitude(longitude: Double, number: Int, meridian: Double) throws {
        let zone = try GaussKrugerZone.zone(forLongitude: longitude, width: .threeDegree)
        #expect(zone.width == .threeDegree)
        #expect(zone.number == number)
        #expect(zone.centralMeridian == meridian)
        #expect(zone.longitudeBand.contains(longitude))
    }

    @Test(arguments: [
        // (longitude, expected 6° zone number, expected central meridian)
        (116.40, 20, 117.0),  // Beijing
        (106.57, 18, 105.0),  // Chongqing
        (113.26, 19, 111.0),  // Guangzhou
        (87.6, 15, 87.0),  // Urumqi
        (108.0, 19, 111.0),  // on the 18/19 boundary: belongs to the zone to the east
        (107.9999, 18, 105.0),
        (72.0, 13, 75.0),
        (137.9999, 23, 135.0),
    ])
    func sixDegreeZoneForLongitude(longitude: Double, number: Int, meridian: Double) throws {
        let zone = try GaussKrugerZone.zone(forLongitude: longitude, width: .sixDegree)
        #expect(zone.width == .sixDegree)
        #expect(zone.number == number)
        #expect(zone.centralMeridian == meridian)
    }

    @Test func longitudesOutsideEveryZoneThrow() {
        #expect(throws: CRSError.longitudeOutsideZones(lon: 73.4, width: 3)) {
            try GaussKrugerZone.zone(forLongitude: 73.4, width: .threeDegree)
        }
        #expect(throws: CRSError.longitudeOutsideZones(lon: 136.5, width: 3)) {
            try GaussKrugerZone.zone(forLongitude: 136.5, width: .threeDegree)
        }
        #expect(throws: CRSError.longitudeOutsideZones(lon: 139.69, width: 6)) {
            try GaussKrugerZone.zone(forLongitude: 139.69, width: .sixDegree)
        }
        // Latitude given where longitude belongs (Chongqing, swapped).
        #expect(throws: CRSError.longitudeOutsideZones(lon: 29.56, width: 3)) {
            try GaussKrugerZone.zone(forLongitude: 29.56, width: .threeDegree)
        }
        #expect(throws: CRSError.self) {
            try GaussKrugerZone.zone(forLongitude: .nan, width: .threeDegree)
        }
    }

    // MARK: Zone from a prefixed easting

    @Test func zoneFromPrefixedEasting() throws {
        let z36 = try GaussKrugerZone.zone(fromPrefixedEasting: 36_361_412.5847)
        #expect(z36.width == .threeDegree && z36.number == 36 && z36.centralMeridian == 108)
        let z25 = try GaussKrugerZone.zone(fromPrefixedEasting: 25_500_000)
        #expect(z25.width == .threeDegree && z25.number == 25)
        let z45 = try GaussKrugerZone.zone(fromPrefixedEasting: 45_999_999.9)
        #expect(z45.width == .threeDegree && z45.number == 45)
        let z19 = try GaussKrugerZone.zone(fromPrefixedEasting: 19_480_000)
        #expect(z19.width == .sixDegree && z19.number == 19 && z19.centralMeridian == 111)
        let z13 = try GaussKrugerZone.zone(fromPrefixedEasting: 13_000_000)
        #expect(z13.width == .sixDegree && z13.number == 13)
        let z23 = try GaussKrugerZone.zone(fromPrefixedEasting: 23_700_000)
        #expect(z23.width == .sixDegree && z23.number == 23)
    }

    @Test(arguments: [361_412.5847, 24_500_000, 12_999_999, 46_000_000, -36_500_000, 500_000_000_000])
    func eastingsWithoutAZonePrefixThrow(easting: Double) {
        #expect(throws: CRSError.eastingWithoutZonePrefix(easting: easting)) {
            try GaussKrugerZone.zone(fromPrefixedEasting: easting)
        }
    }

    // MARK: Construction and EPSG codes

    @Test func zonesByNumberAndMeridian() throws {
        #expect(try GaussKrugerZone(width: .threeDegree, centralMeridian: 108).number == 36)
        #expect(try GaussKrugerZone(width: .threeDegree, centralMeridian: 75).number == 25)
        #expect(try GaussKrugerZone(width: .sixDegree, centralMeridian: 111).number == 19)
        #expect(try GaussKrugerZone(width: .sixDegree, centralMeridian: 135).number == 23)
        #expect(try GaussKrugerZone(width: .sixDegree, number: 19).centralMeridian == 111)
        #expect(try GaussKrugerZone(width: .threeDegree, number: 45).centralMeridian == 135)

        #expect(throws: CRSError.invalidZone(width: 3, number: 24)) { try GaussKrugerZone(width: .threeDegree, number: 24) }
        #expect(throws: CRSError.invalidZone(width: 6, number: 24)) { try GaussKrugerZone(width: .sixDegree, number: 24) }
        #expect(throws: CRSError.invalidCentralMeridian(width: 3, meridian: 109)) {
            try GaussKrugerZone(width: .threeDegree, centralMeridian: 109)
        }
        #expect(throws: CRSError.invalidCentralMeridian(width: 6, meridian: 114)) {
            try GaussKrugerZone(width: .sixDegree, centralMeridian: 114)
        }
        #expect(throws: CRSError.invalidCentralMeridian(width: 3, meridian: 72)) {
            try GaussKrugerZone(width: .threeDegree, centralMeridian: 72)
        }
    }

    @Test func epsgCodes() throws {
        let z36 = try GaussKrugerZone(width: .threeDegree, number: 36)
        #expect(z36.epsgCode(withZonePrefix: true) == 4524)
        #expect(z36.epsgCode(withZonePrefix: false) == 4545)
        #expect(try GaussKrugerZone(width: .threeDegree, number: 25).epsgCode(withZonePrefix: true) == 4513)
        #expect(try GaussKrugerZone(width: .threeDegree, number: 45).epsgCode(withZonePrefix: true) == 4533)
        #expect(try GaussKrugerZone(width: .threeDegree, number: 25).epsgCode(withZonePrefix: false) == 4534)
        #expect(try GaussKrugerZone(width: .threeDegree, number: 45).epsgCode(withZonePrefix: false) == 4554)
        #expect(try GaussKrugerZone(width: .sixDegree, number: 13).epsgCode(withZonePrefix: true) == 4491)
        #expect(try GaussKrugerZone(width: .sixDegree, number: 23).epsgCode(withZonePrefix: true) == 4501)
        #expect(try GaussKrugerZone(width: .sixDegree, number: 13).epsgCode(withZonePrefix: false) == 4502)
        #expect(try GaussKrugerZone(width: .sixDegree, number: 23).epsgCode(withZonePrefix: false) == 4512)

        #expect(GaussKrugerZone.fromEPSG(4490) == nil)
        #expect(GaussKrugerZone.fromEPSG(4555) == nil)
        for code in 4491...4554 {
            let found = try #require(GaussKrugerZone.fromEPSG(code))
            #expect(found.zone.epsgCode(withZonePrefix: found.withZonePrefix) == code)
        }
    }

    /// Every code's central meridian and false easting agree with PROJ's EPSG database:
    /// the central meridian at the equator projects to (false easting, 0).
    @Test func epsgCodesAgreeWithPROJDatabase() throws {
        for code in 4491...4554 {
            let crs = try CoordinateReferenceSystem(epsg: code)
            let zone = try #require(crs.gaussKrugerZone)
            let t = try CoordinateTransform(from: .cgcs2000, to: crs)
            let p = try t.transform(x: zone.centralMeridian, y: 0)
            #expect(abs(p.x - (crs.falseEasting ?? .nan)) < 1e-6, "EPSG:\(code)")
            #expect(abs(p.y) < 1e-6, "EPSG:\(code)")
            let wkt = try crs.wkt(.wkt1)
            #expect(wkt.contains("PARAMETER[\"central_meridian\",\(Int(zone.centralMeridian))]"), "EPSG:\(code)")
        }
    }

    @Test func domainIsBandPlusHalfAWidth() throws {
        let z36 = try GaussKrugerZone(width: .threeDegree, number: 36)
        #expect(z36.longitudeBand == 106.5...109.5)
        #expect(z36.longitudeDomain == 105.0...111.0)
        let z19 = try GaussKrugerZone(width: .sixDegree, number: 19)
        #expect(z19.longitudeBand == 108.0...114.0)
        #expect(z19.longitudeDomain == 105.0...117.0)
    }

    @Test func bestZoneForMeasuring() throws {
        #expect(try GaussKrugerZone.bestZone(for: 106.57).epsgCode(withZonePrefix: false) == 4545)
        #expect(try GaussKrugerZone.bestZone(for: 116.40).epsgCode(withZonePrefix: false) == 4548)
        #expect(try GaussKrugerZone.bestZone(for: 113.26).epsgCode(withZonePrefix: false) == 4547)
        #expect(try GaussKrugerZone.bestZone(forLongitudesFrom: 105.9, to: 107.2).number == 36)
        // 100°E to 112°E is too wide for one 3° zone.
        #expect(throws: CRSError.self) { try GaussKrugerZone.bestZone(forLongitudesFrom: 100, to: 112) }
        #expect(throws: CRSError.longitudeOutsideZones(lon: -0.1276, width: 3)) {
            try GaussKrugerZone.bestZone(for: -0.1276)
        }
    }
}
