/// `marker.number-format`: a marker number or type letter that does not follow the profile's convention.
public struct MarkerNumberFormatRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "marker.number-format", severity: .error,
        summary: "A marker number that does not follow the numbering convention (default LLLL-NNN on a line, JNNN at a junction), whose line part is not the marker's line id, or a type letter other than A, B, C or empty.")
    let severity: Severity
    let convention: MarkerConvention

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        convention = profile.markers
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        let letters = Set(convention.typesBySetSize.flatMap { $0 })
        let candidates = survey.profile.fields.markerNumber
        for file in survey.survey.files where file.role == .markers && file.missingColumns.contains("markerNumber") {
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [], location: nil,
                message: "\(file.path) has no marker number column (looked for \(candidates.joined(separator: ", "))): the numbers of its \(file.items.count) markers cannot be checked, only their positions; name the column with fields.markerNumber in the profile, or check geometry only"))
        }
        for (i, m) in survey.survey.markers.enumerated() where !survey.survey.lacks("markerNumber", .markers, index: i) {
            func add(_ message: String) throws {
                findings.append(try Finding(ruleID: Self.definition.id, severity: severity, features: [m.reference], location: m.position, message: message))
            }
            guard let parsed = try convention.parse(m.number) else {
                try add("marker number \"\(m.number)\" does not follow the numbering convention (\(convention.numberPattern))")
                continue
            }
            if let line = parsed.line, let own = m.lineID, !own.isEmpty, line != own {
                try add("marker \(m.label) carries line \(line) in its number but stands on line \(own)")
            }
            if !letters.contains(m.type) {
                try add("marker \(m.label) has type \"\(m.type)\"; the convention knows \(letters.sorted().map { "\"\($0)\"" }.joined(separator: ", "))")
            }
        }
        return findings
    }
}
