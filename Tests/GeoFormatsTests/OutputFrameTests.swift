import CRS
import Foundation
import GEOSKit
import Testing
import GeoFormats

/// The output frame and the one-geometry-kind rule every face that writes layers shares.
@Suite struct OutputFrameTests {
    let zone = "CGCS2000-GK3-CM108"

    @Test func theFrameEachFormatIsWrittenIn() throws {
        let zone = try CoordinateReferenceSystem(parsing: self.zone)
        #expect(OutputFrame.destination(source: .cgcs2000, target: nil, format: .geoJSON) == .wgs84)
        #expect(OutputFrame.destination(source: zone, target: nil, format: .kml) == .wgs84)
        #expect(OutputFrame.destination(source: .gcj02, target: nil, format: .kmz) == nil)    // GCJ-02 stays GCJ-02
        #expect(OutputFrame.destination(source: zone, target: nil, format: .geoPackage) == nil)
        #expect(OutputFrame.destination(source: zone, target: .cgcs2000, format: .geoPackage) == .cgcs2000)
        #expect(OutputFrame.destination(source: nil, target: nil, format: .geoJSON) == nil)
    }

    @Test func aLayerIsMovedOnceAndNamedByItsFrame() throws {
        let context = try GEOSContext()
        let layer = FeatureLayer(name: "p", crs: zone, fields: [], features: [Feature(geometry: try context.geometry(wkt: "POINT (500000 3800000)"))])
        let wgs = try OutputFrame.prepare(layer, source: nil, target: nil, for: .geoJSON)
        #expect(wgs.crs == CoordinateReferenceSystem.wgs84.identifier)
        let point = try #require(try wgs.features[0].geometry?.envelope)
        #expect(abs(point.minX - 108) < 1e-6)   // the zone's central meridian
        #expect(point.minY > 34 && point.minY < 34.5)
        let kept = try OutputFrame.prepare(layer, source: nil, target: nil, for: .geoPackage)
        #expect(kept.crs == (try CoordinateReferenceSystem(parsing: zone)).identifier)

        var unknown = layer
        unknown.crs = nil
        #expect {
            _ = try OutputFrame.prepare(unknown, source: nil, target: .cgcs2000, for: .geoPackage)
        } throws: { error in
            guard case OutputFrameError.unknownSource(destination: .cgcs2000)? = error as? OutputFrameError else { return false }
            return "\(error)".contains("does not say which CRS it is in")
        }
    }

    @Test func aShapefileKeepsTheMostCommonGeometryKind() throws {
        let context = try GEOSContext()
        let wkts = ["POINT (0 0)", "MULTIPOINT ((1 1), (2 2))", "POINT (3 3)", "LINESTRING (0 0, 1 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))"]
        var features = try wkts.map { Feature(geometry: try context.geometry(wkt: $0)) }
        features.append(Feature(geometry: nil))
        let layer = FeatureLayer(name: "mixed", crs: nil, fields: [], features: features)
        let (kept, leftOut) = layer.keepingMostCommonGeometryKind()
        #expect(leftOut == 2)
        #expect(kept.features.count == 4)   // three point features and the one without geometry
        #expect(try kept.features.compactMap { try $0.geometry?.type } == [.point, .multiPoint, .point])
        #expect(FeatureLayer(name: "one", crs: nil, fields: [], features: Array(features.prefix(3))).keepingMostCommonGeometryKind().leftOut == 0)
    }
}
