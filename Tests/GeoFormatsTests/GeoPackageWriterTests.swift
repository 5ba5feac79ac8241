import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

@Suite struct GeoPackageWriterTests {
    /// Runs validate_gpkg.py (with its extra checks) and returns its output, or nil when clean.
    static func validate(_ url: URL) throws -> String? {
        guard let script = GDAL.validateGPKG else { return nil }
        let r = try GDAL.run("/usr/bin/python3", [script, "--extra", url.path])
        let text = r.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return r.status == 0 && text.isEmpty ? nil : "status \(r.status): \(text)"
    }

    @Test(arguments: ["prefectures", "counties"])
    func roundTripIsExactAndValid(which: String) throws {
        let context = try GEOSContext()
        let source = which == "prefectures" ? TestData.prefectures : TestData.usCounties
        var original = try GeoJSONReader().read(source, context: context)
        original.crs = which == "prefectures" ? "EPSG:4490" : "EPSG:4326"
        original.name = which
        let dir = try TestData.scratch()
        let url = dir.appendingPathComponent("\(which).gpkg")
        _ = try GeoPackageWriter().write(original, to: url, options: WriteOptions())
        let back = try GeoPackageReader().read(url, context: context)
        #expect(back.crs == original.crs)
        #expect(back.name == which)
        #expect(back.fields == original.fields)
        let diff = try firstDifference(original, back, sameKeys: true)
        #expect(diff == nil, "\(diff ?? "")")
        let problems = try Self.validate(url)
        #expect(problems == nil, "\(problems ?? "")")
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count: \(original.features.count)"), "\(info)")
            #expect(info.contains(which == "prefectures" ? "China Geodetic Coordinate System 2000" : "WGS 84"))
            for field in original.fields { #expect(info.contains("\(field): "), "\(field) missing in \(info)") }
        }
    }

    @Test func pointsWithHeightsAndTypedFieldsAndGCJ02() throws {
        let context = try GEOSContext()
        var features: [Feature] = []
        for k in 0..<5 {
            let d = Double(k)
            var properties: [String: PropertyValue] = [:]
            properties["number"] = .string("J00\(k)")
            properties["h"] = .double(300.5 + d)
            properties["n"] = .integer(Int64(k))
            properties["ok"] = .bool(k % 2 == 0)
            properties["名称"] = .string("界桩\(k)")
            let point = try context.point(Coordinate(x: 106.5 + d / 100, y: 29.5, z: 300 + d))
            features.append(Feature(properties: properties, geometry: point))
        }
        let layer = FeatureLayer(name: "markers", crs: "GCJ-02", fields: ["number", "h", "n", "ok", "名称"], features: features)
        let url = try TestData.scratch().appendingPathComponent("m.gpkg")
        _ = try GeoPackageWriter().write(layer, to: url, options: WriteOptions())
        let back = try GeoPackageReader().read(url, context: context)
        #expect(back.crs == "GCJ-02")
        #expect(back.fieldTypes == ["number": .text, "h": .real, "n": .integer, "ok": .boolean, "名称": .text])
        let diff = try firstDifference(layer, back, sameKeys: true)
        #expect(diff == nil, "\(diff ?? "")")
        #expect(try back.features[2].geometry?.coordinates() == [Coordinate(x: 106.52, y: 29.5, z: 302)])
        let problems = try Self.validate(url)
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test func failureLeavesNothing() throws {
        let context = try GEOSContext()
        let layer = FeatureLayer(name: "bad", crs: nil, fields: ["a", "A"], features: [Feature(properties: ["a": .integer(1)], geometry: try context.point(x: 1, y: 2))])
        let dir = try TestData.scratch()
        let url = dir.appendingPathComponent("bad.gpkg")
        let error = formatError { _ = try GeoPackageWriter().write(layer, to: url, options: WriteOptions()) }
        #expect(error?.problem.contains("clashes") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}
