import CRS
import Foundation
import GEOSKit
import GeoFormats

/// Validation findings as an error layer: one feature per finding at its location, for GIS
/// tools and exports (`quhua export findings`).
///
/// Reads what ``JSONReport`` writes (schemas `quhua.findings/1` and `quhua.validate/1`) and
/// the GeoJSON finding layers of ``GeoJSONReport``. Fields: `rule`, `severity`, `message`,
/// `value`, `tolerance`, `unit`, `features` (the features involved, as ``FeatureReference``
/// describes them: `layer #n (key name)`).
///
/// ```swift
/// let layer = try FindingsLayer.read(URL(fileURLWithPath: "report.json"), context: context)
/// try GeoPackageWriter().write(layer, to: URL(fileURLWithPath: "findings.gpkg"), options: WriteOptions())
/// ```
public enum FindingsLayer {
    /// The layer's fields, in order.
    public static let fields = ["rule", "severity", "message", "value", "tolerance", "unit", "features"]

    /// The findings in `url` as a layer named `findings`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the finding and the problem.
    public static func read(_ url: URL, context: GEOSContext) throws -> FeatureLayer {
        let file = url.relativePath
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GeoFormatError(file: file, problem: FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "no such file")
        }
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw GeoFormatError(file: file, problem: "not a findings report: the top level is not an object")
            }
            root = object
        } catch let e as GeoFormatError {
            throw e
        } catch {
            throw GeoFormatError(file: file, problem: "not valid JSON: \(error.localizedDescription)")
        }
        if root["type"] as? String == "FeatureCollection" {
            var layer = try GeoJSONReader().read(url, context: context)
            layer.name = "findings"
            return layer
        }
        guard let schema = root["schema"] as? String, schema == "quhua.findings/1" || schema == "quhua.validate/1" else {
            throw GeoFormatError(file: file, problem: "not a quhua findings report (expected schema quhua.findings/1 or quhua.validate/1, from quhua validate --format json)")
        }
        guard let items = root["findings"] as? [[String: Any]] else {
            throw GeoFormatError(file: file, problem: "the report has no \"findings\" list")
        }
        var features: [Feature] = []
        for (k, item) in items.enumerated() {
            var p: [String: PropertyValue] = [:]
            p["rule"] = (item["rule"] as? String).map(PropertyValue.string) ?? .null
            p["severity"] = (item["severity"] as? String).map(PropertyValue.string) ?? .null
            p["message"] = (item["message"] as? String).map(PropertyValue.string) ?? .null
            p["value"] = (item["value"] as? NSNumber).map { .double($0.doubleValue) } ?? .null
            p["tolerance"] = (item["tolerance"] as? NSNumber).map { .double($0.doubleValue) } ?? .null
            p["unit"] = (item["unit"] as? String).map(PropertyValue.string) ?? .null
            let refs = (item["features"] as? [[String: Any]] ?? []).map { ref in
                FeatureReference(layer: ref["layer"] as? String ?? "?", index: (ref["index"] as? NSNumber)?.intValue ?? 0,
                                 key: ref["key"] as? String, name: ref["name"] as? String).description
            }
            p["features"] = .string(refs.joined(separator: "; "))
            var geometry: Geometry?
            if let location = item["location"], !(location is NSNull) {
                do {
                    let json = try JSONSerialization.data(withJSONObject: location)
                    geometry = try context.geometry(geoJSON: String(decoding: json, as: UTF8.self))
                } catch {
                    throw GeoFormatError(file: file, feature: k + 1, problem: "the location is not a GeoJSON geometry: \(error)")
                }
            }
            features.append(Feature(id: .integer(Int64(k + 1)), properties: p, geometry: geometry))
        }
        let crs = (root["crs"] as? String).flatMap { try? CoordinateReferenceSystem(parsing: $0) }?.identifier
        return FeatureLayer(name: "findings", crs: crs, fields: fields, features: features,
                            fieldTypes: ["value": .real, "tolerance": .real])
    }
}
