import Foundation
import GEOSKit

/// Injects one fault for every rule into a copy of the clean survey and records the findings each must produce.
struct FaultInjector {
    var survey: SampleSurvey
    let clean: SampleSurvey
    let region: Set<String>
    let context: GEOSContext
    var faults: [Fault] = []
    private var used = Set<String>()
    /// Lines whose fault leaves their markers alone; the marker faults may use them again.
    private var markerSafe = Set<String>()

    init(clean: SampleSurvey, region: [String], context: GEOSContext) {
        self.survey = clean
        self.clean = clean
        self.region = Set(region)
        self.context = context
    }

    func isInner(_ l: SampleSurvey.Line) -> Bool { region.contains(l.left) && region.contains(l.right) }
    func ordinaryMarkers(_ id: String) -> [Int] {
        survey.markers.indices.filter { survey.markers[$0].line == id && survey.markers[$0].number.hasPrefix(id + "-") }
    }

    /// The longest unused line that satisfies `condition` (marks it used).
    mutating func take(inner: Bool? = nil, _ condition: (SampleSurvey.Line) -> Bool = { _ in true }) throws -> Int {
        let candidates = survey.lines.indices.filter { i in
            let l = survey.lines[i]
            return !used.contains(l.id) && !l.id.hasPrefix("09") && l.parts.count == 1 && (inner.map { isInner(l) == $0 } ?? true) && condition(l)
        }
        guard let best = candidates.max(by: { (Poly.length(survey.lines[$0].parts[0]), survey.lines[$1].id) < (Poly.length(survey.lines[$1].parts[0]), survey.lines[$0].id) }) else {
            throw BuildError("no line left for the next fault")
        }
        used.insert(survey.lines[best].id)
        return best
    }

    func at(_ p: P) -> [Double] { [p.x, p.y] }
    func wkt(_ pts: [P]) -> String { pts.count == 1 ? "POINT (\(pts[0].wkt))" : "LINESTRING (" + pts.map(\.wkt).joined(separator: ", ") + ")" }
    static func longestSegment(_ pts: [P]) -> Int { (0..<(pts.count - 1)).max { pts[$0].distance(pts[$0 + 1]) < pts[$1].distance(pts[$1 + 1]) } ?? 0 }

    mutating func add(_ name: String, _ description: String, footprint: String, _ expected: [ExpectedFinding]) {
        faults.append(Fault(name: name, description: description, footprint: footprint, expected: expected))
    }

    // MARK: - Geometry

    mutating func invalidDivision() throws {
        let d = 0
        let code = survey.divisions[d].code
        let o = try take(inner: false) { $0.left == code || $0.right == code }
        let pts = survey.lines[o].parts[0]
        var ring = survey.divisions[d].polygons[0][0]
        for k in (pts.count / 3)..<(pts.count - 2) {
            guard let r = ring.firstIndex(of: pts[k]), r > 1, r + 3 < ring.count else { continue }
            var q = ring
            q.swapAt(r, r + 1)
            guard let x = Poly.crossing(q[r - 1], q[r], q[r + 1], q[r + 2]) else { continue }
            ring = q
            survey.divisions[d].polygons[0][0] = ring
            used.insert(survey.lines[o].id)
            add("geometry.invalid", "division \(code): two consecutive vertices of its outer ring swapped, so that the ring crosses itself (beside line \(survey.lines[o].id))",
                footprint: "GEOMETRYCOLLECTION (\(wkt([q[r - 1], q[r], q[r + 1], q[r + 2]])), \(wkt([q[r - 1], q[r + 1], q[r], q[r + 2]])))",
                [ExpectedFinding(rule: "geometry.invalid", features: [code], location: at(x), radius: 1, value: nil, valueTolerance: nil)])
            return
        }
        throw BuildError("no vertex swap makes division \(code) self-intersect")
    }

    mutating func emptyLine() {
        let template = survey.lines[0]
        survey.lines.append(.init(id: "0901", left: template.left, right: template.right, parts: []))
        add("geometry.empty", "line 0901 delivered without geometry", footprint: "GEOMETRYCOLLECTION EMPTY",
            [ExpectedFinding(rule: "geometry.empty", features: ["0901"], location: nil, radius: 0, value: nil, valueTolerance: nil)])
    }

