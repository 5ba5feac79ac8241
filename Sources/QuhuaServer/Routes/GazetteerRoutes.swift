import Foundation
import GEOSKit
import Gazetteer
import GeoFormats
import Hummingbird
import Pinyin
import Publishing

/// The gazetteer API: search, type-ahead, places, history, tree, reverse lookup, romanisation.
/// Same semantics and ranking as the command line: each handler calls the library the CLI calls.
struct GazetteerRoutes {
    let services: QuhuaServices

    func register(_ routes: RouteRegistrar) {
        routes.get("/search") { request, _ in try search(request) }
        routes.get("/autocomplete") { request, _ in try autocomplete(request) }
        routes.get("/places/id/:id") { request, context in
            let text = try context.parameters.require("id")
            guard let id = Int64(text) else { throw Problem.badParameter("id", "a place id is a whole number, not “\(text)”") }
            return try place(request, placeID: id)
        }
        routes.get("/places/:ref") { request, context in try place(request, reference: try context.parameters.require("ref")) }
        routes.get("/places/:ref/attachments/:sha256") { request, context in
            try attachment(request, reference: try context.parameters.require("ref"), sha256: try context.parameters.require("sha256"))
        }
        routes.get("/places/:ref/history") { request, context in try history(request, reference: try context.parameters.require("ref")) }
        routes.get("/tree") { request, _ in try tree(request) }
        routes.get("/reverse") { request, _ in try reverse(request) }
        routes.get("/romanize") { request, _ in try romanize(request) }
    }

    private var baseURI: String { (services.configuration.publicURL ?? "urn:quhua:") + (services.configuration.publicURL == nil ? "place:" : "/places/id/") }

    // MARK: - Search

    private struct SearchAnswer: Encodable {
        var query: String
        var at: String?
        var results: [SearchHit]
    }

    private func searchQuery(_ query: QueryParameters, limit: Int) throws -> SearchQuery {
        let text = try query.required("q")
        return SearchQuery(text, level: try query.choice("level", PlaceLevel.self), within: try query.code("within"),
                           at: try query.day("at"), status: try query.choice("status", SearchQuery.Status.self) ?? .all, limit: limit)
    }

    private func search(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["q", "at", "level", "within", "status", "limit"])
        let search = try searchQuery(query, limit: try query.integer("limit", default: 20, range: 1...1000))
        let hits = try NameSearch(store: services.store).search(search)
        return try Reply.json(SearchAnswer(query: search.text, at: search.at?.description, results: hits))
    }

    private struct Suggestion: Encodable {
        var placeID: Int64
        var code: String?
        var name: String
        var level: PlaceLevel
        var label: String
        var matchedName: String
        var match: MatchKind
        var isCurrent: Bool
    }

    private func autocomplete(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["q", "limit", "at", "level", "within"])
        let search = try searchQuery(query, limit: try query.integer("limit", default: 10, range: 1...10))
        let suggestions = try NameSearch(store: services.store).search(search).map { hit in
            Suggestion(placeID: hit.placeID, code: hit.placeCode, name: hit.placeName, level: hit.level,
                       label: (hit.placeCode.map { "\($0) " } ?? "") + hit.placeName + (hit.matchedName != hit.placeName ? "（\(hit.matchedName)）" : ""),
                       matchedName: hit.matchedName, match: hit.match, isCurrent: hit.isCurrent)
        }
        struct Answer: Encodable { var query: String; var suggestions: [Suggestion] }
        return try Reply.json(Answer(query: search.text, suggestions: suggestions))
    }

    // MARK: - Places

    private struct PlaceAnswer: Encodable {
        var place: PlaceDetails
        var otherMatches: [PlaceSummary]
    }

    private func place(_ request: Request, reference: String) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["at", "f"])
        let day = try query.day("at")
        let lookup = PlaceLookup(store: services.store)
        var matches = try lookup.resolve(reference, at: day)
        if matches.isEmpty, day != nil { matches = try lookup.resolve(reference) }
        guard let first = matches.first else { throw GazetteerError.notFound("no place has the code or name “\(reference)”") }
        return try answer(request, query, placeID: first.id, day: day, others: Array(matches.dropFirst().prefix(20)))
    }

    private func place(_ request: Request, placeID: Int64) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["at", "f"])
        return try answer(request, query, placeID: placeID, day: try query.day("at"), others: [])
    }

    private func answer(_ request: Request, _ query: QueryParameters, placeID: Int64, day: Day?, others: [PlaceSummary]) throws -> Response {
        let details = try PlaceLookup(store: services.store).details(of: placeID, at: day)
        if try Representation.of(request, query, allowed: [.json, .lpf]) == .lpf {
            let context = try GEOSContext()
            let boundary = try LinkedPlaceRecord.boundary(of: placeID, at: day, store: services.store, context: context)
            let text = try LinkedPlacesWriter().document([LinkedPlaceRecord.make(details, baseURI: baseURI, geometry: boundary)], precision: 6)
            return Reply.text(text, contentType: "application/ld+json; charset=utf-8")
        }
        return try Reply.json(PlaceAnswer(place: details, otherMatches: others))
    }

    /// The bytes of an attachment of the place's record; 404 when the place has no attachment with that digest.
    private func attachment(_ request: Request, reference: String, sha256: String) throws -> Response {
        try QueryParameters(request).allowOnly([])
        let place = try PlaceLookup(store: services.store).resolveOne(reference)
        guard let content = try services.store.attachment(sha256: sha256, placeID: place.id) else {
            throw GazetteerError.notFound("\(place.label) has no attachment \(sha256)")
        }
        return Reply.bytes(content.data, contentType: content.mediaType, immutable: true)
    }

    private func history(_ request: Request, reference: String) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["f"])
        let place = try PlaceLookup(store: services.store).resolveOne(reference)
        let chain = try HistoryTracer(store: services.store).trace(placeID: place.id)
        if try Representation.of(request, query, allowed: [.json, .lpf]) == .lpf {
            let lookup = PlaceLookup(store: services.store)
            var ids = [chain.origin.id]
            for member in chain.members where !ids.contains(member.place.id) { ids.append(member.place.id) }
            let records = try ids.map { LinkedPlaceRecord.make(try lookup.details(of: $0), baseURI: baseURI) }
            return Reply.text(try LinkedPlacesWriter().document(records), contentType: "application/ld+json; charset=utf-8")
        }
        return try Reply.json(chain)
    }

    // MARK: - Tree, reverse, romanize

    private func tree(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["at", "root"])
        let tree = try DivisionTree(store: services.store, at: try query.day("at") ?? Day.today, rootCode: try query.code("root"))
        return try Reply.json(tree)
    }

    private func reverse(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["lon", "lat", "at"])
        let lon = try query.double("lon"), lat = try query.double("lat")
        guard (-180...180).contains(lon) else { throw Problem.badParameter("lon", "lon must be within ±180, not \(lon)") }
        guard (-90...90).contains(lat) else { throw Problem.badParameter("lat", "lat must be within ±90, not \(lat)") }
        let day = try query.day("at")
        return try Reply.json(try ReverseGeocoder(store: services.store).answer(longitude: lon, latitude: lat, at: day))
    }

    private func romanize(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["name", "tones"])
        let name = try query.required("name")
        guard name.count <= 100 else { throw Problem.badParameter("name", "a name of at most 100 characters, not \(name.count)") }
        let romanizer = Romanizer.shared
        let tones = query["tones"] == "true" || query["tones"] == "1"
        return try Reply.json(RomanizationRecord(romanizer.romanize(name), keys: romanizer.searchKeys(for: name), tones: tones))
    }
}
