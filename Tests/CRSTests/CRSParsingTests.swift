import Foundation
import Testing
@testable import CRS

@Suite struct CRSParsingTests {
    private func parse(_ text: String) throws -> CoordinateReferenceSystem {
        try CoordinateReferenceSystem(parsing: text)
    }

    private func zone(_ width: GaussKrugerZone.Width, _ number: Int, prefix: Bool) throws -> CoordinateReferenceSystem {
        .cgcs2000GaussKruger(try GaussKrugerZone(width: width, number: number), withZonePrefix: prefix)
    }

    @Test func geographicAndWebNames() throws {
        for text in ["EPSG:4490", "4490", "epsg:4490", " EPSG:4490 ", "EPSG::4490", "urn:ogc:def:crs:EPSG::4490",
                     "CGCS2000", "cgcs2000", "CGCS 2000", "CGCS-2000"] {
            #expect(try parse(text) == .cgcs2000, "\(text)")
        }
        for text in ["EPSG:4326", "4326", "WGS84", "WGS 84", "wgs-84", "CRS84", "OGC:CRS84",
                     "http://www.opengis.net/def/crs/EPSG/0/4326", "urn:ogc:def:crs:OGC:1.3:CRS84"] {
            #expect(try parse(text) == .wgs84, "\(text)")
        }
        for text in ["GCJ-02", "GCJ02", "gcj02", "gcj_02"] {
            #expect(try parse(text) == .gcj02, "\(text)")
        }
        for text in ["WebMercator", "webmercator", "Web-Mercator", "EPSG:3857", "3857", "Pseudo-Mercator", "EPSG:900913"] {
            #expect(try parse(text) == .webMercator, "\(text)")
        }
    }

    @Test func gaussKrugerNames() throws {
        #expect(try parse("CGCS2000-GK3-CM108") == zone(.threeDegree, 36, prefix: false))
        #expect(try parse("cgcs2000_gk3_cm108") == zone(.threeDegree, 36, prefix: false))
        #expect(try parse("CGCS2000-GK3-CM75") == zone(.threeDegree, 25, prefix: false))
        #expect(try parse("CGCS2000-GK3-CM135") == zone(.threeDegree, 45, prefix: false))
        #expect(try parse("CGCS2000-GK3-Z36") == zone(.threeDegree, 36, prefix: true))
        #expect(try parse("CGCS2000-GK3-Z25") == zone(.threeDegree, 25, prefix: true))
        #expect(try parse("CGCS2000-GK6-CM111") == zone(.sixDegree, 19, prefix: false))
        #expect(try parse("CGCS2000-GK6-Z19") == zone(.sixDegree, 19, prefix: true))
        #expect(try parse("CGCS2000-GK6-Z13") == zone(.sixDegree, 13, prefix: true))
        #expect(try parse("EPSG:4545") == zone(.threeDegree, 36, prefix: false))
        #expect(try parse("EPSG:4524") == zone(.threeDegree, 36, prefix: true))
        #expect(try parse("EPSG:4498") == zone(.sixDegree, 20, prefix: true))
        #expect(try parse("EPSG:4509") == zone(.sixDegree, 20, prefix: false))
        #expect(try parse("CGCS2000-GK3-CM108").epsgCode == 4545)
        #expect(try parse("CGCS2000-GK3-Z36").epsgCode == 4524)
        #expect(try parse("CGCS2000-GK6-CM111").epsgCode == 4508)
        #expect(try parse("CGCS2000-GK6-Z19").epsgCode == 4497)
    }

    @Test(arguments: ["EPSG:9999", "EPSG:4555", "EPSG:4489", "4267", "NAD83", "", "   ", "EPSG:", "GCJ-03",
                      "CGCS2000-GK4-CM108", "CGCS2000-GK3", "CGCS2000-GK3-X36", "CGCS2000-GK3-Zabc", "BD-09",
                      "Xian80", "EPSG:4490x", "CGCS2000-GK3-CM"])
    func unknownNamesThrowUnknownCRS(text: String) {
        #expect(throws: CRSError.unknownCRS(text)) { try CoordinateReferenceSystem(parsing: text) }
    }

    @Test func impossibleZonesSayWhy() {
        #expect(throws: CRSError.invalidCentralMeridian(width: 3, meridian: 109)) { try parse("CGCS2000-GK3-CM109") }
        #expect(throws: CRSError.invalidCentralMeridian(width: 6, meridian: 108)) { try parse("CGCS2000-GK6-CM108") }
        #expect(throws: CRSError.invalidZone(width: 3, number: 50)) { try parse("CGCS2000-GK3-Z50") }
        #expect(throws: CRSError.invalidZone(width: 6, number: 36)) { try parse("CGCS2000-GK6-Z36") }
    }

    @Test func everyCRSReadsBackFromItsNames() throws {
        var all: [CoordinateReferenceSystem] = [.cgcs2000, .wgs84, .webMercator, .gcj02]
        for code in 4491...4554 { all.append(try CoordinateReferenceSystem(epsg: code)) }
        #expect(Set(all).count == 68)
        for crs in all {
            #expect(try parse(crs.identifier) == crs)
            #expect(try parse(crs.quhuaName) == crs)
            let json = try JSONEncoder().encode(crs)
            #expect(try JSONDecoder().decode(CoordinateReferenceSystem.self, from: json) == crs)
        }
        #expect(try CoordinateReferenceSystem(epsg: 4545).quhuaName == "CGCS2000-GK3-CM108")
        #expect(try CoordinateReferenceSystem(epsg: 4524).quhuaName == "CGCS2000-GK3-Z36")
        #expect(CoordinateReferenceSystem.gcj02.identifier == "GCJ-02")
        #expect(CoordinateReferenceSystem.gcj02.epsgCode == nil)
    }

    @Test func errorMessagesNameTheProblem() {
        let unknown = CRSError.unknownCRS("EPSG:9999").description
        #expect(unknown.contains("EPSG:9999") && unknown.contains("CGCS2000-GK3-CM108"))
        let meridian = CRSError.invalidCentralMeridian(width: 3, meridian: 109).description
        #expect(meridian.contains("109") && meridian.contains("multiples of 3"))
    }
}