    mutating func repeatedPoint() throws {
        let o = try take()
        var pts = survey.lines[o].parts[0]
        let k = pts.count / 2
        pts.insert(pts[k], at: k)
        survey.lines[o].parts[0] = pts
        markerSafe.insert(survey.lines[o].id)
        add("geometry.repeated-point", "line \(survey.lines[o].id): vertex \(k + 1) entered twice", footprint: wkt([pts[k]]),
            [ExpectedFinding(rule: "geometry.repeated-point", features: [survey.lines[o].id], location: at(pts[k]), radius: 0.01, value: 0, valueTolerance: 0.0001)])
    }

    mutating func shortSegment() throws {
        let o = try take()
        var pts = survey.lines[o].parts[0]
        let k = pts.count / 2
        let q = (pts[k] + (pts[k + 1] - pts[k]).unit * 0.2).mm
        pts.insert(q, at: k + 1)
        survey.lines[o].parts[0] = pts
        markerSafe.insert(survey.lines[o].id)
        add("geometry.short-segment", "line \(survey.lines[o].id): a vertex added 0.2 m after vertex \(k + 1)", footprint: wkt([pts[k], q]),
            [ExpectedFinding(rule: "geometry.short-segment", features: [survey.lines[o].id], location: at(pts[k]), radius: 0.25, value: pts[k].distance(q), valueTolerance: 0.0001)])
    }

    mutating func spike() throws {
        let o = try take()
        var pts = survey.lines[o].parts[0]
        let k = Self.longestSegment(pts)
        let a = pts[k], b = pts[k + 1], dir = (b - a).unit, L = a.distance(b)
        let m1 = (a + dir * (0.4 * L)).mm, m2 = (a + dir * (0.4 * L + 1)).mm
        let q = (m1 + dir.left * 60 + dir * 0.5).mm
        pts.insert(contentsOf: [m1, q, m2], at: k + 1)
        survey.lines[o].parts[0] = pts
        add("geometry.spike", "line \(survey.lines[o].id): a 60 m spike added in segment \(k + 1)", footprint: wkt([a, m1, q, m2, b]),
            [ExpectedFinding(rule: "geometry.spike", features: [survey.lines[o].id], location: at(q), radius: 0.01, value: Poly.angle(m1, q, m2), valueTolerance: 0.001),
             ExpectedFinding(rule: "line.polygon-mismatch", features: [survey.lines[o].id], location: at(q), radius: 0.01, value: nil, valueTolerance: nil)])
    }

    mutating func multipart() throws {
        let o = try take()
        let pts = survey.lines[o].parts[0]
        let k = pts.count / 2
        survey.lines[o].parts = [Array(pts[...k]), Array(pts[k...])]
        add("geometry.multipart", "line \(survey.lines[o].id) delivered as two parts split at vertex \(k + 1)", footprint: wkt([pts[k]]),
            [ExpectedFinding(rule: "geometry.multipart", features: [survey.lines[o].id], location: at(pts[k]), radius: 0.01, value: 2, valueTolerance: 0)])
    }

    // MARK: - Lines

    mutating func selfIntersection() throws {
        let o = try take()
        var pts = survey.lines[o].parts[0]
        let k = Self.longestSegment(pts)
        let a = pts[k], b = pts[k + 1], dir = (b - a).unit, L = a.distance(b), off = min(15, L / 8)
        let A = (a + dir * (0.6 * L) - dir.left * off).mm, B = (a + dir * (0.6 * L) + dir.left * off).mm, C = (a + dir * (0.4 * L) - dir.left * off).mm
        let path = [a, A, B, C, b]
        var crossings: [P] = []
        for i in 0..<4 { for j in 0..<4 where j >= i + 2 { if let x = Poly.crossing(path[i], path[i + 1], path[j], path[j + 1]) { crossings.append(x) } } }
        pts.insert(contentsOf: [A, B, C], at: k + 1)
        survey.lines[o].parts[0] = pts
        add("line.self-intersection", "line \(survey.lines[o].id): a loop that crosses itself twice added in segment \(k + 1)", footprint: wkt(path),
            crossings.map { ExpectedFinding(rule: "line.self-intersection", features: [survey.lines[o].id], location: at($0), radius: 0.01, value: nil, valueTolerance: nil) })
    }

