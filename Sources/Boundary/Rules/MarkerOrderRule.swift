/// `marker.order`: marker numbers that do not increase along their line.
public struct MarkerOrderRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "marker.order", severity: .warning,
        summary: "Marker numbers must increase along the line from its first point to its last; the fewest markers that break the order are reported (the longest increasing run is taken as right).",
        valueUnit: "m")
    let severity: Severity
    let convention: MarkerConvention

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        convention = profile.markers
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        let duplicated = survey.duplicatedMarkerLabels()
        var onLine: [String: [(marker: Int, sequence: Int)]] = [:]
        for (i, m) in survey.survey.markers.enumerated() where !duplicated.contains(m.label) {
            guard let id = m.lineID, let parsed = try convention.parse(m.number),
                  parsed.line == id, let seq = parsed.sequence, survey.linesByID[id]?.count == 1 else { continue }
            onLine[id, default: []].append((i, seq))
        }
        for (id, entries) in onLine.sorted(by: { $0.key < $1.key }) where entries.count > 1 {
            guard let k = survey.linesByID[id]?.first, let part = survey.lineParts[k].first, survey.lineParts[k].count == 1 else { continue }
            let line = survey.survey.lines[k]
            var placed: [(marker: Int, sequence: Int, chainage: Double)] = []
            for e in entries { placed.append((e.marker, e.sequence, try part.project(survey.survey.markers[e.marker].position))) }
            placed.sort { ($0.chainage, $0.sequence) < ($1.chainage, $1.sequence) }
            let keep = Self.longestNonDecreasing(placed.map(\.sequence))
            for (n, p) in placed.enumerated() where !keep.contains(n) {
                let m = survey.survey.markers[p.marker]
                let before = placed[..<n].enumerated().last { keep.contains($0.offset) }.map { survey.survey.markers[$0.element.marker].label }
                let after = placed[(n + 1)...].enumerated().first { keep.contains(n + 1 + $0.offset) }.map { survey.survey.markers[$0.element.marker].label }
                let between = [before.map { "after \($0)" }, after.map { "before \($0)" }].compactMap { $0 }.joined(separator: " and ")
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: [m.reference, line.reference],
                    location: m.position, value: p.chainage,
                    message: "marker \(m.label) is out of order along line \(line.label): it stands \(Measure.m(p.chainage)) from the line's start, \(between)"))
            }
        }
        return findings
    }

    /// The indices of a longest non-decreasing subsequence of `values`.
    static func longestNonDecreasing(_ values: [Int]) -> Set<Int> {
        guard !values.isEmpty else { return [] }
        var length = [Int](repeating: 1, count: values.count)
        var previous = [Int](repeating: -1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] <= values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var k = length.indices.max { (length[$0], -$0) < (length[$1], -$1) } ?? 0
        var result = Set<Int>()
        while k >= 0 {
            result.insert(k)
            k = previous[k]
        }
        return result
    }
}
