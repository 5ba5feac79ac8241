import Boundary
import GEOSKit
import Testing

/// Fault-injected 3×3 grids of 100 m cells (metric coordinates) with known answers.
@Suite struct CoverageSyntheticTests {
    typealias S = CoverageTestSupport

    func check(_ polygons: [CoveragePolygon], gapWidth: Double, workers: Int = 2) throws -> CoverageResult {
        try CoverageValidator(options: CoverageOptions(gapWidth: gapWidth, isGeographic: false, workers: workers)).validate(polygons)
    }

    @Test func cleanGridHasNoFindings() throws {
        let result = try check(try S.grid(), gapWidth: 1)
        #expect(result.findings.isEmpty)
        #expect(result.invalidPolygonIndices.isEmpty)
        // 9 cells × 8 segments; the 12 inner edges of 2 segments each are shared.
        #expect(result.statistics.segments == 72)
        #expect(result.statistics.matchedSegments == 48)
    }

    @Test(arguments: [1, 2])
    func movedVertexAwayMakesAGapAndTwoMismatches(workers: Int) throws {
        // Cell (0,0) moves the midpoint of its edge with cell (1,0) 10 m into itself:
        // a 100 m × 10 m triangle (500 m²) is left uncovered.
        let polygons = try S.grid { i, j, p in (i, j) == (0, 0) && p == (100, 50) ? (90, 50) : p }
        let result = try check(polygons, gapWidth: 20, workers: workers)
        let gaps = S.findings(result, "coverage.gap")
        try #require(gaps.count == 1)
        // Inscribed circle of the triangle: diameter 2·area/semi-perimeter.
        let side = (10.0 * 10 + 50 * 50).squareRoot()
        let expectedWidth = 2 * 500 / ((100 + 2 * side) / 2)
        #expect(abs((gaps[0].value ?? 0) - expectedWidth) < expectedWidth * 0.02)
        #expect(gaps[0].tolerance == 20)
        #expect(S.keys(gaps[0]) == ["c00", "c10"])
        #expect(abs(try S.locationArea(gaps[0]) - 500) < 1e-6)

        let mismatches = S.findings(result, "coverage.edge-mismatch")
        #expect(mismatches.count == 2)
        #expect(Set(mismatches.map { $0.features.compactMap(\.key) }) == [["c00", "c10"], ["c10", "c00"]])
        let lengths = Dictionary(uniqueKeysWithValues: mismatches.map { ($0.features[0].key ?? "", $0.value ?? 0) })
        #expect(abs((lengths["c00"] ?? 0) - 2 * side) < 1e-6)
        #expect(abs((lengths["c10"] ?? 0) - 100) < 1e-6)
        #expect(S.findings(result, "coverage.overlap").isEmpty)
        #expect(result.findings.count == 3)
        #expect(result.invalidPolygonIndices == [0, 1])
    }

    @Test func movedVertexAwayWiderThanTheGapWidthIsAHoleOnly() throws {
        let polygons = try S.grid { i, j, p in (i, j) == (0, 0) && p == (100, 50) ? (90, 50) : p }
        let result = try check(polygons, gapWidth: 5)
        #expect(result.findings.map(\.ruleID) == ["coverage.hole"])
        #expect(result.findings.first?.severity == .info)
        #expect(result.invalidPolygonIndices.isEmpty)
    }

    @Test func movedVertexIntoTheNeighbourMakesAnOverlapAndTwoMismatches() throws {
        let polygons = try S.grid { i, j, p in (i, j) == (0, 0) && p == (100, 50) ? (110, 50) : p }
        let result = try check(polygons, gapWidth: 20)
        let overlaps = S.findings(result, "coverage.overlap")
        try #require(overlaps.count == 1)
        #expect(S.keys(overlaps[0]) == ["c00", "c10"])
        #expect(abs((overlaps[0].value ?? 0) - 500) < 1e-6)
        let mismatches = S.findings(result, "coverage.edge-mismatch")
        #expect(mismatches.count == 2)
        #expect(Set(mismatches.map { $0.features.compactMap(\.key) }) == [["c00", "c10"], ["c10", "c00"]])
        #expect(S.findings(result, "coverage.gap").isEmpty)
        #expect(S.findings(result, "coverage.hole").isEmpty)
        #expect(result.findings.count == 3)
    }

    @Test func polygonLaidOverAnotherOverlapsByItsArea() throws {
        let context = try GEOSContext()
        var polygons = try S.grid()
        polygons.append(try S.polygon([(120, 120), (180, 120), (180, 180), (120, 180), (120, 120)],
                                      index: 10, key: "extra", context: context))
        let result = try check(polygons, gapWidth: 1)
        let overlaps = S.findings(result, "coverage.overlap")
        try #require(overlaps.count == 1)
        #expect(S.keys(overlaps[0]) == ["c11", "extra"])
        #expect(abs((overlaps[0].value ?? 0) - 3600) < 1e-6)
        let mismatches = S.findings(result, "coverage.edge-mismatch")
        #expect(mismatches.map { $0.features.compactMap(\.key) } == [["extra", "c11"]])
        #expect(abs((mismatches.first?.value ?? 0) - 240) < 1e-6)
        #expect(result.findings.count == 2)
        #expect(result.invalidPolygonIndices == [4, 9])
    }

