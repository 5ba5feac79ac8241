import Hummingbird

/// Registers routes on the router and records them in the route table (for 405 answers).
struct RouteRegistrar {
    typealias Handler = @Sendable (Request, QuhuaRequestContext) async throws -> Response
    let router: Router<QuhuaRequestContext>
    let table: RouteTable

    func get(_ path: String, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: .get, use: handler)
        router.on(RouterPath(path), method: .head, use: handler)
        table.add(path, .get)
    }

    func post(_ path: String, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: .post, use: handler)
        table.add(path, .post)
    }
}
