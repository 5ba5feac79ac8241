import Boundary
import CRS
import Foundation
import GEOSKit
import Testing

/// The shipped inspection sample (GeoData/samples/inspection): every known change is reported
/// exactly, and nothing else.
@Suite(.serialized) struct InspectionSampleTests {
    struct Expected: Decodable {
        struct Move: Decodable { var number: String; var line: String; var dx: Double; var dy: Double; var distance: Double; var azimuth: Double; var moved: Bool }
        struct Marker: Decodable { var number: String; var line: String; var x: Double; var y: Double }
        struct River: Decodable {
            var line: String; var left: String; var right: String; var side: String; var from: String; var to: String
            var area: Double; var hausdorff: Double; var ring: [[Double]]
        }
        var surveyDate: String
        var nextInspection: String
        var markerTolerance: Double
        var lineTolerance: Double
        var moves: [Move]
        var missing: [Marker]
        var new: [Marker]
        var riverChange: River
        var unchangedLines: [String]
    }

    static func expected() throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: SurveyTestData.path("samples/inspection/expected.json"))))
    }

    static func settings() throws -> InspectionSettings {
        try InspectionSettings.load(from: URL(fileURLWithPath: SurveyTestData.path("samples/inspection/profile.json")))
    }

    static func inputs(_ epoch: String) -> [SurveyInput] { SurveyTestData.sample("inspection/\(epoch)") }

    static func inspect(after: [SurveyInput]? = nil, crs: CoordinateReferenceSystem? = nil) throws -> InspectionReport {
        let context = try GEOSContext()
        let record = try SurveyLoader().load(inputs("before"), context: context)
        let survey = try SurveyLoader(crs: crs).load(after ?? inputs("after"), context: context)
        return try Inspector(settings: try settings()).inspect(before: record, after: survey)
    }

    /// Checks `report` against expected.json.
    static func check(_ report: InspectionReport, _ e: Expected) throws {
        // Markers: the known moves to the millimetre, the missing and the new ones, nothing else.
        for move in e.moves {
            let m = try #require(report.markers.matches.first { $0.before.number == move.number })
            #expect(abs(m.dx - move.dx) < 0.0005 && abs(m.dy - move.dy) < 0.0005, "\(move.number): \(m.dx), \(m.dy)")
            #expect(abs(m.distance - move.distance) < 0.0005)
            #expect(abs((m.azimuth ?? -1) - move.azimuth) < 0.1)
            #expect(m.isMoved == move.moved)
            #expect(m.method == .number)
        }
        let moved = Set(e.moves.filter(\.moved).map(\.number))
        #expect(Set(report.markers.moved.map(\.before.number)) == moved)
        let displaced = Set(e.moves.map(\.number))
        for m in report.markers.matches where !displaced.contains(m.before.number) {
            #expect(m.distance < 0.0005, "\(m.before.label) moved \(m.distance) m")
        }
        #expect(report.markers.missing.map(\.number) == e.missing.map(\.number))
        #expect(report.markers.new.map(\.number) == e.new.map(\.number))
        #expect(report.markers.typeChanged.isEmpty)

        // Lines: the river change with its area to the square metre; every other line unchanged.
        #expect(report.missingLines.isEmpty && report.newLines.isEmpty && report.problems.isEmpty)
        let river = try #require(report.lines.first { $0.id == e.riverChange.line })
        let c = river.comparison
        #expect(c.verdict == .changed)
        #expect(abs(c.hausdorff - e.riverChange.hausdorff) < 0.01, "Hausdorff \(c.hausdorff)")
        #expect(c.frechet >= c.hausdorff - 1e-6)
        #expect(c.areas.count == 1)
        let face = try #require(c.areas.first)
        #expect(face.side.rawValue == e.riverChange.side)
        #expect(face.fromCode == e.riverChange.from && face.toCode == e.riverChange.to)
        #expect(abs(face.area - e.riverChange.area) < 1, "area \(face.area) vs \(e.riverChange.area)")
        #expect(c.afterStretches.count == 1 && c.beforeStretches.count == 1)
        #expect(abs((c.afterStretches.first?.maximumOffset ?? 0) - e.riverChange.hausdorff) < 0.01)
        for id in e.unchangedLines {
            let line = try #require(report.lines.first { $0.id == id })
            #expect(line.comparison.verdict == .unchanged, "line \(id): \(line.comparison.hausdorff) m")
            #expect(line.comparison.areas.isEmpty && line.comparison.afterStretches.isEmpty)
        }
        #expect(report.summary.changedLines == 1)
        #expect(report.summary.unchangedLines == e.unchangedLines.count)
        #expect(report.settings.nextInspection?.description == e.nextInspection)
    }

    @Test func theSampleReportsEveryKnownChange() throws {
        let report = try Self.inspect()
        let e = try Self.expected()
        try Self.check(report, e)
        #expect(!report.transformed)

        // The area, independently of expected.json: the record and the survey line differ in one run
        // of vertices; the ring (record run forwards, survey run back) has the area reported.
        let river = try #require(report.lines.first { $0.id == e.riverChange.line })
        let old = try report.before.lines[river.beforeIndex].geometry.coordinates()
        let new = try report.after.lines[river.afterIndex].geometry.coordinates()
        var head = 0
        while old[head] == new[head] { head += 1 }
        var tail = 0
        while old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let ring = Array(old[(head - 1)...(old.count - tail)]) + Array(new[(head - 1)...(new.count - tail)].reversed())
        var twice = 0.0
        let o = ring[0]
        for k in 0..<(ring.count - 1) { twice += (ring[k].x - o.x) * (ring[k + 1].y - o.y) - (ring[k + 1].x - o.x) * (ring[k].y - o.y) }
        #expect(abs(river.comparison.areas.reduce(0) { $0 + $1.area } - abs(twice) / 2) < 1)
        #expect((twice > 0 ? "left" : "right") == e.riverChange.side)

        // The new survey was validated: marker.off-line (0.1 m) flags exactly the displaced markers
        // that now stand more than 0.1 m from their line, and nothing else is found.
        let offLine = report.validation.findings.filter { $0.ruleID == "marker.off-line" }
        var standingOff: Set<String> = []
        for move in e.moves {
            let marker = try #require(report.after.markers.first { $0.number == move.number })
            let line = try #require(report.after.lines.first { $0.id == marker.lineID })
            if try line.geometry.distance(to: marker.position) > 0.1 { standingOff.insert(move.number) }
        }
        #expect(!standingOff.isEmpty)
        #expect(Set(offLine.compactMap { $0.features.first?.key }) == standingOff)
        #expect(report.validation.findings.count == offLine.count, "\(report.validation.findings.map(\.message))")
    }
}
