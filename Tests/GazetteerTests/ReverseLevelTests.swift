import Foundation
import GEOSKit
import GeoFormats
import GRDB
import Testing
@testable import Gazetteer

/// Reverse lookups at the deepest level the stored polygons allow, on a gazetteer of its own
/// (the shared one keeps prefecture polygons only): shipped provinces and prefectures, then a
/// hand-made county polygon for 渝中区 (GeoJSON) and a township polygon for 七星岗街道 (GeoPackage).
@Suite struct ReverseLevelTests {
    /// A point in 渝中区.
    static let yuzhong = (lon: 106.57, lat: 29.55)
    /// Inside the county polygon's bounding box, outside the polygon (still in 重庆市).
    static let besideCounty = (lon: 106.55, lat: 29.58)
    /// Inside the county polygon, outside the township polygon.
    static let besideTownship = (lon: 106.59, lat: 29.535)

    /// The county polygon: the triangle below the diagonal of [106.54, 106.60] × [29.53, 29.59].
    static let countyRing = [(106.54, 29.53), (106.60, 29.53), (106.60, 29.59), (106.54, 29.53)]
    /// The township polygon: a small square around the point in 渝中区.
    static let townshipRing = [(106.565, 29.545), (106.575, 29.545), (106.575, 29.555), (106.565, 29.555), (106.565, 29.545)]

    static func geoJSON(_ features: [(code: String, geometry: String)]) -> String {
        let items = features.map { #"{"type":"Feature","properties":{"code":"\#($0.code)"},"geometry":\#($0.geometry)}"# }
        return #"{"type":"FeatureCollection","features":[\#(items.joined(separator: ","))]}"#
    }

    static func polygon(_ ring: [(Double, Double)]) -> String {
        #"{"type":"Polygon","coordinates":[[\#(ring.map { "[\($0.0),\($0.1)]" }.joined(separator: ","))]]}"#
    }

    @Test func reverseAnswersTheDeepestLevelAndSaysWhereItStops() throws {
        let folder = Fixture.temporaryDirectory("reverse-levels")
        let store = try GazetteerStore(path: folder.appendingPathComponent("gazetteer.sqlite").path)
        _ = try AreaCodesImporter(directory: Fixture.areacodes).run(into: store, actor: "tests")
        _ = try TownshipImporter(file: try Fixture.townshipSubset()).run(into: store, actor: "tests")
        let provinces = GeometryImporter(file: Fixture.geoData.appendingPathComponent("cn-atlas/provinces.json"),
                                         sourceKey: "cn-atlas-provinces", citation: "cn-atlas provinces", level: .province)
        let provinceReport = try provinces.run(into: store, actor: "tests")
        #expect(provinceReport.count("polygons") == 34)
        #expect(provinceReport.count("unmatched codes") == 0)
        #expect(try !provinces.run(into: store, actor: "tests").changed, "the same file twice changes nothing")
        let prefectures = try GeometryImporter(file: Fixture.geoData.appendingPathComponent("cn-atlas/derived_prefectures.geojson"))
            .run(into: store, actor: "tests")
        #expect(prefectures.count("polygons") == 372)
        #expect(prefectures.note?.contains("prefecture level") == true, "\(prefectures.description)")
        let geocoder = try ReverseGeocoder(store: store)

        // Provinces and prefectures only: 重庆市's polygon fills the prefecture level.
        var answer = try geocoder.answer(longitude: Self.yuzhong.lon, latitude: Self.yuzhong.lat)
        #expect(answer.results.map(\.place.code) == ["500000"])
        #expect(answer.results.first?.polygonLevel == .prefecture)
        #expect(answer.deepestLevel == .prefecture)
        #expect(answer.stop == "stops at prefecture level: no county or township polygons are stored")
        let chengdu = try geocoder.answer(longitude: 104.06, latitude: 30.67)
        #expect(chengdu.results.map(\.place.code) == ["510100", "510000"], "deepest first")
        #expect(chengdu.results.map(\.polygonLevel) == [.prefecture, .province])
        let sea = try geocoder.answer(longitude: 150, latitude: 20)
        #expect(sea.deepestLevel == nil)
        #expect(sea.stop == "no stored polygon contains the point (polygons are stored at province and prefecture level)")

        // A county polygon (GeoJSON), with one code no place has.
        let countyFile = folder.appendingPathComponent("counties.geojson")
        try Self.geoJSON([("500103", Self.polygon(Self.countyRing)), ("990101", Self.polygon(Self.townshipRing))])
            .write(to: countyFile, atomically: true, encoding: .utf8)
        let before = try Fixture.snapshot(store)
        #expect(throws: GazetteerError.invalidInput(source: "counties.geojson", line: nil, message:
            "feature 1 (500103 渝中区) is a county-level division, not a township: --level township takes township polygons only")) {
            try GeometryImporter(file: countyFile, sourceKey: "hand", citation: "test", level: .township).run(into: store, actor: "tests")
        }
        #expect(try Fixture.snapshot(store) == before, "nothing written on error")
        let counties = GeometryImporter(file: countyFile, sourceKey: "hand", citation: "test", level: .county)
        let countyReport = try counties.run(into: store, actor: "tests")
        #expect(countyReport.count("polygons") == 1)
        #expect(countyReport.count("unmatched codes") == 1)
        #expect(countyReport.note?.contains("990101 (feature 2)") == true, "\(countyReport.description)")
        #expect(try !counties.run(into: store, actor: "tests").changed)

