import Boundary
import CRS
import Foundation
import GEOSKit
import Testing

/// Awkward inputs: epochs in different CRS, lines without counterpart, empty epochs, settings.
@Suite(.serialized) struct InspectionInputTests {
    /// Writes the sample's later epoch in `crs` (lines, markers and divisions as GeoJSON) and returns its files.
    static func writeSurvey(in crs: CoordinateReferenceSystem, to folder: URL, decimals: Int) throws -> [SurveyInput] {
        let context = try GEOSContext()
        let survey = try SurveyLoader().load(InspectionSampleTests.inputs("after"), context: context)
        let transform = try CoordinateTransform(from: survey.metricCRS, to: crs)
        let member = #""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::\#(crs.epsgCode ?? 0)"}}"#
        func position(_ c: Coordinate) -> String { "[" + String(format: "%.\(decimals)f,%.\(decimals)f", c.x, c.y) + "]" }
        func line(_ g: Geometry) throws -> String { "[" + (try transform.transform(g).coordinates().map(position).joined(separator: ",")) + "]" }
        func collection(_ name: String, _ features: [String]) throws {
            let text = "{\"type\":\"FeatureCollection\",\"name\":\"\(name)\",\(member),\"features\":[\(features.joined(separator: ",\n"))]}"
            try text.write(to: folder.appendingPathComponent("\(name).geojson"), atomically: true, encoding: .utf8)
        }
        try collection("lines", survey.lines.map { l in
            #"{"type":"Feature","properties":{"line_id":"\#(l.id ?? "")","left":"\#(l.leftCode ?? "")","right":"\#(l.rightCode ?? "")"},"geometry":{"type":"LineString","coordinates":\#((try? line(l.geometry)) ?? "[]")}}"#
        })
        try collection("markers", survey.markers.map { m in
            let p = (try? transform.transform(m.position).coordinates().first).flatMap { $0 }.map(position) ?? "[]"
            return #"{"type":"Feature","properties":{"number":"\#(m.number)","type":"\#(m.type)","line":"\#(m.lineID ?? "")"},"geometry":{"type":"Point","coordinates":\#(p)}}"#
        })
        try collection("divisions", survey.divisions.map { d in
            let rings = (try? transform.transform(d.geometry)).flatMap { g -> String? in
                let polygon = try? (g.type == .polygon ? g : g.part(0))
                return try? "[" + ([polygon?.exteriorRing].compactMap { $0 } + (polygon?.interiorRings ?? [])).map(line).joined(separator: ",") + "]"
            } ?? "[]"
            return #"{"type":"Feature","properties":{"code":"\#(d.code)","name":"\#(d.name ?? "")"},"geometry":{"type":"Polygon","coordinates":\#(rings)}}"#
        })
        return ["lines", "markers", "divisions"].map { SurveyInput(path: folder.appendingPathComponent("\($0).geojson").path) }
    }

    @Test func aSurveyInAnotherZoneIsTransformedNotRefused() throws {
        let folder = try SurveyTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The 6° zone 19 (CM 111°E, with zone prefix): measured in another CRS than the record's 3° zone.
        let files = try Self.writeSurvey(in: try CoordinateReferenceSystem(epsg: 4497), to: folder, decimals: 6)
        let report = try InspectionSampleTests.inspect(after: files)
        #expect(report.transformed)
        #expect(report.after.metricCRS == report.before.metricCRS)
        try InspectionSampleTests.check(report, try InspectionSampleTests.expected())
    }

    @Test func aSurveyInLongitudeAndLatitudeIsTransformed() throws {
        let folder = try SurveyTestData.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.writeSurvey(in: .cgcs2000, to: folder, decimals: 12)
        let report = try InspectionSampleTests.inspect(after: files)
        #expect(report.after.inputCRS == .cgcs2000)
        try InspectionSampleTests.check(report, try InspectionSampleTests.expected())
    }

    // MARK: - Purpose-built epochs

    let context: GEOSContext
    let gk: CoordinateReferenceSystem
    init() throws {
        context = try GEOSContext()
        gk = try CoordinateReferenceSystem(epsg: 4545)
    }

    func line(_ id: String?, _ left: String, _ right: String, _ xy: [(Double, Double)], index: Int) throws -> BoundaryLine {
        try BoundaryLine(id: id, leftCode: left, rightCode: right,
                         geometry: try context.lineString(xy.map { Coordinate(x: 500_000 + $0.0, y: 3_800_000 + $0.1) }),
                         reference: FeatureReference(layer: "lines", index: index, key: id))
    }

