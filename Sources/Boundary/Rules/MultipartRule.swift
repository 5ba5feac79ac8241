/// `geometry.multipart`: a line or marker made of several parts where one is required.
public struct MultipartRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "geometry.multipart", severity: .error,
        summary: "A boundary line made of several separate pieces (each piece must be its own line with its own id) or a marker with several points. Divisions may have several parts (exclaves, islands).",
        valueUnit: "count")
    let severity: Severity

    public init(profile: Profile) { severity = profile.severity(for: Self.definition) }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        for line in survey.survey.lines where line.parts.count > 1 {
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [line.reference],
                location: line.geometry, value: Double(line.parts.count), tolerance: 1,
                message: "line \(line.label) has \(line.parts.count) separate parts; a boundary line must be one continuous line"))
        }
        for marker in survey.survey.markers where try marker.position.partCount > 1 {
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [marker.reference],
                location: marker.position, value: Double(try marker.position.partCount), tolerance: 1,
                message: "marker \(marker.label) has \(try marker.position.partCount) positions; a marker has one"))
        }
        return findings
    }
}
