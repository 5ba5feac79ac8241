import CGEOS

/// The largest circle that fits inside a polygon.
public struct InscribedCircle {
    /// The centre of the circle.
    public let center: Coordinate
    /// The radius (the polygon's half-width at its widest).
    public let radius: Double
}

extension Geometry {
    private func metric(_ name: String, _ fn: (GEOSContextHandle_t?, OpaquePointer?, UnsafeMutablePointer<Double>?) -> Int32) throws -> Double {
        var value = 0.0
        guard fn(ctx, handle, &value) != 0 else { throw context.failure(name) }
        return value
    }

    private func pairMetric(
        _ other: Geometry, _ name: String,
        _ fn: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?, UnsafeMutablePointer<Double>?) -> Int32
    ) throws -> Double {
        try requireSameContext(other, name)
        var value = 0.0
        guard fn(ctx, handle, other.handle, &value) != 0 else { throw context.failure(name) }
        return value
    }

    /// The area (0 for points and lines), in the square units of the CRS.
    public var area: Double { get throws { try metric("area", GEOSArea_r) } }

    /// The length of lines, or the perimeter of polygons.
    public var length: Double { get throws { try metric("length", GEOSLength_r) } }

    /// The shortest distance between the two geometries.
    public func distance(to other: Geometry) throws -> Double { try pairMetric(other, "distance", GEOSDistance_r) }

    /// Whether the two geometries are within `distance` of each other (faster than ``distance(to:)``).
    public func isWithinDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        try requireSameContext(other, "distanceWithin")
        return try context.predicate(GEOSDistanceWithin_r(ctx, handle, other.handle, distance), "distanceWithin")
    }

    /// The discrete Hausdorff distance: how far the farthest point of one lies from the other.
    ///
    /// - Parameter densify: split each segment into pieces of this fraction (0 < f ≤ 1) for a closer answer.
    public func hausdorffDistance(to other: Geometry, densify: Double? = nil) throws -> Double {
        if let densify {
            try requireSameContext(other, "hausdorffDistanceDensify")
            var value = 0.0
            guard GEOSHausdorffDistanceDensify_r(ctx, handle, other.handle, densify, &value) != 0 else {
                throw context.failure("hausdorffDistanceDensify")
            }
            return value
        }
        return try pairMetric(other, "hausdorffDistance", GEOSHausdorffDistance_r)
    }

    /// The discrete Fréchet distance between two lines (it respects the direction of travel).
    ///
    /// - Parameter densify: split each segment into pieces of this fraction (0 < f ≤ 1).
    public func frechetDistance(to other: Geometry, densify: Double? = nil) throws -> Double {
        if let densify {
            try requireSameContext(other, "frechetDistanceDensify")
            var value = 0.0
            guard GEOSFrechetDistanceDensify_r(ctx, handle, other.handle, densify, &value) != 0 else {
                throw context.failure("frechetDistanceDensify")
            }
            return value
        }
        return try pairMetric(other, "frechetDistance", GEOSFrechetDistance_r)
    }

    /// The distance along this line to the point on it nearest to `point`.
    ///
    /// ```swift
    /// let chainage = try line.project(marker)   // metres along the line
    /// ```
    public func project(_ point: Geometry) throws -> Double {
        try requireSameContext(point, "project")
        try requireType(.lineString, "project")
        let d = GEOSProject_r(ctx, handle, point.handle)
        guard d >= 0 else { throw context.failure("project") }
        return d
    }

    /// The point at `distance` along this line.
    public func interpolate(_ distance: Double) throws -> Geometry {
        try context.own(GEOSInterpolate_r(ctx, handle, distance), "interpolate")
    }

    /// The two nearest points of this geometry and `other` (this one's first).
    public func nearestPoints(_ other: Geometry) throws -> (Coordinate, Coordinate) {
        try requireSameContext(other, "nearestPoints")
        guard let seq = GEOSNearestPoints_r(ctx, handle, other.handle) else { throw context.failure("nearestPoints") }
        defer { GEOSCoordSeq_destroy_r(ctx, seq) }
        var buf = [Double](repeating: 0, count: 4)
        guard GEOSCoordSeq_copyToBuffer_r(ctx, seq, &buf, 0, 0) != 0 else { throw context.failure("nearestPoints") }
        return (Coordinate(x: buf[0], y: buf[1]), Coordinate(x: buf[2], y: buf[3]))
    }

    /// The largest inscribed circle of a polygon, found to within `tolerance`.
    ///
    /// Its diameter is the polygon's widest width: a narrow gap has a small radius.
    public func maximumInscribedCircle(tolerance: Double) throws -> InscribedCircle {
        let line = try context.own(GEOSMaximumInscribedCircle_r(ctx, handle, tolerance), "maximumInscribedCircle")
        let pts = try line.coordinates()
        guard let c = pts.first else { throw context.failure("maximumInscribedCircle") }
        return InscribedCircle(center: c, radius: try line.length)
    }

    /// The minimum clearance: the smallest move of a vertex that would make the geometry invalid
    /// (infinite for a geometry with no such move, such as a single point).
    public var minimumClearance: Double {
        get throws {
            var value = 0.0
            guard GEOSMinimumClearance_r(ctx, handle, &value) == 0 else { throw context.failure("minimumClearance") }
            return value
        }
    }

    /// The line that realises ``minimumClearance`` (empty when there is none).
    public func minimumClearanceLine() throws -> Geometry {
        try context.own(GEOSMinimumClearanceLine_r(ctx, handle), "minimumClearanceLine")
    }
}
