import CGEOS

/// Why a geometry is invalid, and where: GEOS's `isValidDetail` answer.
public struct ValidityProblem {
    /// GEOS's reason, for example `"Self-intersection"` or `"Hole lies outside shell"`.
    public let reason: String
    /// Where the problem is (a point), when GEOS gives one.
    public let location: Geometry?
}

/// How ``Geometry/makeValid(method:keepCollapsed:)`` repairs a geometry.
public enum MakeValidMethod: Sendable {
    /// Keep every line of the input, building polygons from them (GEOS's original method).
    case linework
    /// Rebuild polygons from shells and holes; better for polygon data with overlapping parts.
    case structure
}

extension Geometry {
    /// Whether the geometry is valid in the OGC sense.
    public var isValid: Bool {
        get throws { try context.predicate(GEOSisValid_r(ctx, handle), "isValid") }
    }

    /// The first validity problem GEOS finds, or `nil` when the geometry is valid.
    ///
    /// ```swift
    /// let bowtie = try context.geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
    /// let problem = try bowtie.validityProblem()   // Self-intersection at POINT (5 5)
    /// ```
    /// - Parameter allowSelfTouchingRingFormingHole: accept the ESRI-style self-touching ring.
    public func validityProblem(allowSelfTouchingRingFormingHole: Bool = false) throws -> ValidityProblem? {
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        let flags: Int32 = allowSelfTouchingRingFormingHole ? Int32(GEOSVALID_ALLOW_SELFTOUCHING_RING_FORMING_HOLE.rawValue) : 0
        let result = GEOSisValidDetail_r(ctx, handle, flags, &reason, &location)
        let loc = location.map { Geometry(owning: $0, in: context) }
        defer { if let reason { GEOSFree_r(ctx, reason) } }
        switch result {
        case 1: return nil
        case 0: return ValidityProblem(reason: reason.map { String(cString: $0) } ?? "invalid", location: loc)
        default: throw context.failure("isValidDetail")
        }
    }

    /// A valid version of the geometry, keeping as much of it as GEOS can.
    ///
    /// - Parameters:
    ///   - method: ``MakeValidMethod/structure`` (default) or ``MakeValidMethod/linework``.
    ///   - keepCollapsed: keep parts that collapse to lower dimension (with `.structure`).
    public func makeValid(method: MakeValidMethod = .structure, keepCollapsed: Bool = false) throws -> Geometry {
        guard let params = GEOSMakeValidParams_create_r(ctx) else { throw context.failure("MakeValidParams_create") }
        defer { GEOSMakeValidParams_destroy_r(ctx, params) }
        let m = method == .structure ? GEOS_MAKE_VALID_STRUCTURE : GEOS_MAKE_VALID_LINEWORK
        guard GEOSMakeValidParams_setMethod_r(ctx, params, m) != 0,
              GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, keepCollapsed ? 1 : 0) != 0
        else { throw context.failure("MakeValidParams_set") }
        return try context.own(GEOSMakeValidWithParams_r(ctx, handle, params), "makeValid")
    }
}

// MARK: - Precision and cleaning

extension Geometry {
    /// The geometry snapped to a grid of `gridSize`, keeping it valid.
    ///
    /// - Parameters:
    ///   - gridSize: the grid cell (0 means floating precision).
    ///   - keepCollapsed: keep parts that collapse below their dimension.
    public func settingPrecision(gridSize: Double, keepCollapsed: Bool = false) throws -> Geometry {
        let flags: Int32 = keepCollapsed ? Int32(GEOS_PREC_KEEP_COLLAPSED.rawValue) : 0
        return try context.own(GEOSGeom_setPrecision_r(ctx, handle, gridSize, flags), "setPrecision")
    }

    /// The geometry with its vertices snapped to those of `other` within `tolerance`.
    public func snapped(to other: Geometry, tolerance: Double) throws -> Geometry {
        try requireSameContext(other, "snap")
        return try context.own(GEOSSnap_r(ctx, handle, other.handle, tolerance), "snap")
    }

    /// The geometry simplified within `tolerance` with Douglas-Peucker, topology not kept (rings
    /// may collapse or cross): for drawing at a scale where `tolerance` is below a pixel.
    public func simplified(tolerance: Double) throws -> Geometry {
        try context.own(GEOSSimplify_r(ctx, handle, tolerance), "simplify")
    }

    /// The geometry simplified within `tolerance` without changing its topology.
    public func topologyPreservingSimplified(tolerance: Double) throws -> Geometry {
        try context.own(GEOSTopologyPreserveSimplify_r(ctx, handle, tolerance), "topologyPreserveSimplify")
    }

    /// The geometry with consecutive points closer than `tolerance` merged (0: exact repeats).
    public func removingRepeatedPoints(tolerance: Double = 0) throws -> Geometry {
        try context.own(GEOSRemoveRepeatedPoints_r(ctx, handle, tolerance), "removeRepeatedPoints")
    }
}