    @Test func polygonCoveringTwoCellsExactlyOverlapsBoth() throws {
        // Like "New York City" over its boroughs: the extra polygon repeats the cells' own vertices.
        let context = try GEOSContext()
        var polygons = try S.grid()
        let outline = [(0.0, 0.0), (50, 0), (100, 0), (150, 0), (200, 0), (200, 50), (200, 100), (150, 100),
                       (100, 100), (50, 100), (0, 100), (0, 50), (0, 0)]
        polygons.append(try S.polygon(outline, index: 10, key: "both", context: context))
        let result = try check(polygons, gapWidth: 1)
        let overlaps = S.findings(result, "coverage.overlap")
        #expect(overlaps.map(S.keys) == [["both", "c00"], ["both", "c10"]])
        #expect(overlaps.allSatisfy { abs(($0.value ?? 0) - 10_000) < 1e-6 })
        #expect(S.findings(result, "coverage.gap").isEmpty)
        #expect(result.invalidPolygonIndices == [0, 1, 9])
    }

    @Test func removedMiddleCellIsAHoleOrAGapByWidth() throws {
        let narrow = try check(try S.grid(skipping: [4]), gapWidth: 50)
        #expect(narrow.findings.map(\.ruleID) == ["coverage.hole"])
        #expect(abs((narrow.findings.first?.value ?? 0) - 100) < 1)
        #expect(narrow.findings.first.map(S.keys) == ["c01", "c10", "c12", "c21"])
        #expect(narrow.invalidPolygonIndices.isEmpty)

        let wide = try check(try S.grid(skipping: [4]), gapWidth: 150)
        let gaps = S.findings(wide, "coverage.gap")
        #expect(gaps.count == 1)
        #expect(abs((gaps.first?.value ?? 0) - 100) < 1)
        #expect(abs((try gaps.first.map(S.locationArea) ?? 0) - 10_000) < 1e-6)
        // The four cells around the gap have mismatched sides; the diagonal ones only touch a corner.
        let owners = Set(S.findings(wide, "coverage.edge-mismatch").compactMap { $0.features.first?.key })
        #expect(owners == ["c01", "c10", "c12", "c21"])
        #expect(S.findings(wide, "coverage.overlap").isEmpty)
    }

    @Test func sliverGapNarrowerThanTheGapWidthIsAGap() throws {
        // The middle cell's right edge is pulled back 0.5 m: a 0.5 m × 100 m sliver.
        let polygons = try S.grid { i, j, p in (i, j) == (1, 1) && p.0 == 200 ? (199.5, p.1) : p }
        let result = try check(polygons, gapWidth: 1)
        let gaps = S.findings(result, "coverage.gap")
        try #require(gaps.count == 1)
        #expect(abs((gaps[0].value ?? 0) - 0.5) < 0.01)
        #expect(abs(try S.locationArea(gaps[0]) - 50) < 1e-6)
        #expect(S.keys(gaps[0]) == ["c10", "c11", "c12", "c21"])
        #expect(S.findings(result, "coverage.overlap").isEmpty)
        #expect(result.invalidPolygonIndices.contains(4) && result.invalidPolygonIndices.contains(5))

        // A gap width under the sliver's width makes it a hole.
        let lenient = try check(polygons, gapWidth: 0.4)
        #expect(S.findings(lenient, "coverage.hole").count == 1)
        #expect(S.findings(lenient, "coverage.gap").isEmpty)
    }

    @Test func selfIntersectingPolygonDoesNotAbortOrHideItsOverlap() throws {
        // A bow-tie laid over the middle cell.
        let context = try GEOSContext()
        var polygons = try S.grid()
        polygons.append(try S.polygon([(120, 120), (180, 180), (180, 120), (120, 180), (120, 120)],
                                      index: 10, key: "bowtie", context: context))
        let result = try check(polygons, gapWidth: 1)
        let overlaps = S.findings(result, "coverage.overlap")
        try #require(overlaps.count == 1)
        #expect(S.keys(overlaps[0]) == ["bowtie", "c11"])
        // Two triangles of 900 m² each, whether tested directly or on the repaired copy.
        #expect(abs((overlaps[0].value ?? 0) - 1800) < 1e-6)
    }

    @Test func geographicLayerIsMeasuredInMetres() throws {
        // The moved-vertex gap on a grid of 0.001° cells near 113.9°E 34.3°N.
        let context = try GEOSContext()
        var polygons: [CoveragePolygon] = []
        for j in 0..<3 {
            for i in 0..<3 {
                let pts = S.cell(i, j) { p in (i, j) == (0, 0) && p == (100, 50) ? (90, 50) : p }
                    .map { (113.9 + $0.0 * 1e-5, 34.3 + $0.1 * 1e-5) }
                polygons.append(try S.polygon(pts, index: 3 * j + i + 1, key: "c\(i)\(j)", context: context))
            }
        }
        let result = try CoverageValidator(options: CoverageOptions(gapWidth: 20, isGeographic: true, workers: 2)).validate(polygons)
        let gaps = S.findings(result, "coverage.gap")
        try #require(gaps.count == 1)
        // 0.0001° of longitude at 34.3°N is about 9.2 m; the triangle is 10 units high in x, 100 in y
        // (0.001° of latitude ≈ 110.9 m), so its width is a little under 9 m.
        let width = gaps[0].value ?? 0
        #expect(width > 8.5 && width < 9.3)
    }

    @Test func negativeGapWidthIsRefused() throws {
        #expect(throws: CoverageError.invalidGapWidth(-1)) { try check(try S.grid(), gapWidth: -1) }
    }

    @Test func nonPolygonIsRefused() throws {
        let context = try GEOSContext()
        let line = CoveragePolygon(reference: FeatureReference(layer: "x", index: 1), wkb: try context.geometry(wkt: "LINESTRING (0 0, 1 1)").wkb())
        #expect(throws: CoverageError.notPolygonal(index: 0, typeCode: 2)) { try check([line], gapWidth: 1) }
    }
}
