import GEOSKit

/// `marker.junction`: every junction of three lines has a three-sided marker set, and every
/// three-sided set stands at a junction.
public struct MarkerJunctionRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "marker.junction", severity: .error,
        summary: "Where three or more lines meet there must be a three-sided marker set (three markers sharing one number, types A, B, C) within maxDistance; and a three-sided set must stand at such a junction.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("maxDistance", 20, "m", "How far from the junction point the markers of its set may stand.")])
    let severity: Severity
    let maxDistance: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        maxDistance = profile.tolerance("maxDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        // Without numbered markers (none, or a layer with no number column) there are no sets to look for.
        let markerCount = survey.survey.markers.count
        guard (0..<markerCount).contains(where: { !survey.survey.lacks("markerNumber", .markers, index: $0) }) else { return [] }
        var findings: [Finding] = []
        let markers = survey.survey.markers
        let sets = survey.markerSets().filter { $0.markers.count >= 3 }
        let junctions = try survey.junctions()
        func farthest(_ set: [Int], from c: Coordinate) throws -> Double {
            let p = try survey.context.point(c)
            return try set.map { try markers[$0].position.distance(to: p) }.max() ?? .infinity
        }
        var usedSets = Set<String>()
        for node in junctions {
            let near = try sets.filter { try farthest($0.markers, from: node.position) <= maxDistance }
            if let set = near.first {
                usedSets.insert(set.number)
                continue
            }
            let lines = node.lines.sorted().map { survey.survey.lines[$0] }
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: lines.map(\.reference),
                location: try survey.context.point(node.position),
                message: "the junction of lines \(lines.map(\.label).joined(separator: ", ")) at \(survey.at(node.position)) has no three-sided marker set within \(Measure.m(maxDistance))"))
        }
        for set in sets where !usedSets.contains(set.number) {
            let nearest = try junctions.map { try farthest(set.markers, from: $0.position) }.min()
            let points = try set.markers.map { markers[$0].position }.filter { try $0.type == .point }
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: set.markers.map { markers[$0].reference },
                location: try survey.context.collection(.multiPoint, points), value: nearest, tolerance: maxDistance,
                message: "three-sided marker set \(set.number) stands at no junction of three lines" + (nearest.map { " (the nearest is \(Measure.m($0)) away)" } ?? "")))
        }
        return findings
    }
}
