import CGEOS

/// A geometry indexed for many predicate tests against other geometries.
///
/// Preparing costs once and makes each later test against the same geometry much faster:
/// point-in-polygon lookups, or one polygon against all its neighbours.
///
/// ```swift
/// let district = try context.geometry(wkt: polygonWKT).prepared()
/// let inside = try district.contains(try context.point(x: 106.57, y: 29.56))
/// ```
public final class PreparedGeometry {
    /// The geometry that was prepared (kept alive as long as this object).
    public let base: Geometry
    let handle: OpaquePointer

    init(base: Geometry) throws {
        guard let p = GEOSPrepare_r(base.ctx, base.handle) else { throw base.context.failure("prepare") }
        self.base = base
        self.handle = p
    }

    deinit { GEOSPreparedGeom_destroy_r(base.ctx, handle) }

    private func test(
        _ other: Geometry, _ name: String,
        _ fn: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar
    ) throws -> Bool {
        try base.requireSameContext(other, name)
        return try base.context.predicate(fn(base.ctx, handle, other.handle), name)
    }

    /// Whether `other` lies inside the prepared geometry.
    public func contains(_ other: Geometry) throws -> Bool { try test(other, "preparedContains", GEOSPreparedContains_r) }
    /// Whether `other` lies in the interior, touching no boundary.
    public func containsProperly(_ other: Geometry) throws -> Bool { try test(other, "preparedContainsProperly", GEOSPreparedContainsProperly_r) }
    /// Whether no point of `other` lies outside.
    public func covers(_ other: Geometry) throws -> Bool { try test(other, "preparedCovers", GEOSPreparedCovers_r) }
    /// Whether the prepared geometry lies inside `other`, boundary allowed.
    public func coveredBy(_ other: Geometry) throws -> Bool { try test(other, "preparedCoveredBy", GEOSPreparedCoveredBy_r) }
    /// Whether they share a point.
    public func intersects(_ other: Geometry) throws -> Bool { try test(other, "preparedIntersects", GEOSPreparedIntersects_r) }
    /// Whether they share no point.
    public func disjoint(_ other: Geometry) throws -> Bool { try test(other, "preparedDisjoint", GEOSPreparedDisjoint_r) }
    /// Whether they touch on boundaries only.
    public func touches(_ other: Geometry) throws -> Bool { try test(other, "preparedTouches", GEOSPreparedTouches_r) }
    /// Whether they cross.
    public func crosses(_ other: Geometry) throws -> Bool { try test(other, "preparedCrosses", GEOSPreparedCrosses_r) }
    /// Whether they overlap.
    public func overlaps(_ other: Geometry) throws -> Bool { try test(other, "preparedOverlaps", GEOSPreparedOverlaps_r) }
    /// Whether the prepared geometry lies inside `other`.
    public func within(_ other: Geometry) throws -> Bool { try test(other, "preparedWithin", GEOSPreparedWithin_r) }

    /// Whether `other` is within `distance` of the prepared geometry.
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        try base.requireSameContext(other, "preparedDistanceWithin")
        return try base.context.predicate(GEOSPreparedDistanceWithin_r(base.ctx, handle, other.handle, distance), "preparedDistanceWithin")
    }
}

@available(*, unavailable, message: "Prepared geometries belong to a single-threaded GEOSContext")
extension PreparedGeometry: Sendable {}

extension Geometry {
    /// This geometry prepared for repeated predicate tests.
    public func prepared() throws -> PreparedGeometry {
        try PreparedGeometry(base: self)
    }
}
