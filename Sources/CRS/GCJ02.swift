#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The GCJ-02 offset of Chinese web maps: the public WGS84 → GCJ-02 formula and its inverse.
///
/// GCJ-02 is not a datum but a deterministic, non-linear offset of up to several hundred
/// metres applied to WGS84 longitude/latitude inside China. quhua uses the widely
/// reimplemented public formula (as in "eviltransform"/"coordtransform": a Krasovsky-like
/// ellipsoid with a = 6 378 245 m and e² = 0.00669342162296594323). The inverse has no
/// closed form and is found by fixed-point iteration to better than 1e-9° (about 0.1 mm).
///
/// Inside China is the rectangle 72.004°E–137.8347°E, 0.8293°N–55.8271°N that those
/// implementations use (``isInsideChina(longitude:latitude:)``); outside it both directions
/// are the identity. The rectangle is coarse on purpose: it is what data produced by other
/// GCJ-02 tools was made with, so following it keeps round trips with them exact. It
/// also covers parts of neighbouring countries (Korea, Mongolia, northern Vietnam …),
/// which those tools offset too.
///
/// CGCS2000 and WGS84 agree to a few centimetres, far below the offset's own meaning, so a
/// ``CoordinateTransform`` treats them alike on the way to and from GCJ-02.
///
/// ```swift
/// let gcj = GCJ02.fromWGS84(longitude: 116.40, latitude: 39.90)   // (116.40624…, 39.90140…)
/// let wgs = GCJ02.toWGS84(longitude: gcj.longitude, latitude: gcj.latitude)
/// ```
public enum GCJ02 {
    /// The semi-major axis in metres of the ellipsoid the public formula uses.
    public static let semiMajorAxis = 6_378_245.0
    /// The squared eccentricity of the ellipsoid the public formula uses.
    public static let eccentricitySquared = 0.00669342162296594323

    /// The inverse stops when the step is below this many degrees (about 0.1 mm).
    public static let inverseTolerance = 1e-9
    /// The inverse never takes more than this many iterations; it converges in 5–10.
    public static let maximumInverseIterations = 30

    /// Whether the point is inside the rectangle where the GCJ-02 offset applies.
    ///
    /// The rectangle is 72.004°E–137.8347°E, 0.8293°N–55.8271°N, as in the common public
    /// implementations; outside it GCJ-02 equals WGS84.
    ///
    /// ```swift
    /// GCJ02.isInsideChina(longitude: 116.40, latitude: 39.90)   // true
    /// GCJ02.isInsideChina(longitude: 139.69, latitude: 35.69)   // false (Tokyo)
    /// ```
    ///
    /// - Parameters:
    ///   - longitude: degrees east.
    ///   - latitude: degrees north.
    public static func isInsideChina(longitude: Double, latitude: Double) -> Bool {
        longitude >= 72.004 && longitude <= 137.8347 && latitude >= 0.8293 && latitude <= 55.8271
    }

    /// Converts a WGS84 longitude/latitude to GCJ-02; the identity outside China.
    ///
    /// ```swift
    /// let p = GCJ02.fromWGS84(longitude: 116.40, latitude: 39.90)
    /// // p.longitude ≈ 116.406242784911, p.latitude ≈ 39.901403529849
    /// ```
    ///
    /// - Parameters:
    ///   - longitude: WGS84 (or CGCS2000) degrees east.
    ///   - latitude: WGS84 (or CGCS2000) degrees north.
    /// - Returns: the GCJ-02 longitude and latitude in degrees.
    public static func fromWGS84(longitude: Double, latitude: Double) -> (longitude: Double, latitude: Double) {
        guard isInsideChina(longitude: longitude, latitude: latitude) else { return (longitude, latitude) }
        let d = offset(longitude: longitude, latitude: latitude)
        return (longitude + d.longitude, latitude + d.latitude)
    }

