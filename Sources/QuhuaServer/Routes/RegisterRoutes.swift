import Foundation
import Gazetteer
import Hummingbird
import Publishing
import Register

/// The boundary upkeep register (电子管界): lines and markers with their histories, patrols,
/// work orders, disputes, schedules and the per-division report. Reads are public; a patrol
/// needs a patroller's token (or higher), work orders an editor's; every write is audited
/// under the token's actor. Positions in and out are longitude/latitude.
struct RegisterRoutes {
    let services: QuhuaServices

    func register(_ routes: RouteRegistrar) {
        routes.get("/register/lines") { request, _ in try lines(request) }
        routes.get("/register/lines/:id") { _, context in try Reply.json(try store().lineHistory(try context.parameters.require("id"))) }
        routes.get("/register/markers") { request, _ in try markers(request) }
        routes.get("/register/markers/:label") { _, context in try Reply.json(try store().markerHistory(try context.parameters.require("label"))) }
        routes.get("/register/patrols") { request, _ in try patrols(request) }
        routes.get("/register/patrols/:id") { _, context in try Reply.json(["patrol": try store().patrol(try number(context))]) }
        routes.post("/register/patrols") { request, _ in try await addPatrol(request) }
        routes.get("/register/orders") { request, _ in try orders(request) }
        routes.get("/register/orders/:id") { _, context in try Reply.json(["order": try store().workOrder(try number(context))]) }
        routes.post("/register/orders") { request, _ in try await openOrder(request) }
        routes.post("/register/orders/:id/steps") { request, context in try await advanceOrder(request, id: try number(context)) }
        routes.get("/register/disputes") { request, _ in try disputes(request) }
        routes.get("/register/due") { request, _ in try due(request) }
        routes.get("/register/report") { request, _ in try report(request) }
    }

    // MARK: - Reading

    private func collections() throws -> RegisterCollections {
        guard let register = services.register else {
            throw Problem(.notFound, "Not found", detail: "this server serves no upkeep register (start it with --register PATH)")
        }
        return register
    }

    private func store() throws -> RegisterStore { try collections().store }

