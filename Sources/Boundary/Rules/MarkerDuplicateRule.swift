import GEOSKit

/// `marker.duplicate`: a marker number and type used twice, or two markers at one place.
public struct MarkerDuplicateRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "marker.duplicate", severity: .error,
        summary: "Two markers with the same number and type letter, or two markers closer together than minSpacing.",
        valueUnit: "m",
        tolerances: [ToleranceDefinition("minSpacing", 0.5, "m", "Two markers closer than this are the same marker entered twice.")])
    let severity: Severity
    let minSpacing: Double

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        minSpacing = profile.tolerance("minSpacing", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        let markers = survey.survey.markers
        var byLabel: [String: [Int]] = [:]
        var order: [String] = []
        for (i, m) in markers.enumerated() where !survey.survey.lacks("markerNumber", .markers, index: i) {
            if byLabel[m.label] == nil { order.append(m.label) }
            byLabel[m.label, default: []].append(i)
        }
        for label in order {
            guard let list = byLabel[label], list.count > 1 else { continue }
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: list.map { markers[$0].reference },
                location: try survey.context.collection(.multiPoint, list.map { markers[$0].position }.filter { try $0.type == .point }),
                message: "marker number \(label) is used by \(list.count) markers"))
        }
        // Two different markers at the same place; a marker without a number goes by its feature number.
        func name(_ k: Int) -> String {
            survey.survey.lacks("markerNumber", .markers, index: k) ? "#\(markers[k].reference.index)" : markers[k].label
        }
        let tree = try STRtree(context: survey.context)
        for m in markers { try tree.insert(m.position) }
        for (i, m) in markers.enumerated() {
            guard let box = try m.position.envelope else { continue }
            for j in try tree.query(intersecting: box.expanded(by: minSpacing)) where j > i {
                let unnumbered = survey.survey.lacks("markerNumber", .markers, index: i) || survey.survey.lacks("markerNumber", .markers, index: j)
                guard markers[j].label != m.label || unnumbered else { continue }
                let d = try m.position.distance(to: markers[j].position)
                guard d < minSpacing else { continue }
                findings.append(try Finding(
                    ruleID: Self.definition.id, severity: severity, features: [m.reference, markers[j].reference],
                    location: m.position, value: d, tolerance: minSpacing,
                    message: "markers \(name(i)) and \(name(j)) stand \(Measure.m(d)) apart: the same marker entered twice?"))
            }
        }
        return findings
    }
}
