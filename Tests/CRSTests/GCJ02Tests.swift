import Foundation
import Testing
@testable import CRS

@Suite struct GCJ02Tests {
    /// Known forward values from the independent Python implementation in this folder:
    /// `python3 Tests/CRSTests/Reference/gcj02_reference.py 116.40,39.90 106.57,29.56 113.26,23.13 87.6,43.8 121.47,31.23`
    static let known: [(wgsLon: Double, wgsLat: Double, gcjLon: Double, gcjLat: Double)] = [
        (116.40, 39.90, 116.406242784911, 39.901403529849),  // Beijing
        (106.57, 29.56, 106.573692966952, 29.557120467271),  // Chongqing Yuzhong
        (113.26, 23.13, 113.265327084801, 23.127321647611),  // Guangzhou
        (87.6, 43.8, 87.602838972272, 43.801212030292),  // Urumqi
        (121.47, 31.23, 121.474534900443, 31.228067481942),  // Shanghai
    ]

    @Test func forwardMatchesReference() {
        for k in Self.known {
            let g = GCJ02.fromWGS84(longitude: k.wgsLon, latitude: k.wgsLat)
            #expect(abs(g.longitude - k.gcjLon) < 1e-11, "\(k)")
            #expect(abs(g.latitude - k.gcjLat) < 1e-11, "\(k)")
        }
    }

    @Test func inverseRecoversReferencePoints() {
        for k in Self.known {
            let w = GCJ02.toWGS84(longitude: k.gcjLon, latitude: k.gcjLat)
            #expect(abs(w.longitude - k.wgsLon) < 1e-9, "\(k)")
            #expect(abs(w.latitude - k.wgsLat) < 1e-9, "\(k)")
        }
    }

    /// Round trip WGS84 → GCJ-02 → WGS84 on a grid over the whole area where the offset applies.
    @Test func roundTripAcrossChinaWithin5cm() {
        let result = Self.roundTripGrid(step: 0.37)
        #expect(result.points > 20_000)
        #expect(result.maxErrorMetres < 0.05)
        // The iteration stops at 1e-9° ≈ 0.1 mm; it should get there everywhere.
        #expect(result.maxErrorMetres < 0.001)
        // Guard against a do-nothing implementation passing the round trip: the offset is real everywhere.
        #expect(result.minOffsetMetres > 0.1)
    }

    /// Round-trip statistics for a grid of WGS84 points inside the GCJ-02 rectangle.
    static func roundTripGrid(step: Double) -> (points: Int, maxErrorMetres: Double, minOffsetMetres: Double) {
        var points = 0
        var maxError = 0.0
        var minOffset = Double.infinity
        var lat = 0.9
        while lat < 55.8 {
            var lon = 72.1
            while lon < 137.8 {
                let g = GCJ02.fromWGS84(longitude: lon, latitude: lat)
                let w = GCJ02.toWGS84(longitude: g.longitude, latitude: g.latitude)
                maxError = max(maxError, metres(lon, lat, w.longitude, w.latitude))
                minOffset = min(minOffset, metres(lon, lat, g.longitude, g.latitude))
                points += 1
                lon += step
            }
            lat += step
        }
        return (points, maxError, minOffset)
    }

    /// Approximate ground distance in metres between two nearby points.
    static func metres(_ lon1: Double, _ lat1: Double, _ lon2: Double, _ lat2: Double) -> Double {
        let dx = (lon2 - lon1) * 111_320 * cos(lat1 * .pi / 180)
        let dy = (lat2 - lat1) * 110_574
        return (dx * dx + dy * dy).squareRoot()
    }

    @Test(arguments: [
        (139.69, 35.69),  // Tokyo
        (-0.1276, 51.5072),  // London
        (151.21, -33.87),  // Sydney
        (37.62, 55.75),  // Moscow: west of 72°E
        (106.57, 60.0),  // north of the rectangle
        (106.57, 0.5),  // south of the rectangle
    ])
    func identityOutsideChina(lon: Double, lat: Double) {
        #expect(!GCJ02.isInsideChina(longitude: lon, latitude: lat))
        let g = GCJ02.fromWGS84(longitude: lon, latitude: lat)
        #expect(g.longitude == lon && g.latitude == lat)
        let w = GCJ02.toWGS84(longitude: lon, latitude: lat)
        #expect(w.longitude == lon && w.latitude == lat)
    }

