/// `marker.type-count`: the type letters of a marker set must fit how many markers share its number.
public struct MarkerTypeCountRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "marker.type-count", severity: .error,
        summary: "The type letters of the markers sharing a number must fit their count: one marker has no letter, two are A and B (同号双立), three are A, B and C (同号三立).",
        valueUnit: "count")
    let severity: Severity
    let convention: MarkerConvention

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        convention = profile.markers
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        let duplicated = survey.duplicatedMarkerLabels()
        let markers = survey.survey.markers
        for (number, list) in survey.markerSets() {
            if list.contains(where: { duplicated.contains(markers[$0].label) }) { continue }   // marker.duplicate reports it
            let types = list.map { markers[$0].type }.sorted()
            let n = list.count
            let expected = n <= convention.typesBySetSize.count ? convention.typesBySetSize[n - 1].sorted() : nil
            guard types != expected else { continue }
            let shown = types.map { $0.isEmpty ? "(none)" : $0 }.joined(separator: ", ")
            let wanted = expected.map { e in e.map { $0.isEmpty ? "(none)" : $0 }.joined(separator: ", ") } ?? "no set has that many"
            let points = try list.map { markers[$0].position }.filter { try $0.type == .point }
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: list.map { markers[$0].reference },
                location: points.count == 1 ? points[0] : try survey.context.collection(.multiPoint, points),
                value: Double(n),
                message: "\(n) marker\(n == 1 ? "" : "s") numbered \(number) with type\(n == 1 ? "" : "s") \(shown); \(n == 1 ? "a single marker" : "a set of \(n)") should have \(wanted)"))
        }
        return findings
    }
}
