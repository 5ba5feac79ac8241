import CPROJ

extension CoordinateReferenceSystem {
    /// A flavour of Well-Known Text for a CRS definition.
    ///
    /// ```swift
    /// let prj = try CoordinateReferenceSystem.cgcs2000.wkt(.esri)   // for a Shapefile's .prj
    /// ```
    public enum WKTFlavor: Sendable, Hashable, CaseIterable {
        /// ESRI WKT1, as ArcGIS and QGIS expect in a Shapefile's `.prj` file.
        case esri
        /// OGC WKT1 as GDAL writes it, for the `definition` column of GeoPackage's `gpkg_spatial_ref_sys`.
        case wkt1
        /// WKT2:2019 (ISO 19162:2019), for the `definition_12_063` column of GeoPackage's `gpkg_crs_wkt` extension.
        case wkt2
    }

    /// The CRS definition as Well-Known Text on one line, as PROJ writes it from its EPSG database.
    ///
    /// ```swift
    /// let zone = try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108")
    /// let prj = try zone.wkt(.esri)   // PROJCS["CGCS2000_3_Degree_GK_CM_108E",…]
    /// let gpkg = try zone.wkt(.wkt1)  // PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 108E",…,AUTHORITY["EPSG","4545"]]
    /// ```
    ///
    /// - Parameter flavor: which WKT to write.
    /// - Throws: ``CRSError/noPROJDefinition(_:)`` for GCJ-02, which PROJ cannot describe (it is an
    ///   offset, not a datum; store such data with WGS84's definition and say GCJ-02 in metadata, or
    ///   transform it first); ``CRSError/projFailure(message:)`` when PROJ cannot build the definition.
    public func wkt(_ flavor: WKTFlavor) throws(CRSError) -> String {
        guard let definition = projDefinition else { throw .noPROJDefinition(identifier) }
        let context = try PROJContext()
        // The context must outlive every PROJ object made in it, including `crs` destroyed below.
        defer { withExtendedLifetime(context) {} }
        guard let crs = proj_create(context.handle, definition) else {
            throw context.failure("reading \(identifier) from PROJ's database")
        }
        defer { proj_destroy(crs) }
        let type: PJ_WKT_TYPE
        switch flavor {
        case .esri: type = PJ_WKT1_ESRI
        case .wkt1: type = PJ_WKT1_GDAL
        case .wkt2: type = PJ_WKT2_2019
        }
        // The returned text belongs to `crs` and lives until it is destroyed.
        let text = "MULTILINE=NO".withCString { option -> UnsafePointer<CChar>? in
            var options: [UnsafePointer<CChar>?] = [option, nil]
            return proj_as_wkt(context.handle, crs, type, &options)
        }
        guard let text else {
            throw context.failure("writing \(identifier) as \(flavor) WKT", object: crs)
        }
        return String(cString: text)
    }
}
