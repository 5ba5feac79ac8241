import Foundation
import GEOSKit

extension GeoJSONReader {
    /// Reads newline-delimited GeoJSON (GeoJSON text sequences, RFC 8142, or one feature per line).
    ///
    /// Blank lines and record separators (0x1E) are skipped; each other line must be one
    /// Feature or geometry. Problems name the line as the feature number.
    ///
    /// ```swift
    /// let layer = try GeoJSONReader().readSequence(URL(fileURLWithPath: "findings.geojsonl"), context: context)
    /// ```
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature (line) and the problem.
    public func readSequence(_ url: URL, context: GEOSContext) throws -> FeatureLayer {
        let data = try FileInput.contents(of: url)
        let file = url.relativePath
        var fields: [String] = []
        var seen = Set<String>()
        var features: [Feature] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.drop { $0 == 0x1E || $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }
            if trimmed.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let one: FeatureLayer
            do {
                one = try read(data: Data(trimmed), name: "", file: file, context: context)
            } catch var e as GeoFormatError {
                e.feature = lineNumber
                e.problem = "line \(lineNumber): " + e.problem
                throw e
            }
            for f in one.fields where seen.insert(f).inserted { fields.append(f) }
            features += one.features
        }
        return FeatureLayer(name: url.deletingPathExtension().lastPathComponent, crs: nil, fields: fields, features: features)
    }
}
