/// Every rule quhua knows, in the order they run and are listed.
///
/// ```swift
/// for d in RuleCatalogue.definitions { print(d.id, d.severity, d.summary) }
/// let rules = RuleCatalogue.rules(for: .standard)
/// ```
public enum RuleCatalogue {
    /// The rule types.
    public static var types: [any SurveyRule.Type] { [
        GeometryEmptyRule.self, GeometryValidityRule.self, RepeatedPointRule.self, ShortSegmentRule.self,
        SpikeRule.self, MultipartRule.self,
        LineSelfIntersectionRule.self, LineDangleRule.self, LineUndershootRule.self, LineOvershootRule.self,
        LinePseudoNodeRule.self, LineDuplicateRule.self, LineOverlapRule.self, LineCrossingRule.self,
        LineAttributionRule.self, LinePolygonMismatchRule.self, NetworkClosureRule.self,
        CoverageOverlapRule.self, CoverageGapRule.self, CoverageHoleRule.self, CoverageEdgeMismatchRule.self,
        MarkerUnmatchedRule.self, MarkerOffLineRule.self, MarkerNumberFormatRule.self, MarkerDuplicateRule.self,
        MarkerOrderRule.self, MarkerJunctionRule.self, MarkerTypeCountRule.self,
    ] }

    /// The rules that read survey attributes (line ids and division codes, marker numbers, types
    /// and lines) rather than geometry; a geometry-only check leaves them out.
    public static let attributeRuleIDs: Set<String> = [
        "line.attribution", "line.pseudo-node", "line.polygon-mismatch",
        "marker.unmatched", "marker.off-line", "marker.number-format", "marker.order", "marker.junction", "marker.type-count",
    ]

    /// The definitions of every rule.
    public static var definitions: [RuleDefinition] { types.map { $0.definition } }

    /// The definition of the rule with this id, if there is one.
    public static func definition(_ id: String) -> RuleDefinition? {
        types.first { $0.definition.id == id }?.definition
    }

    /// The rules `profile` switches on, with its severities and tolerances.
    public static func rules(for profile: Profile) -> [any SurveyRule] {
        types.filter { profile.isEnabled($0.definition.id) }.map { $0.init(profile: profile) }
    }
}
