import Boundary
import CRS
import Foundation
import GEOSKit
import Testing

/// Bad inputs give a ``SurveyLoadError`` naming the file and, where it applies, the feature.
@Suite struct SurveyLoaderTests {
    typealias D = SurveyTestData

    func load(_ files: [(String, String)], crs: CoordinateReferenceSystem? = nil, profile: Profile = .standard) throws -> Survey {
        let dir = try D.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var inputs: [SurveyInput] = []
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            inputs.append(SurveyInput(path: url.path))
        }
        return try SurveyLoader(profile: profile, crs: crs).load(inputs, context: try GEOSContext())
    }

    func loadError(_ files: [(String, String)], crs: CoordinateReferenceSystem? = nil) -> SurveyLoadError? {
        do { _ = try load(files, crs: crs) } catch let e as SurveyLoadError { return e } catch { return nil }
        return nil
    }

    let line = D.lineFeature("0001", "610100", "610400", [(500000, 3800000), (500100, 3800050)])

    @Test func missingFileIsNamed() throws {
        do {
            _ = try SurveyLoader().load([SurveyInput(path: "/nonexistent/lines.geojson")], context: try GEOSContext())
            Issue.record("no error")
        } catch let e as SurveyLoadError {
            #expect(e.file == "/nonexistent/lines.geojson")
            #expect(e.problem.contains("no such file"))
        }
    }

    @Test func wrongMarkerColumnsAreNamed() throws {
        let e = try #require(loadError([("lines.geojson", D.featureCollection([line])),
                                        ("markers.csv", "num,kind,line,E_,N_\n0001-001,,0001,500050,3800025\n")]))
        #expect(e.file?.hasSuffix("markers.csv") == true)
        #expect(e.problem.contains("no coordinate columns"))
        // A table without a number column is read all the same (a plain point layer); the missing
        // column is named once, by marker.number-format.
        let survey = try load([("lines.geojson", D.featureCollection([line])),
                               ("markers.csv", "num,kind,line,X,Y\n0001-001,,0001,500050,3800025\n")])
        #expect(survey.markers.count == 1)
        let missing = try SurveyValidator().validate(survey).findings.filter { $0.ruleID == "marker.number-format" }
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("no marker number column") == true)
    }

    @Test func mixedCRSIsRefused() throws {
        let geographic = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4490"}},"features":[{"type":"Feature","properties":{"code":"610100"},"geometry":{"type":"Polygon","coordinates":[[[108.9,34.2],[109.0,34.2],[109.0,34.3],[108.9,34.2]]]}}]}"#
        let e = try #require(loadError([("lines.geojson", D.featureCollection([line])), ("divisions.geojson", geographic)]))
        #expect(e.problem.contains("mixed CRS"))
        #expect(e.file?.hasSuffix("divisions.geojson") == true)
    }

    @Test func unclosedRingNamesTheFeature() throws {
        let open = #"{"type":"Feature","properties":{"code":"610100"},"geometry":{"type":"Polygon","coordinates":[[[500000,3800000],[500100,3800000],[500100,3800100],[500000,3800050]]]}}"#
        let e = try #require(loadError([("divisions.geojson", D.featureCollection([open]))]))
        #expect(e.feature == 1)
        #expect(e.problem.contains("not closed"))
    }

    @Test func nanCoordinateNamesTheFeature() throws {
        let bad = #"{"type":"Feature","properties":{"line_id":"0002","left":"610100","right":"610400"},"geometry":{"type":"LineString","coordinates":[[500000,3800000],[NaN,3800050]]}}"#
        let e = try #require(loadError([("lines.geojson", D.featureCollection([line, bad]))]))
        #expect(e.file?.hasSuffix("lines.geojson") == true)
        let csv = try #require(loadError([("lines.geojson", D.featureCollection([line])),
                                          ("markers.csv", "number,type,line,X,Y,H\n0001-001,,0001,500050,3800025,\n0001-002,,0001,nan,3800030,\n")]))
        #expect(csv.feature == 2)
    }

    @Test func emptyCollectionIsRefused() throws {
        let e = try #require(loadError([("lines.geojson", D.featureCollection([]))]))
        #expect(e.problem.contains("holds no features"))
    }

    @Test func metresWithoutCRSAskForOne() throws {
        let e = try #require(loadError([("lines.geojson", D.featureCollection([line], crs: false))]))
        #expect(e.problem.contains("--crs"))
        let survey = try load([("lines.geojson", D.featureCollection([line], crs: false))], crs: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108"))
        #expect(survey.lines.count == 1)
    }

    @Test func geographicInputIsProjectedToItsZone() throws {
        let l = D.lineFeature("0001", "610100", "610400", [(108.90, 34.20), (108.91, 34.20)])
        let survey = try load([("lines.geojson", D.featureCollection([l], crs: false))])
        #expect(survey.inputCRS == .cgcs2000)
        #expect(survey.metricCRS.epsgCode == 4545)
        // 0.01° of longitude at 34.2°N is about 921 m.
        #expect(abs(try survey.lines[0].geometry.length - 921.4) < 1)
    }

    @Test func attributeNamesComeFromTheProfile() throws {
        let l = #"{"type":"Feature","properties":{"BH":"0007","ZUO":"610100","YOU":"610400"},"geometry":{"type":"LineString","coordinates":[[500000,3800000],[500100,3800050]]}}"#
        let profile = try Profile.decode(Data(#"{"fields":{"lineID":"BH","lineLeft":"ZUO","lineRight":["YOU"]}}"#.utf8))
        let survey = try load([("boundary.geojson", D.featureCollection([l]))], profile: profile)
        #expect(survey.lines.first?.id == "0007")
        #expect(survey.lines.first?.leftCode == "610100")
        #expect(survey.lines.first?.rightCode == "610400")
    }
}
