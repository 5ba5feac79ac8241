import Hummingbird
import Logging
import Synchronization

/// Turns every error into problem details, and a path that exists for other methods into 405.
///
/// Hummingbird answers an unknown method on a known path with 404; the route table knows which
/// methods each path has, so the client learns the `Allow`ed ones instead.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = QuhuaRequestContext
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var problem = Problem.from(error)
            if problem.status == .notFound, problem.detail == "Not Found" || problem.detail == HTTPResponse.Status.notFound.reasonPhrase {
                let allowed = routes.methods(for: request.uri.path)
                if !allowed.isEmpty {
                    let list = allowed.map(\.rawValue).sorted().joined(separator: ", ")
                    problem = Problem(.methodNotAllowed, "Method not allowed", detail: "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(list)",
                                      headers: [.allow: list])
                } else {
                    problem.detail = "no resource at \(request.uri.path)"
                }
            }
            if problem.status.code >= 500 {
                context.logger.error("\(request.method.rawValue) \(request.uri.path): \(problem.detail)")
            }
            return try problem.response(from: request, context: context)
        }
    }
}

/// The paths the server answers and their methods, for 405 answers.
///
/// Filled while the routes are registered (before the server starts), read by every 404.
final class RouteTable: Sendable {
    private let entries = Mutex<[(pattern: [Substring], method: HTTPRequest.Method)]>([])

    func add(_ path: String, _ method: HTTPRequest.Method) {
        let pattern = path.split(separator: "/")
        entries.withLock { list in
            list.append((pattern, method))
            if method == .get { list.append((pattern, .head)) }
        }
    }

    /// The methods registered for a concrete path (`:name` segments match any segment).
    func methods(for path: String) -> Set<HTTPRequest.Method> {
        let segments = path.split(separator: "/")
        return entries.withLock { list in
            var found = Set<HTTPRequest.Method>()
            for entry in list where entry.pattern.count == segments.count {
                if zip(entry.pattern, segments).allSatisfy({ $0.hasPrefix(":") || $0 == $1 }) { found.insert(entry.method) }
            }
            return found
        }
    }
}