    @Test func rectangleIsTheCommonOne() {
        #expect(GCJ02.isInsideChina(longitude: 116.40, latitude: 39.90))
        #expect(GCJ02.isInsideChina(longitude: 87.6, latitude: 43.8))
        #expect(GCJ02.isInsideChina(longitude: 109.5, latitude: 18.25))  // Sanya
        // Seoul is inside the coarse rectangle and offset, as in the common implementations.
        #expect(GCJ02.isInsideChina(longitude: 126.98, latitude: 37.57))
        #expect(!GCJ02.isInsideChina(longitude: 72.0, latitude: 39.0))
        #expect(!GCJ02.isInsideChina(longitude: 137.9, latitude: 39.0))
    }

    /// Longitude and latitude are never exchanged: (116.40, 39.90) is Beijing, while (39.90, 116.40)
    /// would be outside China and come back unchanged; and the two offsets differ (6.2e-3° vs 1.4e-3°).
    @Test func longitudeLatitudeOrderThroughTransforms() throws {
        let toGCJ = try CoordinateTransform(from: .wgs84, to: .gcj02)
        let p = try toGCJ.transform(x: 116.40, y: 39.90)
        #expect(abs(p.x - 116.406242784911) < 1e-11)
        #expect(abs(p.y - 39.901403529849) < 1e-11)

        var xy = [116.40, 39.90, 106.57, 29.56]
        try toGCJ.transform(&xy)
        #expect(abs(xy[0] - 116.406242784911) < 1e-11 && abs(xy[1] - 39.901403529849) < 1e-11)
        #expect(abs(xy[2] - 106.573692966952) < 1e-11 && abs(xy[3] - 29.557120467271) < 1e-11)

        var xs = [116.40], ys = [39.90]
        try toGCJ.transform(x: &xs, y: &ys)
        #expect(abs(xs[0] - 116.406242784911) < 1e-11 && abs(ys[0] - 39.901403529849) < 1e-11)

        let back = try CoordinateTransform(from: .gcj02, to: .wgs84)
        let w = try back.transform(x: 116.406242784911, y: 39.901403529849)
        #expect(abs(w.x - 116.40) < 1e-9 && abs(w.y - 39.90) < 1e-9)
    }

    /// GCJ-02 to a Gauss-Krüger zone goes through WGS84 ≈ CGCS2000 and lands on the cs2cs value.
    @Test func gcjToZoneAndBack() throws {
        // echo "29.56 106.57" | cs2cs -d 4 EPSG:4490 EPSG:4545 → 3272193.2583 361412.5847
        let zone = try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108")
        let t = try CoordinateTransform(from: .gcj02, to: zone)
        let p = try t.transform(x: 106.573692966952, y: 29.557120467271)
        #expect(abs(p.x - 361412.5847) < 0.001)
        #expect(abs(p.y - 3272193.2583) < 0.001)

        let back = try t.inverted()
        let g = try back.transform(x: 361412.5847, y: 3272193.2583)
        #expect(abs(g.x - 106.573692966952) < 1e-8)
        #expect(abs(g.y - 29.557120467271) < 1e-8)

        // CGCS2000 → GCJ-02 equals WGS84 → GCJ-02.
        let fromCGCS = try CoordinateTransform(from: .cgcs2000, to: .gcj02)
        let c = try fromCGCS.transform(x: 116.40, y: 39.90)
        #expect(abs(c.x - 116.406242784911) < 1e-11 && abs(c.y - 39.901403529849) < 1e-11)
    }

    @Test func gcjToWebMercator() throws {
        // The GCJ-02 point of Beijing (116.40, 39.90) goes back to WGS84, then to Web Mercator:
        // echo "39.90 116.40" | cs2cs -d 4 EPSG:4326 EPSG:3857 → 12957588.7283 4851421.1752
        let t = try CoordinateTransform(from: .gcj02, to: .webMercator)
        let p = try t.transform(x: 116.406242784911, y: 39.901403529849)
        #expect(abs(p.x - 12957588.7283) < 0.001)
        #expect(abs(p.y - 4851421.1752) < 0.001)
    }

    @Test func interleavedHelpersMatchSinglePoints() {
        var xy = [116.40, 39.90, 139.69, 35.69, 106.57, 29.56]
        xy.withUnsafeMutableBufferPointer { GCJ02.fromWGS84(interleaved: $0) }
        #expect(abs(xy[0] - 116.406242784911) < 1e-11 && abs(xy[1] - 39.901403529849) < 1e-11)
        #expect(xy[2] == 139.69 && xy[3] == 35.69)
        xy.withUnsafeMutableBufferPointer { GCJ02.toWGS84(interleaved: $0) }
        #expect(abs(xy[0] - 116.40) < 1e-9 && abs(xy[1] - 39.90) < 1e-9)
        #expect(abs(xy[4] - 106.57) < 1e-9 && abs(xy[5] - 29.56) < 1e-9)
    }
}
