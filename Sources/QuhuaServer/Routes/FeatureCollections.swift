import Foundation
import GEOSKit
import Gazetteer
import Publishing

/// The OGC API feature collections the server offers, and reading pages of them.
struct FeatureCollections {
    static let crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"

    /// A collection's description.
    struct Info {
        var id: String
        var title: String
        var description: String
        var extent: Envelope?
        var temporal: (start: String?, end: String?)?
        /// Query parameters besides the common ones.
        var filters: Set<String>
    }

    let services: QuhuaServices

    /// Every collection, in the order listed.
    ///
    /// - Parameter extents: Whether to compute the spatial extents (a query over the stored
    ///   boundaries); the items routes only need the ids and filters.
    func all(extents: Bool = true) throws -> [Info] {
        var list = [Info(
            id: "divisions", title: "Administrative divisions",
            description: "The gazetteer's divisions with stored boundaries, as they were on the day of datetime (today by default): code, name, level and parent of that day. The feature id is the place id, stable across renames and recodes.",
            extent: extents ? try services.store.divisionShapesExtent() : nil, temporal: ("1981-01-01", nil), filters: ["level", "parent"])]
        if let survey = services.survey {
            list.append(Info(id: "boundary-lines", title: "Boundary lines",
                             description: "The boundary lines of the served survey (\(survey.source)), delivered in \(survey.deliveredCRS).",
                             extent: extents ? Self.extent(survey.lines) : nil, temporal: nil, filters: []))
            list.append(Info(id: "markers", title: "Boundary markers (界桩)",
                             description: "The boundary markers of the served survey (\(survey.source)).",
                             extent: extents ? Self.extent(survey.markers) : nil, temporal: nil, filters: []))
        }
        if services.register != nil {
            list.append(Info(id: "register-lines", title: "Boundary lines under care",
                             description: "The lines of the upkeep register in force on the day of datetime (today by default): level, the divisions on each side, the agreement, the last joint inspection.",
                             extent: extents ? Self.extent(try registerFeatures("register-lines", day: .today)) : nil,
                             temporal: nil, filters: []))
            list.append(Info(id: "register-markers", title: "Boundary markers under care (界桩)",
                             description: "The markers of the upkeep register standing on the day of datetime (today by default), where they stood that day, with the latest patrol condition and whether a patrol is overdue.",
                             extent: extents ? Self.extent(try registerFeatures("register-markers", day: .today)) : nil,
                             temporal: nil, filters: []))
        }
        return list
    }

    /// The collection with this id.
    ///
    /// - Parameter extents: Whether to compute its spatial extent.
    /// - Throws: ``Problem`` 404 for an unknown collection.
    func info(_ id: String, extents: Bool = true) throws -> Info {
        let list = try all(extents: extents)
        guard let info = list.first(where: { $0.id == id }) else {
            let known = list.map(\.id).joined(separator: ", ")
            throw Problem(.notFound, "Not found", detail: "no collection “\(id)”; collections: \(known)")
        }
        return info
    }

    /// A page of a collection's features.
    func page(_ id: String, day: Day, bbox: Envelope?, level: PlaceLevel?, parent: String?, offset: Int, limit: Int) throws -> PublishedPage {
        switch id {
        case "divisions":
            let query = DivisionShapeQuery(day: day, bbox: bbox, level: level, parentCode: parent, offset: offset, limit: limit)
            return try DivisionCollection(store: services.store).page(query)
        default:
            let matching = try features(id, day: day).filter { feature in
                guard let bbox else { return true }
                guard let e = feature.envelope else { return false }
                return e.maxX >= bbox.minX && e.minX <= bbox.maxX && e.maxY >= bbox.minY && e.minY <= bbox.maxY
            }
            let start = min(offset, matching.count), end = min(start + limit, matching.count)
            return PublishedPage(matched: matching.count, features: Array(matching[start..<end]))
        }
    }

    /// One feature by id.
    ///
    /// - Throws: ``Problem`` 404 when there is none.
    func feature(_ id: String, featureID: String, day: Day) throws -> PublishedFeature {
        let found: PublishedFeature?
        switch id {
        case "divisions":
            found = try Int64(featureID).flatMap { try DivisionCollection(store: services.store).feature(placeID: $0, day: day) }
        default:
            found = try features(id, day: day).first { $0.id == featureID }
        }
        guard let found else {
            throw Problem(.notFound, "Not found", detail: "collection \(id) has no feature “\(featureID)”"
                          + (id == "divisions" ? " with a boundary on \(day)" : id.hasPrefix("register-") ? " on \(day)" : ""))
        }
        return found
    }

    /// The features of a survey or register collection (the register's as of `day`).
    private func features(_ id: String, day: Day) throws -> [PublishedFeature] {
        id.hasPrefix("register-") ? try registerFeatures(id, day: day) : try surveyFeatures(id)
    }

    private func registerFeatures(_ id: String, day: Day) throws -> [PublishedFeature] {
        guard let register = services.register else { _ = try info(id, extents: false); return [] }
        switch id {
        case "register-lines": return try register.lines(on: day)
        case "register-markers": return try register.markers(on: day)
        default: _ = try info(id, extents: false); return []
        }
    }

    private func surveyFeatures(_ id: String) throws -> [PublishedFeature] {
        guard let survey = services.survey else { _ = try info(id, extents: false); return [] }
        switch id {
        case "boundary-lines": return survey.lines
        case "markers": return survey.markers
        default: _ = try info(id, extents: false); return []
        }
    }

    static func extent(_ features: [PublishedFeature]) -> Envelope? {
        features.compactMap(\.envelope).reduce(nil) { box, e in
            guard let box else { return e }
            return Envelope(minX: min(box.minX, e.minX), minY: min(box.minY, e.minY), maxX: max(box.maxX, e.maxX), maxY: max(box.maxY, e.maxY))
        }
    }
}
