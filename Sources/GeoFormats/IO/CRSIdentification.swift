import CRS
import Foundation

/// Names the CRS a file's WKT (a `.prj`, a GeoPackage definition) describes, when it is one quhua knows.
///
/// An EPSG authority on the CRS itself is taken at its word; otherwise the CRS name is matched
/// against the names PROJ and ESRI give CGCS2000, its Gauss-Krüger zones, WGS 84 and Web
/// Mercator (ESRI `.prj` files carry no authority). quhua writes GCJ-02 data with WGS 84's
/// definition under the name `GCJ-02`, which is recognised here too.
///
/// ```swift
/// CRSIdentification.identify(wkt: #"PROJCS["CGCS2000_3_Degree_GK_CM_108E",…]"#)   // "EPSG:4545"
/// ```
public enum CRSIdentification {
    /// The CRS identifier (`EPSG:nnnn` or `GCJ-02`), or `nil` when the WKT names no CRS quhua knows.
    ///
    /// - Parameter wkt: WKT1 (OGC or ESRI) or WKT2 text.
    public static func identify(wkt: String) -> String? {
        let text = wkt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let open = text.firstIndex(where: { $0 == "[" || $0 == "(" }) else { return nil }
        // The CRS name: the first quoted string.
        guard let q1 = text[open...].firstIndex(of: "\"") else { return nil }
        let afterQ1 = text.index(after: q1)
        guard let q2 = text[afterQ1...].firstIndex(of: "\"") else { return nil }
        let name = String(text[afterQ1..<q2])
        if let code = topLevelEPSG(text), (try? CoordinateReferenceSystem(epsg: code)) != nil {
            return "EPSG:\(code)"
        }
        return identify(name: name)
    }

    /// The CRS identifier for a CRS name as PROJ, GDAL or ESRI write it, or `nil`.
    ///
    /// - Parameter name: for example `CGCS2000 / 3-degree Gauss-Kruger CM 108E` or `GCS_WGS_1984`.
    public static func identify(name: String) -> String? {
        let key = name.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        switch key {
        case "gcschinageodeticcoordinatesystem2000", "chinageodeticcoordinatesystem2000", "cgcs2000":
            return "EPSG:4490"
        case "gcswgs1984", "wgs84", "wgs1984":
            return "EPSG:4326"
        case "wgs1984webmercatorauxiliarysphere", "wgs84pseudomercator", "wgs1984webmercator", "webmercator":
            return "EPSG:3857"
        case "gcsgcj02", "gcj02":
            return "GCJ-02"
        default:
            break
        }
        // CGCS2000 Gauss-Krüger: ESRI "CGCS2000_3_Degree_GK_CM_108E", OGC "CGCS2000 / 3-degree Gauss-Kruger zone 36".
        var rest = Substring(key)
        guard rest.hasPrefix("cgcs2000") else { return nil }
        rest = rest.dropFirst("cgcs2000".count)
        var width = GaussKrugerZone.Width.sixDegree
        if rest.hasPrefix("3degree") {
            width = .threeDegree
            rest = rest.dropFirst("3degree".count)
        }
        if rest.hasPrefix("gausskruger") {
            rest = rest.dropFirst("gausskruger".count)
        } else if rest.hasPrefix("gk") {
            rest = rest.dropFirst(2)
        } else {
            return nil
        }
        if rest.hasPrefix("cm"), rest.hasSuffix("e"), let meridian = Double(rest.dropFirst(2).dropLast()),
           let zone = try? GaussKrugerZone(width: width, centralMeridian: meridian) {
            return "EPSG:\(zone.epsgCode(withZonePrefix: false))"
        }
        if rest.hasPrefix("zone"), let number = Int(rest.dropFirst(4)),
           let zone = try? GaussKrugerZone(width: width, number: number) {
            return "EPSG:\(zone.epsgCode(withZonePrefix: true))"
        }
        return nil
    }

    /// The longest WKT keyword `topLevelEPSG` looks for (`AUTHORITY`).
    private static let longestKeyword = 9

    /// The EPSG code of the outermost authority: the last `AUTHORITY["EPSG","n"]` (WKT1) or `ID["EPSG",n]` (WKT2)
    /// at nesting depth 1.

    static func topLevelEPSG(_ text: String) -> Int? {
        var depth = 0
        var inQuote = false
        var found: Int?
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" { inQuote.toggle() }
            if !inQuote {
                if c == "[" || c == "(" {
                    depth += 1
                    if depth == 2 {
                        // Look back for the keyword (at most a few letters: a damaged file can hold
                        // a megabyte of letters here, and building that word a letter at a time hung).
                        var j = i
                        while j > 0, i - j <= Self.longestKeyword, chars[j - 1].properties.isAlphabetic { j -= 1 }
                        let upper = String(String.UnicodeScalarView(chars[j..<i])).uppercased()
                        if upper == "AUTHORITY" || upper == "ID" {
                            var k = i + 1
                            var inner = ""
                            while k < chars.count, chars[k] != "]", chars[k] != ")" { inner.unicodeScalars.append(chars[k]); k += 1 }
                            let parts = inner.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
                            if parts.count >= 2, parts[0].uppercased() == "EPSG", let code = Int(parts[1]) { found = code }
                        }
                    }
                } else if c == "]" || c == ")" {
                    depth -= 1
                }
            }
            i += 1
        }
        return found
    }
}
