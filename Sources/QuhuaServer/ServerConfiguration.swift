import Foundation

/// How `quhua serve` runs: where it listens, what it serves, where writers' tokens come from.
///
/// ```swift
/// var configuration = ServerConfiguration(databasePath: "gazetteer.sqlite")
/// configuration.port = 0            // any free port
/// configuration.surveyPaths = ["GeoData/samples/clean"]
/// ```
public struct ServerConfiguration: Sendable {
    /// The address to listen on; the loopback interface by default, so nothing is exposed by accident.
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one.
    public var port: Int = 8080
    /// The gazetteer database.
    public var databasePath: String
    /// The files or folders of a survey whose lines and markers are served as collections.
    public var surveyPaths: [String] = []
    /// The boundary upkeep register (`quhua register`) whose lines, markers, patrols, work orders
    /// and disputes are served; none when `nil`.
    public var registerPath: String?
    /// A file of token digests (`ROLE ACTOR sha256:HEX` per line) accepted besides the database's tokens.
    public var tokenFile: String?
    /// The folder of the web app; the copy built into the executable's resources by default.
    public var webRoot: String?
    /// The public base URL used in links (`https://gazetteer.example.org`); taken from the
    /// request's `Host` header when `nil`.
    public var publicURL: String?
    /// The largest request body accepted, in bytes.
    public var maxBodySize: Int = 64 * 1024
    /// The largest patrol accepted, in bytes: its photos come inside the JSON body (base64).
    public var maxPatrolSize: Int = 32 * 1024 * 1024

    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// The web app folder to serve: ``webRoot``, else the resources built into the module.
    public var resolvedWebRoot: String? {
        if let webRoot { return webRoot }
        return Bundle.module.url(forResource: "Public", withExtension: nil)?.path
    }
}
