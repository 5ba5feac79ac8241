import GEOSKit

/// `line.self-intersection`: a line that crosses or touches itself, with each point where it does.
public struct LineSelfIntersectionRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.self-intersection", severity: .error,
        summary: "A boundary line that crosses or touches itself; each crossing point is reported.")
    let severity: Severity

    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for (li, line) in survey.survey.lines.enumerated() {
            for (pi, part) in survey.lineParts[li].enumerated() where try !part.isSimple {
                for point in try Self.selfIntersections(of: part) {
                    let partText = line.parts.count > 1 ? " (part \(pi + 1))" : ""
                    findings.append(try Finding(
                        ruleID: Self.definition.id, severity: severity, features: [line.reference],
                        location: try survey.context.point(point),
                        message: "line \(line.label)\(partText) crosses itself at \(survey.at(point))"))
                }
            }
        }
        return findings
    }

    /// The points where a line string meets itself: nodes of its self-noding where three or
    /// more pieces end (a closed line's start and end alone make two).
    static func selfIntersections(of line: Geometry) throws -> [Coordinate] {
        var count: [Coordinate: Int] = [:]
        var order: [Coordinate] = []
        for piece in try line.noded().flattened() {
            let pts = try piece.coordinates()
            guard let a = pts.first, let b = pts.last else { continue }
            for p in [a, b] {
                let key = Coordinate(x: p.x, y: p.y)
                if count[key] == nil { order.append(key) }
                count[key, default: 0] += 1
            }
        }
        return order.filter { (count[$0] ?? 0) >= 3 }
    }
}