    mutating func dangle(at junction: CleanBuilder.Node, divisions: [Geometry]) throws {
        // The bisector of the sharpest angle between two lines at the junction points into one division.
        let dirs = junction.ends.map { e -> P in
            let pts = survey.lines[e.line].parts[0]
            return e.isStart ? (pts[1] - pts[0]).unit : (pts[pts.count - 2] - pts[pts.count - 1]).unit
        }
        var candidates: [(Double, P)] = []
        for i in dirs.indices { for j in dirs.indices where j > i {
            candidates.append((acos(max(-1, min(1, dirs[i].x * dirs[j].x + dirs[i].y * dirs[j].y))), (dirs[i] + dirs[j]).unit))
        } }
        var chosen: (P, P, Int)?
        for (_, bis) in candidates.sorted(by: { $0.0 < $1.0 }) {
            let end = (junction.p + bis * 300).mm
            let probe = try context.point(x: (junction.p + bis * 150).x, y: (junction.p + bis * 150).y)
            guard let d = try divisions.firstIndex(where: { try $0.contains(probe) }) else { continue }
            let crosses = survey.lines.contains { l in l.parts.contains { pts in zip(pts, pts.dropFirst()).contains { Poly.crossing(junction.p + bis * 0.01, end, $0.0, $0.1) != nil } } }
            if !crosses { chosen = (bis, end, d); break }
        }
        guard let (bis, end, d) = chosen else { throw BuildError("no room for a dangle at the junction") }
        let inside = survey.divisions[d].code
        let other = junction.ends.map { survey.lines[$0.line] }.flatMap { [$0.left, $0.right] }.first { $0 != inside && region.contains($0) } ?? inside
        survey.lines.append(.init(id: "0902", left: other, right: inside, parts: [[junction.p, end]]))
        add("line.dangle", "line 0902: a 300 m line from the junction at \(junction.p.wkt) into division \(inside), ending in the open", footprint: wkt([junction.p, end]),
            [ExpectedFinding(rule: "line.dangle", features: ["0902"], location: at(end), radius: 0.01, value: nil, valueTolerance: nil),
             ExpectedFinding(rule: "network.closure", features: ["0902"], location: at(junction.p + bis * 150), radius: 0.01, value: 300, valueTolerance: 0.01)])
    }

    mutating func pseudoNode(degrees: [P: Int]) throws {
        for _ in 0..<survey.lines.count {
            let o = try take(inner: false) { l in (degrees[l.parts[0][0]] ?? 0) < 3 && (degrees[l.parts[0].last ?? P(x: 0, y: 0)] ?? 0) < 3 }
            let pts = survey.lines[o].parts[0]
            let id = survey.lines[o].id
            // Split after the last marker, so that every marker stays on its line.
            let markerChainages = ordinaryMarkers(id).map { m in chainage(survey.markers[m].p, pts) }
            let after = (markerChainages.max() ?? 0) + 1
            var walked = 0.0
            for k in 1..<(pts.count - 1) {
                walked += pts[k - 1].distance(pts[k])
                guard walked > after else { continue }
                survey.lines[o].parts[0] = Array(pts[...k])
                survey.lines.append(.init(id: "0903", left: survey.lines[o].left, right: survey.lines[o].right, parts: [Array(pts[k...])]))
                add("line.pseudo-node", "line \(id) split in two at vertex \(k + 1); the second half became line 0903 with the same codes", footprint: wkt([pts[k]]),
                    [ExpectedFinding(rule: "line.pseudo-node", features: [id, "0903"], location: at(pts[k]), radius: 0.01, value: nil, valueTolerance: nil)])
                return
            }
        }
        throw BuildError("no line to split for the pseudo-node")
    }

    func chainage(_ p: P, _ pts: [P]) -> Double {
        var best = (Double.infinity, 0.0)
        var walked = 0.0
        for k in 1..<pts.count {
            let a = pts[k - 1], b = pts[k], ab = b - a, l2 = ab.x * ab.x + ab.y * ab.y
            let t = l2 > 0 ? max(0, min(1, ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / l2)) : 0
            let d = p.distance(a + ab * t)
            if d < best.0 { best = (d, walked + t * l2.squareRoot()) }
            walked += l2.squareRoot()
        }
        return best.1
    }

