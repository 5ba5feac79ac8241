import Foundation
import Gazetteer
import Hummingbird

/// The one window: naming applications and their steps, the protection and vanished-name lists,
/// place edits. Reads are public; writes need an editor's token and are audited under its actor.
struct NamingRoutes {
    let services: QuhuaServices

    func register(_ routes: RouteRegistrar) {
        routes.get("/naming/cases") { request, _ in try cases(request) }
        routes.post("/naming/cases") { request, _ in try await apply(request) }
        routes.get("/naming/cases/:id") { request, context in try namingCase(try caseID(context)) }
        routes.post("/naming/cases/:id/steps") { request, context in try await advance(request, id: try caseID(context)) }
        routes.get("/lists/protected") { _, _ in try Reply.json(ListAnswer(entries: try NameListings(store: services.store).protectedNames())) }
        routes.get("/lists/vanished") { _, _ in try Reply.json(ListAnswer(entries: try NameListings(store: services.store).vanishedNames())) }
        routes.post("/lists/protected") { request, _ in try await addProtected(request) }
        routes.post("/lists/vanished") { request, _ in try await addVanished(request) }
        routes.post("/places/:ref/names") { request, context in try await addName(request, code: try context.parameters.require("ref")) }
        routes.post("/places/:ref/names/end") { request, context in try await endName(request, code: try context.parameters.require("ref")) }
        routes.post("/places/:ref/end") { request, context in try await endPlace(request, code: try context.parameters.require("ref")) }
    }

    private struct ListAnswer<Entry: Encodable>: Encodable { var entries: [Entry] }

    private func caseID(_ context: QuhuaRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text) else { throw Problem.badParameter("id", "a case id is a whole number, not “\(text)”") }
        return id
    }

    private func day(_ text: String, field: String) throws -> Day {
        do { return try Day(parsing: text) } catch let error as GazetteerError { throw Problem(.badRequest, "Invalid \(field)", detail: error.description) }
    }

    private func body<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        try await RequestBody.decode(type, from: request, limit: services.configuration.maxBodySize)
    }

    // MARK: - Naming cases

    private func cases(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["state"])
        struct Answer: Encodable { var cases: [NamingCase] }
        return try Reply.json(Answer(cases: try NamingWorkflow(store: services.store).list(state: try query.choice("state", NamingCase.State.self))))
    }

    private func namingCase(_ id: Int64) throws -> Response {
        let workflow = NamingWorkflow(store: services.store)
        struct Answer: Encodable { var `case`: NamingCase; var steps: [NamingStep]; var checks: [NameCheckReport] }
        return try Reply.json(Answer(case: try workflow.get(id), steps: try workflow.steps(of: id), checks: try workflow.checks(of: id)))
    }

    private struct Application: Decodable {
        var action: NamingCase.Action
        var proposedName: String
        var applicant: String
        var appliedOn: String
        var placeCode: String?
        var parentCode: String?
        var level: PlaceLevel?
        var romanization: String?
        var meaning: String?
        var origin: String?
        var authority: String?
        var note: String?
        var category: NameCategory?
    }

    /// Files the application; the answer carries the name check stored with it (its findings never refuse the application).
    private func apply(_ request: Request) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let a = try await body(Application.self, request)
        let application = NamingApplication(
            action: a.action, proposedName: a.proposedName, applicant: a.applicant, appliedOn: try day(a.appliedOn, field: "appliedOn"),
            placeCode: a.placeCode, parentCode: a.parentCode, level: a.level, romanization: a.romanization,
            meaning: a.meaning, origin: a.origin, authority: a.authority, note: a.note, category: a.category)
        let workflow = NamingWorkflow(store: services.store)
        let id = try workflow.apply(application, actor: grant.actor)
        struct Answer: Encodable { var `case`: NamingCase; var checks: [NameCheckReport] }
        return try Reply.json(Answer(case: try workflow.get(id), checks: try workflow.checks(of: id)), status: .created)
    }

    private struct StepRequest: Decodable {
        var step: NamingCase.Step
        var date: String
        var reference: String?
        var note: String?
    }

    private func advance(_ request: Request, id: Int64) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let step = try await body(StepRequest.self, request)
        let after = try NamingWorkflow(store: services.store).advance(id, step.step, on: try day(step.date, field: "date"),
                                                                      reference: step.reference, note: step.note, actor: grant.actor)
        struct Answer: Encodable { var `case`: NamingCase }
        return try Reply.json(Answer(case: after))
    }

    // MARK: - Lists

    // The entries decode straight into the library's types (dates as YYYY-MM-DD; a date that
    // does not exist is a 400 naming it).

    private func addProtected(_ request: Request) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let entry = try await body(NameListings.ProtectedName.self, request)
        let id = try NameListings(store: services.store).addProtected(entry, actor: grant.actor)
        struct Answer: Encodable { var id: Int64 }
        return try Reply.json(Answer(id: id), status: .created)
    }

    private func addVanished(_ request: Request) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let entry = try await body(NameListings.VanishedName.self, request)
        let id = try NameListings(store: services.store).addVanished(entry, actor: grant.actor)
        struct Answer: Encodable { var id: Int64 }
        return try Reply.json(Answer(id: id), status: .created)
    }

    // MARK: - Place edits

    private struct NameRequest: Decodable {
        var text: String
        var type: NameType
        var language: String?
        var from: String?
        var to: String?
        var note: String?
    }

    private func addName(_ request: Request, code: String) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let n = try await body(NameRequest.self, request)
        let id = try PlaceEditor(store: services.store).addName(
            code: code, text: n.text, type: n.type, language: n.language, from: try n.from.map { try day($0, field: "from") },
            to: try n.to.map { try day($0, field: "to") }, note: n.note, actor: grant.actor)
        struct Answer: Encodable { var id: Int64 }
        return try Reply.json(Answer(id: id), status: .created)
    }

    private struct EndNameRequest: Decodable { var text: String; var on: String }

    private func endName(_ request: Request, code: String) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let e = try await body(EndNameRequest.self, request)
        try PlaceEditor(store: services.store).endName(code: code, text: e.text, on: try day(e.on, field: "on"), actor: grant.actor)
        struct Answer: Encodable { var ended: String; var on: String }
        return try Reply.json(Answer(ended: e.text, on: e.on))
    }

    private struct EndPlaceRequest: Decodable { var on: String; var reference: String? }

    private func endPlace(_ request: Request, code: String) async throws -> Response {
        let grant = try services.access.require(.editor, for: request)
        let e = try await body(EndPlaceRequest.self, request)
        let event = try PlaceEditor(store: services.store).endPlace(code: code, on: try day(e.on, field: "on"), reference: e.reference, actor: grant.actor)
        struct Answer: Encodable { var eventID: Int64 }
        return try Reply.json(Answer(eventID: event))
    }
}
