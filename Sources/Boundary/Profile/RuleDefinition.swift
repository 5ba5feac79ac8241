/// What a rule is: its stable id, default severity, a description, the unit of what it measures,
/// and its tolerances with their defaults.
///
/// ```swift
/// for definition in RuleCatalogue.definitions { print(definition.id, definition.summary) }
/// ```
public struct RuleDefinition: Sendable, Equatable {
    /// The stable id, for example `"marker.off-line"`.
    public let id: String
    /// The severity of its findings unless the profile says otherwise.
    public let severity: Severity
    /// One sentence saying what it finds.
    public let summary: String
    /// The unit of a finding's measured value (`m`, `m²`, `°`, `count`), or `nil` when it measures nothing.
    public let valueUnit: String?
    /// Its tolerances with their default values.
    public let tolerances: [ToleranceDefinition]

    /// Creates a definition.
    public init(id: String, severity: Severity, summary: String, valueUnit: String? = nil, tolerances: [ToleranceDefinition] = []) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.valueUnit = valueUnit
        self.tolerances = tolerances
    }
}

/// One tolerance of a rule: its name in the profile, default value, unit and meaning.
public struct ToleranceDefinition: Sendable, Equatable {
    /// The name used in the profile's `tolerances` object.
    public let name: String
    /// The default value.
    public let value: Double
    /// The unit (`m`, `°`, `m²`).
    public let unit: String
    /// What it means, in one sentence.
    public let meaning: String

    /// Creates a tolerance definition.
    public init(_ name: String, _ value: Double, _ unit: String, _ meaning: String) {
        self.name = name
        self.value = value
        self.unit = unit
        self.meaning = meaning
    }
}
