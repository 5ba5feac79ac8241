/// `line.pseudo-node`: two lines between the same two divisions meeting end to end with nothing else there.
public struct LinePseudoNodeRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.pseudo-node", severity: .warning,
        summary: "Two lines separating the same two divisions meet end to end where no third line joins: they are one line split for no reason.")
    let severity: Severity

    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for node in try survey.network.nodes where node.degree == 2 {
            let a = survey.survey.lines[node.ends[0].line], b = survey.survey.lines[node.ends[1].line]
            guard node.ends[0].line != node.ends[1].line, let pair = a.codePair, pair == b.codePair else { continue }
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [a.reference, b.reference],
                location: try survey.context.point(node.position),
                message: "lines \(a.label) and \(b.label) both separate \(pair.replacingOccurrences(of: "|", with: " and ")) and meet end to end at \(survey.at(node.position)) with no other line there: merge them"))
        }
        return findings
    }
}
