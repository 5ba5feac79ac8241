import Boundary
import CRS
import Foundation
import GEOSKit
import Testing

/// Rules on small purpose-built surveys in metres.
@Suite struct RuleTests {
    let context: GEOSContext

    init() throws { context = try GEOSContext() }

    func line(_ id: String, _ left: String, _ right: String, _ pts: [(Double, Double)], index: Int = 1) throws -> BoundaryLine {
        try BoundaryLine(id: id, leftCode: left, rightCode: right,
                         geometry: try context.lineString(pts.map { Coordinate(x: $0.0, y: $0.1) }),
                         reference: FeatureReference(layer: "lines", index: index, key: id))
    }

    func marker(_ number: String, _ type: String = "", line: String, _ x: Double, _ y: Double, index: Int) throws -> Marker {
        Marker(number: number, type: type, lineID: line, position: try context.point(x: x, y: y), elevation: nil,
               reference: FeatureReference(layer: "markers", index: index, key: number))
    }

    func run(_ rule: any SurveyRule.Type, lines: [BoundaryLine] = [], markers: [Marker] = [], profile: Profile = .standard) throws -> [Finding] {
        let crs = try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108")
        let survey = Survey(context: context, lines: lines, markers: markers, divisions: [], inputCRS: crs, metricCRS: crs)
        return try rule.init(profile: profile).check(try PreparedSurvey(survey, profile: profile))
    }

    @Test func spikeIsFoundAtItsVertexAndAWideAngleIsNot() throws {
        let l = try line("0001", "1", "2", [(0, 0), (100, 0), (0, 5), (-50, 80)])
        let f = try run(SpikeRule.self, lines: [l])
        #expect(f.count == 1)
        #expect(abs((f.first?.value ?? 0) - atan(5.0 / 100) * 180 / .pi) < 1e-6)
        #expect(try f.first?.location(in: context)?.coordinates().first == Coordinate(x: 100, y: 0))
    }

    @Test func freeEndsAreClassified() throws {
        let base = try line("0001", "1", "2", [(0, 0), (1000, 0)], index: 1)
        let under = try line("0002", "1", "2", [(500, 500), (500, 0.4)], index: 2)       // stops 0.4 m short
        let over = try line("0003", "1", "2", [(800, 500), (800, -0.7)], index: 3)       // runs 0.7 m past
        let dangle = try line("0004", "1", "2", [(200, 500), (200, 100)], index: 4)      // far from everything
        let lines = [base, under, over, dangle]
        #expect(try run(LineUndershootRule.self, lines: lines).compactMap(\.features.first?.key) == ["0002"])
        let o = try run(LineOvershootRule.self, lines: lines)
        #expect(o.compactMap(\.features.first?.key) == ["0003"])
        #expect(abs((o.first?.value ?? 0) - 0.7) < 1e-9)
        // The free ends of 0001 and the upper ends of the others are dangles too; 0004's lower end is one.
        let d = try run(LineDangleRule.self, lines: lines)
        #expect(d.contains { $0.features.first?.key == "0004" && abs(((try? $0.location(in: context)?.coordinates().first?.y) ?? 0) - 100) < 1e-9 })
        #expect(!d.contains { abs(((try? $0.location(in: context)?.coordinates().first?.y) ?? 0) - 0.4) < 1e-9 })
        // The overshoot's crossing is not reported again as a crossing.
        #expect(try run(LineCrossingRule.self, lines: lines).isEmpty)
    }

    @Test func crossingAndPseudoNode() throws {
        let a = try line("0001", "1", "2", [(0, 0), (100, 100)], index: 1)
        let b = try line("0002", "1", "3", [(0, 100), (100, 0)], index: 2)
        let c = try line("0003", "2", "1", [(100, 100), (200, 100)], index: 3)   // same pair as 0001, end to end
        let crossing = try run(LineCrossingRule.self, lines: [a, b, c])
        #expect(crossing.count == 1)
        #expect(try crossing.first?.location(in: context)?.coordinates().first == Coordinate(x: 50, y: 50))
        let pseudo = try run(LinePseudoNodeRule.self, lines: [a, b, c])
        #expect(pseudo.map { Set($0.features.compactMap(\.key)) } == [["0001", "0003"]])
    }

