import Gazetteer
import Hummingbird

/// Who am I (for the web app's sign-in) and the audit log (admin).
struct AccessRoutes {
    let services: QuhuaServices

    func register(_ routes: RouteRegistrar) {
        routes.get("/whoami") { request, _ in
            let grant = try services.access.require(.viewer, for: request)
            return try Reply.json(grant)
        }
        routes.get("/audit") { request, _ in
            _ = try services.access.require(.admin, for: request)
            let query = try QueryParameters(request)
            try query.allowOnly(["limit"])
            struct Answer: Encodable { var entries: [AuditEntry] }
            return try Reply.json(Answer(entries: try services.store.auditLog(limit: try query.integer("limit", default: 100, range: 1...1000))))
        }
    }
}
