import GEOSKit

/// `geometry.invalid`: every validity error of a geometry, each with GEOS's reason and location.
///
/// GEOS reports one problem per call. To report all of them, a multi-part geometry is checked
/// part by part, and a polygon ring by ring (each ring as its own shell, then the holes against
/// the shell), so that one self-intersection does not hide another.
public struct GeometryValidityRule: Sendable {
    /// The stable id.
    public static let id = "geometry.invalid"
    /// The severity of its findings.
    public var severity: Severity

    /// Creates the rule.
    public init(severity: Severity = .error) {
        self.severity = severity
    }

    /// The findings for one feature's geometry.
    ///
    /// - Parameters:
    ///   - geometry: the feature's geometry.
    ///   - feature: how to name the feature in the findings.
    public func check(_ geometry: Geometry, feature: FeatureReference) throws -> [Finding] {
        guard try !geometry.isValid else { return [] }
        var problems: [ValidityProblem] = []
        try collectProblems(geometry, into: &problems)
        if problems.isEmpty, let whole = try geometry.validityProblem() {
            problems.append(whole)
        }
        var seen = Set<String>()
        var findings: [Finding] = []
        for p in problems {
            let key = "\(p.reason)|\(try p.location?.wkt() ?? "")"
            guard seen.insert(key).inserted else { continue }
            // The location travels with the finding (and is reported in the input CRS);
            // the message stays free of coordinates in the measuring CRS.
            findings.append(try Finding(
                ruleID: Self.id, severity: severity, features: [feature], location: p.location,
                message: p.reason))
        }
        return findings
    }

    private func collectProblems(_ g: Geometry, into problems: inout [ValidityProblem]) throws {
        switch try g.type {
        case .multiPolygon, .geometryCollection, .multiLineString, .multiPoint:
            let parts = try g.parts()
            for part in parts { try collectProblems(part, into: &problems) }
            if parts.count > 1, problems.isEmpty, let whole = try g.validityProblem() {
                problems.append(whole)   // parts valid alone but not together (overlapping or nested shells)
            }
        case .polygon:
            let shell = try g.exteriorRing
            let holes = try g.interiorRings
            var ringProblems = false
            for ring in [shell] + holes {
                // A ring with too few points cannot stand alone; the whole polygon reports it below.
                guard let alone = try? g.context.polygon(shell: ring) else { continue }
                if let p = try alone.validityProblem() {
                    problems.append(p)
                    ringProblems = true
                }
            }
            if !ringProblems, let p = try g.validityProblem() { problems.append(p) }
        default:
            if let p = try g.validityProblem() { problems.append(p) }
        }
    }
}
