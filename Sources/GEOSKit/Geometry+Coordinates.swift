import CGEOS

extension Geometry {
    /// The coordinates of a point, line string or ring, copied out in one call.
    ///
    /// ```swift
    /// for c in try line.coordinates() { print(c.x, c.y) }
    /// ```
    /// - Throws: ``GEOSError/wrongGeometryType(operation:expected:actual:)`` for polygons and collections
    ///   (walk ``parts()``, ``exteriorRing`` and ``interiorRings`` for those).
    public func coordinates() throws -> [Coordinate] {
        let t = try type
        guard t == .point || t == .lineString || t == .linearRing else {
            throw GEOSError.wrongGeometryType(operation: "coordinates", expected: "Point, LineString or LinearRing", actual: t)
        }
        if try isEmpty { return [] }
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, handle) else { throw context.failure("getCoordSeq") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(ctx, seq, &size) != 0 else { throw context.failure("CoordSeq_getSize") }
        let hasZ = GEOSGeom_getCoordinateDimension_r(ctx, handle) == 3
        let stride = hasZ ? 3 : 2
        var buffer = [Double](repeating: 0, count: Int(size) * stride)
        guard GEOSCoordSeq_copyToBuffer_r(ctx, seq, &buffer, hasZ ? 1 : 0, 0) != 0 else {
            throw context.failure("CoordSeq_copyToBuffer")
        }
        var result: [Coordinate] = []
        result.reserveCapacity(Int(size))
        for i in 0..<Int(size) {
            let z: Double? = hasZ && !buffer[i * 3 + 2].isNaN ? buffer[i * 3 + 2] : nil
            result.append(Coordinate(x: buffer[i * stride], y: buffer[i * stride + 1], z: z))
        }
        return result
    }

    /// Whether a ring (or a closed line string) runs counter-clockwise.
    ///
    /// GeoJSON (RFC 7946) wants exterior rings counter-clockwise and holes clockwise;
    /// Shapefile wants the opposite.
    public var isCounterClockwise: Bool {
        get throws {
            let t = try type
            guard t == .lineString || t == .linearRing else {
                throw GEOSError.wrongGeometryType(operation: "isCounterClockwise", expected: "LinearRing", actual: t)
            }
            guard let seq = GEOSGeom_getCoordSeq_r(ctx, handle) else { throw context.failure("getCoordSeq") }
            var ccw: CChar = 0
            guard GEOSCoordSeq_isCCW_r(ctx, seq, &ccw) != 0 else { throw context.failure("CoordSeq_isCCW") }
            return ccw != 0
        }
    }

    /// A copy with the point order of every line and ring reversed.
    public func reversed() throws -> Geometry {
        try context.own(GEOSReverse_r(ctx, handle), "reverse")
    }

    /// A copy whose polygons have their rings oriented: exterior counter-clockwise and holes
    /// clockwise when `exteriorCounterClockwise` is true (RFC 7946), the reverse otherwise (Shapefile).
    public func orientingRings(exteriorCounterClockwise: Bool = true) throws -> Geometry {
        switch try type {
        case .polygon:
            if try isEmpty { return try clone() }
            let shell = try exteriorRing
            let s = try shell.isCounterClockwise == exteriorCounterClockwise ? shell : try shell.reversed()
            let holes = try interiorRings.map { h in
                try h.isCounterClockwise != exteriorCounterClockwise ? h : try h.reversed()
            }
            return try context.polygon(shell: s, holes: holes)
        case .multiPolygon, .geometryCollection:
            let t = try type
            return try context.collection(t, parts().map { try $0.orientingRings(exteriorCounterClockwise: exteriorCounterClockwise) })
        default:
            return try clone()
        }
    }

    /// A copy whose x and y values have gone through `body`, one coordinate sequence at a time.
    ///
    /// Each sequence is copied out once into an interleaved `x0, y0, x1, y1, …` buffer, which
    /// `body` rewrites in place (a coordinate transform, say), and the geometry is rebuilt with
    /// the same structure; z values are kept.
    ///
    /// ```swift
    /// let shifted = try geometry.transformedXY { xy in
    ///     for i in stride(from: 0, to: xy.count, by: 2) { xy[i] += 500_000 }
    /// }
    /// ```
    public func transformedXY(_ body: (UnsafeMutableBufferPointer<Double>) throws -> Void) throws -> Geometry {
        switch try type {
        case .point, .lineString, .linearRing:
            return try transformedSequence(body)
        case .polygon:
            if try isEmpty { return try clone() }
            let shell = try exteriorRing.transformedSequence(body)
            let holes = try interiorRings.map { try $0.transformedSequence(body) }
            return try context.polygon(shell: shell, holes: holes)
        case let t:
            return try context.collection(t, parts().map { try $0.transformedXY(body) })
        }
    }

    private func transformedSequence(_ body: (UnsafeMutableBufferPointer<Double>) throws -> Void) throws -> Geometry {
        let t = try type
        if try isEmpty { return try clone() }
        guard let seq = GEOSGeom_getCoordSeq_r(ctx, handle) else { throw context.failure("getCoordSeq") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(ctx, seq, &size) != 0 else { throw context.failure("CoordSeq_getSize") }
        let n = Int(size)
        let hasZ = GEOSGeom_getCoordinateDimension_r(ctx, handle) == 3
        var xy = [Double](repeating: 0, count: n * 2)
        var z: [Double] = []
        if hasZ {
            var xyz = [Double](repeating: 0, count: n * 3)
            guard GEOSCoordSeq_copyToBuffer_r(ctx, seq, &xyz, 1, 0) != 0 else { throw context.failure("CoordSeq_copyToBuffer") }
            z.reserveCapacity(n)
            for i in 0..<n {
                xy[2 * i] = xyz[3 * i]
                xy[2 * i + 1] = xyz[3 * i + 1]
                z.append(xyz[3 * i + 2])
            }
        } else {
            guard GEOSCoordSeq_copyToBuffer_r(ctx, seq, &xy, 0, 0) != 0 else { throw context.failure("CoordSeq_copyToBuffer") }
        }
        try xy.withUnsafeMutableBufferPointer { try body($0) }
        let newSeq: OpaquePointer?
        if hasZ {
            var xyz = [Double](repeating: 0, count: n * 3)
            for i in 0..<n {
                xyz[3 * i] = xy[2 * i]
                xyz[3 * i + 1] = xy[2 * i + 1]
                xyz[3 * i + 2] = z[i]
            }
            newSeq = GEOSCoordSeq_copyFromBuffer_r(ctx, xyz, size, 1, 0)
        } else {
            newSeq = GEOSCoordSeq_copyFromBuffer_r(ctx, xy, size, 0, 0)
        }
        guard let newSeq else { throw context.failure("CoordSeq_copyFromBuffer") }
        switch t {
        case .point: return try context.own(GEOSGeom_createPoint_r(ctx, newSeq), "createPoint")
        case .lineString: return try context.own(GEOSGeom_createLineString_r(ctx, newSeq), "createLineString")
        default: return try context.own(GEOSGeom_createLinearRing_r(ctx, newSeq), "createLinearRing")
        }
    }
}
