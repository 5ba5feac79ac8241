/// How ``CoverageValidator`` checks a polygon coverage.
///
/// Tolerances are always metres. When the layer is geographic (longitude/latitude degrees on
/// CGCS2000 or WGS84), each gap, hole, overlap and mismatched edge is projected to metres before
/// it is measured: to the CGCS2000 3° Gauss-Krüger zone of its longitude inside China's zones,
/// to a transverse Mercator centred on it elsewhere.
///
/// ```swift
/// var options = CoverageOptions(gapWidth: 100, isGeographic: true)
/// options.workers = 2
/// let result = try CoverageValidator(options: options).validate(polygons)
/// ```
public struct CoverageOptions: Sendable, Hashable {
    /// The widest gap, in metres, that counts as a defect (`coverage.gap`); an uncovered face
    /// inside the coverage whose widest inscribed circle is at least this wide is a `coverage.hole`.
    public var gapWidth: Double
    /// Whether coordinates are longitude/latitude degrees (measure after projecting) rather than metres.
    public var isGeographic: Bool
    /// How many threads share the work, each with its own GEOS context (at least 1).
    public var workers: Int
    /// The severity of `coverage.hole` findings (wide uncovered faces are often meant: lakes, enclaves).
    public var severityOfHoles: Severity
    /// What to look for; the work no asked-for check needs is skipped (default: everything).
    public var checks: CoverageChecks = .all

    /// Creates options.
    ///
    /// - Parameters:
    ///   - gapWidth: metres; gaps narrower than this are errors, wider uncovered faces are holes.
    ///   - isGeographic: `true` for longitude/latitude input.
    ///   - workers: threads to use; defaults to the number of active processors.
    ///   - severityOfHoles: the severity of `coverage.hole` findings (default ``Severity/info``).
    public init(gapWidth: Double, isGeographic: Bool, workers: Int? = nil, severityOfHoles: Severity = .info) {
        self.gapWidth = gapWidth
        self.isGeographic = isGeographic
        self.workers = max(1, workers ?? ProcessInfoCores.active)
        self.severityOfHoles = severityOfHoles
    }
}

/// The parts of a coverage check, so that a caller who wants only some of them does not pay for the rest.
///
/// ```swift
/// var options = CoverageOptions(gapWidth: 100, isGeographic: false)
/// options.checks = [.overlaps]        // no noding of the unmatched linework, no gap faces
/// ```
public struct CoverageChecks: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: Int
    /// Creates a set from its raw bits.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `coverage.edge-mismatch`: shared edges not shared vertex for vertex (needs the gap faces too,
    /// whose sides are mismatched edges).
    public static let edgeMismatches = CoverageChecks(rawValue: 1)
    /// `coverage.overlap`: the exact overlap test on the pairs with mismatched edges.
    public static let overlaps = CoverageChecks(rawValue: 2)
    /// `coverage.gap` and `coverage.hole`: the faces of the unmatched linework no polygon covers.
    public static let gaps = CoverageChecks(rawValue: 4)
    /// Every check.
    public static let all: CoverageChecks = [.edgeMismatches, .overlaps, .gaps]
}

/// The number of processors the process may use, without importing Foundation into the API.
enum ProcessInfoCores {
    static var active: Int {
        #if canImport(Glibc) || canImport(Darwin)
        return max(1, Int(sysconfCores()))
        #else
        return 1
        #endif
    }
}

#if canImport(Glibc)
import Glibc
private func sysconfCores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#elseif canImport(Darwin)
import Darwin
private func sysconfCores() -> Int { Int(sysconf(_SC_NPROCESSORS_ONLN)) }
#endif
