import Boundary
import GEOSKit
import Testing

/// The coverage check on the shipped real layers.
@Suite struct CoverageRealLayerTests {
    typealias S = CoverageTestSupport

    static func prefectures() throws -> [CoveragePolygon] {
        try S.polygons(S.prefectures, layer: "prefectures") { $0.properties["id"]?.stringValue }
    }

    /// cn-atlas prefectures: the coverage has exactly two small uncovered faces.
    ///
    /// Their widths, measured in metres in their Gauss-Krüger zones, are 40.7 m (near 113.89°E
    /// 34.32°N, between 410100, 410200 and 411000) and 93.9 m (near 102.72°E 36.77°N, between
    /// 620100, 620600 and 630200); shapely on a PROJ projection agrees (40.76 m, 93.96 m). The
    /// "about 48 m and 105 m" often quoted for them are their widths in degrees times 111 km,
    /// which overstates east-west widths by 1/cos(latitude). Each is a gap or a hole by the
    /// gap width; a gap's sides are also mismatched edges of the prefectures around it.
    ///
    /// The five prefectures that self-intersect after quantisation (210200, 350900, 450700,
    /// 621000, 640400) are `geometry.invalid` findings of the validity rule, not coverage
    /// findings: their neighbours share their edges exactly, and where two parts of one of these
    /// multipolygons overlap each other the overlap counts as covered by it, so they create no
    /// gap or overlap here.
    @Test(arguments: [(30.0, 0), (60.0, 1), (120.0, 2)])
    func prefecturesHaveExactlyTheTwoSmallHoles(gapWidth: Double, expectedGaps: Int) throws {
        let polygons = try Self.prefectures()
        #expect(polygons.count == 372)
        let result = try CoverageValidator(options: CoverageOptions(gapWidth: gapWidth, isGeographic: true, workers: 2))
            .validate(polygons)
        let uncovered = result.findings.filter { $0.ruleID == "coverage.gap" || $0.ruleID == "coverage.hole" }
        try #require(uncovered.count == 2)
        let east = try #require(uncovered.first { S.keys($0) == ["410100", "410200", "411000"] })
        let west = try #require(uncovered.first { S.keys($0) == ["620100", "620600", "630200"] })
        #expect(abs((east.value ?? 0) - 40.76) < 0.5)
        #expect(abs((west.value ?? 0) - 93.96) < 1)
        let eastAt = try #require(try S.locationCentre(east)), westAt = try #require(try S.locationCentre(west))
        #expect(abs(eastAt.x - 113.89) < 0.01 && abs(eastAt.y - 34.32) < 0.01)
        #expect(abs(westAt.x - 102.72) < 0.01 && abs(westAt.y - 36.77) < 0.01)
        #expect(east.ruleID == (40.76 < gapWidth ? "coverage.gap" : "coverage.hole"))
        #expect(west.ruleID == (93.96 < gapWidth ? "coverage.gap" : "coverage.hole"))
        #expect(S.findings(result, "coverage.gap").count == expectedGaps)

        // Nothing else: no overlaps, and mismatched edges only along the gaps.
        #expect(S.findings(result, "coverage.overlap").isEmpty)
        let gapPrefectures = Set(S.findings(result, "coverage.gap").flatMap(S.keys))
        let mismatches = S.findings(result, "coverage.edge-mismatch")
        #expect(mismatches.allSatisfy { Set(S.keys($0)).isSubset(of: gapPrefectures) })
        #expect(mismatches.isEmpty == gapPrefectures.isEmpty)
        let flaggedKeys = Set(result.invalidPolygonIndices.compactMap { polygons[$0].reference.key })
        #expect(flaggedKeys == gapPrefectures)
        #expect(result.findings.count == 2 + mismatches.count)
    }

    /// us-counties: the extra "New York City" feature lies over the five borough counties.
    ///
    /// Its outline repeats the boroughs' outer edges vertex for vertex, in the same direction, so
    /// `overlaps` would not see it (it contains each borough): the interior-intersection test
    /// `T********` does. The data has no other defect: no gaps, holes or slivers.
    @Test func usCountiesHaveExactlyTheNewYorkCityOverlaps() throws {
        let polygons = try S.polygons(S.usCounties, layer: "counties") { f in
            guard let state = f.properties["STATE"]?.stringValue, let county = f.properties["COUNTY"]?.stringValue else { return nil }
            return state + county
        }
        #expect(polygons.count == 3222)
        let result = try CoverageValidator(options: CoverageOptions(gapWidth: 100, isGeographic: true, workers: 2))
            .validate(polygons)
        let boroughs = ["36005", "36047", "36061", "36081", "36085"]
        let overlaps = S.findings(result, "coverage.overlap")
        #expect(overlaps.count == 5)
        #expect(Set(overlaps.map(S.keys)) == Set(boroughs.map { [$0, "36nyc"] }))
        // Each overlap is the whole borough (km²: Bronx 114.5, Kings 205.1, New York 98.4, Queens 348.4, Richmond 153.2).
        let areas = Dictionary(uniqueKeysWithValues: overlaps.map { (S.keys($0)[0], ($0.value ?? 0) / 1e6) })
        let expected = ["36005": 114.5, "36047": 205.1, "36061": 98.4, "36081": 348.4, "36085": 153.2]
        for (k, v) in expected { #expect(abs((areas[k] ?? 0) - v) < 0.1, "\(k)") }

        let mismatches = S.findings(result, "coverage.edge-mismatch")
        #expect(Set(mismatches.map { $0.features.compactMap(\.key) })
                == Set(boroughs.flatMap { [[$0, "36nyc"], ["36nyc", $0]] }))
        #expect(result.findings.count == 15)
        #expect(S.findings(result, "coverage.gap").isEmpty && S.findings(result, "coverage.hole").isEmpty)
        let flagged = Set(result.invalidPolygonIndices.compactMap { polygons[$0].reference.key })
        #expect(flagged == Set(boroughs + ["36nyc"]))
    }
}
