import ArgumentParser
import Foundation
import Gazetteer
import Logging
import QuhuaServer

/// `quhua serve`: the boundary query system and the place-name information base over HTTP.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve OGC API – Features, the gazetteer API and the web app over HTTP.",
        discussion: """
        Listens on 127.0.0.1:8080 by default (only this machine); --bind 0.0.0.0 exposes it. \
        Reads are open to everyone who can reach the server; writes (naming applications and \
        steps, list entries, place edits, work orders) need a bearer token with the editor role, \
        patrols one with the patroller role, made with `quhua token add`; every write is audited \
        under the token's actor. Stops gracefully on SIGINT or SIGTERM.

        Endpoints: / (landing page), /api (OpenAPI 3.0), /collections (divisions as of any \
        day, and with --survey the survey's boundary-lines and markers), /search, \
        /autocomplete, /places/{code}, /places/{code}/history, /tree, /reverse, /romanize, \
        /naming/cases; with --register the upkeep register (/register/…, collections \
        register-lines and register-markers); the web app at /app/ and the phone patrol page \
        at /app/patrol/.

        Examples:
          quhua serve
          quhua serve --port 9000 --survey GeoData/samples/clean
          quhua serve --register ~/.local/share/quhua/register.sqlite
          quhua serve --bind 0.0.0.0 --public-url https://gazetteer.example.org
        """)

    @OptionGroup var options: GazetteerOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var bind = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Files or folders of a survey whose lines and markers to serve.", valueName: "path"))
    var survey: [String] = []

    @Option(name: .long, help: ArgumentHelp("The upkeep register to serve (made by `quhua register import`).", valueName: "path"))
    var register: String?

    @Option(name: .customLong("token-file"), help: ArgumentHelp(
        "A file of token digests accepted besides the database's tokens (lines “ROLE ACTOR sha256:HEX”, from `quhua token add --token-file`).",
        valueName: "path"))
    var tokenFile: String?

    @Option(name: .customLong("web-root"), help: ArgumentHelp("Serve the web app from this folder instead of the built-in copy.", valueName: "path"))
    var webRoot: String?

    @Option(name: .customLong("public-url"), help: ArgumentHelp("The base URL clients reach the server at, for links (default: from the Host header).", valueName: "url"))
    var publicURL: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let register, !FileManager.default.fileExists(atPath: register) {
            throw ValidationError("--register: no register at \(register) (make one with `quhua register import`)")
        }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://")
        }
    }

    func run() async throws {
        var configuration = ServerConfiguration(databasePath: options.databasePath)
        configuration.host = bind
        configuration.port = port
        configuration.surveyPaths = survey
        configuration.registerPath = register
        configuration.tokenFile = tokenFile
        configuration.webRoot = webRoot
        configuration.publicURL = publicURL
        let services: QuhuaServices
        do {
            services = try QuhuaServices(configuration: configuration, store: try options.openStore())
        } catch {
            Terminal.endProgress()
            Terminal.say("\(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
        var logger = Logger(label: "quhua")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let host = bind
        let app = QuhuaServer.application(services: services, logger: logger) { port in
            Terminal.note("quhua serve: listening on http://\(host):\(port)/ (web app at /app/; Ctrl-C stops)")
        }
        do {
            try await app.runService()
        } catch {
            // Most often the address: a port in use, or an address this machine does not have.
            Terminal.say("serve on \(bind):\(port): \(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
    }
}
