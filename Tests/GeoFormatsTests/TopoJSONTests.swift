import Foundation
import GEOSKit
import Testing
@testable import GeoFormats

@Suite struct TopoJSONTests {
    @Test func cnAtlasReadsWithSharedLines() throws {
        let context = try GEOSContext()
        let topology = try TopoJSONReader().readTopology(TestData.cnAtlas, context: context)
        #expect(topology.layers.map(\.name) == ["prefectures", "provinces", "nation"])
        let prefectures = try #require(topology.layer("prefectures"))
        #expect(prefectures.features.count == 372)
        #expect(prefectures.features[0].properties["地名"] == .string("阿克苏地区"))
        #expect(topology.arcs.count == 5414)
        // Decoded coordinates lie in China.
        let box = try #require(try prefectures.features[0].geometry?.envelope)
        #expect(box.minX > 73 && box.maxX < 136 && box.minY > 3 && box.maxY < 54)

        let lines = try topology.sharedLines(of: "prefectures", keyField: "区划码", context: context)
        #expect(lines.features.count > 1000)
        let shared = lines.features.filter { $0.properties["uses"] == .integer(2) }
        #expect(!shared.isEmpty)
        for line in shared.prefix(200) {
            #expect(line.properties["left"] != .null && line.properties["right"] != .null)
            #expect(line.properties["left"] != line.properties["right"])
        }
        // Check one shared line geometrically: the division on its left lies left of its first segment.
        let line = shared[0]
        let coords = try #require(try line.geometry?.coordinates())
        let (a, b) = (coords[0], coords[1])
        let mid = Coordinate(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
        let (dx, dy) = (b.x - a.x, b.y - a.y)
        let length = (dx * dx + dy * dy).squareRoot()
        let probe = try context.point(x: mid.x - dy / length * 1e-6, y: mid.y + dx / length * 1e-6)
        let leftCode = line.properties["left"]?.description
        let left = try #require(prefectures.features.first { $0.properties["区划码"]?.description == leftCode })
        #expect(try left.geometry?.buffer(1e-9).contains(probe) == true)
    }

    @Test func writtenCoverageReadsBackIdentically() throws {
        let context = try GEOSContext()
        let topology = try TopoJSONReader().readTopology(TestData.cnAtlas, context: context)
        let provinces = try #require(topology.layer("provinces"))
        let prefectures = try #require(topology.layer("prefectures"))
        let url = try TestData.scratch().appendingPathComponent("atlas.topojson")
        _ = try TopoJSONWriter().write([prefectures, provinces], to: url, options: WriteOptions())
        let back = try TopoJSONReader().readTopology(url, context: context)
        for (original, read) in zip([prefectures, provinces], back.layers) {
            #expect(read.name == original.name)
            let diff = try firstDifference(original, read, sameKeys: true)
            #expect(diff == nil, "\(diff ?? "")")
        }
        // Shared edges stored once: no more arcs than the source topology plus ring starts.
        #expect(back.arcs.count < topology.arcs.count + provinces.features.count * 4 + prefectures.features.count * 4)
        // Every interior edge is used twice, by two different prefectures.
        let lines = try back.sharedLines(of: "prefectures", keyField: "区划码", context: context)
        #expect(lines.features.allSatisfy { ($0.properties["uses"]?.doubleValue ?? 0) <= 2 })
        if GDAL.available {
            let info = try GDAL.ogrinfo(["-so", "-al", url.path])
            #expect(info.contains("Feature Count: 372"), "\(info.prefix(1500))")
        }
    }

    @Test func sharedEdgeOfTwoSquaresIsOneArc() throws {
        let context = try GEOSContext()
        let a = try context.geometry(wkt: "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))")
        let b = try context.geometry(wkt: "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")
        let layer = FeatureLayer(name: "squares", crs: nil, fields: ["id"], features: [
            Feature(properties: ["id": .string("A")], geometry: a), Feature(properties: ["id": .string("B")], geometry: b),
        ])
        let url = try TestData.scratch().appendingPathComponent("s.topojson")
        _ = try TopoJSONWriter().write(layer, to: url, options: WriteOptions())
        let topology = try TopoJSONReader().readTopology(url, context: context)
        // Junctions at (1,0) and (1,1), plus ring starts (0,0) and (1,0): A is cut into 3 arcs, B into 2, one shared.
        let lines = try topology.sharedLines(of: "squares", keyField: "id", context: context)
        let shared = lines.features.filter { $0.properties["uses"] == .integer(2) }
        #expect(shared.count == 1)
        #expect(try shared[0].geometry?.length == 1)
        let sides = Set([shared[0].properties["left"], shared[0].properties["right"]])
        #expect(sides == [.string("A"), .string("B")])
        #expect(try topology.layers[0].features[0].geometry?.equalsExact(a) == true)
        #expect(try topology.layers[0].features[1].geometry?.equalsExact(b) == true)
    }

    @Test func quantisedWhenAsked() throws {
        let context = try GEOSContext()
        let original = try GeoJSONReader().read(TestData.prefectures, context: context)
        var options = WriteOptions()
        options.quantization = 1_000_000
        let url = try TestData.scratch().appendingPathComponent("q.topojson")
        _ = try TopoJSONWriter().write(original, to: url, options: options)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"transform\":{\"scale\""))
        let back = try TopoJSONReader().read(url, context: context)
        #expect(back.features.count == original.features.count)
        // Within one quantisation step of the original.
        var box = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for f in original.features { if let e = try f.geometry?.envelope { box = box.union(e) } }
        let step = max(box.width, box.height) / 999_999
        for (a, b) in zip(original.features.prefix(50), back.features.prefix(50)) {
            #expect(try a.geometry!.hausdorffDistance(to: b.geometry!) <= step * 2)
        }
    }

    @Test(arguments: [
        (#"{"type":"Topology","arcs":[[[0,0],[1,0]]],"objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]]}]}}}"#, "ring has 2 points"),
        (#"{"type":"Topology","arcs":[],"objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"LineString","arcs":[3]}]}}}"#, "arc 3 does not exist"),
        (#"{"type":"Topology","arcs":[[[0,0],[1,0],[1,1],[0,1]]],"objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[0]]}]}}}"#, "ring is not closed"),
        (#"{"type":"Topology","arcs":[[[0,0],[1e999,0]]],"objects":{}}"#, "not two usable numbers"),
        (#"{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Circle","arcs":[0]}]}}}"#, "unknown geometry type \"Circle\""),
        (#"{"type":"Topology","arcs":[[[0,0],[1,1]]],"objects":{"#, "not valid JSON"),
        (#"{"type":"FeatureCollection"}"#, "not TopoJSON"),
    ])
    func badTopologies(text: String, expected: String) throws {
        let error = formatError { _ = try TopoJSONReader().readTopology(data: Data(text.utf8), file: "t.topojson", context: try GEOSContext()) }
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "no error")")
    }
}
