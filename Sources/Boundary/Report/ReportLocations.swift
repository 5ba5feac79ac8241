import CRS
import GEOSKit
import GeoFormats

/// Finding locations taken back from the survey's metric CRS to the CRS it was delivered in.
struct ReportLocations {
    let context: GEOSContext
    let back: CoordinateTransform
    let identity: Bool

    init(_ report: ValidationReport) throws {
        context = report.survey.context
        back = try report.survey.toInputCRS()
        identity = report.survey.inputCRS == report.survey.metricCRS
    }

    /// The finding's location in the input CRS, or `nil` when it has none.
    func inInputCRS(_ finding: Finding) throws -> Geometry? {
        guard let g = try finding.location(in: context) else { return nil }
        return identity ? g : try back.transform(g)
    }

    /// One point that stands for the location in the input CRS (the point itself, or the
    /// first vertex of a line or polygon), for one-line reports.
    func anchor(_ finding: Finding) throws -> Coordinate? {
        guard let g = try inInputCRS(finding), try !g.isEmpty else { return nil }
        var part = g
        while try part.type.isCollection { part = try part.part(0) }
        if try part.type == .polygon { part = try part.exteriorRing }
        return try part.coordinates().first
    }

    /// The location as a GeoJSON geometry object (text, rings oriented as RFC 7946 asks), in the input CRS.
    func geoJSON(_ finding: Finding) throws -> String? {
        try inInputCRS(finding).map { try GeoJSONText.geometry($0, source: "the location of a \(finding.ruleID) finding") }
    }
}

extension ValidationReport {
    /// Findings sorted for reading: most severe first, then by rule in catalogue order, then as found.
    public var sortedFindings: [Finding] {
        let order = Dictionary(uniqueKeysWithValues: RuleCatalogue.definitions.enumerated().map { ($1.id, $0) })
        return findings.enumerated().sorted { a, b in
            (b.element.severity, order[a.element.ruleID] ?? 999, a.offset) < (a.element.severity, order[b.element.ruleID] ?? 999, b.offset)
        }.map(\.element)
    }

    /// The unit of a rule's measured value.
    public func unit(of ruleID: String) -> String? { RuleCatalogue.definition(ruleID)?.valueUnit }
}
