import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

/// Readers checked against files GDAL writes from the shipped layers.
@Suite(.enabled(if: GDAL.available, "GDAL's ogr2ogr is not installed (Tools/bootstrap.sh installs gdal-bin)"))
struct GDALWrittenFilesTests {
    @Test func shapefileInGBKFromGDAL() throws {
        let dir = try TestData.scratch()
        let shp = dir.appendingPathComponent("pref.shp").path
        try GDAL.ogr2ogr(["-f", "ESRI Shapefile", shp, TestData.prefectures.path, "-lco", "ENCODING=CP936", "-a_srs", "EPSG:4490"])
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(TestData.prefectures, context: context)
        let layer = try ShapefileReader().read(URL(fileURLWithPath: shp), context: context)
        #expect(layer.crs == "EPSG:4490")
        #expect(layer.features.count == original.features.count)
        #expect(Set(layer.fields) == Set(original.fields))
        do { let diff = try firstDifference(original, layer); #expect(diff == nil, "\(diff ?? "")") }
        #expect(layer.features.contains { $0.properties["地名"] == .string("阿克苏地区") })
    }

    @Test func shapefileCountiesFromGDAL() throws {
        let dir = try TestData.scratch()
        let shp = dir.appendingPathComponent("us.shp").path
        try GDAL.ogr2ogr(["-f", "ESRI Shapefile", shp, TestData.usCounties.path])
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(TestData.usCounties, context: context)
        let layer = try ShapefileReader().read(URL(fileURLWithPath: shp), context: context)
        #expect(layer.crs == "EPSG:4326")
        #expect(layer.features.count == 3222)
        do { let diff = try firstDifference(original, layer); #expect(diff == nil, "\(diff ?? "")") }
    }

    @Test func geoPackageFromGDAL() throws {
        let dir = try TestData.scratch()
        let gpkg = dir.appendingPathComponent("pref.gpkg")
        try GDAL.ogr2ogr(["-f", "GPKG", gpkg.path, TestData.prefectures.path, "-nln", "prefectures", "-a_srs", "EPSG:4490"])
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(TestData.prefectures, context: context)
        #expect(try GeoPackageReader().layerNames(gpkg) == ["prefectures"])
        let layer = try GeoPackageReader().read(gpkg, context: context)
        #expect(layer.crs == "EPSG:4490")
        #expect(layer.name == "prefectures")
        #expect(layer.features.count == original.features.count)
        do { let diff = try firstDifference(original, layer); #expect(diff == nil, "\(diff ?? "")") }
    }
}
