import GEOSKit

/// GeoJSON text one piece at a time, for answers built feature by feature (a page of an OGC API
/// collection, a single feature) rather than written to a file.
///
/// Geometries are written as RFC 7946 asks: exterior rings counter-clockwise, holes clockwise.
///
/// ```swift
/// let text = try GeoJSONText.geometry(wkb: stored.wkb, precision: 6)   // {"type":"MultiPolygon",…}
/// GeoJSONText.value(.string("重庆市"))                                    // "\"重庆市\""
/// ```
public enum GeoJSONText {
    /// The GeoJSON geometry object of a WKB geometry (ISO or extended WKB, either byte order).
    ///
    /// - Parameters:
    ///   - wkb: The geometry.
    ///   - precision: Decimal places of coordinates; all significant digits when `nil`.
    ///   - source: Names the geometry in errors (a table and row, a file and feature).
    /// - Throws: ``GeoFormatError`` when the WKB is malformed.
    public static func geometry(wkb: [UInt8], precision: Int? = nil, source: String = "WKB") throws -> String {
        var reader = WKBReader(bytes: wkb)
        let shape: Shape
        do { shape = try reader.read() } catch {
            throw GeoFormatError(file: source, problem: "malformed WKB: \(error)")
        }
        var text = ""
        GeoJSONGeometryText.append(shape.orientingRings(exteriorCounterClockwise: true), precision: precision, to: &text)
        return text
    }

    /// The GeoJSON geometry object of a GEOS geometry.
    ///
    /// - Throws: ``GeoFormatError`` when the geometry's coordinates cannot be read from GEOS.
    public static func geometry(_ geometry: Geometry, precision: Int? = nil, source: String = "geometry") throws -> String {
        do {
            var text = ""
            GeoJSONGeometryText.append(try Shape(geometry).orientingRings(exteriorCounterClockwise: true), precision: precision, to: &text)
            return text
        } catch {
            throw GeoFormatError(file: source, problem: "cannot write the geometry: \(error)")
        }
    }

    /// A property value as JSON.
    public static func value(_ value: PropertyValue) -> String {
        GeoJSONStreamWriter.json(value)
    }

    /// A string as a JSON string literal, escaped.
    public static func string(_ text: String) -> String {
        NumberText.jsonString(text)
    }

    /// A coordinate as GeoJSON writes it.
    public static func number(_ value: Double, precision: Int? = nil) -> String {
        NumberText.coordinate(value, precision: precision)
    }
}
