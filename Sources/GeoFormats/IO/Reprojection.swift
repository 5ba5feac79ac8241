import CRS
import GEOSKit

extension FeatureLayer {
    /// The layer with every geometry transformed from `source` to `target`, and its CRS set to the target.
    ///
    /// ```swift
    /// let web = try layer.reprojected(from: .cgcs2000, to: .gcj02)
    /// ```
    ///
    /// - Parameters:
    ///   - source: the CRS the coordinates are in.
    ///   - target: the CRS to put them in.
    /// - Throws: ``GeoFormatError`` naming the layer, the feature and PROJ's or the zone check's complaint.
    public func reprojected(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws -> FeatureLayer {
        var result = self
        result.crs = target.identifier
        guard source != target else { return result }
        let transform: CoordinateTransform
        do {
            transform = try CoordinateTransform(from: source, to: target)
        } catch {
            throw GeoFormatError(file: name, problem: "cannot transform \(source) to \(target): \(error)")
        }
        for k in result.features.indices {
            guard let g = result.features[k].geometry else { continue }
            do {
                result.features[k].geometry = try transform.transform(g)
            } catch {
                throw GeoFormatError(file: name, feature: k + 1, problem: "cannot transform from \(source.quhuaName) to \(target.quhuaName): \(error)")
            }
        }
        return result
    }
}