        answer = try geocoder.answer(longitude: Self.yuzhong.lon, latitude: Self.yuzhong.lat)
        #expect(answer.results.map(\.place.code) == ["500103", "500000"])
        #expect(answer.deepestLevel == .county)
        #expect(answer.stop == "stops at county level: no township polygons are stored")
        answer = try geocoder.answer(longitude: Self.besideCounty.lon, latitude: Self.besideCounty.lat)
        #expect(answer.results.map(\.place.code) == ["500000"])
        #expect(answer.stop == "stops at prefecture level: no county polygon contains the point although county polygons are stored for 500000 重庆市; "
                + "no township polygons are stored")

        // A township polygon (GeoPackage through GeoFormats' writer), 12-digit code in a field of its own.
        let context = try GEOSContext()
        let township = try context.polygon(shell: Self.townshipRing.map { Coordinate(x: $0.0, y: $0.1) })
        let townshipFile = folder.appendingPathComponent("townships.gpkg")
        // A second township by the nine-digit form of its code, elsewhere in the county polygon.
        let second = try context.polygon(shell: [(106.58, 29.54), (106.585, 29.54), (106.585, 29.545), (106.58, 29.545), (106.58, 29.54)]
            .map { Coordinate(x: $0.0, y: $0.1) })
        _ = try GeoPackageWriter().write(FeatureLayer(name: "townships", crs: "EPSG:4326", fields: ["乡镇代码"], features: [
            Feature(properties: ["乡镇代码": .string("500103001000")], geometry: township),
            Feature(properties: ["乡镇代码": .string("500103003")], geometry: second),
        ]), to: townshipFile, options: WriteOptions())
        let townships = GeometryImporter(file: townshipFile, sourceKey: "hand", citation: "test", level: .township, codeFields: ["乡镇代码"])
        #expect(try townships.run(into: store, actor: "tests").count("polygons") == 2)
        #expect(try geocoder.answer(longitude: 106.582, latitude: 29.542).results.first?.place.code == "500103003000")
        #expect(try !townships.run(into: store, actor: "tests").changed)

        answer = try geocoder.answer(longitude: Self.yuzhong.lon, latitude: Self.yuzhong.lat)
        #expect(answer.results.map(\.place.code) == ["500103001000", "500103", "500000"])
        #expect(answer.results.first?.place.name == "七星岗街道")
        #expect(answer.deepestLevel == .township)
        #expect(answer.stop == "stops at township level, the deepest level of divisions")
        answer = try geocoder.answer(longitude: Self.besideTownship.lon, latitude: Self.besideTownship.lat)
        #expect(answer.deepestLevel == .county)
        #expect(answer.stop == "stops at county level: no township polygon contains the point although township polygons are stored for 500103 渝中区")
        answer = try geocoder.answer(longitude: Self.besideCounty.lon, latitude: Self.besideCounty.lat)
        #expect(answer.stop == "stops at prefecture level: no county polygon contains the point although county polygons are stored for 500000 重庆市; "
                + "no township polygon contains the point although township polygons are stored for 500103 渝中区")

        // Not polygons: refused, nothing written.
        let pointFile = folder.appendingPathComponent("points.geojson")
        try Self.geoJSON([("500103", #"{"type":"Point","coordinates":[106.57,29.55]}"#)]).write(to: pointFile, atomically: true, encoding: .utf8)
        let beforePoints = try Fixture.snapshot(store)
        do {
            _ = try GeometryImporter(file: pointFile, sourceKey: "hand", citation: "test", level: .county).run(into: store, actor: "tests")
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "points.geojson: feature 1 (500103) is a Point, not a Polygon or MultiPolygon; only polygons can be division boundaries")
        }
        #expect(try Fixture.snapshot(store) == beforePoints)

        // A new county edition from 2030 (around the point beside the county): the day asked picks the edition.
        let square = [(106.54, 29.57), (106.56, 29.57), (106.56, 29.59), (106.54, 29.59), (106.54, 29.57)]
        let editionFile = folder.appendingPathComponent("counties-2030.geojson")
        try Self.geoJSON([("500103", Self.polygon(square))]).write(to: editionFile, atomically: true, encoding: .utf8)
        let edition = try GeometryImporter(file: editionFile, sourceKey: "hand", citation: "test", level: .county, validFrom: Day(parsing: "2030-01-01"))
            .run(into: store, actor: "tests")
        #expect(edition.count("earlier polygons ended") == 1)
        let in2029 = try geocoder.answer(longitude: Self.besideCounty.lon, latitude: Self.besideCounty.lat, at: Day(parsing: "2029-06-01"))
        #expect(in2029.deepestLevel == .prefecture)
        let in2031 = try geocoder.answer(longitude: Self.besideCounty.lon, latitude: Self.besideCounty.lat, at: Day(parsing: "2031-06-01"))
        #expect(in2031.results.first?.place.code == "500103")
        #expect(in2031.results.first?.boundaryPeriod == Period(from: "2030-01-01", to: nil))
        #expect(try geocoder.answer(longitude: Self.yuzhong.lon, latitude: Self.yuzhong.lat, at: Day(parsing: "2029-06-01")).results.first?.place.code
                == "500103001000")
    }
}
