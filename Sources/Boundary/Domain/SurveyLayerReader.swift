import Foundation
import GEOSKit
import GeoFormats

/// Reads one survey file through ``GeoFormat/read(_:format:options:context:)``, the one way in
/// for every format: GeoJSON (also newline-delimited), Shapefile (also a `.zip` bundle),
/// GeoPackage, KML/KMZ, TopoJSON and CSV marker tables.
enum SurveyLayerReader {
    /// The layer in the file at `path`.
    ///
    /// CSV tables get point geometry from the profile's X/Y/H column names (swapped when the
    /// profile's marker axis order is northing-first); the header is read once, with the rows.
    ///
    /// - Parameter encoding: The text encoding of Shapefile DBF and CSV text; `nil` to use the
    ///   `.cpg` file or detect it.
    /// - Throws: ``SurveyLoadError`` naming the file, the feature and the problem.
    static func read(_ path: String, profile: Profile, encoding: TextEncoding?, context: GEOSContext) throws -> FeatureLayer {
        var url = URL(fileURLWithPath: path)
        // A Shapefile given by one of its other members is read from its .shp.
        if ["dbf", "shx", "prj", "cpg"].contains(url.pathExtension.lowercased()) {
            url = url.deletingPathExtension().appendingPathExtension("shp")
        }
        do {
            let format: GeoFormat
            do { format = try GeoFormat(url: url) } catch {
                throw SurveyLoadError(file: path, problem: "unknown file type \".\(url.pathExtension)\"; quhua reads \(SurveyFolder.formatNames)")
            }
            var options = ReadOptions(encoding: encoding)
            if format == .csv { options.csv = markerColumns(profile) }
            return try GeoFormat.read(url, format: format, options: options, context: context)
        } catch let error as GeoFormatError {
            throw SurveyLoadError(file: error.file, feature: error.feature, problem: error.problem)
        }
    }

    /// CSV options that take a marker's position from the profile's column names.
    private static func markerColumns(_ profile: Profile) -> CSVReadOptions {
        let f = profile.fields
        let northingFirst = profile.markers.axisOrder == "ne"
        var options = CSVReadOptions(geometry: .firstPoints(x: northingFirst ? f.markerY : f.markerX,
                                                             y: northingFirst ? f.markerX : f.markerY, z: f.markerH))
        options.keepGeometryColumns = true
        options.missingColumnsAdvice = "set fields.markerX and fields.markerY in the profile"
        return options
    }
}
