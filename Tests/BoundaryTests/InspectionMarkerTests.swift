import Foundation
import Testing
@testable import Boundary

@Suite struct InspectionMarkerTests {
    let matcher = MarkerMatcher(tolerance: 0.2, searchRadius: 10)

    func marker(_ number: String, _ x: Double, _ y: Double, type: String = "", index: Int = 1, h: Double? = nil) -> MarkerRecord {
        MarkerRecord(number: number, type: type, lineID: nil, x: x, y: y, elevation: h,
                     reference: FeatureReference(layer: "markers", index: index, key: number))
    }

    @Test func matchesByNumberAndMeasuresTheMove() throws {
        let before = [marker("0001-001", 39_500_000.000, 3_400_000.000, h: 812.5), marker("0001-002", 39_500_100.000, 3_400_000.000)]
        let after = [marker("0001-002", 39_500_100.000, 3_400_000.000), marker("0001-001", 39_500_000.350, 3_399_999.880, h: 812.3)]
        let c = matcher.compare(before: before, after: after)
        #expect(c.matches.count == 2)
        #expect(c.missing.isEmpty && c.new.isEmpty)
        let moved = try #require(c.matches.first)
        #expect(moved.method == .number)
        #expect(abs(moved.dx - 0.35) < 1e-6)
        #expect(abs(moved.dy - -0.12) < 1e-6)
        #expect(abs(moved.distance - (0.35 * 0.35 + 0.12 * 0.12).squareRoot()) < 1e-6)
        // 0.35 east and 0.12 south: a little south of due east.
        #expect(abs(try #require(moved.azimuth) - (90 + atan(0.12 / 0.35) * 180 / .pi)) < 1e-6)
        #expect(abs(try #require(moved.dh) - -0.2) < 1e-9)
        #expect(moved.isMoved)
        #expect(c.matches[1].distance == 0 && c.matches[1].azimuth == nil && !c.matches[1].isMoved)
        #expect(c.moved.map(\.before.number) == ["0001-001"])
        #expect(c.intact.map(\.before.number) == ["0001-002"])
    }

    @Test func azimuthIsClockwiseFromGridNorth() {
        #expect(Planar.azimuth(dx: 0, dy: 1) == 0)
        #expect(Planar.azimuth(dx: 1, dy: 0) == 90)
        #expect(Planar.azimuth(dx: 0, dy: -1) == 180)
        #expect(Planar.azimuth(dx: -1, dy: 0) == 270)
        #expect(abs(Planar.azimuth(dx: -1, dy: 1) - 315) < 1e-12)
    }

    @Test func toleranceSeparatesIntactFromMoved() {
        let before = [marker("0001-001", 0, 0), marker("0001-002", 100, 0)]
        let after = [marker("0001-001", 0.15, 0), marker("0001-002", 100, 0.25)]
        let c = matcher.compare(before: before, after: after)
        #expect(c.intact.map(\.before.number) == ["0001-001"])
        #expect(c.moved.map(\.before.number) == ["0001-002"])
    }

    @Test func missingAndNewMarkers() {
        let before = [marker("0001-001", 0, 0), marker("0001-002", 100, 0), marker("0001-003", 200, 0)]
        let after = [marker("0001-001", 0, 0), marker("0001-004", 300, 0)]
        let c = matcher.compare(before: before, after: after)
        #expect(c.matches.map(\.before.number) == ["0001-001"])
        #expect(c.missing.map(\.number) == ["0001-002", "0001-003"])
        #expect(c.new.map(\.number) == ["0001-004"])
    }

    @Test func differentNumbersAreNeverPairedEvenWhenClose() {
        let c = matcher.compare(before: [marker("0001-002", 100, 0)], after: [marker("0001-005", 100.5, 0)])
        #expect(c.matches.isEmpty)
        #expect(c.missing.count == 1 && c.new.count == 1)
    }

    @Test func aNumberReusedFarAwayIsNotAMove() {
        // The old 0001-002 was lost and its number given to a marker 250 m away.
        let c = matcher.compare(before: [marker("0001-002", 100, 0)], after: [marker("0001-002", 350, 0)])
        #expect(c.matches.isEmpty)
        #expect(c.missing.map(\.number) == ["0001-002"])
        #expect(c.new.map(\.number) == ["0001-002"])
    }

    @Test func unnumberedMarkersPairByPositionWithinTheRadius() throws {
        let before = [marker("0001-001", 0, 0), marker("0001-002", 100, 0), marker("0001-003", 200, 0)]
        let after = [marker("", 0.3, 0.4, index: 1), marker("", 100, 12, index: 2), marker("0001-003", 200, 0, index: 3)]
        let c = matcher.compare(before: before, after: after)
        let byPosition = try #require(c.matches.first { $0.before.number == "0001-001" })
        #expect(byPosition.method == .position)
        #expect(abs(byPosition.distance - 0.5) < 1e-12)
        #expect(byPosition.numberChanged)
        #expect(c.matches.first { $0.before.number == "0001-003" }?.method == .number)
        // 12 m is beyond the 10 m search radius.
        #expect(c.missing.map(\.number) == ["0001-002"])
        #expect(c.new.map(\.reference.index) == [2])
    }

    @Test func positionMatchingTakesTheNearestPairFirst() {
        let before = [marker("", 0, 0, index: 1), marker("", 3, 0, index: 2)]
        let after = [marker("", 2, 0, index: 1), marker("", 3.1, 0, index: 2)]
        let c = matcher.compare(before: before, after: after)
        let pairs = c.matches.map { ($0.before.reference.index, $0.after.reference.index) }
        #expect(pairs.count == 2)
        #expect(pairs.contains { $0 == (2, 2) } && pairs.contains { $0 == (1, 1) })
    }

    @Test func setsSharingANumberPairByTypeLetter() throws {
        let before = [marker("0002-004", 10, 0, type: "A"), marker("0002-004", 10, 30, type: "B")]
        let after = [marker("0002-004", 10, 30.5, type: "B"), marker("0002-004", 10, 0, type: "A")]
        let c = matcher.compare(before: before, after: after)
        #expect(c.matches.count == 2)
        let b = try #require(c.matches.first { $0.before.type == "B" })
        #expect(b.after.type == "B" && b.method == .number && abs(b.dy - 0.5) < 1e-12)
    }

    @Test func aSetThatLostItsLettersPairsByPositionAndReportsTheTypeChange() throws {
        let before = [marker("0002-004", 10, 0, type: "A"), marker("0002-004", 10, 30, type: "B")]
        let after = [marker("0002-004", 10.1, 0, type: "")]
        let c = matcher.compare(before: before, after: after)
        let m = try #require(c.matches.first)
        #expect(c.matches.count == 1)
        #expect(m.method == .position && m.before.type == "A" && m.typeChanged)
        #expect(c.typeChanged.count == 1)
        #expect(c.missing.map(\.type) == ["B"])
    }

    @Test func aSingleMarkerWhoseTypeChangedIsStillMatchedByNumber() throws {
        let c = matcher.compare(before: [marker("J001", 5, 5, type: "")], after: [marker("J001", 5, 5, type: "A")])
        let m = try #require(c.matches.first)
        #expect(m.method == .number && m.typeChanged && !m.isMoved)
    }

    @Test func emptyEpochsGiveEmptyComparisons() {
        let c = matcher.compare(before: [], after: [marker("0001-001", 0, 0)])
        #expect(c.matches.isEmpty && c.missing.isEmpty && c.new.count == 1)
    }
}
