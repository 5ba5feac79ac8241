/// A CGCS2000 Gauss-Krüger zone: a 3° or 6° band of longitude with its own transverse Mercator projection.
///
/// A 3° zone `n` has its central meridian at `3n`°E (zones 25–45, 75°E–135°E); a 6° zone `n`
/// has it at `6n − 3`°E (zones 13–23, 75°E–135°E). These are the zones with EPSG codes for
/// CGCS2000. Eastings carry a false easting of 500 000 m, and in the "with zone prefix" CRSs
/// also the zone number times 1 000 000 m in front (36 500 000 m is the central meridian of
/// 3° zone 36).
///
/// ```swift
/// let zone = try GaussKrugerZone.zone(forLongitude: 108.5, width: .threeDegree)
/// zone.number                          // 36
/// zone.centralMeridian                 // 108.0
/// zone.epsgCode(withZonePrefix: false) // 4545
/// ```
public struct GaussKrugerZone: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The width of a zone in degrees of longitude.
    ///
    /// ```swift
    /// GaussKrugerZone.Width.threeDegree.zoneNumbers   // 25...45
    /// ```
    public enum Width: Int, Sendable, Hashable, Codable, CaseIterable {
        /// 3° zones, used for large-scale surveys (1:500 to 1:10 000) and boundary work.
        case threeDegree = 3
        /// 6° zones, used for medium-scale mapping (1:25 000 to 1:500 000).
        case sixDegree = 6

        /// The zone numbers of CGCS2000 zones of this width that have EPSG codes.
        public var zoneNumbers: ClosedRange<Int> {
            switch self {
            case .threeDegree: return 25...45
            case .sixDegree: return 13...23
            }
        }

        /// The width in degrees, as a `Double`.
        public var degrees: Double { Double(rawValue) }
    }

    /// The zone width.
    public let width: Width

    /// The zone number (25–45 for 3° zones, 13–23 for 6° zones).
    public let number: Int

    /// Creates the zone with this width and number.
    ///
    /// ```swift
    /// let zone = try GaussKrugerZone(width: .sixDegree, number: 19)   // CM 111°E
    /// ```
    ///
    /// - Parameters:
    ///   - width: 3° or 6°.
    ///   - number: the zone number, 25–45 for 3° zones and 13–23 for 6° zones.
    /// - Throws: ``CRSError/invalidZone(width:number:)`` when no CGCS2000 zone has this number.
    public init(width: Width, number: Int) throws(CRSError) {
        guard width.zoneNumbers.contains(number) else {
            throw .invalidZone(width: width.rawValue, number: number)
        }
        self.width = width
        self.number = number
    }

    /// Creates the zone of this width whose central meridian is `centralMeridian` degrees east.
    ///
    /// ```swift
    /// let zone = try GaussKrugerZone(width: .threeDegree, centralMeridian: 108)   // zone 36
    /// ```
    ///
    /// - Parameters:
    ///   - width: 3° or 6°.
    ///   - centralMeridian: degrees east; a multiple of 3 for 3° zones, `6n − 3` for 6° zones, within 75–135.
    /// - Throws: ``CRSError/invalidCentralMeridian(width:meridian:)`` when no zone has this central meridian.
    public init(width: Width, centralMeridian: Double) throws(CRSError) {
        let number: Double
        switch width {
        case .threeDegree: number = centralMeridian / 3
        case .sixDegree: number = (centralMeridian + 3) / 6
        }
        guard number.isFinite, number == number.rounded(), width.zoneNumbers.contains(Int(number)) else {
            throw .invalidCentralMeridian(width: width.rawValue, meridian: centralMeridian)
        }
        self.width = width
        self.number = Int(number)
    }

    /// The central meridian of the zone in degrees east.
    public var centralMeridian: Double {
        switch width {
        case .threeDegree: return Double(3 * number)
        case .sixDegree: return Double(6 * number - 3)
        }
    }

    /// The band of longitudes the zone is made for: central meridian ± half the width.
    ///
    /// The band is half-open in principle (a longitude on the boundary belongs to the zone
    /// to the east), which is what ``zone(forLongitude:width:)`` follows.
    public var longitudeBand: ClosedRange<Double> {
        let half = width.degrees / 2
        return (centralMeridian - half)...(centralMeridian + half)
    }

    /// The longitudes quhua projects into this zone: the band plus a margin of half a zone width on each side.
    ///
    /// That is the central meridian ± 3° for 3° zones and ± 6° for 6° zones. The margin lets
    /// data that straddles a zone boundary (a boundary line, a county) stay in one zone, as
    /// survey practice does; beyond it the scale error of the projection grows quickly (about
    /// 1.4‰ at 3° and 5.5‰ at 6° from the central meridian at the equator), and a point
    /// that far away almost always means the wrong zone or swapped coordinates. A
    /// ``CoordinateTransform`` into or out of the zone throws
    /// ``CRSError/pointOutsideZone(lon:zone:)`` for longitudes outside this range.
    public var longitudeDomain: ClosedRange<Double> {
        (centralMeridian - width.degrees)...(centralMeridian + width.degrees)
    }

    /// The false easting in metres: 500 000 m, plus the zone number × 1 000 000 m with zone prefix.
    ///
    /// ```swift
    /// try GaussKrugerZone(width: .threeDegree, number: 36).falseEasting(withZonePrefix: true)   // 36_500_000
    /// ```
    ///
    /// - Parameter withZonePrefix: whether eastings carry the zone number in front.
    public func falseEasting(withZonePrefix: Bool) -> Double {
        500_000 + (withZonePrefix ? Double(number) * 1_000_000 : 0)
    }

    /// The EPSG code of the CGCS2000 projected CRS for this zone.
    ///
    /// ```swift
    /// let zone = try GaussKrugerZone(width: .threeDegree, number: 36)
    /// zone.epsgCode(withZonePrefix: true)    // 4524
    /// zone.epsgCode(withZonePrefix: false)   // 4545
    /// ```
    ///
    /// - Parameter withZonePrefix: `true` for the CRS whose eastings carry the zone number
    ///   (EPSG:4513–4533 for 3°, 4491–4501 for 6°), `false` for the one without
    ///   (EPSG:4534–4554 for 3°, 4502–4512 for 6°).
    public func epsgCode(withZonePrefix: Bool) -> Int {
        let offset = number - width.zoneNumbers.lowerBound
        switch (width, withZonePrefix) {
        case (.threeDegree, true): return 4513 + offset
        case (.threeDegree, false): return 4534 + offset
        case (.sixDegree, true): return 4491 + offset
        case (.sixDegree, false): return 4502 + offset
        }
    }

    /// The zone and prefix flag for a CGCS2000 Gauss-Krüger EPSG code, or `nil` for any other code.
    ///
    /// ```swift
    /// GaussKrugerZone.fromEPSG(4524)   // (3° zone 36, withZonePrefix: true)
    /// ```
    ///
    /// - Parameter code: an EPSG code such as 4545.
    public static func fromEPSG(_ code: Int) -> (zone: GaussKrugerZone, withZonePrefix: Bool)? {
        let tables: [(ClosedRange<Int>, Width, Bool)] = [
            (4491...4501, .sixDegree, true),
            (4502...4512, .sixDegree, false),
            (4513...4533, .threeDegree, true),
            (4534...4554, .threeDegree, false),
        ]
        for (codes, width, prefix) in tables where codes.contains(code) {
            let number = width.zoneNumbers.lowerBound + (code - codes.lowerBound)
            guard let zone = try? GaussKrugerZone(width: width, number: number) else { return nil }
            return (zone, prefix)
        }
        return nil
    }

    /// The zone of this width whose band contains the longitude.
    ///
    /// 3° zone `n` covers [3n − 1.5°, 3n + 1.5°), 6° zone `n` covers [6n − 6°, 6n°); a longitude
    /// on a zone boundary belongs to the zone to the east.
    ///
    /// ```swift
    /// try GaussKrugerZone.zone(forLongitude: 116.40, width: .threeDegree).number   // 39 (CM 117)
    /// try GaussKrugerZone.zone(forLongitude: 116.40, width: .sixDegree).number     // 20 (CM 117)
    /// ```
    ///
    /// - Parameters:
    ///   - longitude: degrees east.
    ///   - width: 3° or 6°.
    /// - Throws: ``CRSError/longitudeOutsideZones(lon:width:)`` when no CGCS2000 zone of this width covers it.
    public static func zone(forLongitude longitude: Double, width: Width) throws(CRSError) -> GaussKrugerZone {
        guard longitude.isFinite else { throw .longitudeOutsideZones(lon: longitude, width: width.rawValue) }
        let number: Double
        switch width {
        case .threeDegree: number = ((longitude + 1.5) / 3).rounded(.down)
        case .sixDegree: number = (longitude / 6).rounded(.down) + 1
        }
        guard Double(width.zoneNumbers.lowerBound) <= number, number <= Double(width.zoneNumbers.upperBound) else {
            throw .longitudeOutsideZones(lon: longitude, width: width.rawValue)
        }
        return try GaussKrugerZone(width: width, number: Int(number))
    }

    /// The zone named by the zone number in front of an easting.
    ///
    /// The zone number is the easting's millions: 36 500 000 m is in zone 36. The number range
    /// tells the widths apart: 13–23 are 6° zones, 25–45 are 3° zones.
    ///
    /// ```swift
    /// try GaussKrugerZone.zone(fromPrefixedEasting: 36_512_345.6)   // 3° zone 36
    /// try GaussKrugerZone.zone(fromPrefixedEasting: 19_480_000)     // 6° zone 19
    /// ```
    ///
    /// - Parameter easting: an easting in metres with the zone number in front.
    /// - Throws: ``CRSError/eastingWithoutZonePrefix(easting:)`` when the millions are not a zone
    ///   number (for example an easting of 512 345 m without prefix).
    public static func zone(fromPrefixedEasting easting: Double) throws(CRSError) -> GaussKrugerZone {
        guard easting.isFinite, easting >= 0 else { throw .eastingWithoutZonePrefix(easting: easting) }
        let prefix = (easting / 1_000_000).rounded(.down)
        guard prefix < 100 else { throw .eastingWithoutZonePrefix(easting: easting) }
        let number = Int(prefix)
        for width in Width.allCases where width.zoneNumbers.contains(number) {
            return try GaussKrugerZone(width: width, number: number)
        }
        throw .eastingWithoutZonePrefix(easting: easting)
    }

    /// A short description, for example `3° zone 36 (CM 108°E)`.
    public var description: String {
        "\(width.rawValue)° zone \(number) (CM \(Int(centralMeridian))°E)"
    }

    private enum CodingKeys: String, CodingKey { case width, number }

    /// Decodes a zone from its width and number, rejecting numbers no CGCS2000 zone has.
    ///
    /// ```swift
    /// let zone = try JSONDecoder().decode(GaussKrugerZone.self, from: Data(#"{"width":3,"number":36}"#.utf8))
    /// ```
    ///
    /// - Parameter decoder: the decoder to read from.
    /// - Throws: the decoder's errors, or ``CRSError/invalidZone(width:number:)`` for an unknown zone.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let width = try container.decode(Width.self, forKey: .width)
        let number = try container.decode(Int.self, forKey: .number)
        try self.init(width: width, number: number)
    }
}
