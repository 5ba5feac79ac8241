import Foundation
import GEOSKit
import Testing
@testable import Boundary

@Suite struct InspectionLineTests {
    let context: GEOSContext
    init() throws { context = try GEOSContext() }
    func line(_ xy: [(Double, Double)], offset: (Double, Double) = (39_500_000, 3_400_000)) throws -> Geometry {
        try context.lineString(xy.map { Coordinate(x: $0.0 + offset.0, y: $0.1 + offset.1) })
    }
    let straight: [(Double, Double)] = [(0, 0), (100, 0)]
    /// A triangular bulge 10 m north (left of a line running east) between x = 40 and 60: 100 m².
    let bulgeLeft: [(Double, Double)] = [(0, 0), (40, 0), (50, 10), (60, 0), (100, 0)]

    @Test func identicalLinesAreUnchanged() throws {
        let xy: [(Double, Double)] = [(0, 0), (30, 5), (70, -3), (100, 0)]
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(xy), after: try line(xy))
        #expect(c.verdict == .unchanged)
        #expect(c.hausdorff == 0 && c.frechet == 0)
        #expect(c.afterStretches.isEmpty && c.beforeStretches.isEmpty && c.areas.isEmpty)
        #expect(!c.reversed)
    }

    @Test func aSmallShiftIsWithinTolerance() throws {
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(straight), after: try line([(0, 0.3), (100, 0.3)]))
        #expect(c.verdict == .withinTolerance)
        #expect(abs(c.hausdorff - 0.3) < 1e-9)
        #expect(c.afterStretches.isEmpty)
        // The closing segments at both ends make the strip between the lines one face, 0.3 × 100 m, on the left.
        #expect(c.areas.count == 1)
        #expect(abs(c.areaLeftToRight - 30) < 1e-6 && c.areaRightToLeft == 0)
    }

    @Test func aBulgeToTheLeftIsLandTheLeftDivisionLoses() throws {
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(straight), after: try line(bulgeLeft))
        #expect(c.verdict == .changed)
        #expect(abs(c.hausdorff - 10) < 1e-9)
        // Walking both lines forward, the leash is longest at the bulge's tip: 10 m.
        #expect(abs(c.frechet - 10) < 1e-3)
        // The discrete Fréchet distance of the vertices as delivered is GEOS's, and much larger here:
        // the record has no vertex near the bulge.
        let geosDiscrete = try line(straight).frechetDistance(to: try line(bulgeLeft))
        #expect(abs((c.discreteFrechet ?? -1) - geosDiscrete) < 1e-9)
        #expect(geosDiscrete > 50)
        #expect(c.areas.count == 1)
        let face = try #require(c.areas.first)
        #expect(face.side == .left)
        #expect(abs(face.area - 100) < 1e-6)
        #expect(abs(c.netGainOfLeft - -100) < 1e-6)
        let named = face.naming(left: "610100", right: "610400")
        #expect(named.fromCode == "610100" && named.toCode == "610400")

        // The survey line leaves the 0.5 m corridor at y = 0.5 on both flanks of the bulge.
        let s = try #require(c.afterStretches.first)
        #expect(c.afterStretches.count == 1)
        let flank = 0.5 * 2.0.squareRoot()
        #expect(abs(s.from - (40 + flank)) < 1e-9)
        #expect(abs(s.to - (40 + 2 * 200.0.squareRoot() - flank)) < 1e-9)
        #expect(abs(s.fromOnOther - 40.5) < 1e-9 && abs(s.toOnOther - 59.5) < 1e-9)
        #expect(abs(s.maximumOffset - 10) < 1e-9)
        #expect(abs(s.maximumOffsetAt.x - 39_500_050) < 1e-6 && abs(s.maximumOffsetAt.y - 3_400_010) < 1e-6)
        #expect(s.coordinates.contains { abs($0.y - 3_400_010) < 1e-9 })

        // The agreed line has no counterpart within 0.5 m where (x − 40)/√2 > 0.5 on either flank.
        let b = try #require(c.beforeStretches.first)
        #expect(c.beforeStretches.count == 1)
        #expect(abs(b.from - (40 + flank)) < 1e-9 && abs(b.to - (60 - flank)) < 1e-9)
        #expect(abs(b.maximumOffset - 10 / 2.0.squareRoot()) < 1e-6)
    }

    @Test func aBulgeToTheRightIsLandTheRightDivisionLoses() throws {
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(straight), after: try line(bulgeLeft.map { ($0.0, -$0.1) }))
        #expect(c.areas.map(\.side) == [.right])
        #expect(abs(c.areaRightToLeft - 100) < 1e-6 && c.areaLeftToRight == 0)
        #expect(abs(c.netGainOfLeft - 100) < 1e-6)
    }

    @Test func aReversedSurveyLineIsComparedInTheRecordsDirection() throws {
        let after = try line(bulgeLeft.reversed())
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(straight), after: after)
        #expect(c.reversed)
        #expect(c.areas.map(\.side) == [.left])
        #expect(abs(c.areaLeftToRight - 100) < 1e-6)
        // Measures along the survey line run in its own direction: the bulge starts 40 m from its first point too.
        let s = try #require(c.afterStretches.first)
        let flank = 0.5 * 2.0.squareRoot()
        #expect(abs(s.from - (40 + flank)) < 1e-9)
        #expect(abs(s.fromOnOther - 59.5) < 1e-9 && abs(s.toOnOther - 40.5) < 1e-9)
        #expect(abs(s.coordinates[0].x - (39_500_060 - 0.5)) < 1e-9)
        #expect(abs(c.frechet - (try LineComparator(tolerance: 0.5).compare(before: try line(straight), after: try line(bulgeLeft)).frechet)) < 1e-9)
    }

    @Test func aCrossingLineMovesLandBothWays() throws {
        let after: [(Double, Double)] = [(0, 0), (25, 10), (50, 0), (75, -10), (100, 0)]
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(straight), after: try line(after))
        #expect(c.areas.count == 2)
        #expect(abs(c.areaLeftToRight - 250) < 1e-6)
        #expect(abs(c.areaRightToLeft - 250) < 1e-6)
        #expect(abs(c.netGainOfLeft) < 1e-6)
        #expect(c.afterStretches.count == 2)
    }

    @Test func aMovedEndIsClosedOffToMeasureTheArea() throws {
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(straight), after: try line([(0, 0), (100, 5)]))
        #expect(c.areas.count == 1)
        #expect(abs(c.areaLeftToRight - 250) < 1e-6)
        #expect(abs(c.hausdorff - 5) < 1e-9)
    }

    @Test func areaMatchesTheShoelaceOfAnIrregularDetour() throws {
        // A wiggly agreed line and a detour replacing vertices 2…5: the area between them is the
        // shoelace area of the ring (agreed piece forward, detour back), computed here independently.
        let agreed: [(Double, Double)] = [(0, 0), (20, 1), (40, -1), (55, 0.5), (70, -0.5), (85, 1), (100, 0), (130, 2)]
        let detour: [(Double, Double)] = [(20, 1), (30, 18), (52, 26), (75, 21), (100, 0)]
        let survey = Array(agreed[0...1]) + detour.dropFirst().dropLast() + Array(agreed[6...])
        let ring = Array(agreed[1...6]) + detour.reversed().dropFirst()
        var twice = 0.0
        for i in 0..<(ring.count - 1) { twice += ring[i].0 * ring[i + 1].1 - ring[i + 1].0 * ring[i].1 }
        let c = try LineComparator(tolerance: 0.5).compare(before: try line(agreed), after: try line(survey))
        #expect(c.areas.map(\.side) == [.left])
        #expect(abs(c.areaLeftToRight - abs(twice) / 2) < 1e-6)
        #expect(c.verdict == .changed)
        #expect(c.afterStretches.count == 1)
    }

    @Test func discreteFrechetAgreesWithGEOS() throws {
        let a = try line([(0, 0), (10, 3), (20, -2), (35, 4), (50, 0)], offset: (0, 0))
        let b = try line([(0, 1), (12, 2), (18, -4), (36, 6), (50, 1)], offset: (0, 0))
        for pieces in [1, 2, 4] {
            let ours = DiscreteFrechet.distance(try Polyline(a).densified(pieces: pieces), try Polyline(b).densified(pieces: pieces))
            let geos = try a.frechetDistance(to: b, densify: pieces == 1 ? nil : 1 / Double(pieces))
            #expect(abs(ours - geos) < 1e-9, "pieces \(pieces): \(ours) vs GEOS \(geos)")
        }
    }

    @Test func frechetIsTheLimitOfTheDensifiedDiscreteOne() throws {
        let a = try line([(0, 0), (10, 3), (20, -2), (35, 4), (50, 0)], offset: (0, 0))
        let b = try line([(0, 1), (12, 2), (18, -4), (36, 6), (50, 1)], offset: (0, 0))
        let p = try Polyline(a).points, q = try Polyline(b).points
        let exact = FrechetDistance.distance(p, q, lowerBound: try a.hausdorffDistance(to: b))
        var previous = Double.infinity
        for pieces in [1, 4, 16, 64] {
            let discrete = try a.frechetDistance(to: b, densify: pieces == 1 ? nil : 1 / Double(pieces))
            #expect(exact <= discrete + 1e-4, "the discrete distance is an upper bound")
            #expect(discrete <= previous + 1e-9)
            previous = discrete
        }
        #expect(previous - exact < 0.1, "densified 64 times, GEOS gives \(previous); exact \(exact)")
    }

    @Test func frechetLiesBetweenHausdorffAndTheDensifiedDiscreteDistance() throws {
        // Random walks (a fixed linear congruential sequence): for each pair, the exact distance is
        // at least the Hausdorff distance, at most the discrete one, and within the densification
        // step of the discrete distance of the lines cut into 32 pieces per segment.
        var seed: UInt64 = 0x5eed
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<6 {
            var a = [Coordinate(x: 0, y: 0)], b = [Coordinate(x: next() * 4, y: next() * 4)]
            for _ in 0..<7 { a.append(Coordinate(x: a[a.count - 1].x + 5 + next() * 10, y: a[a.count - 1].y + next() * 12 - 6)) }
            for _ in 0..<9 { b.append(Coordinate(x: b[b.count - 1].x + 4 + next() * 8, y: b[b.count - 1].y + next() * 12 - 6)) }
            let ga = try context.lineString(a), gb = try context.lineString(b)
            let hausdorff = try ga.hausdorffDistance(to: gb, densify: 1.0 / 32)
            let exact = FrechetDistance.distance(a, b, lowerBound: 0)
            let fine = DiscreteFrechet.distance(Polyline(a).densified(pieces: 32), Polyline(b).densified(pieces: 32))
            let step = (zip(a, a.dropFirst()).map { Planar.distance($0, $1) } + zip(b, b.dropFirst()).map { Planar.distance($0, $1) }).max() ?? 0
            #expect(exact >= hausdorff - 1e-4)
            #expect(exact <= DiscreteFrechet.distance(a, b) + 1e-9)
            #expect(exact <= fine + 1e-4 && fine - exact <= step / 32 + 1e-4, "exact \(exact), densified \(fine)")
        }
    }

    @Test func frechetKnownAnswers() {
        func c(_ xy: [(Double, Double)]) -> [Coordinate] { xy.map { Coordinate(x: $0.0, y: $0.1) } }
        // Parallel lines 1 apart.
        #expect(abs(FrechetDistance.distance(c([(0, 0), (10, 0)]), c([(0, 1), (10, 1)]), lowerBound: 0) - 1) < 1e-4)
        // A line that doubles back from 10 to 5: Hausdorff 0, but the walker on the straight line must
        // wait at 7.5 while the other goes back, so the leash is 2.5.
        let there = c([(0, 0), (10, 0)]), back = c([(0, 0), (10, 0), (5, 0), (10, 0)])
        #expect(abs(FrechetDistance.distance(there, back, lowerBound: 0) - 2.5) < 1e-4)
        #expect(FrechetDistance.isWithin(2.5001, there, back) && !FrechetDistance.isWithin(2.49, there, back))
        // Reversed direction: the ends must be matched, so the leash is the whole length.
        #expect(abs(FrechetDistance.distance(there, there.reversed(), lowerBound: 0) - 10) < 1e-4)
    }

    @Test func capsuleIntervalsAreExact() throws {
        let a = Coordinate(x: -10, y: 0.5), b = Coordinate(x: 10, y: 0.5)
        // Segment from (0,0) to (4,0), radius 1: the line y = 0.5 is inside for x in [-√0.75, 4 + √0.75].
        let (u0, u1) = try #require(Planar.interval(of: a, b, within: 1, of: Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0)))
        #expect(abs((-10 + 20 * u0) - -0.75.squareRoot()) < 1e-12)
        #expect(abs((-10 + 20 * u1) - (4 + 0.75.squareRoot())) < 1e-12)
        #expect(Planar.interval(of: a, b, within: 0.4, of: Coordinate(x: 0, y: 0), Coordinate(x: 4, y: 0)) == nil)
    }

    @Test func unusableGeometriesThrow() throws {
        let comparator = LineComparator(tolerance: 0.5)
        #expect(throws: InspectionError.notALine("a Point")) {
            try comparator.compare(before: try context.point(x: 0, y: 0), after: try line(straight))
        }
        #expect(throws: InspectionError.degenerateLine("in the survey")) {
            try comparator.compare(before: try line(straight), after: try line([(5, 5), (5, 5)]))
        }
    }
}
