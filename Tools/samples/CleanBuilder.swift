import CRS
import Foundation
import GEOSKit

/// Builds the clean sample survey from cn-atlas: the shared arcs of a few prefectures, projected
/// to their 3° Gauss-Krüger zone, merged into one line per pair of divisions, with markers.
struct CleanBuilder {
    let atlas: Atlas
    let region: [String]
    let zone: CoordinateReferenceSystem
    let context: GEOSContext

    /// Markers are set about this far apart along each line (at least one per line).
    static let markerSpacing = 8000.0
    /// Junction markers stand this far from the junction along each line.
    static let junctionOffset = 5.0

    func build() throws -> SampleSurvey {
        let toZone = try CoordinateTransform(from: .cgcs2000, to: zone)
        var projected: [Int: [P]] = [:]
        func arc(_ i: Int) throws -> [P] {
            if let a = projected[i] { return a }
            var xy = atlas.arcs[i].flatMap { [$0.0, $0.1] }
            try toZone.transform(&xy)
            let pts = stride(from: 0, to: xy.count, by: 2).map { P(x: xy[$0], y: xy[$0 + 1]).mm }
            projected[i] = pts
            return pts
        }
        // Which prefectures use each arc.
        var users: [Int: [Int]] = [:]
        for (k, p) in atlas.prefectures.enumerated() {
            for ring in p.polygons.flatMap({ $0 }) { for a in ring { users[Atlas.unsigned(a).index, default: []].append(k) } }
        }
        let members = region.compactMap { code in atlas.prefectures.firstIndex { $0.code == code } }
        guard members.count == region.count else { throw BuildError("a region code is not in cn-atlas") }

        // Divisions, rings assembled from their arcs.
        var divisions: [SampleSurvey.Division] = []
        for k in members {
            let p = atlas.prefectures[k]
            let polygons = try p.polygons.map { rings in
                try rings.map { ring in
                    var pts: [P] = []
                    for a in ring {
                        let (i, rev) = Atlas.unsigned(a)
                        var seg = try arc(i)
                        if rev { seg.reverse() }
                        pts += pts.isEmpty ? seg : Array(seg.dropFirst())
                    }
                    return pts
                }
            }
            divisions.append(.init(code: p.code, name: p.name, polygons: polygons))
        }
        let divisionGeometry = try divisions.map { d in
            try context.collection(.multiPolygon, d.polygons.map { rings in
                try context.polygon(shell: rings[0].map { Coordinate(x: $0.x, y: $0.y) }, holes: rings.dropFirst().map { $0.map { Coordinate(x: $0.x, y: $0.y) } })
            })
        }

        // Arcs grouped by the pair of prefectures they separate.
        var byPair: [String: [Int]] = [:]
        for (i, u) in users where u.contains(where: members.contains) {
            guard u.count == 2 else { continue }   // national border: one side only, not in this region
            let codes = u.map { atlas.prefectures[$0].code }.sorted()
            byPair[codes.joined(separator: "|"), default: []].append(i)
        }
        var lines: [SampleSurvey.Line] = []
        for (pair, arcs) in byPair {
            let codes = pair.split(separator: "|").map(String.init)
            let merged = try context.collection(.multiLineString, arcs.sorted().map { try context.lineString(try arc($0).map { Coordinate(x: $0.x, y: $0.y) }) }).lineMerged()
            for piece in try merged.parts() {
                let pts = try piece.coordinates().map { P(x: $0.x, y: $0.y) }
                // Which division lies on the left, 5 m off the middle of the line.
                let (mid, seg) = Poly.along(pts, Poly.length(pts) / 2)
                let dir = (pts[seg + 1] - pts[seg]).unit
                let leftPoint = try context.point(x: (mid + dir.left * 5).x, y: (mid + dir.left * 5).y)
                guard let n = divisions.firstIndex(where: { codes.contains($0.code) }) else { continue }
                let inside = divisions[n].code, other = codes[0] == inside ? codes[1] : codes[0]
                let insideOnLeft = try divisionGeometry[n].contains(leftPoint)
                let left = insideOnLeft ? inside : other, right = insideOnLeft ? other : inside
                lines.append(.init(id: "", left: left, right: right, parts: [pts]))
            }
        }
        lines.sort { ($0.left < $0.right ? $0.left + $0.right : $0.right + $0.left, $0.parts[0][0].x) < ($1.left < $1.right ? $1.left + $1.right : $1.right + $1.left, $1.parts[0][0].x) }
        for i in lines.indices { lines[i].id = String(format: "%04d", i + 1) }

        // Markers along each line, numbered from its first point.
        var markers: [SampleSurvey.Marker] = []
        for l in lines {
            let pts = l.parts[0]
            let length = Poly.length(pts)
            let n = max(1, min(8, Int(length / Self.markerSpacing)))
            for k in 1...n {
                markers.append(.init(number: String(format: "%@-%03d", l.id, k), type: "", line: l.id, p: Poly.along(pts, length * Double(k) / Double(n + 1)).0.mm))
            }
        }
        // Three-sided sets at the junctions of three lines.
        for (n, node) in Self.junctions(lines).enumerated() {
            let letters = ["A", "B", "C", "D", "E"]
            for (k, end) in node.ends.enumerated() {
                let l = lines[end.line]
                let pts = end.isStart ? l.parts[0] : l.parts[0].reversed()
                markers.append(.init(number: String(format: "J%03d", n + 1), type: letters[k], line: l.id,
                                     p: Poly.along(pts, Self.junctionOffset).0.mm))
            }
        }
        return SampleSurvey(epsg: zone.epsgCode ?? 0, lines: lines, markers: markers, divisions: divisions)
    }

    struct End { var line: Int; var isStart: Bool }
    struct Node { var p: P; var ends: [End] }

    /// The nodes of the lines where three or more line ends meet, north to south.
    static func junctions(_ lines: [SampleSurvey.Line]) -> [Node] {
        nodes(lines).filter { $0.ends.count >= 3 }
    }

    static func nodes(_ lines: [SampleSurvey.Line]) -> [Node] {
        var map: [P: [End]] = [:]
        for (i, l) in lines.enumerated() where l.parts.count == 1 {
            guard let a = l.parts[0].first, let b = l.parts[0].last else { continue }
            map[a, default: []].append(End(line: i, isStart: true))
            map[b, default: []].append(End(line: i, isStart: false))
        }
        return map.map { Node(p: $0.key, ends: $0.value.sorted { (lines[$0.line].id, $0.isStart ? 0 : 1) < (lines[$1.line].id, $1.isStart ? 0 : 1) }) }
            .sorted { ($1.p.y, $0.p.x) < ($0.p.y, $1.p.x) }
    }
}
