extension GaussKrugerZone {
    /// The 3° zone to measure in, in metres, around a longitude: the zone whose band contains it.
    ///
    /// 3° zones keep the projection's scale error below about 0.35‰ inside their band, which
    /// is why boundary surveys use them.
    ///
    /// ```swift
    /// try GaussKrugerZone.bestZone(for: 106.57).centralMeridian   // 108 (Chongqing)
    /// ```
    ///
    /// - Parameter longitude: degrees east, typically the centre of the data's extent.
    /// - Throws: ``CRSError/longitudeOutsideZones(lon:width:)`` west of 73.5°E or east of 136.5°E.
    public static func bestZone(for longitude: Double) throws(CRSError) -> GaussKrugerZone {
        try zone(forLongitude: longitude, width: .threeDegree)
    }

    /// The 3° zone to measure in for data spanning these longitudes: the zone of the middle longitude.
    ///
    /// ```swift
    /// try GaussKrugerZone.bestZone(forLongitudesFrom: 105.9, to: 107.2).number   // 36 (CM 108)
    /// ```
    ///
    /// - Parameters:
    ///   - west: the westernmost longitude of the data, degrees east.
    ///   - east: the easternmost longitude of the data, degrees east.
    /// - Throws: ``CRSError/longitudeOutsideZones(lon:width:)`` when the middle is outside every zone;
    ///   ``CRSError/pointOutsideZone(lon:zone:)`` when either end is outside that zone's domain (the
    ///   data is too wide to measure in one zone).
    public static func bestZone(forLongitudesFrom west: Double, to east: Double) throws(CRSError) -> GaussKrugerZone {
        let zone = try bestZone(for: (west + east) / 2)
        for end in [west, east] where !zone.longitudeDomain.contains(end) {
            throw .pointOutsideZone(lon: end, zone: zone)
        }
        return zone
    }
}

extension CoordinateTransform {
    /// A transform to a CRS in metres for measuring data around a longitude: the best 3° CGCS2000 zone, without zone prefix.
    ///
    /// For geographic data (CGCS2000, WGS84, GCJ-02) and Web Mercator the target is the 3° zone
    /// whose band contains `longitude` (``GaussKrugerZone/bestZone(for:)``). Data already in a
    /// Gauss-Krüger zone is in metres; the transform then keeps that zone and drops the zone
    /// prefix if there is one, so distances and areas come out the same.
    ///
    /// ```swift
    /// let metres = try CoordinateTransform.toMetres(from: .cgcs2000, aroundLongitude: 106.57)
    /// metres.target.epsgCode   // 4545 (CGCS2000 3° CM 108E)
    /// var line = [106.57, 29.56, 106.58, 29.56]
    /// try metres.transform(&line)   // now eastings/northings in metres
    /// ```
    ///
    /// - Parameters:
    ///   - source: the CRS of the data.
    ///   - longitude: degrees east, typically the middle of the data's extent; ignored for Gauss-Krüger sources.
    /// - Throws: ``CRSError/longitudeOutsideZones(lon:width:)`` when no zone covers the longitude;
    ///   otherwise as ``init(from:to:)``.
    public static func toMetres(
        from source: CoordinateReferenceSystem, aroundLongitude longitude: Double
    ) throws(CRSError) -> CoordinateTransform {
        if case .cgcs2000GaussKruger(let zone, _) = source {
            return try CoordinateTransform(from: source, to: .cgcs2000GaussKruger(zone, withZonePrefix: false))
        }
        let zone = try GaussKrugerZone.bestZone(for: longitude)
        return try CoordinateTransform(from: source, to: .cgcs2000GaussKruger(zone, withZonePrefix: false))
    }
}
