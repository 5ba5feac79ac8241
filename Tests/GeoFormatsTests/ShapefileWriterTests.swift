import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

@Suite struct ShapefileWriterTests {
    func prefectures(_ context: GEOSContext) throws -> FeatureLayer {
        var layer = try GeoJSONReader().read(TestData.prefectures, context: context)
        layer.crs = "EPSG:4490"
        layer.name = "prefectures"
        return layer
    }

    @Test(arguments: [TextEncoding.utf8, .gbk])
    func prefecturesRoundTripInEachEncoding(encoding: TextEncoding) throws {
        let context = try GEOSContext()
        let original = try prefectures(context)
        let dir = try TestData.scratch()
        let url = dir.appendingPathComponent("prefectures.shp")
        let report = try ShapefileWriter().write(original, to: url, options: WriteOptions(encoding: encoding))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        #expect(Set(report.files.map(\.pathExtension)) == ["shp", "shx", "dbf", "prj", "cpg"])
        let back = try ShapefileReader().read(url, context: context)
        #expect(back.crs == "EPSG:4490")
        #expect(back.fields == original.fields)
        let diff = try firstDifference(original, back)
        #expect(diff == nil, "\(diff ?? "")")
        #expect(back.features.map { $0.properties["地名"] } == original.features.map { $0.properties["地名"] })
        if encoding == .gbk {
            // The bytes really are GBK: 北京市 is B1 B1 BE A9 CA D0.
            let dbf = [UInt8](try Data(contentsOf: dir.appendingPathComponent("prefectures.dbf")))
            #expect(dbf.firstRange(of: [0xB1, 0xB1, 0xBE, 0xA9, 0xCA, 0xD0]) != nil)
            #expect(dbf[29] == 0x4D)
        }
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count: \(original.features.count)"))
            #expect(info.contains("China Geodetic Coordinate System 2000") || info.contains("China_2000"), "\(info)")
            for field in original.fields { #expect(info.contains("\(field): "), "\(field) missing in \(info)") }
            // GDAL reads the Chinese names back in either encoding.
            let feature = try GDAL.ogrinfo(["-q", "-al", "-fid", "0", "-geom=NO", url.path])
            #expect(feature.contains("地名 (String) = \(original.features[0].properties["地名"]?.description ?? "?")"), "\(feature)")
        }
    }

    @Test func countiesRoundTripAndOgrinfo() throws {
        let context = try GEOSContext()
        var original = try GeoJSONReader().read(TestData.usCounties, context: context)
        original.crs = "EPSG:4326"
        let url = try TestData.scratch().appendingPathComponent("counties.shp")
        _ = try ShapefileWriter().write(original, to: url, options: WriteOptions())
        let back = try ShapefileReader().read(url, context: context)
        let diff = try firstDifference(original, back)
        #expect(diff == nil, "\(diff ?? "")")
        #expect(back.fieldType("CENSUSAREA") == .real)
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count: 3222"))
            #expect(info.contains("Geometry: Polygon"))
            #expect(info.contains("CENSUSAREA: Real"), "\(info)")
        }
    }

    @Test func holesAndMultipartsKeepTheirRingOrder() throws {
        let context = try GEOSContext()
        // Two squares, the first with a hole; wound as RFC 7946 wants, the opposite of Shapefile.
        let g = try context.geometry(wkt: "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 8, 8 8, 8 2, 2 2)), ((20 0, 25 0, 25 5, 20 5, 20 0)))")
        let layer = FeatureLayer(name: "parts", crs: "EPSG:4545", fields: ["id"], features: [Feature(properties: ["id": .integer(1)], geometry: g)])
        let url = try TestData.scratch().appendingPathComponent("parts.shp")
        _ = try ShapefileWriter().write(layer, to: url, options: WriteOptions())
        // In the file: outer rings clockwise, the hole counter-clockwise.
        let shp = [UInt8](try Data(contentsOf: url))
        guard case let .multiPolygon(polys)?? = try SHPDecoder.decode(shp, index: nil, file: "", shxFile: nil).first else {
            Issue.record("expected a multipolygon"); return
        }
        #expect(polys.count == 2 && polys[0].count == 2)
        let back = try ShapefileReader().read(url, context: context)
        #expect(back.crs == "EPSG:4545")
        #expect(try back.features[0].geometry?.topologicallyEquals(g) == true)
        #expect(try back.features[0].geometry?.area == 100 - 36 + 25)
        // Raw rings in the file: first ring clockwise (negative area), hole counter-clockwise.
        let points = 100 + 8 + 4 + 32 + 8 + 12
        let shell = Path(xy: (0..<10).map { Bytes.doubleLE(shp, points + 8 * $0) })
        let hole = Path(xy: (0..<10).map { Bytes.doubleLE(shp, points + 80 + 8 * $0) })
        #expect(!shell.isCounterClockwise && hole.isCounterClockwise)
        #expect(shell.xy.prefix(4) == [0, 0, 0, 10])
    }

    @Test func longAndClashingFieldNamesAreShortenedWithWarnings() throws {
        let context = try GEOSContext()
        let fields = ["administrative_code", "administrative_name", "行政区划代码名称", "x"]
        var props: [String: PropertyValue] = [:]
        for (k, f) in fields.enumerated() { props[f] = .string("v\(k)") }
        let layer = FeatureLayer(name: "t", crs: nil, fields: fields, features: [Feature(properties: props, geometry: try context.point(x: 1, y: 2))])
        let url = try TestData.scratch().appendingPathComponent("t.shp")
        let report = try ShapefileWriter().write(layer, to: url, options: WriteOptions(encoding: .gbk))
        #expect(report.warnings.count == 3, "\(report.warnings)")
        let back = try ShapefileReader().read(url, context: context)
        #expect(back.fields == ["administra", "administ_1", "行政区划代", "x"])
        #expect(back.features[0].properties["administ_1"] == .string("v1"))
        #expect(back.features[0].properties["行政区划代"] == .string("v2"))
    }

    @Test func zipBundleRoundTrip() throws {
        let context = try GEOSContext()
        let original = try prefectures(context)
        let dir = try TestData.scratch()
        var options = WriteOptions(encoding: .gbk)
        options.zip = true
        let report = try ShapefileWriter().write(original, to: dir.appendingPathComponent("prefectures.shp"), options: options)
        #expect(report.files.map(\.lastPathComponent) == ["prefectures.zip"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["prefectures.zip"])
        let back = try ShapefileReader().read(dir.appendingPathComponent("prefectures.zip"), context: context)
        let diff = try firstDifference(original, back)
        #expect(diff == nil, "\(diff ?? "")")
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", "/vsizip/" + dir.appendingPathComponent("prefectures.zip").path])
            #expect(info.contains("Feature Count: \(original.features.count)"), "\(info)")
        }
    }

    @Test func mixedKindsAreRefusedAndLeaveNothing() throws {
        let context = try GEOSContext()
        let layer = FeatureLayer(name: "mixed", crs: nil, fields: [], features: [
            Feature(geometry: try context.point(x: 1, y: 2)),
            Feature(geometry: try context.geometry(wkt: "LINESTRING (0 0, 1 1)")),
        ])
        let dir = try TestData.scratch()
        let error = formatError { _ = try ShapefileWriter().write(layer, to: dir.appendingPathComponent("m.shp"), options: WriteOptions()) }
        #expect(error?.problem.contains("one kind of geometry") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
