import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

@Suite struct GeoJSONWriterTests {
    @Test(arguments: ["prefectures", "counties"])
    func roundTripExactAndRightHandRule(which: String) throws {
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(which == "prefectures" ? TestData.prefectures : TestData.usCounties, context: context)
        let url = try TestData.scratch().appendingPathComponent("\(which).geojson")
        _ = try GeoJSONWriter().write(original, to: url, options: WriteOptions())
        let back = try GeoJSONReader().read(url, context: context)
        let diff = try firstDifference(original, back, sameKeys: true)
        #expect(diff == nil, "\(diff ?? "")")
        // Every exterior ring counter-clockwise, every hole clockwise, as written.
        for f in back.features {
            guard let g = f.geometry else { continue }
            for polygon in try Shape(g).polygons {
                #expect(polygon[0].isCounterClockwise)
                for hole in polygon.dropFirst() { #expect(!hole.isCounterClockwise) }
            }
        }
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count: \(original.features.count)"))
        }
    }

    @Test func precisionAndNewlineDelimited() throws {
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(TestData.prefectures, context: context)
        let dir = try TestData.scratch()
        var options = WriteOptions(precision: 3)
        options.newlineDelimited = true
        let url = dir.appendingPathComponent("p.geojsonl")
        _ = try GeoFormat.geoJSONSeq.writer.write(original, to: url, options: options)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == original.features.count)
        let back = try GeoFormat.read(url, context: context)
        #expect(back.features.count == original.features.count)
        for (a, b) in zip(original.features, back.features) {
            #expect(a.properties == b.properties)
            // Rounded to 3 decimals: every coordinate within half a unit of the last place.
            let ca = try canonical(a.geometry).flatMap { $0.flatMap { $0 } }
            let cb = try canonical(b.geometry).flatMap { $0.flatMap { $0 } }
            #expect(ca.count == cb.count)
            #expect(zip(ca, cb).allSatisfy { abs($0 - $1) <= 0.0005 + 1e-12 })
        }
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("GeoJSONSeq") || info.contains("Feature Count: \(original.features.count)"), "\(info)")
        }
    }

    @Test func boundingBoxes() throws {
        let context = try GEOSContext()
        let layer = FeatureLayer(name: "b", crs: nil, fields: [], features: [
            Feature(geometry: try context.geometry(wkt: "LINESTRING (1 2, 3 5)")),
            Feature(geometry: try context.geometry(wkt: "POINT (-1 0.5)")),
        ])
        var options = WriteOptions()
        options.boundingBoxes = true
        let url = try TestData.scratch().appendingPathComponent("b.geojson")
        _ = try GeoJSONWriter().write(layer, to: url, options: options)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"bbox\":[-1,0.5,3,5],\"features\""))
        #expect(text.contains("\"bbox\":[1,2,3,5]}"))
        #expect(try GeoJSONReader().read(url, context: context).features.count == 2)
    }

    @Test func streamWriterLeavesNothingUntilFinished() throws {
        let context = try GEOSContext()
        let dir = try TestData.scratch()
        let url = dir.appendingPathComponent("s.geojson")
        do {
            let stream = try GeoJSONStreamWriter(url: url, name: "s", crs: "EPSG:4490", fields: ["n"], options: WriteOptions())
            for k in 0..<1000 { try stream.append(Feature(properties: ["n": .integer(Int64(k))], geometry: try context.point(x: Double(k), y: 1))) }
            #expect(!FileManager.default.fileExists(atPath: url.path))
            try stream.finish()
        }
        let back = try GeoJSONReader().read(url, context: context)
        #expect(back.features.count == 1000)
        #expect(back.crs == "EPSG:4490")
        // Abandoned stream: the temporary file is removed, nothing appears.
        let other = dir.appendingPathComponent("abandoned.geojson")
        do {
            let stream = try GeoJSONStreamWriter(url: other, name: "a", crs: nil, fields: [], options: WriteOptions())
            try stream.append(Feature(geometry: try context.point(x: 1, y: 1)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["s.geojson"])
    }
}

@Suite struct CSVWriterTests {
    @Test(arguments: [TextEncoding.utf8, .gbk])
    func wktColumnRoundTrip(encoding: TextEncoding) throws {
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(TestData.prefectures, context: context)
        let url = try TestData.scratch().appendingPathComponent("p.csv")
        _ = try CSVWriter().write(original, to: url, options: WriteOptions(encoding: encoding))
        let back = try CSVReader().read(url, context: context)
        #expect(back.fields == original.fields)
        let diff = try firstDifference(original, back, sameKeys: true)
        #expect(diff == nil, "\(diff ?? "")")
        if GDAL.available {
            // GDAL's CSV driver reads UTF-8 only; a GBK table still opens, with its rows counted.
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count: \(original.features.count)"), "\(info)")
            if encoding == .utf8 { #expect(info.contains("地名: String"), "\(info)") }
        }
    }

    @Test func pointTableRoundTrip() throws {
        let context = try GEOSContext()
        var features: [Feature] = []
        for k in 0..<20 {
            let p = try context.point(Coordinate(x: 500_000 + Double(k) * 10.125, y: 3_300_000.5, z: 300 + Double(k)))
            features.append(Feature(properties: ["number": .string("J\(k)"), "type": .string(k % 2 == 0 ? "A" : "B, \"C\"")], geometry: p))
        }
        let layer = FeatureLayer(name: "m", crs: "CGCS2000-GK3-CM108", fields: ["number", "type"], features: features)
        var options = WriteOptions()
        options.csvGeometry = .points(x: "X", y: "Y", z: "H")
        let url = try TestData.scratch().appendingPathComponent("m.csv")
        _ = try CSVWriter().write(layer, to: url, options: options)
        let back = try CSVReader(options: CSVReadOptions(geometry: .points(x: "X", y: "Y", z: "H"))).read(url, context: context)
        let diff = try firstDifference(layer, back, sameKeys: true)
        #expect(diff == nil, "\(diff ?? "")")
        #expect(try back.features[3].geometry?.coordinates() == [Coordinate(x: 500_030.375, y: 3_300_000.5, z: 303)])
    }

    @Test func linesInAPointTableAreRefused() throws {
        let context = try GEOSContext()
        let layer = FeatureLayer(name: "l", crs: nil, fields: [], features: [Feature(geometry: try context.geometry(wkt: "LINESTRING (0 0, 1 1)"))])
        var options = WriteOptions()
        options.csvGeometry = .points(x: "X", y: "Y", z: nil)
        let dir = try TestData.scratch()
        let error = formatError { _ = try CSVWriter().write(layer, to: dir.appendingPathComponent("l.csv"), options: options) }
        #expect(error?.feature == 1 && error?.problem.contains("WKT column") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }
}

@Suite struct KMLTests {
    @Test(arguments: ["kml", "kmz"])
    func prefecturesRoundTripWithFolders(ext: String) throws {
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(TestData.prefectures, context: context)
        var layer = original
        for k in layer.features.indices {
            let code = layer.features[k].properties["区划码"]?.description ?? ""
            layer.features[k].properties["province"] = .string(String(code.prefix(2)) + "0000")
        }
        layer.fields.append("province")
        var options = WriteOptions()
        options.folderFields = ["province"]
        let url = try TestData.scratch().appendingPathComponent("p.\(ext)")
        _ = try KMLWriter().write(layer, to: url, options: options)
        let back = try KMLReader().read(url, context: context)
        #expect(back.features.count == original.features.count)
        // Placemarks come back grouped by folder: match them by code.
        var byCode: [String: Feature] = [:]
        for f in back.features { byCode[f.properties["区划码"]?.description ?? ""] = f }
        for a in layer.features {
            guard let b = byCode[a.properties["区划码"]?.description ?? "?"] else { Issue.record("missing \(a.properties)"); continue }
            #expect(b.properties["name"] == a.properties["name"])
            #expect(b.properties["地名"] == a.properties["地名"])
            #expect(b.properties["folder"] == a.properties["province"])
            #expect(try canonical(a.geometry) == canonical(b.geometry))
        }
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count:"), "\(info)")
            // LIBKML makes one layer per folder; the counts add up to all placemarks.
            let counts = info.split(separator: "\n").compactMap { $0.hasPrefix("Feature Count: ") ? Int($0.dropFirst(15)) : nil }
            #expect(counts.reduce(0, +) == original.features.count, "\(info.prefix(2000))")
        }
    }

    @Test(arguments: [
        ("<kml><Document><Placemark><Point><coordinates>1,2</coordinates></Point>", "not well-formed XML"),
        ("<kml><Placemark><Point><coordinates>1;2</coordinates></Point></Placemark></kml>", "feature 1: line 1: \"1;2\" is not a longitude,latitude"),
        ("<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,0 1,1 0,1</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>", "a ring is not closed"),
        ("<gpx></gpx>", "not KML"),
        ("<kml><Placemark><Point><coordinates>nan,2</coordinates></Point></Placemark></kml>", "not a usable number"),
    ])
    func badKML(text: String, expected: String) throws {
        let error = formatError { _ = try KMLReader().read(data: Data(text.utf8), name: "b", file: "b.kml", context: try GEOSContext()) }
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "no error")")
    }
}