    mutating func duplicate() throws {
        let o = try take()
        let l = survey.lines[o]
        survey.lines.append(.init(id: "0904", left: l.left, right: l.right, parts: l.parts))
        let mid = l.parts[0][l.parts[0].count / 2]
        add("line.duplicate", "line \(l.id) delivered a second time as line 0904", footprint: wkt(l.parts[0]),
            [ExpectedFinding(rule: "line.duplicate", features: [l.id, "0904"], location: at(mid), radius: 0.01, value: 0, valueTolerance: 0.0001)])
    }

    mutating func overlap() throws {
        let o = try take { $0.parts[0].count >= 9 }
        let l = survey.lines[o]
        let pts = l.parts[0]
        let k1 = pts.count / 3, k2 = 2 * pts.count / 3
        let piece = Array(pts[k1...k2])
        survey.lines.append(.init(id: "0905", left: l.left, right: l.right, parts: [piece]))
        add("line.overlap", "line 0905: a copy of vertices \(k1 + 1)–\(k2 + 1) of line \(l.id)", footprint: wkt(piece),
            [ExpectedFinding(rule: "line.overlap", features: [l.id, "0905"], location: at(pts[(k1 + k2) / 2]), radius: 0.01, value: Poly.length(piece), valueTolerance: 0.01),
             ExpectedFinding(rule: "line.crossing", features: [l.id, "0905"], location: at(pts[k1]), radius: 0.01, value: nil, valueTolerance: nil),
             ExpectedFinding(rule: "line.crossing", features: [l.id, "0905"], location: at(pts[k2]), radius: 0.01, value: nil, valueTolerance: nil)])
    }

    mutating func undershoot(at junction: CleanBuilder.Node) throws {
        guard let e = junction.ends.first(where: { isInner(survey.lines[$0.line]) && !used.contains(survey.lines[$0.line].id) }) else { throw BuildError("no inner line at the junction") }
        used.insert(survey.lines[e.line].id)
        var pts = survey.lines[e.line].parts[0]
        let i = e.isStart ? 0 : pts.count - 1, j = e.isStart ? 1 : pts.count - 2
        let moved = (pts[i] + (pts[j] - pts[i]).unit * 0.4).mm
        pts[i] = moved
        survey.lines[e.line].parts[0] = pts
        let gap = junction.ends.filter { $0.line != e.line }.map { Poly.distance(moved, survey.lines[$0.line].parts[0]) }.min() ?? 0
        let id = survey.lines[e.line].id
        add("line.undershoot", "line \(id): its end at the junction \(junction.p.wkt) moved 0.4 m back along the line", footprint: wkt(pts),
            [ExpectedFinding(rule: "line.undershoot", features: [id], location: at(moved), radius: 0.01, value: gap, valueTolerance: 0.002)])
    }

    mutating func overshoot(at junction: CleanBuilder.Node) throws {
        guard let e = junction.ends.first(where: { isInner(survey.lines[$0.line]) && !used.contains(survey.lines[$0.line].id) }) else { throw BuildError("no inner line at the junction") }
        used.insert(survey.lines[e.line].id)
        var pts = survey.lines[e.line].parts[0]
        let i = e.isStart ? 0 : pts.count - 1, j = e.isStart ? 1 : pts.count - 2
        let extended = (pts[i] + (pts[i] - pts[j]).unit * 0.6).mm
        pts[i] = extended
        survey.lines[e.line].parts[0] = pts
        let id = survey.lines[e.line].id
        add("line.overshoot", "line \(id): its end at the junction \(junction.p.wkt) extended 0.6 m past the junction", footprint: wkt(pts),
            [ExpectedFinding(rule: "line.overshoot", features: [id], location: at(junction.p), radius: 0.01, value: 0.6, valueTolerance: 0.002)])
    }

    mutating func attribution() throws {
        let i = try take(inner: true)
        let id = survey.lines[i].id
        survey.lines[i].right = survey.lines[i].left
        markerSafe.insert(id)
        let pts = survey.lines[i].parts[0]
        let mid = Poly.along(pts, Poly.length(pts) / 2).0
        add("line.attribution", "line \(id): the right code set to the left code (\(survey.lines[i].left))", footprint: wkt([mid]),
            [ExpectedFinding(rule: "line.attribution", features: [id], location: at(mid), radius: 0.01, value: nil, valueTolerance: nil)])
        let o = try take(inner: false)
        let oid = survey.lines[o].id
        survey.lines[o].left = clean.lines[o].right
        survey.lines[o].right = clean.lines[o].left
        markerSafe.insert(oid)
        let opts = survey.lines[o].parts[0]
        let omid = Poly.along(opts, Poly.length(opts) / 2).0
        add("line.attribution", "line \(oid): left and right codes swapped", footprint: wkt([omid]),
            [ExpectedFinding(rule: "line.attribution", features: [oid], location: at(omid), radius: 0.01, value: nil, valueTolerance: nil)])
    }

