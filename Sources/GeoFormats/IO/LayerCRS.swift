import CRS
import Foundation

/// The CRS facts writers need: parsed from a layer's CRS text, with the WKT a format stores.
struct LayerCRS {
    /// The CRS, when the layer's text names one quhua knows.
    let crs: CoordinateReferenceSystem?
    /// The layer's CRS text as given.
    let text: String?

    init(_ text: String?) {
        self.text = text
        self.crs = text.flatMap { try? CoordinateReferenceSystem(parsing: $0) }
    }

    /// The `.prj` text (ESRI WKT1); GCJ-02 is written as WGS 84 under the name `GCS_GCJ_02`.
    func prj() throws -> String? {
        guard let crs else { return nil }
        if crs == .gcj02 {
            let wgs = try Self.wkt(.wgs84, .esri)
            return wgs.replacingOccurrences(of: "GEOGCS[\"GCS_WGS_1984\"", with: "GEOGCS[\"GCS_GCJ_02\"")
        }
        return try Self.wkt(crs, .esri)
    }

    /// The row for `gpkg_spatial_ref_sys`: GeoPackage SRS id, name, organisation, its code and the WKT1 definition.
    func geoPackageSRS(geographicHint: Bool) throws -> (id: Int32, name: String, organization: String, code: Int32, definition: String, description: String) {
        guard let crs else {
            return geographicHint
                ? (0, "Undefined geographic SRS", "NONE", 0, "undefined", "undefined geographic coordinate reference system")
                : (-1, "Undefined cartesian SRS", "NONE", -1, "undefined", "undefined cartesian coordinate reference system")
        }
        if crs == .gcj02 {
            let wgs = try Self.wkt(.wgs84, .wkt1)
            let definition = wgs.replacingOccurrences(of: "GEOGCS[\"WGS 84\"", with: "GEOGCS[\"GCJ-02\"")
            return (990002, "GCJ-02", "QUHUA", 2, definition,
                    "GCJ-02, the offset frame of Chinese web maps: WGS 84 longitude/latitude shifted by the public GCJ-02 formula")
        }
        guard let code = crs.epsgCode else { throw GeoFormatError(file: "", problem: "\(crs) has no EPSG code") }
        let definition = try Self.wkt(crs, .wkt1)
        return (Int32(code), Self.name(of: definition) ?? crs.description, "EPSG", Int32(code), definition, crs.description)
    }

    /// The legacy GeoJSON `crs` member's name, or `nil` for WGS 84 (the RFC 7946 default) and unknown CRSs.
    var geoJSONName: String? {
        guard let code = crs?.epsgCode, code != 4326 else { return nil }
        return "urn:ogc:def:crs:EPSG::\(code)"
    }

    static func wkt(_ crs: CoordinateReferenceSystem, _ flavor: CoordinateReferenceSystem.WKTFlavor) throws -> String {
        do {
            return try crs.wkt(flavor)
        } catch {
            throw GeoFormatError(file: "", problem: "cannot describe \(crs) as WKT: \(error)")
        }
    }

    /// The first quoted name in WKT.
    static func name(of wkt: String) -> String? {
        guard let q1 = wkt.firstIndex(of: "\"") else { return nil }
        let rest = wkt[wkt.index(after: q1)...]
        guard let q2 = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<q2])
    }
}
