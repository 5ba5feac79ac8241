/// One polygon of a coverage, as the validator takes it: how the user knows it, and its WKB.
///
/// WKB is `Sendable`, so every worker builds its own GEOS geometries from it in its own context.
///
/// ```swift
/// let polygons = try layer.features.enumerated().compactMap { i, f -> CoveragePolygon? in
///     guard let g = f.geometry else { return nil }
///     return CoveragePolygon(reference: FeatureReference(layer: "divisions", index: i + 1, key: code(f)),
///                            wkb: try g.wkb())
/// }
/// ```
public struct CoveragePolygon: Sendable, Hashable {
    /// How findings name the polygon.
    public var reference: FeatureReference
    /// The polygon or multipolygon as WKB (either byte order; Z and M are ignored).
    public var wkb: [UInt8]

    /// Creates a coverage polygon.
    public init(reference: FeatureReference, wkb: [UInt8]) {
        self.reference = reference
        self.wkb = wkb
    }
}
