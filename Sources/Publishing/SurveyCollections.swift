import CRS
import Foundation
import Boundary
import GEOSKit
import GeoFormats

/// A survey's boundary lines and markers as two feature collections in longitude/latitude
/// (CRS84), read once from the delivery's files (any format and CRS the survey loader reads).
///
/// Line ids are the survey's line ids (`0005`); marker ids are their numbers with the type
/// letter when they have one (`0004-001`). Ids that repeat in a delivery get `#2`, `#3` … so that
/// every feature can be fetched by its id.
///
/// ```swift
/// let survey = try SurveyCollections(paths: ["GeoData/samples/inspection/after"])
/// survey.lines.count     // 19
/// survey.marker(id: "0004-001")?.envelope
/// ```
public struct SurveyCollections: Sendable {
    /// Where the survey was read from.
    public let source: String
    /// The boundary lines.
    public let lines: [PublishedFeature]
    /// The markers.
    public let markers: [PublishedFeature]
    /// The CRS the survey was delivered in.
    public let deliveredCRS: String

    /// The properties of line features, in order.
    public static let lineFields = ["line_id", "left_code", "right_code", "length_m", "file", "feature"]
    /// The properties of marker features, in order.
    public static let markerFields = ["number", "type", "line_id", "elevation", "file", "feature"]

    /// Reads the survey in these files or folders.
    ///
    /// - Parameters:
    ///   - paths: Files, or folders holding the survey's files.
    ///   - profile: Field names and conventions of the delivery.
    ///   - precision: Decimal places of published coordinates (8: about 1 mm).
    /// - Throws: ``SurveyLoadError`` naming the file, the feature and the problem; a CRS error when
    ///   the survey cannot be transformed to longitude/latitude.
    public init(paths: [String], profile: Profile = .standard, precision: Int = 8) throws {
        let context = try GEOSContext()
        let survey = try SurveyLoader(profile: profile).load(try SurveyFolder.inputs(paths), context: context)
        let toLonLat = try CoordinateTransform(from: survey.metricCRS, to: .wgs84)
        func published(_ geometry: Geometry, id: String, properties: [(key: String, value: PropertyValue)]) throws -> PublishedFeature {
            let lonLat = try toLonLat.transform(geometry)
            return PublishedFeature(id: id, properties: properties,
                                    geometryJSON: try GeoJSONText.geometry(lonLat, precision: precision, source: id),
                                    envelope: try lonLat.envelope)
        }
        var ids = UniqueIDs()
        lines = try survey.lines.enumerated().map { index, line in
            let id = ids.make(line.id ?? line.codePair ?? "line-\(index + 1)")
            return try published(line.geometry, id: id, properties: [
                ("line_id", line.id.map(PropertyValue.string) ?? .null),
                ("left_code", line.leftCode.map(PropertyValue.string) ?? .null),
                ("right_code", line.rightCode.map(PropertyValue.string) ?? .null),
                ("length_m", .double((try line.geometry.length * 1000).rounded() / 1000)),
                ("file", .string(line.reference.layer)),
                ("feature", .integer(Int64(line.reference.index))),
            ])
        }
        ids = UniqueIDs()
        markers = try survey.markers.map { marker in
            let id = ids.make(marker.label)
            return try published(marker.position, id: id, properties: [
                ("number", .string(marker.number)),
                ("type", marker.type.isEmpty ? .null : .string(marker.type)),
                ("line_id", marker.lineID.map(PropertyValue.string) ?? .null),
                ("elevation", marker.elevation.map(PropertyValue.double) ?? .null),
                ("file", .string(marker.reference.layer)),
                ("feature", .integer(Int64(marker.reference.index))),
            ])
        }
        source = paths.joined(separator: ", ")
        deliveredCRS = survey.inputCRS.identifier
    }

    /// The line with this id.
    public func line(id: String) -> PublishedFeature? { lines.first { $0.id == id } }

    /// The marker with this id.
    public func marker(id: String) -> PublishedFeature? { markers.first { $0.id == id } }
}

/// Makes ids unique within a collection: the second `0005` becomes `0005#2`.
private struct UniqueIDs {
    private var counts: [String: Int] = [:]

    mutating func make(_ base: String) -> String {
        let count = (counts[base] ?? 0) + 1
        counts[base] = count
        return count == 1 ? base : "\(base)#\(count)"
    }
}
