import GEOSKit

/// `network.closure`: the lines, taken together, enclose exactly the divisions.
public struct NetworkClosureRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "network.closure", severity: .error,
        summary: "The lines, noded together, must enclose faces with no cut edges, dangling pieces or invalid rings, and each face must match one division (Hausdorff distance at most maxDistance); a division no face matches is reported too.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("maxDistance", 0.5, "m", "The largest allowed Hausdorff distance between a division and the faces the lines enclose for it.")])
    let severity: Severity
    let maxDistance: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        maxDistance = profile.tolerance("maxDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        let context = survey.context
        let parts = survey.lineParts.flatMap { $0 }
        guard !parts.isEmpty else { return [] }
        let noded = try context.collection(.multiLineString, parts).unaryUnion()
        let result = try noded.polygonizedFull()
        var findings: [Finding] = []
        func linesNear(_ g: Geometry) throws -> [FeatureReference] {
            try survey.lineTree.query(intersecting: g).filter { try survey.survey.lines[$0].geometry.isWithinDistance(survey.profile.nodeTolerance, of: g) }
                .map { survey.survey.lines[$0].reference }
        }
        for (what, collection, explanation) in [
            ("a cut edge", result.cutEdges, "it has the same face on both sides"),
            ("a dangling piece", result.dangles, "one of its ends meets no other line"),
            ("an invalid ring", result.invalidRings, "it closes on itself into an invalid ring"),
        ] {
            for piece in try collection.flattened() where try !piece.isEmpty {
                let length = try piece.length
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: try linesNear(piece), location: piece,
                    value: length, message: "the lines do not close here: a \(Measure.m(length)) stretch is \(what) (\(explanation))"))
            }
        }
        let faces = try result.polygons.flattened().filter { try $0.type == .polygon && !$0.isEmpty }
        let divisions = survey.survey.divisions
        guard !divisions.isEmpty else { return findings }
        // Give each face to the division it overlaps most.
        var facesOf: [Int: [Geometry]] = [:]
        var overlaps: [[Int: Double]] = []
        // Overlay needs valid polygons; an invalid division (reported by geometry.invalid) is repaired for it.
        let valid = try divisions.map { try $0.geometry.isValid ? $0.geometry : try $0.geometry.makeValid() }
        for face in faces {
            var areas: [Int: Double] = [:]
            let inner = try face.pointOnSurface()
            for k in try survey.divisionTree.query(intersecting: face) {
                let d = valid[k]
                let overlap = try d.contains(inner) && face.coveredBy(d) ? try face.area : (try? face.intersection(d).area) ?? 0
                if overlap > 0 { areas[k] = overlap }
            }
            overlaps.append(areas)
            if let best = areas.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) {
                facesOf[best.key, default: []].append(face)
            } else {
                let area = try face.area
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: try linesNear(face), location: face,
                    message: "the lines enclose a face of \(Int(area.rounded())) m² that is no division of the survey"))
            }
        }
        for (k, division) in divisions.enumerated() {
            // A division no face was given to is held against the face that overlaps it most (which the
            // lines have merged with a neighbour).
            var mine = facesOf[k] ?? []
            let merged = mine.isEmpty
            if merged, let best = overlaps.indices.filter({ overlaps[$0][k] != nil }).max(by: { (overlaps[$0][k] ?? 0) < (overlaps[$1][k] ?? 0) }) {
                mine = [faces[best]]
            }
            guard !mine.isEmpty else {
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: [division.reference],
                    location: try division.geometry.boundary(),
                    message: "division \(division.label) is not enclosed by the boundary lines at all"))
                continue
            }
            let enclosed = mine.count == 1 ? mine[0] : try context.collection(.multiPolygon, mine).unaryUnion()
            let a = try division.geometry.boundary(), b = try enclosed.boundary()
            // Boundaries that share their vertices match; only a mismatch is worth the sampling.
            if !merged, (try? a.topologicallyEquals(b)) == true { continue }
            // Where the enclosed face runs along another division, the lines merged the two: the
            // division's own boundary (measured from a) shows where they leave it open.
            let others = try Set(mine.flatMap { face in faces.firstIndex { $0 === face }.map { Array(overlaps[$0].keys) } ?? [] })
                .subtracting([k]).map { try divisions[$0].geometry.boundary().prepared() }
            let (d, at) = try worstPoint(of: a, b, bothWays: !merged, explained: others, context: context)
            guard d > maxDistance else { continue }
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [division.reference], location: try context.point(at),
                value: d, tolerance: maxDistance,
                message: merged
                    ? "division \(division.label) is not enclosed on its own: the lines leave it open to a neighbour, up to \(Measure.m(d)) from its boundary near \(survey.at(at))"
                    : "division \(division.label) differs from the area its boundary lines enclose by up to \(Measure.m(d)), near \(survey.at(at))"))
        }
        return findings
    }

    /// The point of either boundary (sampled every 10 m) farthest from the other, and how far:
    /// the Hausdorff distance where it exceeds the tolerance.
    ///
    /// With `bothWays` false, only points of `a` are measured: a division merged with a neighbour is
    /// open where its own boundary runs inside the merged face.
    private func worstPoint(of a: Geometry, _ b: Geometry, bothWays: Bool, explained: [PreparedGeometry],
                            context: GEOSContext) throws -> (Double, Coordinate) {
        var best = (0.0, Coordinate(x: 0, y: 0))
        let pairs: [(Geometry, Geometry)] = bothWays ? [(a, b), (b, a)] : [(a, b)]
        for n in pairs.indices {
            let (from, to) = pairs[n]
            let target = try to.prepared()
            for c in Plane.densified(try from.allCoordinates(), step: 10) {
                let p = try context.point(c)
                if try target.isWithinDistance(max(best.0, maxDistance), of: p) { continue }
                if n == 1, try explained.contains(where: { try $0.isWithinDistance(maxDistance, of: p) }) { continue }
                let d = try to.distance(to: p)
                if d > best.0 { best = (d, c) }
            }
        }
        return best
    }
}
