import CGEOS

extension Geometry {
    /// The part of the geometry inside the rectangle `envelope`, computed by GEOS's fast
    /// rectangle clipper (no general overlay).
    ///
    /// ```swift
    /// let window = Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10)
    /// let piece = try polygon.clipped(to: window)
    /// ```
    ///
    /// The result may be slightly invalid where the input was (GEOS does not repair it).
    /// - Throws: GEOS's message when clipping fails.
    public func clipped(to envelope: Envelope) throws -> Geometry {
        try context.own(GEOSClipByRect_r(ctx, handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY), "clipByRect")
    }
}

extension GEOSContext {
    /// A line string from interleaved x,y values (`[x0, y0, x1, y1, …]`), copied in one call.
    ///
    /// ```swift
    /// let line = try context.lineString(interleaved: [0, 0, 10, 0, 10, 10])
    /// ```
    /// - Throws: ``GEOSError/invalidCoordinates(_:)`` for an odd count, a single point, or a value that is not finite.
    public func lineString(interleaved xy: [Double]) throws -> Geometry {
        guard xy.count % 2 == 0, xy.count != 2 else {
            throw GEOSError.invalidCoordinates("a line string needs an even count of values and at least 2 points, got \(xy.count) values")
        }
        if let bad = xy.firstIndex(where: { !$0.isFinite }) {
            throw GEOSError.invalidCoordinates("lineString: value \(bad) (\(xy[bad])) is not a finite number")
        }
        guard let seq = GEOSCoordSeq_copyFromBuffer_r(handle, xy, UInt32(xy.count / 2), 0, 0) else {
            throw failure("createLineString")
        }
        return try own(GEOSGeom_createLineString_r(handle, seq), "createLineString")
    }
}
