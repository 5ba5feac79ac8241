import CRS
import Foundation
import GeoFormats

/// The end of `convert` and `export`: put a layer in the wanted frame and write it.
enum LayerOutput {
    /// The layer in the target frame.
    ///
    /// The source is `source` when given, else the CRS the layer declares. Without a target,
    /// GeoJSON and KML get WGS 84 (GCJ-02 stays GCJ-02), other formats keep the source frame.
    static func reproject(_ layer: FeatureLayer, input: String, source sourceOverride: CoordinateReferenceSystem?,
                          target: CoordinateReferenceSystem?, for format: GeoFormat) throws -> FeatureLayer {
        var source = sourceOverride
        if source == nil, let declared = layer.crs {
            source = try? CoordinateReferenceSystem(parsing: declared)
        }
        var destination = target
        if destination == nil, format.prefersWGS84, let s = source, s != .wgs84, s != .gcj02 {
            destination = .wgs84
        }
        guard let destination else {
            var kept = layer
            if let source { kept.crs = source.identifier }
            return kept
        }
        guard let source else {
            Terminal.say("\(input) does not say which CRS it is in; give --from-crs to transform it to \(destination.quhuaName)")
            throw ExitStatus.usage.exitCode
        }
        do {
            return try layer.reprojected(from: source, to: destination)
        } catch let error as GeoFormatError {
            Terminal.say("\(input): \(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
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