    mutating func polygonMismatch() throws {
        let o = try take()
        var pts = survey.lines[o].parts[0]
        let k = pts.count / 2
        let original = pts
        let moved = (pts[k] + (pts[k + 1] - pts[k - 1]).unit.left * 5).mm
        pts[k] = moved
        survey.lines[o].parts[0] = pts
        add("line.polygon-mismatch", "line \(survey.lines[o].id): vertex \(k + 1) moved 5 m sideways, away from the division edges", footprint: wkt([pts[k - 1], moved, pts[k + 1]]),
            [ExpectedFinding(rule: "line.polygon-mismatch", features: [survey.lines[o].id], location: at(moved), radius: 0.01, value: Poly.distance(moved, original), valueTolerance: 0.01)])
    }

    // MARK: - Coverage

    /// Two vertices of a division moved off the edge it shares with a neighbour: one 20 m into the
    /// neighbour (an overlap), one 8 m back into itself (a gap); both leave the shared edge mismatched.
    mutating func coverageFaults() throws {
        let i = try take(inner: true) { $0.parts[0].count >= 7 }
        let line = survey.lines[i]
        let pts = line.parts[0]
        guard let d = survey.divisions.firstIndex(where: { $0.code == line.left }),
              let r = survey.divisions[d].polygons[0].indices.first(where: { survey.divisions[d].polygons[0][$0].contains(pts[pts.count / 3]) })
        else { throw BuildError("no ring of \(line.left) on line \(line.id)") }
        var ring = survey.divisions[d].polygons[0][r]
        func move(_ k: Int, by metres: Double) -> (P, P, String) {
            let side = (pts[k + 1] - pts[k - 1]).unit.left * -1          // towards the right-hand division
            let moved = (pts[k] + side * metres).mm
            for n in ring.indices where ring[n] == pts[k] { ring[n] = moved }
            return (pts[k], moved, "GEOMETRYCOLLECTION (\(wkt([pts[k - 1], pts[k], pts[k + 1]])), \(wkt([pts[k - 1], moved, pts[k + 1]])))")
        }
        let (a, a2, footA) = move(pts.count / 3, by: 20)
        let (b, b2, footB) = move(2 * pts.count / 3, by: -8)
        survey.divisions[d].polygons[0][r] = ring
        add("coverage.overlap", "division \(line.left): a vertex on its edge with \(line.right) (line \(line.id)) moved 20 m into \(line.right)",
            footprint: footA,
            [ExpectedFinding(rule: "coverage.overlap", features: [line.left, line.right], location: at(a), radius: 20.01, value: nil, valueTolerance: nil),
             ExpectedFinding(rule: "coverage.edge-mismatch", features: [line.left, line.right], location: at(a2), radius: 0.01, value: nil, valueTolerance: nil)])
        add("coverage.gap", "division \(line.left): a vertex on its edge with \(line.right) (line \(line.id)) moved 8 m back into \(line.left)",
            footprint: footB,
            [ExpectedFinding(rule: "coverage.gap", features: [], location: at(b), radius: 8.01, value: nil, valueTolerance: nil),
             ExpectedFinding(rule: "coverage.edge-mismatch", features: [line.left, line.right], location: at(b2), radius: 0.01, value: nil, valueTolerance: nil)])
    }

    // MARK: - Markers

