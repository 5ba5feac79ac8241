import Dispatch
import Foundation
import GeoFormats
import Synchronization
import Testing
@testable import GEOSKit

/// Every geometry of the shipped real layers, through GEOSKit.
@Suite struct RealLayerTests {
    static func invalidCodes(_ layer: FeatureLayer) throws -> [String: String] {
        var result: [String: String] = [:]
        for f in layer.features {
            guard let g = f.geometry, let p = try g.validityProblem() else { continue }
            result[f.properties["区划码"]?.stringValue ?? f.id?.stringValue ?? "?"] = p.reason
        }
        return result
    }

    @Test func allPrefecturesLoadAndTheInvalidOnesAreNamed() throws {
        let context = try GEOSContext()
        let layer = try GeoJSONReader().read(TestData.prefectures, context: context)
        #expect(layer.features.count == 372)
        #expect(layer.features.allSatisfy { $0.geometry != nil })
        let invalid = try Self.invalidCodes(layer)
        #expect(invalid == Self.expectedInvalidPrefectures)
    }

    /// The prefectures that self-intersect after the atlas's quantisation (GEOS 3.11 reasons).
    static let expectedInvalidPrefectures: [String: String] = [
        "210200": "Self-intersection",   // 大连市
        "350900": "Self-intersection",   // 宁德市
        "450700": "Self-intersection",   // 钦州市
        "621000": "Self-intersection",   // 庆阳市
        "640400": "Self-intersection",   // 固原市
    ]

    @Test func allUSCountiesLoad() throws {
        let context = try GEOSContext()
        let layer = try GeoJSONReader().read(TestData.usCounties, context: context)
        #expect(layer.features.count == 3222)   // 3,221 counties and the extra "New York City" feature
        var vertices = 0
        for f in layer.features { vertices += try f.geometry?.coordinateCount ?? 0 }
        #expect(vertices > 90_000)
    }

    @Test(arguments: ["prefectures", "counties"])
    func strtreeQueriesMatchBruteForce(_ which: String) throws {
        let context = try GEOSContext()
        let layer = try GeoJSONReader().read(which == "prefectures" ? TestData.prefectures : TestData.usCounties, context: context)
        let geoms = layer.features.compactMap(\.geometry)
        let envelopes = try geoms.map { try #require(try $0.envelope) }
        let tree = try STRtree(context: context)
        for g in geoms { try tree.insert(g) }
        for i in stride(from: 0, to: geoms.count, by: 7) {
            let expected = envelopes.indices.filter { envelopes[$0].intersects(envelopes[i]) }
            #expect(try tree.query(intersecting: geoms[i]) == expected)
        }
        // nearest by true distance, against brute force, for points spread over the extent
        let all = envelopes.dropFirst().reduce(envelopes[0]) { $0.union($1) }
        for k in 0..<25 {
            let x = all.minX + all.width * Double(k % 5 + 1) / 6.3
            let y = all.minY + all.height * Double(k / 5 + 1) / 6.1
            let p = try context.point(x: x, y: y)
            let distances = try geoms.map { try $0.distance(to: p) }
            let best = try #require(distances.min())
            let got = try #require(try tree.nearest(to: p))
            #expect(distances[got] == best)
        }
    }

    @Test func twoWorkersValidatingInParallelAgreeWithOne() throws {
        let data = try Data(contentsOf: TestData.prefectures)
        let single = try GEOSContext()
        let layer = try GeoJSONReader().read(data: data, name: "p", file: "p", context: single)
        let wkbs: [[UInt8]] = try layer.features.map { try #require($0.geometry).wkb() }
        let sequential = try wkbs.map { try single.geometry(wkb: $0).isValid }

        let results = Mutex<[Int: [Bool]]>([:])
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let context = try GEOSContext()   // each worker its own context
                var mine: [Bool] = []
                for i in stride(from: worker, to: wkbs.count, by: 2) {
                    mine.append(try context.geometry(wkb: wkbs[i]).isValid)
                }
                results.withLock { $0[worker] = mine }
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 }.isEmpty)
        let r = results.withLock { $0 }
        var merged = [Bool](repeating: false, count: wkbs.count)
        for (worker, values) in r {
            for (k, v) in values.enumerated() { merged[worker + 2 * k] = v }
        }
        #expect(merged == sequential)
        #expect(sequential.contains(false))
    }
}
