import GEOSKit

/// `line.polygon-mismatch`: a line that does not follow the shared edge of its two divisions.
public struct LinePolygonMismatchRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.polygon-mismatch", severity: .error,
        summary: "A line against the edge its two divisions share: where they are farther apart than maxDistance (Hausdorff, both ways), the worst point is reported. A line on the survey's outer edge is held against its inside division's boundary.",
        valueUnit: "m",
        tolerances: [
            ToleranceDefinition("maxDistance", 0.5, "m", "The largest allowed distance between a line and its divisions' shared edge."),
            ToleranceDefinition("step", 10, "m", "Lines and edges are sampled at least this often along their length."),
        ])
    let severity: Severity
    let maxDistance: Double
    let step: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        maxDistance = profile.tolerance("maxDistance", of: Self.definition)
        step = max(profile.tolerance("step", of: Self.definition), 0.1)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        let context = survey.context
        var linesByPair: [String: [Int]] = [:]
        for (i, line) in survey.survey.lines.enumerated() {
            guard let l = line.leftCode, let r = line.rightCode, l != r else { continue }
            let lk = survey.divisionByCode[l] != nil, rk = survey.divisionByCode[r] != nil
            if lk && rk, let pair = line.codePair {
                linesByPair[pair, default: []].append(i)
                guard let edge = try survey.sharedEdge(l, r) else {
                    findings.append(try Finding(
                        ruleID: Self.definition.id, severity: severity,
                        features: [line.reference, survey.survey.divisions[survey.divisionByCode[l] ?? 0].reference, survey.survey.divisions[survey.divisionByCode[r] ?? 0].reference],
                        location: line.geometry,
                        message: "line \(line.label) separates \(l) and \(r), but those divisions share no edge"))
                    continue
                }
                _ = edge
                // The line against each of its two divisions: the worse side is reported.
                var worstSide: (Double, Coordinate, String)?
                for code in [l, r] {
                    guard let k = survey.divisionByCode[code] else { continue }
                    let boundary = try survey.survey.divisions[k].geometry.boundary()
                    if let (d, at) = try worst(of: survey.lineParts[i], against: boundary, context: context), d > maxDistance,
                       worstSide.map({ d > $0.0 }) ?? true {
                        worstSide = (d, at, code)
                    }
                }
                if let (d, at, code) = worstSide, let k = survey.divisionByCode[code] {
                    findings.append(try Finding(
                        ruleID: Self.definition.id, severity: severity, features: [line.reference, survey.survey.divisions[k].reference],
                        location: try context.point(at), value: d, tolerance: maxDistance,
                        message: "line \(line.label) is \(Measure.m(d)) away from the boundary of \(code), which it should follow, at \(survey.at(at))"))
                }
            } else if lk != rk, let k = survey.divisionByCode[lk ? l : r] {
                let inside = lk ? l : r
                let boundary = try survey.survey.divisions[k].geometry.boundary()
                if let (d, at) = try worst(of: survey.lineParts[i], against: boundary, context: context), d > maxDistance {
                    findings.append(try Finding(
                        ruleID: Self.definition.id, severity: severity, features: [line.reference, survey.survey.divisions[k].reference],
                        location: try context.point(at), value: d, tolerance: maxDistance,
                        message: "line \(line.label) is \(Measure.m(d)) away from the boundary of \(inside), at \(survey.at(at))"))
                }
            }
        }
        // The other way: every stretch of a shared edge must be followed by a line of that pair.
        for (pair, indices) in linesByPair.sorted(by: { $0.key < $1.key }) {
            let codes = pair.split(separator: "|").map(String.init)
            guard codes.count == 2, let edge = try survey.sharedEdge(codes[0], codes[1]) else { continue }
            let lines = try context.collection(.multiLineString, indices.flatMap { survey.lineParts[$0] })
            if let (d, at) = try worst(of: try edge.flattened(), against: lines, context: context), d > maxDistance {
                let refs = codes.compactMap { survey.divisionByCode[$0] }.map { survey.survey.divisions[$0].reference }
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: refs + indices.map { survey.survey.lines[$0].reference },
                    location: try context.point(at), value: d, tolerance: maxDistance,
                    message: "the edge \(codes[0]) and \(codes[1]) share is \(Measure.m(d)) away from their boundary line\(indices.count > 1 ? "s" : "") at \(survey.at(at))"))
            }
        }
        return findings
    }

    /// The point of `parts` (sampled every `step` metres) farthest from `target`, and its distance.
    func worst(of parts: [Geometry], against target: Geometry, context: GEOSContext) throws -> (Double, Coordinate)? {
        var best: (Double, Coordinate)?
        let prepared = try target.prepared()
        for part in parts {
            for c in Plane.densified(try part.allCoordinates(), step: step) {
                let p = try context.point(c)
                if try prepared.isWithinDistance(best.map { max($0.0, maxDistance) } ?? maxDistance, of: p) { continue }
                let d = try target.distance(to: p)
                if best.map({ d > $0.0 }) ?? true { best = (d, c) }
            }
        }
        return best
    }
}
