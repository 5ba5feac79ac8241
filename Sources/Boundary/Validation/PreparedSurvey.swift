import CRS
import GEOSKit

/// A survey made ready for the rules: geometries split into parts once; spatial indexes, the
/// line network and derived geometry (outlines, shared edges, the coverage check) built on first
/// use and kept, so that nothing is computed that no rule that runs needs.
///
/// ```swift
/// let prepared = try PreparedSurvey(survey, profile: .standard)
/// let junctions = try prepared.network.nodes.filter { $0.degree >= 3 }
/// ```
public final class PreparedSurvey {
    /// The survey.
    public let survey: Survey
    /// The profile the rules read.
    public let profile: Profile
    /// The GEOS context of every geometry.
    public var context: GEOSContext { survey.context }
    /// The line-string parts of each line (`lineParts[i]` for `survey.lines[i]`).
    public let lineParts: [[Geometry]]
    /// Line indices by line id.
    public let linesByID: [String: [Int]]
    /// The division index of each code (the first, when a code repeats).
    public let divisionByCode: [String: Int]

    private var cachedLineTree: STRtree?
    private var cachedDivisionTree: STRtree?
    private var cachedNetwork: LineNetwork?
    private var cachedFreeEnds: [FreeEnd]?
    private var cachedEdges: [String: Geometry?] = [:]
    private var cachedOutline: Geometry??
    var cachedCoverage: [Finding]?
    private var cachedReportingTransform: CoordinateTransform?

    /// The transform from the measuring CRS back to the input CRS (made once).
    func reportingTransform() throws -> CoordinateTransform {
        if let t = cachedReportingTransform { return t }
        let t = try survey.toInputCRS()
        cachedReportingTransform = t
        return t
    }

    /// Prepares `survey` for validation under `profile`; indexes and the line network are built
    /// when a rule first asks for them.
    ///
    /// - Throws: a `GEOSError` when a line's parts cannot be read.
    public init(_ survey: Survey, profile: Profile) throws {
        self.survey = survey
        self.profile = profile
        self.lineParts = survey.lines.map(\.parts)
        var byID: [String: [Int]] = [:]
        for (i, l) in survey.lines.enumerated() { if let id = l.id { byID[id, default: []].append(i) } }
        self.linesByID = byID
        var byCode: [String: Int] = [:]
        for (i, d) in survey.divisions.enumerated() where byCode[d.code] == nil { byCode[d.code] = i }
        self.divisionByCode = byCode
    }

    // MARK: - Shared state, built on first use

    /// An index over the lines (item `i` is `survey.lines[i]`), built on first use.
    ///
    /// - Throws: a `GEOSError` when GEOS cannot index a line.
    public var lineTree: STRtree {
        get throws {
            if let cachedLineTree { return cachedLineTree }
            let tree = try index(survey.lines.map(\.geometry))
            cachedLineTree = tree
            return tree
        }
    }

    /// An index over the divisions (item `i` is `survey.divisions[i]`), built on first use.
    ///
    /// - Throws: a `GEOSError` when GEOS cannot index a division.
    public var divisionTree: STRtree {
        get throws {
            if let cachedDivisionTree { return cachedDivisionTree }
            let tree = try index(survey.divisions.map(\.geometry))
            cachedDivisionTree = tree
            return tree
        }
    }

    /// An index whose item `i` is `geometries[i]`.
    private func index(_ geometries: [Geometry]) throws -> STRtree {
        let tree = try STRtree(context: survey.context)
        for geometry in geometries { try tree.insert(geometry) }
        return tree
    }

    /// The nodes of the line network, found on first use.
    ///
    /// - Throws: a `GEOSError` when a line's coordinates cannot be read.
    public var network: LineNetwork {
        get throws {
            if let cachedNetwork { return cachedNetwork }
            let network = try LineNetwork(lines: survey.lines, tolerance: profile.nodeTolerance)
            cachedNetwork = network
            return network
        }
    }

    /// The free line ends, each classified (computed once).
    public func freeEnds() throws -> [FreeEnd] {
        if let cachedFreeEnds { return cachedFreeEnds }
        let result = try classifyFreeEnds()
        cachedFreeEnds = result
        return result
    }

    /// The edge two divisions share (the lines common to both boundaries), or `nil` when they
    /// share none or either is unknown.
    public func sharedEdge(_ a: String, _ b: String) throws -> Geometry? {
        let key = a < b ? "\(a)|\(b)" : "\(b)|\(a)"
        if let cached = cachedEdges[key] { return cached }
        var edge: Geometry?
        if let i = divisionByCode[a], let j = divisionByCode[b] {
            let bi = try survey.divisions[i].geometry.boundary()
            let bj = try survey.divisions[j].geometry.boundary()
            let common = try bi.intersection(bj)
            let lineal = try common.lineal()
            if try !lineal.isEmpty { edge = lineal }
        }
        cachedEdges[key] = edge
        return edge
    }

    /// The outline of all divisions together (the boundary of their union), or `nil` without divisions.
    public func divisionsOutline() throws -> Geometry? {
        if let cachedOutline { return cachedOutline }
        var outline: Geometry?
        if !survey.divisions.isEmpty {
            let valid = try survey.divisions.map { d in try d.geometry.isValid ? d.geometry : try d.geometry.makeValid() }
            let all = try context.collection(.geometryCollection, valid)
            outline = try all.unaryUnion().boundary()
        }
        cachedOutline = .some(outline)
        return outline
    }

    /// The reference of line `i`, with its id as key.
    func ref(line i: Int) -> FeatureReference { survey.lines[i].reference }
}

extension Geometry {
    /// The lineal parts of a geometry (points and polygons dropped), merged into the fewest lines.
    func lineal() throws -> Geometry {
        let lines = try flattened().filter { try $0.type == .lineString && !$0.isEmpty }
        if lines.isEmpty { return try context.empty(.lineString) }
        return try context.collection(.multiLineString, lines).lineMerged()
    }

    /// The simple parts of a (nested) collection.
    func flattened() throws -> [Geometry] {
        switch try type {
        case .multiPoint, .multiLineString, .multiPolygon, .geometryCollection:
            return try parts().flatMap { try $0.flattened() }
        default: return [self]
        }
    }
}
