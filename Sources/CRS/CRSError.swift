/// An error from the CRS module, with a message a user can act on.
///
/// Every failure in this module — an unknown CRS name, a point outside a
/// Gauss-Krüger zone, a PROJ failure — is one of these cases. The
/// ``description`` says what went wrong and what to try instead.
///
/// ```swift
/// do {
///     let crs = try CoordinateReferenceSystem(parsing: "EPSG:9999")
/// } catch {
///     print(error)   // unknown CRS "EPSG:9999"; quhua knows …
/// }
/// ```
public enum CRSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text does not name a CRS quhua knows; the payload is the text as given.
    case unknownCRS(String)

    /// There is no CGCS2000 Gauss-Krüger zone with this number for this zone width (in degrees).
    case invalidZone(width: Int, number: Int)

    /// This meridian (in degrees east) is not the central meridian of a CGCS2000 zone of this width.
    case invalidCentralMeridian(width: Int, meridian: Double)

    /// No CGCS2000 Gauss-Krüger zone of this width covers this longitude (in degrees east).
    case longitudeOutsideZones(lon: Double, width: Int)

    /// The easting (in metres) does not carry a zone number in front, or carries one no zone has.
    case eastingWithoutZonePrefix(easting: Double)

    /// The easting (in metres) is too far from the false easting of this Gauss-Krüger CRS to belong to it.
    ///
    /// With a zone-prefixed CRS this nearly always means the eastings carry a different
    /// zone number, or none at all; without prefix, that they carry one.
    case eastingOutsideZone(easting: Double, crs: CoordinateReferenceSystem)

    /// The point's longitude (in degrees east) lies outside the domain of the zone (see ``GaussKrugerZone/longitudeDomain``).
    case pointOutsideZone(lon: Double, zone: GaussKrugerZone)

    /// The CRS has no PROJ definition (GCJ-02), so PROJ cannot describe it, for example as WKT.
    case noPROJDefinition(String)

    /// A coordinate buffer meant to hold x,y pairs holds an odd number of values.
    case oddCoordinateCount(Int)

    /// Two coordinate arrays meant to be paired have different lengths.
    case mismatchedCoordinateCounts(x: Int, y: Int)

    /// The point at this index (counting from 0) has a NaN or infinite coordinate.
    case invalidCoordinate(index: Int, x: Double, y: Double)

    /// PROJ reported a failure; the payload is PROJ's message with what quhua was doing.
    case projFailure(message: String)

    /// A description of the error a user can act on.
    public var description: String {
        switch self {
        case .unknownCRS(let text):
            return "unknown CRS \"\(text)\"; quhua knows CGCS2000 (EPSG:4490), WGS84 (EPSG:4326), "
                + "WebMercator (EPSG:3857), GCJ-02, the CGCS2000 3° Gauss-Krüger zones EPSG:4513–4554 "
                + "(for example CGCS2000-GK3-CM108 or CGCS2000-GK3-Z36) and the 6° zones EPSG:4491–4512 "
                + "(for example CGCS2000-GK6-CM111 or CGCS2000-GK6-Z19)"
        case .invalidZone(let width, let number):
            let range = GaussKrugerZone.Width(rawValue: width).map { "\($0.zoneNumbers.lowerBound)–\($0.zoneNumbers.upperBound)" } ?? "none"
            return "there is no CGCS2000 \(width)° Gauss-Krüger zone \(number); valid zone numbers are \(range)"
        case .invalidCentralMeridian(let width, let meridian):
            let hint: String
            if width == 3 {
                hint = "3° zones have central meridians 75, 78, …, 135 (multiples of 3)"
            } else if width == 6 {
                hint = "6° zones have central meridians 75, 81, …, 135 (6n − 3)"
            } else {
                hint = "zone widths are 3° or 6°"
            }
            return "\(format(meridian))°E is not the central meridian of a CGCS2000 \(width)° Gauss-Krüger zone; \(hint)"
        case .longitudeOutsideZones(let lon, let width):
            return "longitude \(format(lon))° is outside every CGCS2000 \(width)° Gauss-Krüger zone "
                + "(they cover about 73.5°E–136.5°E); check that the coordinates are longitude/latitude in degrees, longitude first"
        case .eastingWithoutZonePrefix(let easting):
            return "easting \(format(easting)) m has no zone number in front; zone-prefixed eastings look like "
                + "36 500 000 m (3° zone 36) or 19 500 000 m (6° zone 19); use a CRS without zone prefix instead"
        case .eastingOutsideZone(let easting, let crs):
            let falseEasting = crs.falseEasting.map { " (false easting \(format($0)) m)" } ?? ""
            return "easting \(format(easting)) m does not belong to \(crs)\(falseEasting); check the zone number "
                + "in front of the easting and whether the CRS should be the one with or without zone prefix"
        case .pointOutsideZone(let lon, let zone):
            let domain = zone.longitudeDomain
            return "longitude \(format(lon))° is outside \(zone), which quhua accepts from \(format(domain.lowerBound))° "
                + "to \(format(domain.upperBound))°; use the zone for this longitude "
                + "(GaussKrugerZone.zone(forLongitude:width:)) or check the coordinate order"
        case .noPROJDefinition(let name):
            return "\(name) is not a CRS PROJ knows (GCJ-02 is an offset frame, not a datum); "
                + "transform the data to WGS84 or CGCS2000 first"
        case .oddCoordinateCount(let count):
            return "an interleaved x,y buffer must hold an even number of values, but this one holds \(count)"
        case .mismatchedCoordinateCounts(let x, let y):
            return "the x and y arrays must have the same length, but x has \(x) values and y has \(y)"
        case .invalidCoordinate(let index, let x, let y):
            return "point \(index) (\(format(x)), \(format(y))) is not a finite coordinate; "
                + "remove empty or NaN coordinates before transforming"
        case .projFailure(let message):
            return "PROJ failed: \(message)"
        }
    }
}

/// A number in short, stable form for error messages (at most 9 decimals, trailing zeros dropped).
func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    var text = String(value)
    if text.contains("e") { return text }
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals > 9 {
            text = String(text[..<text.index(dot, offsetBy: 10)])
        }
    }
    return text
}
