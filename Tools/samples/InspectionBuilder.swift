import Foundation

/// Builds the joint-inspection sample from the clean survey: the clean survey is the record
/// (before), and a later epoch (after) differs from it by known changes only:
///
/// - four markers displaced by known vectors (three beyond the 0.2 m tolerance, one within it);
/// - two markers missing, one new marker;
/// - one line stretch following a "river change": the middle half of one long segment of an inner
///   line replaced by a sine-shaped bulge 80 m high, so the area between old and new line is one
///   simple polygon whose area the shoelace formula gives exactly (the record's line gets the two
///   ends of that piece as vertices, each within 1 mm of where the segment ran);
/// - every other line, and every other marker, byte-identical.
///
/// The division polygons of the later epoch follow the changed line, so the later epoch is a
/// consistent survey; its only validation findings come from the displaced markers.
struct InspectionBuilder {
    let clean: SampleSurvey
    let region: Set<String>

    /// The marker displacements (metres east, north), applied to the first ordinary marker of the
    /// lines chosen in ``build()``.
    static let moves: [(dx: Double, dy: Double)] = [(0.350, -0.120), (-0.200, 0.450), (1.250, 0.800), (0.060, -0.045)]
    /// The line whose stretch follows the river change.
    static let riverLine = "0005"
    /// The bulge's greatest distance from the chord, metres.
    static let bulgeHeight = 80.0
    /// Where the changed piece starts and ends, as fractions of the chosen segment.
    static let pieceStart = 0.25, pieceEnd = 0.75
    /// The side of the line (walking from its first point) the bulge goes to.
    static let bulgeToTheLeft = false
    /// Points of the bulge between its two ends.
    static let bulgePoints = 15
    /// Dates and tolerances written to the sample's profile.
    static let recordDate = "2020-06-18", surveyDate = "2025-06-18", nextInspection = "2030-06-18"

    struct ExpectedMove: Codable {
        var number: String
        var line: String
        var dx: Double
        var dy: Double
        var distance: Double
        var azimuth: Double
        var moved: Bool
    }
    struct ExpectedMarker: Codable {
        var number: String
        var line: String
        var x: Double
        var y: Double
    }
    struct ExpectedRiverChange: Codable {
        var line: String
        var left: String
        var right: String
        /// The side of the record's line (walking from its first point) the new stretch lies on.
        var side: String
        /// The division that loses the area, and the one that gains it.
        var from: String
        var to: String
        /// Square metres between the old and the new stretch (shoelace of the enclosed ring).
        var area: Double
        /// The largest distance between the old and the new stretch (dense sampling both ways), metres.
        var hausdorff: Double
        /// The vertices of the record's line (0-based) where the changed piece starts and ends.
        var firstVertex: Int
        var lastVertex: Int
        /// The ring enclosing the area: the old stretch forwards, then the new stretch back.
        var ring: [[Double]]
    }
    struct Expected: Codable {
        var note: String
        var crs: String
        var recordDate: String
        var surveyDate: String
        var nextInspection: String
        var markerTolerance: Double
        var lineTolerance: Double
        var moves: [ExpectedMove]
        var missing: [ExpectedMarker]
        var new: [ExpectedMarker]
        var riverChange: ExpectedRiverChange
        var unchangedLines: [String]
    }

