import Foundation
import GEOSKit
import GeoFormats

/// Reads one survey file with the GeoFormats reader its extension calls for.
enum SurveyLayerReader {
    /// The layer in the file at `path`; CSV tables get point geometry from the profile's X/Y/H columns.
    static func read(_ path: String, profile: Profile, context: GEOSContext) throws -> FeatureLayer {
        let url = URL(fileURLWithPath: path)
        let ext = url.pathExtension.lowercased()
        do {
            switch ext {
            case "geojson", "json":
                return try GeoJSONReader().read(url, context: context)
            case "shp", "dbf", "shx":
                return try ShapefileReader().read(url.deletingPathExtension().appendingPathExtension("shp"), context: context)
            case "gpkg":
                return try GeoPackageReader().read(url, context: context)
            case "csv", "txt", "tsv":
                return try readCSV(url, profile: profile, context: context)
            default:
                throw SurveyLoadError(file: path, problem: "unknown file type \".\(ext)\"; quhua reads GeoJSON, Shapefile (.shp), GeoPackage (.gpkg) and CSV marker tables")
            }
        } catch let error as GeoFormatError {
            throw SurveyLoadError(file: error.file, feature: error.feature, problem: error.problem)
        }
    }

    private static func readCSV(_ url: URL, profile: Profile, context: GEOSContext) throws -> FeatureLayer {
        // Read the header first, with no geometry, to find the coordinate columns by the profile's names.
        let plain = try CSVReader(options: CSVReadOptions(geometry: .none)).read(url, context: context)
        let f = profile.fields
        guard let x = FieldMapping.pick(f.markerX, in: plain.fields), let y = FieldMapping.pick(f.markerY, in: plain.fields) else {
            throw SurveyLoadError(file: url.relativePath, problem:
                "no coordinate columns: looked for \(f.markerX.joined(separator: "/")) and \(f.markerY.joined(separator: "/")); the table has \(plain.fields.joined(separator: ", ")) (set fields.markerX and fields.markerY in the profile)")
        }
        let h = FieldMapping.pick(f.markerH, in: plain.fields)
        let columns: CSVReadOptions.GeometryColumns = profile.markers.axisOrder == "ne" ? .points(x: y, y: x, z: h) : .points(x: x, y: y, z: h)
        var options = CSVReadOptions(geometry: columns)
        options.keepGeometryColumns = true
        return try CSVReader(options: options).read(url, context: context)
    }
}
