import Foundation
import Gazetteer
import Hummingbird
import HummingbirdTesting
import NIOCore
import QuhuaServer
import Register

/// A gazetteer built once from the shipped GeoData (the whole history, Chongqing's townships,
/// the prefecture polygons) and a server over it serving the clean sample survey and an upkeep
/// register holding the 2020 joint-inspection record of the inspection sample.
enum ServerFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let geoData = packageRoot.appendingPathComponent("GeoData")

    struct Built: Sendable {
        var services: QuhuaServices
        var editorToken: String
        var viewerToken: String
        var adminToken: String
        var fileToken: String
        var patrollerToken: String
        var registerPath: String
    }

    static func temporaryDirectory(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quhua-server-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every division row of the areacity file and the townships of Chongqing.
    static func townshipSubset(in folder: URL) throws -> URL {
        let text = try String(contentsOf: geoData.appendingPathComponent("areacity/ok_data_level4.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { index, line in
            index == 0 || line.contains(",0,\"") || line.contains(",1,\"") || line.contains(",2,\"") || line.hasPrefix("50")
        }.map(\.element)
        let url = folder.appendingPathComponent("townships-50.csv")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static let shared: Result<Built, any Error> = Result {
        let folder = temporaryDirectory("fixture")
        let store = try GazetteerStore(path: folder.appendingPathComponent("gazetteer.sqlite").path)
        _ = try AreaCodesImporter(directory: geoData.appendingPathComponent("areacodes")).run(into: store, actor: "tests")
        _ = try TownshipImporter(file: try townshipSubset(in: folder)).run(into: store, actor: "tests")
        _ = try GeometryImporter(file: geoData.appendingPathComponent("cn-atlas/derived_prefectures.geojson")).run(into: store, actor: "tests")
        let tokens = AccessTokens(store: store)
        let editor = try tokens.issue(role: .editor, actor: "li.ming", issuedBy: "tests").token
        let viewer = try tokens.issue(role: .viewer, actor: "wang.fang", issuedBy: "tests").token
        let admin = try tokens.issue(role: .admin, actor: "ops", issuedBy: "tests").token
        let patroller = try tokens.issue(role: .patroller, actor: "zhao.lei", issuedBy: "tests").token
        let registerPath = folder.appendingPathComponent("register.sqlite").path
        _ = try RegisterStore(path: registerPath).importInspection(ImportRequest(
            survey: [geoData.appendingPathComponent("samples/inspection/before").path], date: try Day.register("2020-06-18"),
            agreement: "陕界〔2020〕1号"), actor: "tests")
        let fileToken = AccessTokens.newToken()
        let tokenFile = folder.appendingPathComponent("tokens")
        try "# quhua tokens\neditor zhang.wei \(AccessTokens.digest(of: fileToken))\n".write(to: tokenFile, atomically: true, encoding: .utf8)
        var configuration = ServerConfiguration(databasePath: store.path)
        configuration.port = 0
        configuration.surveyPaths = [geoData.appendingPathComponent("samples/clean").path]
        configuration.tokenFile = tokenFile.path
        configuration.registerPath = registerPath
        let services = try QuhuaServices(configuration: configuration, store: store)
        return Built(services: services, editorToken: editor, viewerToken: viewer, adminToken: admin, fileToken: fileToken,
                     patrollerToken: patroller, registerPath: registerPath)
    }

    static func built() throws -> Built { try shared.get() }

    /// Runs `body` against the router in-process (no network).
    static func withClient<Value: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: QuhuaServer.router(services: try built().services))
        return try await app.test(.router, body)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

/// A JSON request body.
func jsonBody(_ object: [String: Any]) -> ByteBuffer {
    ByteBuffer(bytes: (try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}
