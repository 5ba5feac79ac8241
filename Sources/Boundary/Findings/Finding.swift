import GEOSKit

/// One defect found in a survey: what (rule and message), where (a geometry) and how much
/// (a measured value against a tolerance).
///
/// ```swift
/// for finding in report.findings where finding.severity == .error {
///     print(finding.ruleID, finding.features, finding.message)
/// }
/// ```
///
/// The location is kept as WKB in the survey's measuring CRS so that findings are `Sendable`
/// and can be gathered from parallel workers; ``location(in:)`` turns it back into a geometry.
public struct Finding: Sendable {
    /// The stable id of the rule that found it, for example `"coverage.gap"`.
    public var ruleID: String
    /// How serious it is.
    public var severity: Severity
    /// The features involved, as the user knows them (line ids, marker numbers, division codes).
    public var features: [FeatureReference]
    /// Where the defect is, as WKB (little-endian, 2D or 3D).
    public var locationWKB: [UInt8]?
    /// The measured value (metres, square metres, degrees, a count), when the rule measures.
    public var value: Double?
    /// The tolerance the value was held against.
    public var tolerance: Double?
    /// A plain-words explanation for the surveyor.
    public var message: String

    /// Creates a finding.
    public init(ruleID: String, severity: Severity, features: [FeatureReference], location: Geometry?,
                value: Double? = nil, tolerance: Double? = nil, message: String) throws {
        self.ruleID = ruleID
        self.severity = severity
        self.features = features
        self.locationWKB = try location?.wkb()
        self.value = value
        self.tolerance = tolerance
        self.message = message
    }

    /// The location as a geometry in `context`.
    public func location(in context: GEOSContext) throws -> Geometry? {
        guard let locationWKB else { return nil }
        return try context.geometry(wkb: locationWKB)
    }
}

/// A feature named in a finding: which layer and file it came from and how people know it.
///
/// ```swift
/// let ref = FeatureReference(layer: "prefectures", index: 12, key: "210200", name: "大连市")
/// print(ref)   // prefectures #12 (210200 大连市)
/// ```
public struct FeatureReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The layer (`lines`, `markers`, `divisions`, or the file's layer name).
    public var layer: String
    /// The 1-based feature number in its file.
    public var index: Int
    /// The user's identifier: line id, marker number or division code, when known.
    public var key: String?
    /// The feature's name, when the layer has a name column (`大连市`, `Autauga`).
    public var name: String?

    /// Creates a reference.
    ///
    /// - Parameters:
    ///   - layer: the layer name.
    ///   - index: the 1-based feature number in its file.
    ///   - key: the line id, marker number or division code.
    ///   - name: the feature's name.
    public init(layer: String, index: Int, key: String? = nil, name: String? = nil) {
        self.layer = layer
        self.index = index
        self.key = key
        self.name = name
    }

    /// The key and the name as people know the feature: `210200 大连市`, `210200`, `Autauga`, or `nil`.
    public var label: String? {
        switch (key, name) {
        case let (k?, n?) where k != n: return "\(k) \(n)"
        case let (k?, _): return k
        case let (nil, n?): return n
        case (nil, nil): return nil
        }
    }

    /// `divisions #12 (210200 大连市)`, `divisions #12 (510100)`, `divisions #12`.
    public var description: String {
        if let label { return "\(layer) #\(index) (\(label))" }
        return "\(layer) #\(index)"
    }
}
