import CRS
import Foundation
import GeoFormats

/// The end of `convert` and `export`: put a layer in its output frame and write it, reporting on
/// the terminal. The decisions are GeoFormats' (``OutputFrame``); this only maps them to messages
/// and exit codes.
enum LayerOutput {
    /// The layer in its output frame (``OutputFrame/prepare(_:source:target:for:)``).
    ///
    /// - Parameter input: How the layer is named in messages (a file, "the gazetteer").
    static func reproject(_ layer: FeatureLayer, input: String, source: CoordinateReferenceSystem?,
                          target: CoordinateReferenceSystem?, for format: GeoFormat) throws -> FeatureLayer {
        do {
            return try OutputFrame.prepare(layer, source: source, target: target, for: format)
        } catch {
            switch error {
            case .unknownSource:
                Terminal.say("\(input) \(error); give --from-crs")
                throw ExitStatus.usage.exitCode
            case let .transform(failure):
                Terminal.say("\(input): \(failure)")
                throw ExitStatus.unreadableInput.exitCode
            }
        }
    }

    /// The layer as a Shapefile can hold it: its most common geometry kind, with a warning when
    /// features of other kinds are left out.
    static func oneGeometryKind(_ layer: FeatureLayer) -> FeatureLayer {
        let (kept, leftOut) = layer.keepingMostCommonGeometryKind()
        if leftOut > 0 {
            Terminal.say("warning: a Shapefile holds one geometry kind; \(leftOut) features of other kinds were left out (write a GeoPackage to keep them all)")
        }
        return kept
    }

    /// Writes the layer, reports warnings on standard error and a summary line on standard output.
    static func write(_ layer: FeatureLayer, to url: URL, format: GeoFormat, options: WriteOptions) throws {
        let report: WriteReport
        do {
            report = try format.writer.write(layer, to: url, options: options)
        } catch let error as GeoFormatError {
            Terminal.say("\(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
        for warning in report.warnings { Terminal.say("warning: \(warning)") }
        let frame = layer.crs.map { (try? CoordinateReferenceSystem(parsing: $0))?.quhuaName ?? $0 } ?? "unknown CRS"
        print("wrote \(layer.features.count) features to \(report.files.map(\.relativePath).joined(separator: ", ")) (\(format), \(frame))")
    }
}
