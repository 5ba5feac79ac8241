/// A coordinate reference system quhua works in: CGCS2000 and its Gauss-Krüger zones, WGS84, Web Mercator or GCJ-02.
///
/// Coordinates are always in longitude/latitude order (degrees) for the geographic
/// systems and easting/northing order (metres) for the projected ones, whatever axis
/// order the EPSG definition gives.
///
/// ```swift
/// let survey = try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108")
/// survey.epsgCode        // 4545
/// survey.identifier      // "EPSG:4545"
/// let web = CoordinateReferenceSystem.gcj02
/// web.epsgCode           // nil: GCJ-02 is not in the EPSG registry
/// ```
public enum CoordinateReferenceSystem: Sendable, Hashable, CustomStringConvertible {
    /// CGCS2000 geographic longitude/latitude, EPSG:4490.
    case cgcs2000
    /// A CGCS2000 Gauss-Krüger zone; with zone prefix the eastings carry the zone number in front.
    case cgcs2000GaussKruger(GaussKrugerZone, withZonePrefix: Bool)
    /// WGS84 geographic longitude/latitude, EPSG:4326.
    case wgs84
    /// WGS84 / Pseudo-Mercator as used by web maps, EPSG:3857.
    case webMercator
    /// GCJ-02, the offset frame of Chinese web maps; a quhua-defined frame on top of WGS84, not an EPSG CRS (see ``GCJ02``).
    case gcj02

    /// Creates the CRS with this EPSG code.
    ///
    /// ```swift
    /// let crs = try CoordinateReferenceSystem(epsg: 4524)   // CGCS2000 3° zone 36, with zone prefix
    /// ```
    ///
    /// - Parameter code: 4490, 4326, 3857 or a CGCS2000 Gauss-Krüger code 4491–4554.
    /// - Throws: ``CRSError/unknownCRS(_:)`` for any other code.
    public init(epsg code: Int) throws(CRSError) {
        switch code {
        case 4490: self = .cgcs2000
        case 4326: self = .wgs84
        case 3857: self = .webMercator
        default:
            guard let (zone, prefix) = GaussKrugerZone.fromEPSG(code) else {
                throw .unknownCRS("EPSG:\(code)")
            }
            self = .cgcs2000GaussKruger(zone, withZonePrefix: prefix)
        }
    }

    /// The EPSG code, or `nil` for GCJ-02.
    public var epsgCode: Int? {
        switch self {
        case .cgcs2000: return 4490
        case .wgs84: return 4326
        case .webMercator: return 3857
        case .cgcs2000GaussKruger(let zone, let prefix): return zone.epsgCode(withZonePrefix: prefix)
        case .gcj02: return nil
        }
    }

    /// A stable identifier that ``init(parsing:)`` reads back: `EPSG:nnnn`, or `GCJ-02`.
    public var identifier: String {
        if let code = epsgCode { return "EPSG:\(code)" }
        return "GCJ-02"
    }

    /// quhua's descriptive name, for example `CGCS2000-GK3-CM108` or `CGCS2000-GK3-Z36`; ``init(parsing:)`` reads it back.
    ///
    /// Zones without prefix are named by central meridian (`CM`), zones with prefix by
    /// zone number (`Z`), which is how each kind is usually referred to.
    public var quhuaName: String {
        switch self {
        case .cgcs2000: return "CGCS2000"
        case .wgs84: return "WGS84"
        case .webMercator: return "WebMercator"
        case .gcj02: return "GCJ-02"
        case .cgcs2000GaussKruger(let zone, let prefix):
            let width = "GK\(zone.width.rawValue)"
            return prefix ? "CGCS2000-\(width)-Z\(zone.number)" : "CGCS2000-\(width)-CM\(Int(zone.centralMeridian))"
        }
    }

    /// A human-readable name, for example `CGCS2000 / 3-degree Gauss-Kruger CM 108E (EPSG:4545)`.
    public var description: String {
        switch self {
        case .cgcs2000: return "CGCS2000 (EPSG:4490)"
        case .wgs84: return "WGS 84 (EPSG:4326)"
        case .webMercator: return "WGS 84 / Pseudo-Mercator (EPSG:3857)"
        case .gcj02: return "GCJ-02 (offset from WGS 84, no EPSG code)"
        case .cgcs2000GaussKruger(let zone, let prefix):
            let width = "\(zone.width.rawValue)-degree Gauss-Kruger"
            let which = prefix ? "zone \(zone.number)" : "CM \(Int(zone.centralMeridian))E"
            return "CGCS2000 / \(width) \(which) (EPSG:\(zone.epsgCode(withZonePrefix: prefix)))"
        }
    }

    /// Whether coordinates are longitude/latitude in degrees (CGCS2000, WGS84, GCJ-02) rather than metres.
    public var isGeographic: Bool {
        switch self {
        case .cgcs2000, .wgs84, .gcj02: return true
        case .webMercator, .cgcs2000GaussKruger: return false
        }
    }

    /// The Gauss-Krüger zone of a CGCS2000 zone CRS, or `nil` for any other CRS.
    public var gaussKrugerZone: GaussKrugerZone? {
        if case .cgcs2000GaussKruger(let zone, _) = self { return zone }
        return nil
    }

    /// The false easting in metres of a Gauss-Krüger CRS (with the zone number in front when prefixed), or `nil`.
    public var falseEasting: Double? {
        if case .cgcs2000GaussKruger(let zone, let prefix) = self { return zone.falseEasting(withZonePrefix: prefix) }
        return nil
    }

    /// The text PROJ understands for this CRS (`EPSG:nnnn`), or `nil` for GCJ-02.
    var projDefinition: String? {
        epsgCode.map { "EPSG:\($0)" }
    }
}

extension CoordinateReferenceSystem: Codable {
    /// Decodes a CRS from a string in any form ``init(parsing:)`` accepts.
    ///
    /// ```swift
    /// let crs = try JSONDecoder().decode(CoordinateReferenceSystem.self, from: Data(#""EPSG:4545""#.utf8))
    /// ```
    ///
    /// - Parameter decoder: the decoder to read from.
    /// - Throws: the decoder's errors, or a ``CRSError`` when the string names no CRS quhua knows.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    /// Encodes the CRS as its ``identifier`` string (`EPSG:nnnn` or `GCJ-02`).
    ///
    /// ```swift
    /// let json = try JSONEncoder().encode(CoordinateReferenceSystem.cgcs2000)   // "EPSG:4490"
    /// ```
    ///
    /// - Parameter encoder: the encoder to write to.
    /// - Throws: the encoder's errors.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}
