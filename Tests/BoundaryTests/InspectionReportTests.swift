import Boundary
import Foundation
import GEOSKit
import Testing

/// The four report formats of `quhua inspect`, on the shipped sample.
@Suite(.serialized) struct InspectionReportTests {
    @Test func everyFormatCarriesTheKnownAnswers() throws {
        let report = try InspectionSampleTests.inspect()
        let e = try InspectionSampleTests.expected()
        let river = e.riverChange

        // Text.
        let text = InspectionTextReport.render(report)
        #expect(text.contains("next joint inspection due 2030-06-18"))
        #expect(text.contains("19 compared: 18 unchanged, 0 within tolerance, 1 changed; 0 missing, 0 new"))
        #expect(text.contains("3 moved; 2 missing, 1 new"))
        #expect(text.contains("\(river.from) loses it to \(river.to)"))
        for move in e.moves where move.moved { #expect(text.contains("moved    \(move.number)")) }
        for m in e.missing { #expect(text.contains("missing  \(m.number)")) }
        #expect(!text.contains("\u{1B}["), "no colour unless asked")

        // JSON.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try InspectionJSONReport.render(report).utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "quhua.inspect/1")
        #expect(json["nextInspection"] as? String == "2030-06-18")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect((summary["lines"] as? [String: Int])?["changed"] == 1)
        #expect((summary["markers"] as? [String: Int])?["moved"] == 3)
        let lines = try #require(json["lines"] as? [[String: Any]])
        let line = try #require(lines.first { $0["id"] as? String == river.line })
        let areas = try #require(line["areas"] as? [[String: Any]])
        #expect(areas.count == 1)
        #expect(abs((areas.first?["area"] as? Double ?? 0) - river.area) < 1)
        #expect(areas.first?["from"] as? String == river.from)
        let matched = try #require((json["markers"] as? [String: Any])?["matched"] as? [[String: Any]])
        let first = try #require(matched.first { ($0["record"] as? [String: Any])?["number"] as? String == e.moves[0].number })
        #expect(abs((first["dx"] as? Double ?? 0) - e.moves[0].dx) < 0.0005 && abs((first["dy"] as? Double ?? 0) - e.moves[0].dy) < 0.0005)
        #expect((json["validation"] as? [String: Any])?["schema"] as? String == "quhua.validate/1")

        // GeoJSON.
        let geo = try #require(try JSONSerialization.jsonObject(with: Data(try InspectionGeoJSONReport.render(report).utf8)) as? [String: Any])
        let features = try #require(geo["features"] as? [[String: Any]])
        let kinds = Dictionary(grouping: features, by: { ($0["properties"] as? [String: Any])?["kind"] as? String ?? "" }).mapValues(\.count)
        #expect(kinds["record-line"] == 19 && kinds["survey-line"] == 19)
        #expect(kinds["area"] == 1 && kinds["stretch"] == 2)
        #expect(kinds["marker"] == report.markers.matches.count && kinds["marker-missing"] == 2 && kinds["marker-new"] == 1)
        #expect(kinds["finding"] == report.validation.findings.count)
        let area = try #require(features.first { ($0["properties"] as? [String: Any])?["kind"] as? String == "area" })
        let ring = try #require(((area["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])?.first)
        var twice = 0.0
        for k in 0..<(ring.count - 1) {
            twice += (ring[k][0] - ring[0][0]) * (ring[k + 1][1] - ring[0][1]) - (ring[k + 1][0] - ring[0][0]) * (ring[k][1] - ring[0][1])
        }
        #expect(abs(abs(twice) / 2 - river.area) < 1, "the face's ring, written to the millimetre, still has the area")
        #expect(((geo["crs"] as? [String: Any])?["properties"] as? [String: String])?["name"] == "urn:ogc:def:crs:EPSG::4545")

        // HTML: both epochs on one map, the changes on it, a detail map, a table per line.
        let html = try InspectionHTMLReport.render(report)
        func count(_ needle: String, in haystack: Substring) -> Int { haystack.components(separatedBy: needle).count - 1 }
        let overview = try #require(html.range(of: "<svg").flatMap { start in html[start.lowerBound...].range(of: "</svg>").map { html[start.lowerBound..<$0.upperBound] } })
        let record = try #require(overview.range(of: "<g class=\"record\">").flatMap { s in overview[s.upperBound...].range(of: "</g>").map { overview[s.upperBound..<$0.lowerBound] } })
        let survey = try #require(overview.range(of: "<g class=\"survey\">").flatMap { s in overview[s.upperBound...].range(of: "</g>").map { overview[s.upperBound..<$0.lowerBound] } })
        #expect(count("<path", in: record) == 19 && count("<path", in: survey) == 19)
        #expect(html.contains(".record path{fill:none;stroke:#e76f51;stroke-width:1.6;stroke-dasharray"))
        #expect(count("class=\"arrow\"", in: overview) == 3)
        #expect(count("class=\"missing\"/>", in: overview) == 2 && count("class=\"new\"/>", in: overview) == 1)
        #expect(overview.contains("class=\"face right\"") && overview.contains("class=\"stretch\""))
        #expect(html.contains("id=\"line-\(river.line)-1\""))
        #expect(count("<figure class=\"marker\">", in: Substring(html)) == 3)
        #expect(count("<tr class=\"unchanged\">", in: Substring(html)) == 18 && count("<tr class=\"changed\">", in: Substring(html)) >= 1)
    }
}
