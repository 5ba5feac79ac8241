import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

@Suite struct LinkedPlacesTests {
    @Test func documentCarriesNamesAndParentsWithTheirTimes() throws {
        let context = try GEOSContext()
        let square = try context.geometry(wkt: "POLYGON ((108 30, 108 31, 109 31, 109 30, 108 30))")   // clockwise
        let places = [
            LinkedPlace(id: "urn:quhua:place:1", title: "万州区", countryCodes: ["CN"],
                        when: [LPFTimespan(start: "1992-12-11", end: nil)],
                        names: [LPFName(toponym: "万县市", language: "zh-Hans", when: [LPFTimespan(start: "1992-12-11", end: "1998-05-22")]),
                                LPFName(toponym: "万州区", language: "zh-Hans", when: [LPFTimespan(start: "1998-05-22", end: nil)]),
                                LPFName(toponym: "Wànzhōu Qū", language: "zh-Latn-pinyin")],
                        types: [LPFType(identifier: "gbt18521:213", label: "county-level division")],
                        relations: [LPFRelation(relationTo: "urn:quhua:place:2", label: "part of 500000 重庆市", when: [LPFTimespan(start: "1997-06-18", end: nil)]),
                                    LPFRelation(relationTo: "urn:quhua:place:3", label: "part of 510000 四川省", when: [LPFTimespan(start: nil, end: "1997-06-18")])],
                        geometry: square),
            LinkedPlace(id: "urn:quhua:place:2", title: "重庆市 \"direct\"", countryCodes: ["CN"]),
        ]
        let url = try TestData.scratch().appendingPathComponent("places.lpf.json")
        try LinkedPlacesWriter().write(places, to: url)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(root["type"] as? String == "FeatureCollection")
        #expect(root["@context"] as? String == LinkedPlacesWriter.context)
        let features = try #require(root["features"] as? [[String: Any]])
        #expect(features.count == 2)
        let first = features[0]
        #expect(first["@id"] as? String == "urn:quhua:place:1")
        #expect((first["properties"] as? [String: Any])?["title"] as? String == "万州区")
        let names = try #require(first["names"] as? [[String: Any]])
        #expect(names.map { $0["toponym"] as? String } == ["万县市", "万州区", "Wànzhōu Qū"])
        let span = try #require(((names[0]["when"] as? [String: Any])?["timespans"] as? [[String: Any]])?.first)
        #expect((span["start"] as? [String: Any])?["in"] as? String == "1992-12-11")
        #expect((span["end"] as? [String: Any])?["in"] as? String == "1998-05-22")
        #expect(names[2]["when"] == nil)
        let relations = try #require(first["relations"] as? [[String: Any]])
        #expect(relations[0]["relationType"] as? String == "gvp:broaderPartitive")
        #expect(relations[0]["relationTo"] as? String == "urn:quhua:place:2")
        // A span without a known start: started no later than its end.
        let before = try #require(((relations[1]["when"] as? [String: Any])?["timespans"] as? [[String: Any]])?.first)
        #expect((before["start"] as? [String: Any])?["latest"] as? String == "1997-06-18")
        // Geometry as GeoJSON with the right-hand rule; none is null.
        let geometry = try #require(first["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "Polygon")
        let ring = try #require((geometry["coordinates"] as? [[[Double]]])?.first)
        #expect(Path(xy: ring.flatMap { $0 }).isCounterClockwise)
        #expect(features[1]["geometry"] is NSNull)
        #expect((features[1]["properties"] as? [String: Any])?["title"] as? String == "重庆市 \"direct\"")
        if GDAL.available {
            // GDAL reads LPF as GeoJSON.
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count: 2"), "\(info)")
        }
    }
}
