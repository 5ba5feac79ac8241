extension CoordinateReferenceSystem {
    /// Creates a CRS from text a user typed or a file carried.
    ///
    /// Accepted forms (case, spaces, `-` and `_` in names do not matter):
    /// - EPSG codes: `EPSG:4490`, `4490`, `urn:ogc:def:crs:EPSG::4545`,
    ///   `http://www.opengis.net/def/crs/EPSG/0/4326`;
    /// - names: `CGCS2000`, `WGS84`, `CRS84` / `OGC:CRS84`, `GCJ-02` / `GCJ02`,
    ///   `WebMercator` / `Pseudo-Mercator` / `EPSG:900913`;
    /// - Gauss-Krüger zones: `CGCS2000-GK3-CM108` (3° zone by central meridian, without zone prefix),
    ///   `CGCS2000-GK3-Z36` (3° zone by number, with zone prefix), and the same with `GK6` for 6° zones.
    ///
    /// ```swift
    /// let a = try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108")   // EPSG:4545
    /// let b = try CoordinateReferenceSystem(parsing: "cgcs2000_gk3_z36")     // EPSG:4524
    /// let c = try CoordinateReferenceSystem(parsing: "GCJ02")                // .gcj02
    /// ```
    ///
    /// - Parameter text: the CRS as written.
    /// - Throws: ``CRSError/unknownCRS(_:)`` when the text names no CRS quhua knows;
    ///   ``CRSError/invalidCentralMeridian(width:meridian:)`` or ``CRSError/invalidZone(width:number:)``
    ///   when a Gauss-Krüger name has a meridian or zone number no CGCS2000 zone has.
    public init(parsing text: String) throws(CRSError) {
        let trimmed = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()).uppercased()
        if let code = Self.epsgCode(in: trimmed) {
            if code == 900913 {
                self = .webMercator
                return
            }
            do {
                try self.init(epsg: code)
            } catch {
                throw .unknownCRS(text)
            }
            return
        }
        let compact = String(trimmed.filter { $0 != " " && $0 != "-" && $0 != "_" })
        switch compact {
        case "CGCS2000", "CGCS2000GEOGRAPHIC", "CHINAGEODETICCOORDINATESYSTEM2000":
            self = .cgcs2000
        case "WGS84", "CRS84", "OGC:CRS84", "URN:OGC:DEF:CRS:OGC:1.3:CRS84", "URN:OGC:DEF:CRS:OGC::CRS84":
            self = .wgs84
        case "GCJ02", "GCJ", "MARS":
            self = .gcj02
        case "WEBMERCATOR", "PSEUDOMERCATOR", "WGS84PSEUDOMERCATOR", "SPHERICALMERCATOR":
            self = .webMercator
        default:
            guard let gk = try Self.gaussKruger(in: compact) else { throw .unknownCRS(text) }
            self = gk
        }
    }

    /// The EPSG code in `EPSG:nnnn`, `nnnn`, an OGC URN or an OGC `def/crs` URL, or `nil`.
    private static func epsgCode(in upper: String) -> Int? {
        var rest = Substring(upper)
        let prefixes = [
            "HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/", "HTTPS://WWW.OPENGIS.NET/DEF/CRS/EPSG/",
            "URN:OGC:DEF:CRS:EPSG:", "EPSG:", "EPSG",
        ]
        for prefix in prefixes where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            // A version part: "0/4326" in URLs, ":4326" or "9.8.15:4326" in URNs.
            if let separator = rest.lastIndex(where: { $0 == "/" || $0 == ":" }) {
                rest = rest[rest.index(after: separator)...]
            }
            break
        }
        rest = rest.drop { $0 == " " }
        guard !rest.isEmpty, rest.count <= 6, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(rest)
    }

    /// The Gauss-Krüger CRS in a compact name such as `CGCS2000GK3CM108` or `CGCS2000GK6Z19`, or `nil`.
    private static func gaussKruger(in compact: String) throws(CRSError) -> CoordinateReferenceSystem? {
        var rest = Substring(compact)
        guard rest.hasPrefix("CGCS2000GK") else { return nil }
        rest = rest.dropFirst("CGCS2000GK".count)
        let width: GaussKrugerZone.Width
        if rest.hasPrefix("3") {
            width = .threeDegree
        } else if rest.hasPrefix("6") {
            width = .sixDegree
        } else {
            return nil
        }
        rest = rest.dropFirst()
        if rest.hasPrefix("CM") {
            guard let meridian = Double(rest.dropFirst(2)), meridian.isFinite else { return nil }
            let zone = try GaussKrugerZone(width: width, centralMeridian: meridian)
            return .cgcs2000GaussKruger(zone, withZonePrefix: false)
        }
        if rest.hasPrefix("Z") {
            let digits = rest.dropFirst()
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(digits)
            else { return nil }
            let zone = try GaussKrugerZone(width: width, number: number)
            return .cgcs2000GaussKruger(zone, withZonePrefix: true)
        }
        return nil
    }
}
