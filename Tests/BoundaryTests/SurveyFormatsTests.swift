import Boundary
import CRS
import Foundation
import GEOSKit
import GeoFormats
import Testing

/// Surveys are read through `GeoFormat.read`: every format `convert` reads is a survey format,
/// with the same findings.
@Suite struct SurveyFormatsTests {
    typealias D = SurveyTestData

    /// The faulty sample written in `format` (reprojected to WGS 84 where the format wants it) into a new folder.
    func sample(in format: GeoFormat, options: WriteOptions = WriteOptions()) throws -> URL {
        let folder = try D.temporaryFolder()
        let context = try GEOSContext()
        for name in ["lines.geojson", "markers.csv", "divisions.geojson"] {
            let url = URL(fileURLWithPath: D.path("samples/faulty/\(name)"))
            var readOptions = ReadOptions()
            if name.hasSuffix(".csv") {
                readOptions.csv = CSVReadOptions(geometry: .points(x: "X", y: "Y"), crs: "EPSG:4545")
                readOptions.csv.keepGeometryColumns = true
            }
            var layer = try GeoFormat.read(url, options: readOptions, context: context)
            if layer.crs == nil { layer.crs = "EPSG:4545" }
            if format == .kml || format == .kmz {
                layer = try layer.reprojected(from: try CoordinateReferenceSystem(parsing: "EPSG:4545"), to: .wgs84)
            }
            let stem = url.deletingPathExtension().lastPathComponent
            _ = try format.writer.write(layer, to: folder.appendingPathComponent("\(stem).\(format.fileExtension)"), options: options)
        }
        return folder
    }

    func findings(_ inputs: [SurveyInput], crs: CoordinateReferenceSystem? = nil) throws -> [String: Int] {
        let survey = try SurveyLoader(crs: crs).load(inputs, context: try GEOSContext())
        let report = try SurveyValidator().validate(survey)
        return report.findings.reduce(into: [:]) { $0[$1.ruleID, default: 0] += 1 }
    }

    @Test(arguments: [GeoFormat.kml, .kmz, .topoJSON, .geoPackage, .geoJSONSeq])
    func aSurveyInAnyFormatGivesTheSameFindings(format: GeoFormat) throws {
        let expected = try findings(D.sample("faulty"))
        #expect(expected.values.reduce(0, +) > 10)
        let folder = try sample(in: format)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = try SurveyFolder.inputs([folder.path])
        #expect(inputs.count == 3)
        // TopoJSON and newline-delimited GeoJSON have no place for a CRS: it is given, as with --crs.
        let crs = [.topoJSON, .geoJSONSeq].contains(format) ? try CoordinateReferenceSystem(parsing: "EPSG:4545") : nil
        #expect(try findings(inputs, crs: crs) == expected)
    }

    @Test func aZippedShapefileIsASurveyFile() throws {
        var options = WriteOptions()
        options.zip = true
        let folder = try sample(in: .shapefile, options: options)
        defer { try? FileManager.default.removeItem(at: folder) }
        let zips = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".zip") }.sorted()
        #expect(zips.count == 3)
        let survey = try SurveyLoader().load(zips.map { SurveyInput(path: folder.appendingPathComponent($0).path) }, context: try GEOSContext())
        let original = try SurveyLoader().load(D.sample("faulty"), context: try GEOSContext())
        #expect(survey.lines.count == original.lines.count)
        #expect(survey.markers.count == original.markers.count)
        #expect(survey.divisions.count == original.divisions.count)
    }

    @Test func northingFirstMarkerTablesAndTheirEncoding() throws {
        let folder = try D.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A GBK table whose columns the profile names, northing first (X is the northing in survey practice).
        let table = "界桩号,类型,线号,X坐标,Y坐标\n0001-001,双立,0001,3800025,500050\n"
        let url = folder.appendingPathComponent("markers.csv")
        try Data(try TextEncoding.gbk.encode(table)).write(to: url)
        let profileURL = folder.appendingPathComponent("profile.json")
        try #"{"fields":{"markerNumber":["界桩号"],"markerType":["类型"],"markerLine":["线号"],"markerX":["X坐标"],"markerY":["Y坐标"]},"markers":{"axisOrder":"ne"}}"#
            .write(to: profileURL, atomically: true, encoding: .utf8)
        let profile = try Profile.load(from: profileURL)
        let survey = try SurveyLoader(profile: profile, crs: try CoordinateReferenceSystem(parsing: "EPSG:4545"), encoding: .gbk)
            .load([SurveyInput(path: url.path)], context: try GEOSContext())
        let marker = try #require(survey.markers.first)
        #expect(marker.number == "0001-001")
        #expect(marker.type == "双立")
        let point = try #require(try marker.position.envelope)
        #expect(abs(point.minX - 500050) < 1e-6 && abs(point.minY - 3800025) < 1e-6)

        // Columns the profile does not name: the error says where to name them.
        try "编号,东,北\n0001-001,500050,3800025\n".write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try SurveyLoader(profile: profile).load([SurveyInput(path: url.path)], context: try GEOSContext())
            Issue.record("no error")
        } catch let error as SurveyLoadError {
            #expect(error.file?.hasSuffix("markers.csv") == true)
            #expect(error.problem.contains("looked for Y坐标 and X坐标"))
            #expect(error.problem.contains("set fields.markerX and fields.markerY in the profile"))
        }
    }

    @Test func unknownFileTypesNameWhatIsRead() throws {
        let folder = try D.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("lines.dwg")
        try Data("AC1027".utf8).write(to: url)
        do {
            _ = try SurveyLoader().load([SurveyInput(path: url.path)], context: try GEOSContext())
            Issue.record("no error")
        } catch let error as SurveyLoadError {
            #expect(error.problem.contains("unknown file type \".dwg\""))
            #expect(error.problem.contains("KML/KMZ"))
        }
    }
}
