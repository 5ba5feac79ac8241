import CRS
import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

/// The shipped prefectures in every frame quhua offers, written where the CRS can be stored and
/// checked with GDAL: the EPSG code it reads, the extent, validate_gpkg.
@Suite struct FramesTests {
    /// Central Shaanxi (all within 3° zone CM 108°E), in CGCS2000.
    func shaanxi(_ context: GEOSContext) throws -> FeatureLayer {
        var layer = try GeoJSONReader().read(TestData.prefectures, context: context)
        let filter = try FeatureFilter(parsing: "区划码 in (610100, 610200, 610300, 610400, 610500)")
        layer.features = layer.features.filter(filter.matches)
        layer.crs = "EPSG:4490"
        layer.name = "shaanxi"
        return layer
    }

    @Test(arguments: ["CGCS2000", "WGS84", "WebMercator", "CGCS2000-GK3-CM108", "CGCS2000-GK3-Z36", "CGCS2000-GK6-CM111", "GCJ-02"])
    func everyFrameIsWrittenAndNamed(frame: String) throws {
        let context = try GEOSContext()
        let source = try shaanxi(context)
        #expect(source.features.count == 5)
        let target = try CoordinateReferenceSystem(parsing: frame)
        let layer = try source.reprojected(from: .cgcs2000, to: target)
        #expect(layer.crs == target.identifier)
        let dir = try TestData.scratch()
        let gpkg = dir.appendingPathComponent("s.gpkg")
        let shp = dir.appendingPathComponent("s.shp")
        _ = try GeoPackageWriter().write(layer, to: gpkg, options: WriteOptions())
        _ = try ShapefileWriter().write(layer, to: shp, options: WriteOptions(encoding: .gbk))
        for url in [gpkg, shp] {
            let back = try GeoFormat.read(url, context: context)
            #expect(back.crs == target.identifier, "\(url.lastPathComponent)")
            let diff = try firstDifference(layer, back)
            #expect(diff == nil, "\(diff ?? "")")
        }
        let problems = try GeoPackageWriterTests.validate(gpkg)
        #expect(problems == nil, "\(problems ?? "")")
        if GDAL.available {
            for url in [gpkg, shp] {
                let info = try GDAL.ogrinfo(["-so", "-al", url.path])
                if let code = target.epsgCode, url == gpkg {
                    #expect(info.contains("ID[\"EPSG\",\(code)]"), "\(frame): \(info.prefix(1500))")
                }
                if target == .gcj02 { #expect(info.contains("GCJ"), "\(info.prefix(800))") }
                if case .cgcs2000GaussKruger = target { #expect(info.contains("Gauss") || info.contains("GK"), "\(info.prefix(800))") }
                #expect(info.contains("Feature Count: 5"))
            }
        }
        // Back to CGCS2000: within a millimetre (GK and Web Mercator) or a few centimetres (GCJ-02's iterative inverse).
        let returned = try layer.reprojected(from: target, to: .cgcs2000)
        for (a, b) in zip(source.features, returned.features) {
            let d = try a.geometry!.hausdorffDistance(to: b.geometry!)
            #expect(d < (target == .gcj02 ? 1e-6 : 1e-8), "\(frame): \(d)°")
        }
    }

    @Test func gcj02IsReallyOffset() throws {
        let context = try GEOSContext()
        let source = try shaanxi(context)
        let web = try source.reprojected(from: .cgcs2000, to: .gcj02)
        let d = try source.features[0].geometry!.hausdorffDistance(to: web.features[0].geometry!)
        #expect(d > 0.001 && d < 0.01)   // a few hundred metres, as the GCJ-02 offset is in Shaanxi
    }

    @Test func outsideTheZoneIsATypedError() throws {
        let context = try GEOSContext()
        var layer = try GeoJSONReader().read(TestData.prefectures, context: context)
        layer.crs = "EPSG:4490"
        let error = formatError { _ = try layer.reprojected(from: .cgcs2000, to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108")) }
        #expect(error?.feature == 1 && error?.problem.contains("outside 3° zone 36") == true, "\(error?.description ?? "no error")")
    }
}