    /// Converts a GCJ-02 longitude/latitude back to WGS84 by iteration; the identity outside China.
    ///
    /// The result `w` satisfies `fromWGS84(w) == gcj` to better than ``inverseTolerance``
    /// degrees, so a round trip is exact to well under a millimetre.
    ///
    /// ```swift
    /// let w = GCJ02.toWGS84(longitude: 116.406242784911, latitude: 39.901403529849)
    /// // w ≈ (116.40, 39.90)
    /// ```
    ///
    /// - Parameters:
    ///   - longitude: GCJ-02 degrees east.
    ///   - latitude: GCJ-02 degrees north.
    /// - Returns: the WGS84 longitude and latitude in degrees.
    public static func toWGS84(longitude: Double, latitude: Double) -> (longitude: Double, latitude: Double) {
        guard isInsideChina(longitude: longitude, latitude: latitude) else { return (longitude, latitude) }
        // Fixed point of w = g − offset(w): the offset changes slowly (its derivative is about
        // 1e-4), so each step gains about four digits.
        var lon = longitude
        var lat = latitude
        for _ in 0..<maximumInverseIterations {
            let forward = fromWGS84(longitude: lon, latitude: lat)
            let dLon = forward.longitude - longitude
            let dLat = forward.latitude - latitude
            lon -= dLon
            lat -= dLat
            if abs(dLon) < inverseTolerance && abs(dLat) < inverseTolerance { break }
        }
        return (lon, lat)
    }

    /// Converts interleaved WGS84 longitude,latitude pairs to GCJ-02 in place.
    ///
    /// ```swift
    /// var xy = [116.40, 39.90, 106.57, 29.56]
    /// xy.withUnsafeMutableBufferPointer { GCJ02.fromWGS84(interleaved: $0) }
    /// ```
    ///
    /// - Parameter buffer: longitude, latitude, longitude, latitude, … in degrees; a trailing odd value is left alone.
    public static func fromWGS84(interleaved buffer: UnsafeMutableBufferPointer<Double>) {
        var i = 0
        while i + 1 < buffer.count {
            let p = fromWGS84(longitude: buffer[i], latitude: buffer[i + 1])
            buffer[i] = p.longitude
            buffer[i + 1] = p.latitude
            i += 2
        }
    }

    /// Converts interleaved GCJ-02 longitude,latitude pairs to WGS84 in place.
    ///
    /// ```swift
    /// var xy = [116.406242784911, 39.901403529849]
    /// xy.withUnsafeMutableBufferPointer { GCJ02.toWGS84(interleaved: $0) }
    /// ```
    ///
    /// - Parameter buffer: longitude, latitude, longitude, latitude, … in degrees; a trailing odd value is left alone.
    public static func toWGS84(interleaved buffer: UnsafeMutableBufferPointer<Double>) {
        var i = 0
        while i + 1 < buffer.count {
            let p = toWGS84(longitude: buffer[i], latitude: buffer[i + 1])
            buffer[i] = p.longitude
            buffer[i + 1] = p.latitude
            i += 2
        }
    }

    /// The GCJ-02 offset in degrees at a WGS84 point, by the public formula.
    static func offset(longitude: Double, latitude: Double) -> (longitude: Double, latitude: Double) {
        let x = longitude - 105.0
        let y = latitude - 35.0
        var dLat = latitudeTerm(x, y)
        var dLon = longitudeTerm(x, y)
        let radLat = latitude / 180.0 * .pi
        var magic = sin(radLat)
        magic = 1 - eccentricitySquared * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic) * .pi)
        dLon = (dLon * 180.0) / (semiMajorAxis / sqrtMagic * cos(radLat) * .pi)
        return (dLon, dLat)
    }

    private static func latitudeTerm(_ x: Double, _ y: Double) -> Double {
        var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(y * .pi) + 40.0 * sin(y / 3.0 * .pi)) * 2.0 / 3.0
        r += (160.0 * sin(y / 12.0 * .pi) + 320.0 * sin(y * .pi / 30.0)) * 2.0 / 3.0
        return r
    }

    private static func longitudeTerm(_ x: Double, _ y: Double) -> Double {
        var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        r += (20.0 * sin(6.0 * x * .pi) + 20.0 * sin(2.0 * x * .pi)) * 2.0 / 3.0
        r += (20.0 * sin(x * .pi) + 40.0 * sin(x / 3.0 * .pi)) * 2.0 / 3.0
        r += (150.0 * sin(x / 12.0 * .pi) + 300.0 * sin(x / 30.0 * .pi)) * 2.0 / 3.0
        return r
    }
}
