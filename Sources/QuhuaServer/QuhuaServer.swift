import Foundation
import Gazetteer
import Hummingbird
import LeafletAssets
import Logging

/// The quhua HTTP service: OGC API – Features, the gazetteer API and the web app, over the same
/// libraries as the command line.
///
/// ```swift
/// let services = try QuhuaServices(configuration: configuration, store: store)
/// let app = QuhuaServer.application(services: services, logger: Logger(label: "quhua"))
/// try await app.runService()   // until SIGINT or SIGTERM, then a graceful shutdown
/// ```
public enum QuhuaServer {
    /// The router with every route, the problem-details middleware and the web app's static files.
    public static func router(services: QuhuaServices) -> Router<QuhuaRequestContext> {
        let router = Router(context: QuhuaRequestContext.self)
        let table = RouteTable()
        router.add(middleware: ProblemMiddleware(routes: table))
        // Other systems' web pages may read (and, with a token, write): no cookies are used.
        router.add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.accept, .authorization, .contentType],
                                              allowMethods: [.get, .post, .head, .options], maxAge: .seconds(3600)))
        router.add(middleware: LogRequestsMiddleware(.debug))
        if let webRoot = services.configuration.resolvedWebRoot {
            router.add(middleware: WebAppMiddleware())
            var filesLogger = Logger(label: "quhua.files")
            filesLogger.logLevel = .warning
            router.add(middleware: FileMiddleware(webRoot, urlBasePath: "/app", searchForIndexHtml: true, logger: filesLogger))
            // Leaflet is kept once, in LeafletAssets (the HTML reports inline the same copy).
            if let leaflet = LeafletAssets.folder {
                router.add(middleware: FileMiddleware(leaflet.path, urlBasePath: "/app/vendor/leaflet", logger: filesLogger))
            }
        }
        let routes = RouteRegistrar(router: router, table: table)
        OGCRoutes(services: services).register(routes)
        GazetteerRoutes(services: services).register(routes)
        NamingRoutes(services: services).register(routes)
        AccessRoutes(services: services).register(routes)
        RegisterRoutes(services: services).register(routes)
        return router
    }

    /// The application listening on the configured address.
    ///
    /// - Parameter onServerRunning: Called with the bound port once the server listens (port 0 picks one).
    public static func application(services: QuhuaServices, logger: Logger,
                                   onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let configuration = ApplicationConfiguration(
            address: .hostname(services.configuration.host, port: services.configuration.port),
            serverName: "quhua")
        return Application(router: router(services: services), configuration: configuration,
                           onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) }, logger: logger)
    }
}

/// `/app` → `/app/`, so that the web app's relative links resolve inside its folder.
struct WebAppMiddleware: RouterMiddleware {
    typealias Context = QuhuaRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/app" { return Response(status: .movedPermanently, headers: [.location: "/app/"]) }
        return try await next(request, context)
    }
}
