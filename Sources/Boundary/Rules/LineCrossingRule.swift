import GEOSKit

/// `line.crossing`: two lines that cross, or a line end or node on the middle of another line.
public struct LineCrossingRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.crossing", severity: .error,
        summary: "Two boundary lines that cross, or a line that ends on the middle of another: lines may meet only at their end points (a node on the middle of a line means it must be split there). Overshoots are reported by line.overshoot instead.")
    let severity: Severity

    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        let tolerance = survey.profile.nodeTolerance
        var explained: [Coordinate] = []
        for free in try survey.freeEnds() {
            if case .overshoot(_, _, let crossing) = free.kind { explained.append(crossing) }
        }
        func isExplained(_ c: Coordinate) -> Bool { explained.contains { Plane.distance($0, c) <= max(tolerance, 1e-6) } }

        var findings: [Finding] = []
        // Interiors crossing at points.
        for (i, j) in try survey.candidateLinePairs() {
            let a = survey.survey.lines[i], b = survey.survey.lines[j]
            guard try a.geometry.relate(b.geometry, matches: "0********") else { continue }
            let points = try a.geometry.intersection(b.geometry).flattened().filter { try $0.type == .point }
            for p in points {
                guard let c = try p.coordinates().first, !isExplained(c) else { continue }
                // A point where either line has an end is handled below as a node on a line.
                if try survey.lineEndsNear(c, line: i, tolerance: tolerance) || survey.lineEndsNear(c, line: j, tolerance: tolerance) { continue }
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: [a.reference, b.reference],
                    location: p, message: "lines \(a.label) and \(b.label) cross at \(survey.at(c))"))
            }
        }
        // Nodes on the middle of a line.
        for node in try survey.network.nodes {
            let box = Envelope(minX: node.position.x, minY: node.position.y, maxX: node.position.x, maxY: node.position.y)
            let point = try survey.context.point(node.position)
            for k in try survey.lineTree.query(intersecting: box.expanded(by: tolerance)) where !node.lines.contains(k) {
                let line = survey.survey.lines[k]
                guard try line.geometry.distance(to: point) <= tolerance, !isExplained(node.position) else { continue }
                let others = node.lines.sorted().map { survey.survey.lines[$0] }
                let names = others.map(\.label).joined(separator: ", ")
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: [line.reference] + others.map(\.reference),
                    location: point,
                    message: "line\(others.count > 1 ? "s" : "") \(names) end\(others.count > 1 ? "" : "s") on the middle of line \(line.label) at \(survey.at(node.position)): split \(line.label) there"))
            }
        }
        return findings
    }
}

extension PreparedSurvey {
    /// Whether line `line` has an end within `tolerance` of `c`.
    func lineEndsNear(_ c: Coordinate, line: Int, tolerance: Double) throws -> Bool {
        try network.nodes.contains { node in node.lines.contains(line) && Plane.distance(node.position, c) <= max(tolerance, 1e-6) }
    }
}
