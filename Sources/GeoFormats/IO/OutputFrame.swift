import CRS
import Foundation

/// The coordinate frame a layer is written in, decided the same way for every face that writes
/// layers (`convert`, `export`, the service's downloads).
///
/// A target the user names wins. Without one, GeoJSON and KML get WGS 84 longitude/latitude —
/// RFC 7946 and KML know no other frame — except GCJ-02 layers, which stay GCJ-02 (moving them
/// would take the offset back out). Other formats keep the layer's own frame.
///
/// ```swift
/// let ready = try OutputFrame.prepare(layer, source: nil, target: nil, for: .kml)   // CGCS2000 → WGS 84
/// ```
public enum OutputFrame {
    /// The CRS a layer in `source` is written in for `format`; `nil` to keep it as it is.
    public static func destination(source: CoordinateReferenceSystem?, target: CoordinateReferenceSystem?,
                                   format: GeoFormat) -> CoordinateReferenceSystem? {
        if let target { return target }
        if format.prefersWGS84, let source, source != .wgs84, source != .gcj02 { return .wgs84 }
        return nil
    }

    /// The layer in its output frame, with its `crs` naming that frame.
    ///
    /// - Parameters:
    ///   - source: The layer's CRS when the file does not say (or says wrong); `nil` to use what
    ///     the layer declares.
    ///   - target: The CRS the user asked for, if any.
    /// - Throws: ``OutputFrameError/unknownSource(destination:)`` when the layer must be
    ///   transformed but nothing says which CRS it is in; ``OutputFrameError/transform(_:)``
    ///   naming the feature whose coordinates cannot be transformed.
    public static func prepare(_ layer: FeatureLayer, source sourceOverride: CoordinateReferenceSystem?,
                               target: CoordinateReferenceSystem?, for format: GeoFormat) throws(OutputFrameError) -> FeatureLayer {
        var source = sourceOverride
        if source == nil, let declared = layer.crs { source = try? CoordinateReferenceSystem(parsing: declared) }
        guard let destination = destination(source: source, target: target, format: format) else {
            var kept = layer
            if let source { kept.crs = source.identifier }
            return kept
        }
        guard let source else { throw .unknownSource(destination: destination) }
        do {
            return try layer.reprojected(from: source, to: destination)
        } catch let error as GeoFormatError {
            throw .transform(error)
        } catch {
            throw .transform(GeoFormatError(file: "", problem: "\(error)"))
        }
    }
}

/// Why a layer cannot be put in its output frame.
public enum OutputFrameError: Error, Sendable, CustomStringConvertible {
    /// The layer must be transformed to `destination`, but nothing says which CRS it is in.
    case unknownSource(destination: CoordinateReferenceSystem)
    /// A coordinate could not be transformed.
    case transform(GeoFormatError)

    /// The problem in words, to follow the layer's name in a message.
    public var description: String {
        switch self {
        case let .unknownSource(destination): return "does not say which CRS it is in, so it cannot be transformed to \(destination.quhuaName)"
        case let .transform(error): return "\(error)"
        }
    }
}

extension FeatureLayer {
    /// The layer with only the features of its most common geometry kind (point, line, polygon,
    /// collection) and those without geometry, for formats that hold one kind (Shapefile), and
    /// how many were left out.
    public func keepingMostCommonGeometryKind() -> (layer: FeatureLayer, leftOut: Int) {
        func kind(_ feature: Feature) -> Int? {
            guard let type = try? feature.geometry?.type else { return nil }
            switch type {
            case .point, .multiPoint: return 0
            case .lineString, .linearRing, .multiLineString: return 1
            case .polygon, .multiPolygon: return 2
            case .geometryCollection: return 3
            }
        }
        let kinds = features.map(kind)
        var counts: [Int: Int] = [:]
        for k in kinds { if let k { counts[k, default: 0] += 1 } }
        // The most common kind; on a tie the lower one (points before lines before polygons), so the answer does not depend on hashing.
        guard counts.count > 1, let keep = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else {
            return (self, 0)
        }
        var result = self
        result.features = zip(features, kinds).filter { $0.1 == nil || $0.1 == keep }.map(\.0)
        return (result, features.count - result.features.count)
    }
}
