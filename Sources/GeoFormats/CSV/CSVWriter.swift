import Foundation
import GEOSKit

/// Writes CSV tables: attributes, then the geometry as a WKT column or as X, Y (and H) columns for points.
///
/// Text is UTF-8 with a byte order mark (so that spreadsheets show Chinese correctly) or GBK
/// (`options.encoding`). Fields holding the delimiter, quotes or line breaks are quoted.
///
/// ```swift
/// var options = WriteOptions(precision: 3)
/// options.csvGeometry = .points(x: "X", y: "Y", z: "H")
/// try CSVWriter().write(markers, to: URL(fileURLWithPath: "markers.csv"), options: options)
/// ```
public struct CSVWriter: FeatureWriter, Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `layer` to `url`.
    ///
    /// - Throws: ``GeoFormatError`` naming the file, the feature and the problem (for example a
    ///   line in a points table, or text that has no GBK code).
    public func write(_ layer: FeatureLayer, to url: URL, options: WriteOptions) throws -> WriteReport {
        let file = url.relativePath
        let delimiter = options.csvDelimiter
        guard delimiter.isASCII, delimiter != "\"", !delimiter.isNewline else {
            throw GeoFormatError(file: file, problem: "the delimiter must be one ASCII character other than a quote or line break")
        }
        let hasZ = try layer.features.contains { try $0.geometry.map { try Shape($0).hasZ } ?? false }
        var header = layer.fields
        switch options.csvGeometry {
        case let .wkt(column): header.append(column)
        case let .points(x, y, z):
            header += [x, y]
            if hasZ, let z { header.append(z) }
        }
        for (k, name) in header.enumerated() where header[..<k].contains(name) {
            throw GeoFormatError(file: file, problem: "column \"\(name)\" would appear twice; rename the geometry columns")
        }
        let output = AtomicOutput()
        let out = try BufferedOutput(try output.temporary(for: url))
        func emit(_ line: String, number: Int?) throws {
            switch options.encoding {
            case .utf8: try out.write(line)
            default:
                let bytes: [UInt8]
                do {
                    bytes = try options.encoding.encode(line)
                } catch {
                    throw GeoFormatError(file: file, feature: number, problem: "text cannot be written in \(options.encoding): \(error.problem)")
                }
                try out.write(bytes)
            }
        }
        if options.encoding == .utf8 { try out.write([0xEF, 0xBB, 0xBF]) }
        try emit(header.map { Self.quoted($0, delimiter) }.joined(separator: String(delimiter)) + "\r\n", number: nil)
        for (k, feature) in layer.features.enumerated() {
            var cells = layer.fields.map { Self.quoted((feature.properties[$0] ?? .null).description, delimiter) }
            do {
                switch options.csvGeometry {
                case .wkt:
                    cells.append(Self.quoted(try feature.geometry.map { try $0.wkt(precision: options.precision) } ?? "", delimiter))
                case let .points(_, _, z):
                    if let g = feature.geometry, try !g.isEmpty {
                        guard case let .point(p) = try Shape(g) else {
                            throw GeoFormatError(file: file, feature: k + 1, problem: "a points table holds points, this is a \(try g.type); write a WKT column instead")
                        }
                        cells.append(NumberText.coordinate(p.xy[0], precision: options.precision))
                        cells.append(NumberText.coordinate(p.xy[1], precision: options.precision))
                        if hasZ, z != nil { cells.append(p.z.map { NumberText.coordinate($0[0], precision: options.precision) } ?? "") }
                    } else {
                        cells += ["", ""]
                        if hasZ, z != nil { cells.append("") }
                    }
                }
            } catch let e as GeoFormatError {
                throw e
            } catch {
                throw GeoFormatError(file: file, feature: k + 1, problem: "cannot write the geometry: \(error)")
            }
            try emit(cells.joined(separator: String(delimiter)) + "\r\n", number: k + 1)
        }
        try out.close()
        try output.commit()
        return WriteReport(files: [url])
    }

    static func quoted(_ text: String, _ delimiter: Character) -> String {
        guard text.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") || text.hasSuffix(" ") else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
