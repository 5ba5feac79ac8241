import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

/// Broken files made from good ones: every reader must say clearly what is wrong, and never crash.
@Suite struct BadFileCorpusTests {
    /// A small good shapefile (three polygons, text in GBK) to break.
    func goodShapefile(_ dir: URL) throws -> (shp: [UInt8], shx: [UInt8], dbf: [UInt8]) {
        let context = try GEOSContext()
        var features: [Feature] = []
        for k in 0..<3 {
            let x = Double(k) * 10
            let g = try context.geometry(wkt: "POLYGON ((\(x) 0, \(x + 5) 0, \(x + 5) 5, \(x) 5, \(x) 0))")
            features.append(Feature(properties: ["名称": .string("区\(k)"), "n": .integer(Int64(k))], geometry: g))
        }
        let layer = FeatureLayer(name: "good", crs: "EPSG:4490", fields: ["名称", "n"], features: features)
        _ = try ShapefileWriter().write(layer, to: dir.appendingPathComponent("good.shp"), options: WriteOptions(encoding: .gbk))
        func bytes(_ ext: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: dir.appendingPathComponent("good.\(ext)"))) }
        return (try bytes("shp"), try bytes("shx"), try bytes("dbf"))
    }

    /// Writes a broken variant of the good shapefile and returns the reader's error.
    func read(_ dir: URL, _ name: String, shp: [UInt8], shx: [UInt8]?, dbf: [UInt8]?) throws -> GeoFormatError? {
        try TestData.write(shp, "\(name).shp", in: dir)
        if let shx { try TestData.write(shx, "\(name).shx", in: dir) }
        if let dbf { try TestData.write(dbf, "\(name).dbf", in: dir) }
        return formatError { _ = try ShapefileReader().read(dir.appendingPathComponent("\(name).shp"), context: try GEOSContext()) }
    }

    @Test func brokenShapefiles() throws {
        let dir = try TestData.scratch()
        let good = try goodShapefile(dir)
        #expect(try read(dir, "ok", shp: good.shp, shx: good.shx, dbf: good.dbf) == nil)

        // Truncated .shp: the header promises more than the file has.
        var e = try read(dir, "trunc", shp: Array(good.shp.prefix(good.shp.count - 30)), shx: good.shx, dbf: good.dbf)
        #expect(e?.problem.contains("truncated") == true, "\(e?.description ?? "no error")")
        #expect(e?.file.hasSuffix("trunc.shp") == true)

        // Too short for a header.
        e = try read(dir, "tiny", shp: Array(good.shp.prefix(40)), shx: nil, dbf: nil)
        #expect(e?.problem.contains("too short for a shapefile header") == true)

        // Not a shapefile at all.
        e = try read(dir, "text", shp: Array(String(repeating: "hello world ", count: 20).utf8), shx: nil, dbf: nil)
        #expect(e?.problem.contains("not a shapefile") == true)

        // Wrong record length: record 2 claims more bytes than the file has.
        var shp = good.shp
        let second = 100 + 8 + Int(Bytes.int32BE(shp, 104)) * 2
        shp.replaceSubrange((second + 4)..<(second + 8), with: [0, 0, 0x7F, 0])
        e = try read(dir, "reclen", shp: shp, shx: nil, dbf: nil)
        #expect(e?.feature == 2 && e?.problem.contains("wrong record length") == true, "\(e?.description ?? "no error")")

        // A record shorter than its content needs (point count inflated).
        shp = good.shp
        shp.replaceSubrange((100 + 8 + 40)..<(100 + 8 + 44), with: [0xFF, 0, 0, 0])
        e = try read(dir, "points", shp: shp, shx: nil, dbf: nil)
        #expect(e?.feature == 1 && e?.problem.contains("wrong record length") == true, "\(e?.description ?? "no error")")

        // NaN coordinate.
        shp = good.shp
        let firstPoint = 100 + 8 + 44 + 4
        withUnsafeBytes(of: Double.nan.bitPattern.littleEndian) { shp.replaceSubrange(firstPoint..<(firstPoint + 8), with: $0) }
        e = try read(dir, "nan", shp: shp, shx: nil, dbf: nil)
        #expect(e?.feature == 1 && e?.problem.contains("not a usable number") == true, "\(e?.description ?? "no error")")

        // Huge coordinate.
        shp = good.shp
        withUnsafeBytes(of: (1e300).bitPattern.littleEndian) { shp.replaceSubrange(firstPoint..<(firstPoint + 8), with: $0) }
        e = try read(dir, "huge", shp: shp, shx: nil, dbf: nil)
        #expect(e?.problem.contains("not a usable number") == true)

        // Unclosed ring: move the last point.
        shp = good.shp
        let lastX = 100 + 8 + 44 + 4 + 16 * 4
        withUnsafeBytes(of: (3.0).bitPattern.littleEndian) { shp.replaceSubrange(lastX..<(lastX + 8), with: $0) }
        e = try read(dir, "open", shp: shp, shx: nil, dbf: nil)
        #expect(e?.feature == 1 && e?.problem.contains("ring 0 is not closed") == true, "\(e?.description ?? "no error")")

        // Unknown shape type in a record.
        shp = good.shp
        shp.replaceSubrange(108..<112, with: [77, 0, 0, 0])
        e = try read(dir, "type", shp: shp, shx: nil, dbf: nil)
        #expect(e?.feature == 1 && e?.problem.contains("unknown shape type 77") == true)

        // DBF with fewer records than the .shp.
        var dbf = good.dbf
        dbf.replaceSubrange(4..<8, with: [2, 0, 0, 0])
        e = try read(dir, "count", shp: good.shp, shx: good.shx, dbf: dbf)
        #expect(e?.problem.contains("record count mismatch") == true && e?.problem.contains("the .dbf has 2") == true, "\(e?.description ?? "no error")")

        // Truncated DBF.
        e = try read(dir, "dbftrunc", shp: good.shp, shx: good.shx, dbf: Array(good.dbf.prefix(good.dbf.count - 10)))
        #expect(e?.file.hasSuffix("dbftrunc.dbf") == true && e?.problem.contains("truncated") == true, "\(e?.description ?? "no error")")

        // DBF whose header record length disagrees with its fields.
        dbf = good.dbf
        dbf[10] = dbf[10] &+ 3
        e = try read(dir, "dbflen", shp: good.shp, shx: good.shx, dbf: dbf)
        #expect(e?.problem.contains("wrong record length") == true, "\(e?.description ?? "no error")")

        // .shx indexing a different number of records.
        e = try read(dir, "shx", shp: good.shp, shx: Array(good.shx.prefix(good.shx.count - 8)), dbf: good.dbf)
        #expect(e?.file.hasSuffix("shx.shx") == true && e?.problem.contains("record count mismatch") == true)

        // Told UTF-8 but the text is GBK.
        try TestData.write(good.shp, "enc.shp", in: dir)
        try TestData.write(good.dbf, "enc.dbf", in: dir)
        e = formatError { _ = try ShapefileReader(encoding: .utf8).read(dir.appendingPathComponent("enc.shp"), context: try GEOSContext()) }
        #expect(e?.problem.contains("not UTF-8") == true, "\(e?.description ?? "no error")")

        // Missing .shp.
        e = formatError { _ = try ShapefileReader().read(dir.appendingPathComponent("absent.shp"), context: try GEOSContext()) }
        #expect(e?.problem == "no such file")
    }

    @Test func wrongWindingIsAcceptedAndFixed() throws {
        let dir = try TestData.scratch()
        let good = try goodShapefile(dir)
        // Reverse the ring of record 1 in place (counter-clockwise outer ring, as some tools write).
        var shp = good.shp
        let start = 100 + 8 + 44 + 4
        let points = (0..<5).map { k in (Bytes.doubleLE(shp, start + 16 * k), Bytes.doubleLE(shp, start + 16 * k + 8)) }
        for (k, p) in points.reversed().enumerated() {
            withUnsafeBytes(of: p.0.bitPattern.littleEndian) { shp.replaceSubrange((start + 16 * k)..<(start + 16 * k + 8), with: $0) }
            withUnsafeBytes(of: p.1.bitPattern.littleEndian) { shp.replaceSubrange((start + 16 * k + 8)..<(start + 16 * k + 16), with: $0) }
        }
        try TestData.write(shp, "ccw.shp", in: dir)
        try TestData.write(good.dbf, "ccw.dbf", in: dir)
        let layer = try ShapefileReader().read(dir.appendingPathComponent("ccw.shp"), context: try GEOSContext())
        let g = try #require(layer.features[0].geometry)
        #expect(try g.type == .polygon)
        #expect(try g.area == 25)
        #expect(try g.isValid)
        #expect(layer.features[0].properties["名称"] == .string("区0"))
    }

    @Test func brokenGeoPackages() throws {
        let context = try GEOSContext()
        let dir = try TestData.scratch()
        let layer = FeatureLayer(name: "t", crs: "EPSG:4490", fields: ["a"], features: [
            Feature(properties: ["a": .integer(1)], geometry: try context.geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 0))")),
            Feature(properties: ["a": .integer(2)], geometry: try context.geometry(wkt: "POLYGON ((0 0, 2 0, 2 2, 0 0))")),
        ])
        let url = dir.appendingPathComponent("t.gpkg")
        _ = try GeoPackageWriter().write(layer, to: url, options: WriteOptions())
        let bytes = [UInt8](try Data(contentsOf: url))

        // Truncated file.
        let truncated = try TestData.write(Array(bytes.prefix(bytes.count / 3)), "trunc.gpkg", in: dir)
        var e = formatError { _ = try GeoPackageReader().read(truncated, context: context) }
        #expect(e != nil && e?.file.hasSuffix("trunc.gpkg") == true, "\(e?.description ?? "no error")")

        // Not SQLite at all.
        let text = try TestData.write("this is not a database", "text.gpkg", in: dir)
        e = formatError { _ = try GeoPackageReader().read(text, context: context) }
        #expect(e?.problem.contains("GeoPackage") == true, "\(e?.description ?? "no error")")

        // A geometry blob that is not GeoPackage binary, and one cut short.
        let blobs = dir.appendingPathComponent("blobs.gpkg")
        try FileManager.default.copyItem(at: url, to: blobs)
        // The R-tree triggers call GeoPackage SQL functions the sqlite3 shell lacks.
        try GDAL.runSQLite(blobs, (1...4).map { "DROP TRIGGER rtree_t_geom_update\($0);" }.joined())
        try GDAL.runSQLite(blobs, "UPDATE t SET geom = X'0102030405060708' WHERE fid = 2")
        e = formatError { _ = try GeoPackageReader().read(blobs, context: context) }
        #expect(e?.feature == 2 && e?.problem.contains("does not start with \"GP\"") == true, "\(e?.description ?? "no error")")
        try GDAL.runSQLite(blobs, "UPDATE t SET geom = substr(geom, 1, 60) WHERE fid = 1")
        e = formatError { _ = try GeoPackageReader().read(blobs, context: context) }
        #expect(e?.feature == 1 && e?.problem.contains("WKB") == true, "\(e?.description ?? "no error")")

        // Unknown layer.
        e = formatError { _ = try GeoPackageReader().read(url, layer: "nope", context: context) }
        #expect(e?.problem.contains("no feature table \"nope\"") == true)
    }

    @Test(arguments: [
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#, "not valid JSON"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#, "feature 1: Polygon: ring 0 is not closed"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},{"type":"Feature","properties":{},"geometry":{"type":"Hexagon","coordinates":[]}}]}"#, "feature 2: unknown geometry type \"Hexagon\""),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e400,2]}}]}"#, "not a usable number"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["a",2]}}]}"#, "a position must be an array of at least two numbers"),
        (#"{"type":"FeatureCollection","features":{}}"#, "no \"features\" array"),
        (#"[1,2,3]"#, "not GeoJSON"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[1,2]]}}]}"#, "a line needs at least 2"),
    ])
    func brokenGeoJSON(text: String, expected: String) throws {
        let e = formatError { _ = try GeoJSONReader().read(data: Data(text.utf8), name: "b", file: "b.geojson", context: try GEOSContext()) }
        #expect(e?.description.contains(expected) == true, "\(e?.description ?? "no error")")
    }

    @Test func truncatedRealGeoJSONAndNDJSON() throws {
        let data = try Data(contentsOf: TestData.prefectures)
        let e = formatError { _ = try GeoJSONReader().read(data: data.prefix(data.count / 2), name: "p", file: "p.geojson", context: try GEOSContext()) }
        #expect(e?.problem.contains("not valid JSON") == true)
        let dir = try TestData.scratch()
        let url = try TestData.write("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}\n\n{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1]}}\n", "s.geojsonl", in: dir)
        let s = formatError { _ = try GeoJSONReader().readSequence(url, context: try GEOSContext()) }
        #expect(s?.feature == 3 && s?.problem.contains("line 3") == true, "\(s?.description ?? "no error")")
    }
}

@Suite struct FeatureFilterTests {
    let features: [Feature] = [
        Feature(properties: ["code": .string("110000"), "pop": .integer(21_893_095), "name": .string("北京市"), "note": .null], geometry: nil),
        Feature(properties: ["code": .string("120000"), "pop": .integer(13_866_009), "name": .string("天津市"), "note": .string("x")], geometry: nil),
        Feature(properties: ["code": .string("500000"), "pop": .integer(32_054_159), "name": .string("重庆市"), "note": .null], geometry: nil),
    ]

    func names(_ text: String) throws -> [String] {
        let f = try FeatureFilter(parsing: text)
        return features.filter(f.matches).map { $0.properties["name"]?.description ?? "" }
    }

    @Test func language() throws {
        #expect(try names("code = 110000") == ["北京市"])
        #expect(try names("code == '120000'") == ["天津市"])
        #expect(try names("code != 110000") == ["天津市", "重庆市"])
        #expect(try names("pop > 20000000") == ["北京市", "重庆市"])
        #expect(try names("pop >= 13866009 and pop < 22000000") == ["北京市", "天津市"])
        #expect(try names("code in ('110000', 500000)") == ["北京市", "重庆市"])
        #expect(try names("not (code = 110000 or code = 120000)") == ["重庆市"])
        #expect(try names("code = 110000 or code = 120000 and pop > 20000000") == ["北京市"])
        #expect(try names("note is null") == ["北京市", "重庆市"])
        #expect(try names("note IS NOT NULL") == ["天津市"])
        #expect(try names("name = 重庆市") == ["重庆市"])
        #expect(try names("\"name\" = '天津市'") == ["天津市"])
        #expect(try FeatureFilter(parsing: "a = 1 and b in (2)").fields == ["a", "b"])
    }

    @Test(arguments: ["code =", "code ~ 1", "(code = 1", "code in (1, 2", "code = 'open", "= 1", "code is maybe", "code = 1 extra"])
    func errors(text: String) {
        #expect(throws: GeoFormatError.self) { try FeatureFilter(parsing: text) }
    }
}