    @Test func markerOrderFlagsTheFewestMarkers() throws {
        let l = try line("0001", "1", "2", [(0, 0), (1000, 0)])
        let numbers = ["0001-001", "0001-002", "0001-005", "0001-003", "0001-004"]
        let markers = try numbers.enumerated().map { try marker($1, line: "0001", Double($0 + 1) * 150, 0, index: $0 + 1) }
        let f = try run(MarkerOrderRule.self, lines: [l], markers: markers)
        #expect(f.compactMap(\.features.first?.key) == ["0001-005"])
    }

    @Test func markerNumberFormatAndTypeCount() throws {
        let l = try line("0001", "1", "2", [(0, 0), (1000, 0)])
        let markers = try [
            marker("0001-001", line: "0001", 100, 0, index: 1),
            marker("0002-002", line: "0001", 200, 0, index: 2),     // names another line
            marker("1-3", line: "0001", 300, 0, index: 3),          // not the format
            marker("0001-004", "A", line: "0001", 400, 0, index: 4), // a single marker with a letter
            marker("0001-005", "A", line: "0001", 500, 0, index: 5),
            marker("0001-005", "B", line: "0001", 500, 3, index: 6), // a proper A/B pair
        ]
        let format = try run(MarkerNumberFormatRule.self, lines: [l], markers: markers)
        #expect(Set(format.compactMap(\.features.first?.key)) == ["0002-002", "1-3"])
        let types = try run(MarkerTypeCountRule.self, lines: [l], markers: markers)
        #expect(types.compactMap(\.features.first?.key) == ["0001-004"])
    }

    @Test func selfIntersectionsAreEachLocated() throws {
        let l = try line("0001", "1", "2", [(0, 0), (100, 0), (100, 50), (50, -50), (0, 50), (200, 50)])
        let f = try run(LineSelfIntersectionRule.self, lines: [l])
        #expect(f.count >= 3)
        let pts = try f.compactMap { try $0.location(in: context)?.coordinates().first }
        #expect(pts.contains(Coordinate(x: 75, y: 0)))
    }

    @Test func profileOverridesSeverityAndTolerance() throws {
        let profile = try Profile.decode(Data(#"{"rules":{"geometry.spike":{"severity":"warning","tolerances":{"minAngle":1}}}}"#.utf8))
        let l = try line("0001", "1", "2", [(0, 0), (100, 0), (0, 5)])
        #expect(try run(SpikeRule.self, lines: [l], profile: profile).isEmpty)   // 2.9° is above 1°
        let strict = try Profile.decode(Data(#"{"rules":{"geometry.spike":{"severity":"warning"}}}"#.utf8))
        #expect(try run(SpikeRule.self, lines: [l], profile: strict).map(\.severity) == [.warning])
        #expect(throws: ProfileError.self) { try Profile.decode(Data(#"{"rules":{"no.such-rule":{}}}"#.utf8)) }
        #expect(throws: ProfileError.self) { try Profile.decode(Data(#"{"rules":{"geometry.spike":{"tolerances":{"minLength":1}}}}"#.utf8)) }
        #expect(throws: ProfileError.self) { try Profile.decode(Data(#"{"markers":{"numberPattern":"(["}}"#.utf8)) }
    }

    @Test func everyRuleHasAUniqueIdAndADescription() {
        let ids = RuleCatalogue.definitions.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.count == 28)
        #expect(RuleCatalogue.definitions.allSatisfy { !$0.summary.isEmpty && $0.tolerances.allSatisfy { !$0.meaning.isEmpty } })
    }
}
