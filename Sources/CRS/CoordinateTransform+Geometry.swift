import GEOSKit

extension CoordinateTransform {
    /// Transforms a GEOS geometry, returning a new geometry in the target CRS with the same structure.
    ///
    /// Each coordinate sequence (a point, a line, one ring) is copied out of GEOS once, goes
    /// through PROJ in one `proj_trans_generic` call per PROJ stage, and is rebuilt; z values are
    /// kept as they are. The zone checks of ``transform(x:y:)`` apply to every vertex. The result
    /// lives in the same ``GEOSContext`` as the input and carries the target's EPSG code as its
    /// SRID (0 for GCJ-02).
    ///
    /// ```swift
    /// let geos = try GEOSContext()
    /// let parcel = try geos.geometry(wkt: "POLYGON ((106.57 29.56, 106.58 29.56, 106.58 29.57, 106.57 29.56))")
    /// let metres = try CoordinateTransform.toMetres(from: .cgcs2000, aroundLongitude: 106.57)
    /// let area = try metres.transform(parcel).area   // square metres in CGCS2000 3° CM 108E
    /// ```
    ///
    /// - Parameter geometry: a geometry whose coordinates are in ``source``.
    /// - Returns: a new geometry whose coordinates are in ``target``.
    /// - Throws: a ``CRSError`` when a vertex cannot be transformed (outside a zone's domain,
    ///   PROJ failure, NaN coordinate); a `GEOSError` when GEOS cannot read or rebuild the geometry.
    public func transform(_ geometry: Geometry) throws -> Geometry {
        let result = try geometry.transformedXY { (xy: UnsafeMutableBufferPointer<Double>) throws in
            try self.transform(interleaved: xy)
        }
        result.srid = Int32(target.epsgCode ?? 0)
        return result
    }
}
