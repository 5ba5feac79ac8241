import CGEOS

extension Geometry {
    private func binaryPredicate(
        _ other: Geometry, _ name: String,
        _ fn: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar
    ) throws -> Bool {
        try requireSameContext(other, name)
        return try context.predicate(fn(ctx, handle, other.handle), name)
    }

    /// Whether the two geometries share at least one point.
    public func intersects(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "intersects", GEOSIntersects_r) }
    /// Whether the two geometries share no point.
    public func disjoint(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "disjoint", GEOSDisjoint_r) }
    /// Whether `other` lies inside this geometry (and not only on its boundary).
    public func contains(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "contains", GEOSContains_r) }
    /// Whether this geometry lies inside `other`.
    public func within(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "within", GEOSWithin_r) }
    /// Whether the geometries touch on their boundaries only.
    public func touches(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "touches", GEOSTouches_r) }
    /// Whether the geometries cross.
    public func crosses(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "crosses", GEOSCrosses_r) }
    /// Whether the geometries overlap (same dimension, neither contains the other).
    ///
    /// Containment is not overlap: to find any shared interior use
    /// `relate(_:matches: "T********")`.
    public func overlaps(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "overlaps", GEOSOverlaps_r) }
    /// Whether no point of `other` lies outside this geometry.
    public func covers(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "covers", GEOSCovers_r) }
    /// Whether no point of this geometry lies outside `other`.
    public func coveredBy(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "coveredBy", GEOSCoveredBy_r) }
    /// Whether the geometries are topologically equal.
    public func topologicallyEquals(_ other: Geometry) throws -> Bool { try binaryPredicate(other, "equals", GEOSEquals_r) }

    /// Whether the geometries have the same structure and coordinates within `tolerance`.
    public func equalsExact(_ other: Geometry, tolerance: Double = 0) throws -> Bool {
        try requireSameContext(other, "equalsExact")
        return try context.predicate(GEOSEqualsExact_r(ctx, handle, other.handle, tolerance), "equalsExact")
    }

    /// The DE-9IM intersection matrix of the two geometries, for example `"212101212"`.
    public func relate(_ other: Geometry) throws -> String {
        try requireSameContext(other, "relate")
        guard let m = GEOSRelate_r(ctx, handle, other.handle) else { throw context.failure("relate") }
        defer { GEOSFree_r(ctx, m) }
        return String(cString: m)
    }

    /// Whether the DE-9IM matrix of the two geometries matches `pattern`.
    ///
    /// ```swift
    /// // interiors intersect: true for overlap AND for containment
    /// try a.relate(b, matches: "T********")
    /// ```
    public func relate(_ other: Geometry, matches pattern: String) throws -> Bool {
        try requireSameContext(other, "relatePattern")
        return try context.predicate(GEOSRelatePattern_r(ctx, handle, other.handle, pattern), "relatePattern")
    }
}
