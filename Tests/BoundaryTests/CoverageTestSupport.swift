import Boundary
import Foundation
import GEOSKit
import GeoFormats

/// Shipped data and small builders for the coverage tests.
enum CoverageTestSupport {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let prefectures = root.appendingPathComponent("GeoData/cn-atlas/derived_prefectures.geojson")
    static let usCounties = root.appendingPathComponent("GeoData/us-counties/geojson-counties-fips.json")

    /// The features of a GeoJSON layer as coverage polygons, keyed by `key(feature)`.
    static func polygons(_ url: URL, layer: String, key: (Feature) -> String?) throws -> [CoveragePolygon] {
        let context = try GEOSContext()
        let features = try GeoJSONReader().read(url, context: context).features
        return try features.enumerated().map { i, f in
            guard let g = f.geometry else { throw GEOSError.invalidCoordinates("feature \(i) has no geometry") }
            return CoveragePolygon(reference: FeatureReference(layer: layer, index: i + 1, key: key(f)), wkb: try g.wkb())
        }
    }

    /// A polygon from a closed list of (x, y) points.
    static func polygon(_ points: [(Double, Double)], holes: [[(Double, Double)]] = [], index: Int, key: String? = nil,
                        context: GEOSContext) throws -> CoveragePolygon {
        let shell = points.map { Coordinate(x: $0.0, y: $0.1) }
        let g = try context.polygon(shell: shell, holes: holes.map { $0.map { Coordinate(x: $0.0, y: $0.1) } })
        return CoveragePolygon(reference: FeatureReference(layer: "cells", index: index, key: key), wkb: try g.wkb())
    }

    /// The outline of grid cell (`i`, `j`) of a `size`-metre grid: corners and edge midpoints,
    /// counter-clockwise from the lower left, closed. `adjust` may move any point.
    static func cell(_ i: Int, _ j: Int, size: Double = 100,
                     adjust: ((Double, Double)) -> (Double, Double) = { $0 }) -> [(Double, Double)] {
        let x0 = Double(i) * size, y0 = Double(j) * size, h = size / 2
        let points = [(x0, y0), (x0 + h, y0), (x0 + size, y0), (x0 + size, y0 + h), (x0 + size, y0 + size),
                      (x0 + h, y0 + size), (x0, y0 + size), (x0, y0 + h), (x0, y0)]
        return points.map(adjust)
    }

    /// A 3×3 grid of 100 m cells (index = 3·j + i), with `adjust(i, j, point)` applied to each cell's points.
    static func grid(skipping skipped: Set<Int> = [],
                     adjust: (Int, Int, (Double, Double)) -> (Double, Double) = { $2 }) throws -> [CoveragePolygon] {
        let context = try GEOSContext()
        var result: [CoveragePolygon] = []
        for j in 0..<3 {
            for i in 0..<3 where !skipped.contains(3 * j + i) {
                result.append(try polygon(cell(i, j) { adjust(i, j, $0) }, index: 3 * j + i + 1, key: "c\(i)\(j)", context: context))
            }
        }
        return result
    }

    /// Findings with `ruleID`.
    static func findings(_ result: CoverageResult, _ ruleID: String) -> [Finding] {
        result.findings.filter { $0.ruleID == ruleID }
    }

    /// The keys of a finding's features, sorted.
    static func keys(_ finding: Finding) -> [String] {
        finding.features.compactMap(\.key).sorted()
    }

    /// The area of a finding's location (in the layer's units).
    static func locationArea(_ finding: Finding) throws -> Double {
        let context = try GEOSContext()
        return try finding.location(in: context)?.area ?? 0
    }

    /// The centre of a finding's location.
    static func locationCentre(_ finding: Finding) throws -> Coordinate? {
        let context = try GEOSContext()
        guard let e = try finding.location(in: context)?.envelope else { return nil }
        return Coordinate(x: (e.minX + e.maxX) / 2, y: (e.minY + e.maxY) / 2)
    }
}
