import Foundation

/// The files of a survey delivery, given as files or folders.
///
/// A folder stands for the survey files directly inside it, in name order: GeoJSON (also
/// newline-delimited), Shapefile, GeoPackage, KML/KMZ, TopoJSON and CSV marker tables. Files
/// whose format could be anything (`.json`, `.txt`, `.zip`) are read only when named one by one.
///
/// ```swift
/// let inputs = try SurveyFolder.inputs(["GeoData/samples/clean"])   // divisions, lines, markers
/// ```
public enum SurveyFolder {
    /// The extensions read from a folder.
    public static let extensions: Set<String> = ["geojson", "geojsonl", "geojsons", "ndjson", "shp", "gpkg", "kml", "kmz", "topojson", "csv", "tsv"]

    /// The formats a survey file may be in, for messages.
    static let formatNames = "GeoJSON, Shapefile (.shp or a .zip bundle), GeoPackage (.gpkg), KML/KMZ, TopoJSON and CSV marker tables"

    /// The survey inputs of these paths: files as they are, folders expanded.
    ///
    /// - Throws: ``SurveyLoadError`` for a path that does not exist or a folder with no survey files.
    public static func inputs(_ paths: [String]) throws -> [SurveyInput] {
        try files(paths).map { SurveyInput(path: $0) }
    }

    /// The file paths of these paths: files as they are, folders expanded.
    ///
    /// - Throws: ``SurveyLoadError`` for a path that does not exist or a folder with no survey files.
    public static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw SurveyLoadError(file: path, problem: "no such file or folder")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            let found = names.filter { name in
                extensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased()) && !name.hasPrefix(".")
            }.sorted()
            if found.isEmpty {
                throw SurveyLoadError(file: path, problem: "the folder holds no survey files (.geojson, .shp, .gpkg, .kml, .kmz, .topojson, .csv …)")
            }
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }
}
