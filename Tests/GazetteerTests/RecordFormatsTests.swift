import CRS
import Foundation
import GEOSKit
import GeoFormats
import Testing
@testable import Gazetteer

extension RecordStoreTests {
    /// The record importer reads GeoPackage and Shapefile layers through GeoFormats like GeoJSON and CSV
    /// (on ``RecordFixture``'s gazetteer, hence nested in the serialized ``RecordStoreTests``).
    @Suite struct RecordFormatsTests {
        static let geoJSON = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"code": "R-FMT-1", "name": "都历山", "category": "13", "meaning": "山形如都历"},
               "geometry": {"type": "Point", "coordinates": [108.45, 30.77]}},
              {"type": "Feature", "properties": {"code": "R-FMT-2", "name": "甘宁湖", "category": "12", "origin": "因三国甘宁得名"},
               "geometry": {"type": "Point", "coordinates": [108.28, 30.70]}}
            ]}
            """

        /// Writes the same two points as GeoPackage (`R-FMT-…`) and Shapefile (`R-SHP-…`) and imports both.
        @Test func geoPackageAndShapefileLayers() throws {
            let store = try RecordFixture.shared.get()
            let context = try GEOSContext()
            let source = try RecordFixture.file("points.geojson", Self.geoJSON)
            let layer = try GeoFormat.read(source, context: context)
            let folder = Fixture.temporaryDirectory("record-formats")
            let gpkg = folder.appendingPathComponent("points.gpkg")
            _ = try GeoFormat.geoPackage.writer.write(layer, to: gpkg, options: WriteOptions())
            var shpLayer = layer
            for index in shpLayer.features.indices {
                shpLayer.features[index].properties["code"] = .string("R-SHP-\(index + 1)")
            }
            let shp = folder.appendingPathComponent("points.shp")
            _ = try GeoFormat.shapefile.writer.write(shpLayer, to: shp, options: WriteOptions())

            let mapping = try RecordColumnMapping(parsing: nil, constants: "level=feature,parent=500101")
            for (file, prefix) in [(gpkg, "R-FMT"), (shp, "R-SHP")] {
                let report = try RecordImporter(file: file, mapping: mapping).run(into: store, actor: "tests")
                #expect(report.count("places created") == 2, "\(file.lastPathComponent)")
                #expect(report.count("locations") == 2, "\(file.lastPathComponent)")
                let lookup = PlaceLookup(store: store)
                let record = try #require(try store.record(of: try lookup.resolveOne("\(prefix)-1").id))
                #expect(record.meaning == "山形如都历")
                #expect(record.category?.name == "陆地地形")
                #expect(record.locations.first?.point == [108.45, 30.77])
                #expect(try store.record(of: try lookup.resolveOne("\(prefix)-2").id)?.origin == "因三国甘宁得名")
                #expect(try !RecordImporter(file: file, mapping: mapping).run(into: store, actor: "tests").changed)
            }
        }

        /// A GeoPackage in a Gauss-Krüger zone, and a CSV of GCJ-02 points said to be so, are stored as longitude/latitude.
        @Test func projectedLayersAreStoredAsLongitudeLatitude() throws {
            let store = try RecordFixture.shared.get()
            let context = try GEOSContext()
            let layer = try GeoFormat.read(try RecordFixture.file("points.geojson", Self.geoJSON), context: context)
            var projected = try layer.reprojected(from: .wgs84, to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108"))
            for index in projected.features.indices { projected.features[index].properties["code"] = .string("R-GK-\(index + 1)") }
            let gpkg = Fixture.temporaryDirectory("record-formats").appendingPathComponent("gk.gpkg")
            _ = try GeoFormat.geoPackage.writer.write(projected, to: gpkg, options: WriteOptions())
            let mapping = try RecordColumnMapping(parsing: nil, constants: "level=feature")
            #expect(try RecordImporter(file: gpkg, mapping: mapping).run(into: store, actor: "tests").count("locations") == 2)
            let point = try #require(try store.record(of: try PlaceLookup(store: store).resolveOne("R-GK-1").id)?.locations.first?.point)
            #expect(abs(point[0] - 108.45) <= 1e-7)
            #expect(abs(point[1] - 30.77) <= 1e-7)

            let gcj = try context.point(x: 108.45, y: 30.77)
            let shifted = try CoordinateTransform(from: .wgs84, to: .gcj02).transform(gcj).coordinates()[0]
            let csv = try RecordFixture.file("gcj.csv", "code,name,lon,lat\nR-GCJ-1,都历山,\(shifted.x),\(shifted.y)\n")
            #expect(try RecordImporter(file: csv, mapping: mapping, crs: "GCJ-02").run(into: store, actor: "tests").count("locations") == 1)
            let back = try #require(try store.record(of: try PlaceLookup(store: store).resolveOne("R-GCJ-1").id)?.locations.first?.point)
            #expect(abs(back[0] - 108.45) <= 1e-6)
            #expect(abs(back[1] - 30.77) <= 1e-6)
        }
    }
}