    private func number(_ context: QuhuaRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw Problem.badParameter("id", "an id is a whole number, not “\(text)”") }
        return id
    }

    private func lines(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["at"])
        struct Answer: Encodable { var lines: [LineRecord] }
        return try Reply.json(Answer(lines: try store().lines(at: try query.day("at"))))
    }

    private func markers(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["near", "number", "limit", "at"])
        let register = try collections()
        let day = try query.day("at") ?? .today
        let limit = try query.integer("limit", default: 10, range: 1...100)
        struct Answer: Encodable { var markers: [RegisterCollections.MarkerSighting] }
        if let near = query["near"] {
            let parts = near.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, let lon = parts[0], let lat = parts[1] else {
                throw Problem.badParameter("near", "near is “longitude,latitude” in degrees, not “\(near)”")
            }
            return try Reply.json(Answer(markers: try register.nearestMarkers(longitude: lon, latitude: lat, limit: limit, on: day)))
        }
        guard let number = query["number"] else {
            throw Problem.badParameter("near", "give near=longitude,latitude or number=MARKER (every marker: /collections/register-markers/items)")
        }
        return try Reply.json(Answer(markers: try register.markers(numbered: number, limit: limit, on: day)))
    }

    private func patrols(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["marker", "limit"])
        struct Answer: Encodable { var patrols: [PatrolRecord] }
        return try Reply.json(Answer(patrols: try store().patrols(marker: query["marker"],
                                                                  limit: try query.integer("limit", default: 100, range: 1...1000))))
    }

    private func orders(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["open"])
        struct Answer: Encodable { var orders: [WorkOrderRecord] }
        return try Reply.json(Answer(orders: try store().workOrders(openOnly: try flag(query, "open"))))
    }

    private func disputes(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["line", "open"])
        struct Answer: Encodable { var disputes: [DisputeRecord] }
        return try Reply.json(Answer(disputes: try store().disputes(line: query["line"], openOnly: try flag(query, "open"))))
    }

    private func due(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["at"])
        return try Reply.json(try store().due(at: try query.day("at") ?? .today))
    }

    private func report(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["division", "at", "f"])
        let format = try query.choice("f", RegisterReportFormat.self) ?? .json
        let report = try store().report(division: query["division"], at: try query.day("at") ?? .today)
        let types: [RegisterReportFormat: String] = [
            .json: Reply.jsonType, .csv: "text/csv; charset=utf-8", .html: "text/html; charset=utf-8", .text: "text/plain; charset=utf-8",
        ]
        return Reply.text(report.rendered(as: format), contentType: types[format] ?? Reply.jsonType)
    }

    private func flag(_ query: QueryParameters, _ name: String) throws -> Bool {
        switch query[name] {
        case nil, "false", "0": return false
        case "true", "1", "": return true
        case let other?: throw Problem.badParameter(name, "\(name) is true or false, not “\(other)”")
        }
    }

    // MARK: - Writing

    private struct LonLat: Decodable { var lon: Double; var lat: Double; var h: Double? }

    private struct PatrolBody: Decodable {
        struct Observation: Decodable { var marker: String; var condition: MarkerCondition; var note: String?; var position: LonLat? }
        /// A photo as base64; its type is read from its first bytes, not from what the client says.
        struct Photo: Decodable { var name: String?; var data: String }
        var clientId: String?
        var date: String
        var patroller: String?
        var position: LonLat?
        var note: String?
        var observations: [Observation]
        var photos: [Photo]?
    }

    private func addPatrol(_ request: Request) async throws -> Response {
        let grant = try services.access.require(.patroller, for: request)
        let register = try collections()
        let body = try await RequestBody.decode(PatrolBody.self, from: request, limit: services.configuration.maxPatrolSize)
        let observations = try body.observations.enumerated().map { index, o in
            ObservationInput(marker: o.marker, condition: o.condition, note: o.note,
                             measured: try o.position.map { try register.registerPosition(longitude: $0.lon, latitude: $0.lat, field: "observations.\(index).position") })
        }
        let uploads = try (body.photos ?? []).enumerated().map { index, photo in
            guard let data = Data(base64Encoded: photo.data, options: .ignoreUnknownCharacters) else {
                throw Problem(.badRequest, "Invalid body", detail: "photos.\(index).data is not base64")
            }
            return PhotoUpload(name: photo.name ?? "photo-\(index + 1)", data: [UInt8](data))
        }
        let input = PatrolInput(
            date: try Day.register(body.date), patroller: body.patroller ?? grant.actor, observations: observations,
            position: try body.position.map { try register.registerPosition(longitude: $0.lon, latitude: $0.lat, field: "position") },
            note: body.note, clientID: body.clientId, uploads: uploads)
        let result = try register.store.addPatrol(input, actor: grant.actor)
        struct Answer: Encodable { var patrol: PatrolRecord; var duplicate: Bool }
        return try Reply.json(Answer(patrol: result.patrol, duplicate: !result.created), status: result.created ? .created : .ok)
    }

    private struct OrderBody: Decodable { var patrol: Int64; var marker: String; var date: String; var note: String? }

    private func openOrder(_ request: Request) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let body = try await RequestBody.decode(OrderBody.self, from: request, limit: services.configuration.maxBodySize)
        let order = try store().openWorkOrder(patrol: body.patrol, marker: body.marker, on: try Day.register(body.date),
                                              note: body.note, actor: grant.actor)
        return try Reply.json(["order": order], status: .created)
    }

    private struct StepBody: Decodable {
        var state: WorkOrderState
        var date: String
        var note: String?
        var assignee: String?
        var replacedAt: LonLat?
    }

    private func advanceOrder(_ request: Request, id: Int64) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let register = try collections()
        let body = try await RequestBody.decode(StepBody.self, from: request, limit: services.configuration.maxBodySize)
        let replaced = try body.replacedAt.map { place in
            var position = try register.registerPosition(longitude: place.lon, latitude: place.lat, field: "replacedAt")
            position.h = place.h
            return position
        }
        let order = try register.store.advanceWorkOrder(id, to: body.state, on: try Day.register(body.date), note: body.note,
                                                        assignee: body.assignee, replacedAt: replaced, actor: grant.actor)
        return try Reply.json(["order": order])
    }
}