    mutating func markerFaults(junction: CleanBuilder.Node) throws {
        used.subtract(markerSafe)
        func markered(_ n: Int) throws -> Int {
            let counts = Dictionary(grouping: survey.markers.filter { $0.number.hasPrefix($0.line + "-") }, by: \.line).mapValues(\.count)
            return try take { (counts[$0.id] ?? 0) >= n }
        }

        let l1 = try markered(1)
        let m1 = ordinaryMarkers(survey.lines[l1].id)[0]
        let pts1 = survey.lines[l1].parts[0]
        let seg = (0..<(pts1.count - 1)).min { Poly.distance(survey.markers[m1].p, pts1[$0], pts1[$0 + 1]) < Poly.distance(survey.markers[m1].p, pts1[$1], pts1[$1 + 1]) } ?? 0
        let moved = (survey.markers[m1].p + (pts1[seg + 1] - pts1[seg]).unit.left * 3).mm
        survey.markers[m1].p = moved
        add("marker.off-line", "marker \(survey.markers[m1].number) moved 3 m off its line", footprint: wkt([moved]),
            [ExpectedFinding(rule: "marker.off-line", features: [survey.markers[m1].number], location: at(moved), radius: 0.01, value: Poly.distance(moved, pts1), valueTolerance: 0.002)])

        let l2 = try markered(1)
        let m2 = ordinaryMarkers(survey.lines[l2].id)[0]
        survey.markers[m2].number = String(survey.lines[l2].id.suffix(2)) + "-5"
        add("marker.number-format", "marker \(clean.markers[m2].number) renumbered \(survey.markers[m2].number)", footprint: wkt([survey.markers[m2].p]),
            [ExpectedFinding(rule: "marker.number-format", features: [survey.markers[m2].number], location: at(survey.markers[m2].p), radius: 0.01, value: nil, valueTolerance: nil)])

        let l3 = try markered(3)
        let ms3 = ordinaryMarkers(survey.lines[l3].id)
        survey.markers[ms3[1]].number = survey.markers[ms3[2]].number
        add("marker.duplicate", "marker \(clean.markers[ms3[1]].number) renumbered \(survey.markers[ms3[2]].number), the number of the next marker", footprint: wkt([survey.markers[ms3[1]].p]),
            [ExpectedFinding(rule: "marker.duplicate", features: [survey.markers[ms3[2]].number], location: at(survey.markers[ms3[1]].p), radius: 0.01, value: nil, valueTolerance: nil)])

        let l4 = try markered(3)
        let ms4 = ordinaryMarkers(survey.lines[l4].id)
        let (a, b) = (survey.markers[ms4[0]].number, survey.markers[ms4[1]].number)
        survey.markers[ms4[0]].number = b
        survey.markers[ms4[1]].number = a
        let pa = survey.markers[ms4[0]].p, pb = survey.markers[ms4[1]].p
        add("marker.order", "markers \(a) and \(b) swapped numbers", footprint: wkt([pa, pb]),
            [ExpectedFinding(rule: "marker.order", features: [], location: at((pa + pb) * 0.5), radius: pa.distance(pb) / 2 + 0.01, value: nil, valueTolerance: nil)])

        let jset = survey.markers.filter { $0.number.hasPrefix("J") && junction.p.distance($0.p) <= 6 }.map(\.number).first ?? ""
        survey.markers.removeAll { $0.number == jset }
        add("marker.junction", "the three-sided marker set \(jset) at the junction \(junction.p.wkt) removed", footprint: wkt([junction.p]),
            [ExpectedFinding(rule: "marker.junction", features: [], location: at(junction.p), radius: 0.01, value: nil, valueTolerance: nil)])

        let l5 = try markered(1)
        let m5 = ordinaryMarkers(survey.lines[l5].id)[0]
        survey.markers[m5].type = "A"
        add("marker.type-count", "single marker \(survey.markers[m5].number) given type A", footprint: wkt([survey.markers[m5].p]),
            [ExpectedFinding(rule: "marker.type-count", features: [survey.markers[m5].number], location: at(survey.markers[m5].p), radius: 0.01, value: 1, valueTolerance: 0)])

        let inner = survey.lines.first { isInner($0) && $0.parts.count == 1 } ?? survey.lines[0]
        let ip = inner.parts[0]
        let (mid, s) = Poly.along(ip, Poly.length(ip) / 2)
        let stray = (mid + (ip[s + 1] - ip[s]).unit.left * 500).mm
        survey.markers.append(.init(number: "0777-001", type: "", line: "0777", p: stray))
        add("marker.unmatched", "marker 0777-001 on line 0777, which does not exist", footprint: wkt([stray]),
            [ExpectedFinding(rule: "marker.unmatched", features: ["0777-001"], location: at(stray), radius: 0.01, value: nil, valueTolerance: nil)])
    }
}
