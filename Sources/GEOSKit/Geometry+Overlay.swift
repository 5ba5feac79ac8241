import CGEOS

/// What `polygonize_full` makes of a set of lines.
public struct PolygonizeResult {
    /// The faces the lines enclose (a collection of polygons).
    public let polygons: Geometry
    /// Lines with a face on both sides that belong to no polygon boundary.
    public let cutEdges: Geometry
    /// Lines with a free end.
    public let dangles: Geometry
    /// Closed rings that do not form valid polygons.
    public let invalidRings: Geometry
}

extension Geometry {
    private func binaryOperation(
        _ other: Geometry, _ name: String,
        _ fn: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    ) throws -> Geometry {
        try requireSameContext(other, name)
        return try context.own(fn(ctx, handle, other.handle), name)
    }

    /// The points shared by both geometries.
    public func intersection(_ other: Geometry) throws -> Geometry { try binaryOperation(other, "intersection", GEOSIntersection_r) }
    /// The points of this geometry not in `other`.
    public func difference(_ other: Geometry) throws -> Geometry { try binaryOperation(other, "difference", GEOSDifference_r) }
    /// The points in either geometry.
    public func union(_ other: Geometry) throws -> Geometry { try binaryOperation(other, "union", GEOSUnion_r) }
    /// The points in exactly one of the geometries.
    public func symmetricDifference(_ other: Geometry) throws -> Geometry { try binaryOperation(other, "symDifference", GEOSSymDifference_r) }

    /// The union of all parts of this geometry (a collection), dissolving shared boundaries.
    public func unaryUnion() throws -> Geometry {
        try context.own(GEOSUnaryUnion_r(ctx, handle), "unaryUnion")
    }

    /// The union of a valid polygon coverage (edges shared exactly), much faster than ``unaryUnion()``.
    ///
    /// The result is undefined when the coverage is not valid; check it first.
    public func coverageUnion() throws -> Geometry {
        try context.own(GEOSCoverageUnion_r(ctx, handle), "coverageUnion")
    }

    /// The lines of this geometry fully noded: split at every intersection.
    public func noded() throws -> Geometry {
        try context.own(GEOSNode_r(ctx, handle), "node")
    }

    /// Sequences of lines joined end to end where exactly two meet.
    public func lineMerged() throws -> Geometry {
        try context.own(GEOSLineMerge_r(ctx, handle), "lineMerge")
    }

    /// The faces formed by this geometry's (noded) lines, with the lines that form none.
    ///
    /// ```swift
    /// let result = try lines.noded().polygonizedFull()
    /// if try !result.dangles.isEmpty { … }
    /// ```
    public func polygonizedFull() throws -> PolygonizeResult {
        var cuts: OpaquePointer?
        var dangles: OpaquePointer?
        var invalid: OpaquePointer?
        let polys = GEOSPolygonize_full_r(ctx, handle, &cuts, &dangles, &invalid)
        let c = cuts.map { Geometry(owning: $0, in: context) }
        let d = dangles.map { Geometry(owning: $0, in: context) }
        let i = invalid.map { Geometry(owning: $0, in: context) }
        let p = try context.own(polys, "polygonize_full")
        guard let c, let d, let i else { throw context.failure("polygonize_full") }
        return PolygonizeResult(polygons: p, cutEdges: c, dangles: d, invalidRings: i)
    }

    /// The area within `distance` of the geometry.
    ///
    /// - Parameter quadrantSegments: segments used to approximate a quarter circle.
    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try context.own(GEOSBuffer_r(ctx, handle, distance, Int32(quadrantSegments)), "buffer")
    }

    /// The boundary (rings of a polygon, end points of a line).
    public func boundary() throws -> Geometry { try context.own(GEOSBoundary_r(ctx, handle), "boundary") }
    /// The bounding box as a geometry.
    public func envelopeGeometry() throws -> Geometry { try context.own(GEOSEnvelope_r(ctx, handle), "envelope") }
    /// The centroid.
    public func centroid() throws -> Geometry { try context.own(GEOSGetCentroid_r(ctx, handle), "centroid") }
    /// A point guaranteed to lie on the geometry.
    public func pointOnSurface() throws -> Geometry { try context.own(GEOSPointOnSurface_r(ctx, handle), "pointOnSurface") }
    /// The convex hull.
    public func convexHull() throws -> Geometry { try context.own(GEOSConvexHull_r(ctx, handle), "convexHull") }
}