    func survey(_ lines: [BoundaryLine], markers: [Marker] = []) -> Survey {
        Survey(context: context, lines: lines, markers: markers, divisions: [], inputCRS: gk, metricCRS: gk)
    }

    @Test func linesWithoutCounterpartAreReportedNotFatal() throws {
        let record = survey([
            try line("0001", "610100", "610200", [(0, 0), (1000, 0)], index: 1),
            try line("0002", "610100", "610300", [(1000, 0), (1000, 1000)], index: 2),
        ])
        let now = survey([
            try line("0001", "610100", "610200", [(0, 0), (1000, 0)], index: 1),
            try line("0003", "610200", "610300", [(1000, 0), (2000, 0)], index: 2),
        ])
        let report = try Inspector().inspect(before: record, after: now)
        #expect(report.lines.map(\.id) == ["0001"])
        #expect(report.lines.first?.comparison.verdict == .unchanged)
        #expect(report.missingLines.map(\.id) == ["0002"])
        #expect(report.newLines.map(\.id) == ["0003"])
        #expect(report.missingLines.first.map { abs($0.length - 1000) < 1e-9 } == true)
        #expect(report.summary.missingLines == 1 && report.summary.newLines == 1)
    }

    @Test func linesPairByTheirDivisionsWhenIdsDifferAndMayRunBackwards() throws {
        let record = survey([try line("0001", "610100", "610200", [(0, 0), (500, 0), (1000, 0)], index: 1)])
        // Renumbered, digitised the other way (so left and right swap), with a 10 m bulge to the record's left.
        let now = survey([try line("A-7", "610200", "610100", [(1000, 0), (600, 0), (500, 10), (400, 0), (0, 0)], index: 1)])
        let report = try Inspector().inspect(before: record, after: now)
        let l = try #require(report.lines.first)
        #expect(l.pairing == .divisions && l.id == "0001" && l.afterID == "A-7")
        #expect(l.comparison.reversed && !l.divisionsDiffer)
        #expect(l.comparison.verdict == .changed)
        let face = try #require(l.comparison.areas.first)
        #expect(face.side == .left && face.fromCode == "610100" && face.toCode == "610200")
        #expect(abs(face.area - 1000) < 1e-6)
    }

    @Test func anIdMatchWithOtherDivisionsIsFlagged() throws {
        let record = survey([try line("0001", "610100", "610200", [(0, 0), (1000, 0)], index: 1)])
        let now = survey([try line("0001", "610100", "610900", [(0, 0), (1000, 0)], index: 1)])
        let report = try Inspector().inspect(before: record, after: now)
        #expect(report.lines.first?.divisionsDiffer == true)
        #expect(report.lines.first?.pairing == .id)
    }

    @Test func emptyEpochsAreAClearError() throws {
        let some = survey([try line("0001", "610100", "610200", [(0, 0), (1000, 0)], index: 1)])
        #expect(throws: InspectionError.emptyEpoch(epoch: "survey")) { try Inspector().inspect(before: some, after: survey([])) }
        #expect(throws: InspectionError.emptyEpoch(epoch: "record")) { try Inspector().inspect(before: survey([]), after: some) }
        #expect("\(InspectionError.emptyEpoch(epoch: "survey"))".contains("nothing to inspect"))
    }

    @Test func settingsComeFromTheProfilesInspectionObject() throws {
        let s = try InspectionSettings.decode(Data(#"{"name": "x", "inspection": {"lineTolerance": 0.5, "surveyDate": "2024-02-29", "intervalYears": 5}}"#.utf8))
        #expect(s.lineTolerance == 0.5 && s.markerTolerance == InspectionSettings.standard.markerTolerance)
        #expect(s.nextInspection?.description == "2029-02-28")
        #expect(try InspectionSettings.decode(Data("{}".utf8)) == .standard)
        #expect(throws: ProfileError.self) { try InspectionSettings.decode(Data(#"{"inspection": {"lineTolerance": -1}}"#.utf8)) }
        #expect(throws: ProfileError.self) { try InspectionSettings.decode(Data(#"{"inspection": {"surveyDate": "2025-13-01"}}"#.utf8)) }
        #expect(throws: ProfileError.self) { try InspectionSettings.decode(Data(#"{"inspection": {"intervalYears": 0}}"#.utf8)) }
        #expect(try CalendarDate(parsing: "2025-06-18").adding(years: 5).description == "2030-06-18")
        #expect(throws: InspectionError.self) { try CalendarDate(parsing: "18.06.2025") }
    }
}