    func build() throws -> (before: SampleSurvey, after: SampleSurvey, expected: Expected) {
        var before = clean, after = clean
        func ordinary(_ id: String) -> [Int] {
            after.markers.indices.filter { after.markers[$0].line == id && after.markers[$0].number.hasPrefix(id + "-") }
        }
        guard let river = after.line(Self.riverLine) else { throw BuildError("line \(Self.riverLine) is not in the clean sample") }
        let line = after.lines[river]
        guard region.contains(line.left), region.contains(line.right), line.parts.count == 1 else {
            throw BuildError("line \(Self.riverLine) must be a single-part line between two divisions of the region")
        }

        // The river change: the middle half of the longest segment in the middle of the line whose
        // piece lies at least 300 m from any marker on the line.
        let pts = line.parts[0]
        var measures = [0.0]
        for k in 1..<pts.count { measures.append(measures[k - 1] + pts[k - 1].distance(pts[k])) }
        let total = measures[pts.count - 1]
        let markerMeasures = ordinary(line.id).map { m in
            (0..<(pts.count - 1)).map { k -> (Double, Double) in
                let a = pts[k], b = pts[k + 1], ab = b - a
                let t = max(0, min(1, ((after.markers[m].p.x - a.x) * ab.x + (after.markers[m].p.y - a.y) * ab.y) / (ab.x * ab.x + ab.y * ab.y)))
                return (Poly.distance(after.markers[m].p, a, b), measures[k] + t * ab.length)
            }.min { $0.0 < $1.0 }?.1 ?? 0
        }
        let segments = (0..<(pts.count - 1)).filter { k in
            let from = measures[k] + 0.25 * (measures[k + 1] - measures[k]), to = measures[k] + 0.75 * (measures[k + 1] - measures[k])
            return from > 0.2 * total && to < 0.8 * total && markerMeasures.allSatisfy { $0 < from - 300 || $0 > to + 300 }
        }
        guard let i = segments.max(by: { (pts[$0].distance(pts[$0 + 1]), -$0) < (pts[$1].distance(pts[$1 + 1]), -$1) }) else {
            throw BuildError("no stretch of line \(line.id) suits the river change")
        }
        // The record gets the two ends of the changed piece as vertices (each within 1 mm of the
        // segment, where rounding to the millimetre puts it), so that both epochs share them and
        // the change is exactly the piece between them.
        let a = (pts[i] + (pts[i + 1] - pts[i]) * Self.pieceStart).mm
        let b = (pts[i] + (pts[i + 1] - pts[i]) * Self.pieceEnd).mm
        let chord = b - a, normal = chord.unit.left * (Self.bulgeToTheLeft ? 1 : -1)
        let bulge = (1...Self.bulgePoints).map { k -> P in
            let t = Double(k) / Double(Self.bulgePoints + 1)
            return (a + chord * t + normal * (Self.bulgeHeight * sin(Double.pi * t))).mm
        }
        before.lines[river].parts = [Array(pts[...i]) + [a, b] + Array(pts[(i + 1)...])]
        after.lines[river].parts = [Array(pts[...i]) + [a] + bulge + [b] + Array(pts[(i + 1)...])]
        let newPiece = [a] + bulge + [b]
        for (k, other) in after.lines.enumerated() where k != river {
            for part in other.parts {
                for (p, q) in zip(newPiece, newPiece.dropFirst()) {
                    for (c, d) in zip(part, part.dropFirst()) where Poly.crossing(p, q, c, d) != nil {
                        throw BuildError("the river change on line \(line.id) crosses line \(other.id)")
                    }
                }
            }
        }

        // The divisions on both sides follow: the record's rings get the two vertices, the later
        // epoch's rings the bulge.
        var rewritten = 0
        for d in after.divisions.indices {
            for p in after.divisions[d].polygons.indices {
                for r in after.divisions[d].polygons[p].indices {
                    let ring = after.divisions[d].polygons[p][r]
                    for k in 0..<(ring.count - 1) {
                        if ring[k] == pts[i] && ring[k + 1] == pts[i + 1] {
                            before.divisions[d].polygons[p][r] = Array(ring[...k]) + [a, b] + Array(ring[(k + 1)...])
                            after.divisions[d].polygons[p][r] = Array(ring[...k]) + newPiece + Array(ring[(k + 1)...])
                        } else if ring[k] == pts[i + 1] && ring[k + 1] == pts[i] {
                            before.divisions[d].polygons[p][r] = Array(ring[...k]) + [b, a] + Array(ring[(k + 1)...])
                            after.divisions[d].polygons[p][r] = Array(ring[...k]) + newPiece.reversed() + Array(ring[(k + 1)...])
                        } else { continue }
                        rewritten += 1
                    }
                }
            }
        }
        guard rewritten == 2 else { throw BuildError("the river change should reshape 2 division rings, reshaped \(rewritten)") }

        // The area between the stretches: the ring old stretch (a, b) forwards, new stretch back.
        let ring = [a, b] + bulge.reversed() + [a]
        var twice = 0.0
        for k in 0..<(ring.count - 1) {
            twice += (ring[k].x - a.x) * (ring[k + 1].y - a.y) - (ring[k + 1].x - a.x) * (ring[k].y - a.y)
        }
        // Counter-clockwise (positive) means the new stretch lies left of the old one.
        let side = twice > 0 ? "left" : "right"
        let from = side == "left" ? line.left : line.right, to = side == "left" ? line.right : line.left
        func dense(_ line: [P]) -> [P] {
            zip(line, line.dropFirst()).flatMap { p, q in (0..<2000).map { p + (q - p) * (Double($0) / 2000) } } + [line[line.count - 1]]
        }
        let oldPiece = [pts[i], a, b, pts[i + 1]]
        let hausdorff = max(dense(newPiece).map { Poly.distance($0, oldPiece) }.max() ?? 0,
                            dense([a, b]).map { Poly.distance($0, newPiece) }.max() ?? 0)

        // Markers: choose lines other than the river line, in id order.
        let others = after.lines.map(\.id).filter { $0 != line.id }
        let withMarkers = { (n: Int) in others.filter { ordinary($0).count >= n } }
        let movedLines = Array(withMarkers(2).prefix(Self.moves.count))
        guard movedLines.count == Self.moves.count else { throw BuildError("not enough lines with markers to move") }
        var moves: [ExpectedMove] = []
        for (id, v) in zip(movedLines, Self.moves) {
            let m = ordinary(id)[0]
            let old = after.markers[m].p
            after.markers[m].p = (old + P(x: v.dx, y: v.dy)).mm
            var azimuth = atan2(v.dx, v.dy) * 180 / Double.pi
            if azimuth < 0 { azimuth += 360 }
            let distance = (v.dx * v.dx + v.dy * v.dy).squareRoot()
            moves.append(ExpectedMove(number: after.markers[m].number, line: id, dx: v.dx, dy: v.dy, distance: distance,
                                      azimuth: azimuth, moved: distance > 0.2))
        }
        // Missing: the last ordinary marker of the next two lines with three or more markers.
        let missingLines = withMarkers(3).filter { !movedLines.contains($0) }.prefix(2)
        guard missingLines.count == 2 else { throw BuildError("not enough lines to take markers from") }
        var missing: [ExpectedMarker] = []
        for id in missingLines {
            guard let m = ordinary(id).last else { continue }
            let gone = after.markers.remove(at: m)
            missing.append(ExpectedMarker(number: gone.number, line: id, x: gone.p.x, y: gone.p.y))
        }
        // New: a marker on the next line, halfway between its last marker and the line's end,
        // numbered on from its last marker.
        guard let newLine = withMarkers(2).first(where: { !movedLines.contains($0) && !missingLines.contains($0) }),
              let l = after.line(newLine), let lastIndex = ordinary(newLine).last else {
            throw BuildError("no line for the new marker")
        }
        let lastNumber = after.markers[lastIndex].number
        guard let sequence = Int(lastNumber.suffix(3)) else { throw BuildError("marker \(lastNumber) has no sequence") }
        let linePts = after.lines[l].parts[0]
        let length = Poly.length(linePts)
        let lastMeasure = (0...2000).map { length * Double($0) / 2000 }.min {
            Poly.along(linePts, $0).0.distance(after.markers[lastIndex].p) < Poly.along(linePts, $1).0.distance(after.markers[lastIndex].p)
        } ?? 0
        let newP = Poly.along(linePts, (lastMeasure + length) / 2).0.mm
        let newNumber = String(format: "%@-%03d", newLine, sequence + 1)
        after.markers.insert(.init(number: newNumber, type: "", line: newLine, p: newP), at: lastIndex + 1)

        let expected = Expected(
            note: "The later epoch (after) of the clean sample survey (before, with two vertices added on line \(line.id) where the change starts and ends): markers moved by the vectors in moves, markers missing and new, one stretch of line \(line.id) replaced by a bulge (riverChange); every other line unchanged. Coordinates EPSG:4545, metres.",
            crs: "EPSG:\(clean.epsg)", recordDate: Self.recordDate, surveyDate: Self.surveyDate, nextInspection: Self.nextInspection,
            markerTolerance: 0.2, lineTolerance: 1.0, moves: moves, missing: missing,
            new: [ExpectedMarker(number: newNumber, line: newLine, x: newP.x, y: newP.y)],
            riverChange: ExpectedRiverChange(
                line: line.id, left: line.left, right: line.right, side: side, from: from, to: to,
                area: (abs(twice) / 2 * 1000).rounded() / 1000, hausdorff: (hausdorff * 1000).rounded() / 1000,
                firstVertex: i + 1, lastVertex: i + 2, ring: ring.map { [$0.x, $0.y] }),
            unchangedLines: after.lines.map(\.id).filter { $0 != line.id })
        return (before, after, expected)
    }

    /// Writes `before/`, `after/`, `profile.json` and `expected.json` under `dir`.
    func write(to dir: URL) throws {
        let (before, after, expected) = try build()
        try before.write(to: dir.appendingPathComponent("before"))
        try after.write(to: dir.appendingPathComponent("after"))
        let profile = """
        {
          "name": "quhua inspection sample (Shaanxi, 2025 joint inspection)",
          "inspection": {
            "markerTolerance": \(expected.markerTolerance),
            "markerSearchRadius": 10,
            "lineTolerance": \(expected.lineTolerance),
            "unchangedDistance": 0.001,
            "intervalYears": 5,
            "recordDate": "\(Self.recordDate)",
            "surveyDate": "\(Self.surveyDate)"
          }
        }

        """
        try profile.write(to: dir.appendingPathComponent("profile.json"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(expected).write(to: dir.appendingPathComponent("expected.json"))
    }
}
