import Foundation

/// A survey as the sample files hold it, in metres (CGCS2000 3° Gauss-Krüger).
struct SampleSurvey {
    struct Line {
        var id: String
        var left: String
        var right: String
        /// One part for a normal line; several for a multi-line; none for a feature without geometry.
        var parts: [[P]]
    }
    struct Marker {
        var number: String
        var type: String
        var line: String
        var p: P
    }
    struct Division {
        var code: String
        var name: String
        /// Polygons, each a list of closed rings.
        var polygons: [[[P]]]
    }

    var epsg: Int
    var lines: [Line]
    var markers: [Marker]
    var divisions: [Division]

    func line(_ id: String) -> Int? { lines.firstIndex { $0.id == id } }

    func write(to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let crs = #""crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::\#(epsg)"}}"#
        func coords(_ pts: [P]) -> String { "[" + pts.map { String(format: "[%.3f,%.3f]", $0.x, $0.y) }.joined(separator: ",") + "]" }
        var out = #"{"type":"FeatureCollection","name":"lines",\#(crs),"features":["# + "\n"
        out += lines.map { l in
            let geometry: String
            switch l.parts.count {
            case 0: geometry = "null"
            case 1: geometry = #"{"type":"LineString","coordinates":\#(coords(l.parts[0]))}"#
            default: geometry = #"{"type":"MultiLineString","coordinates":[\#(l.parts.map(coords).joined(separator: ","))]}"#
            }
            return #"{"type":"Feature","properties":{"line_id":"\#(l.id)","left":"\#(l.left)","right":"\#(l.right)"},"geometry":\#(geometry)}"#
        }.joined(separator: ",\n")
        out += "\n]}\n"
        try out.write(to: dir.appendingPathComponent("lines.geojson"), atomically: true, encoding: .utf8)

        var div = #"{"type":"FeatureCollection","name":"divisions",\#(crs),"features":["# + "\n"
        div += divisions.map { d in
            let polys = d.polygons.map { "[" + $0.map(coords).joined(separator: ",") + "]" }
            let geometry = polys.count == 1 ? #"{"type":"Polygon","coordinates":\#(polys[0])}"# : #"{"type":"MultiPolygon","coordinates":[\#(polys.joined(separator: ","))]}"#
            return #"{"type":"Feature","properties":{"code":"\#(d.code)","name":"\#(d.name)"},"geometry":\#(geometry)}"#
        }.joined(separator: ",\n")
        div += "\n]}\n"
        try div.write(to: dir.appendingPathComponent("divisions.geojson"), atomically: true, encoding: .utf8)

        var csv = "number,type,line,X,Y,H\n"
        for m in markers { csv += String(format: "%@,%@,%@,%.3f,%.3f,\n", m.number, m.type, m.line, m.p.x, m.p.y) }
        try csv.write(to: dir.appendingPathComponent("markers.csv"), atomically: true, encoding: .utf8)
    }
}

/// One finding a fault must produce.
struct ExpectedFinding: Codable {
    var rule: String
    /// Keys of features the finding must name (line ids, marker numbers, division codes).
    var features: [String]
    /// Where it must be (metres, EPSG of the survey), or nil for a finding without location.
    var location: [Double]?
    /// How far from `location` the finding's geometry may be.
    var radius: Double
    var value: Double?
    var valueTolerance: Double?
}

/// One injected fault: what was changed, where, and the findings it must produce.
struct Fault: Codable {
    var name: String
    var description: String
    /// WKT (survey CRS) of what was changed; every finding of the faulty survey lies near one.
    var footprint: String
    var expected: [ExpectedFinding]
}
