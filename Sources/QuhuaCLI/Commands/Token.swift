import ArgumentParser
import Foundation
import Gazetteer

/// `quhua token`: bearer tokens for the server's writers.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue, list and revoke the bearer tokens `quhua serve` accepts for writes.",
        discussion: """
        A token is shown once, when it is issued; only its SHA-256 digest is stored. --actor \
        names who will use the token: every write made with it is audited under that name.

        Examples:
          quhua token add --role editor --actor li.ming
          quhua token add --role admin --actor ops --token-file /etc/quhua/tokens
          quhua token list
          quhua token revoke 3
        """,
        subcommands: [TokenAdd.self, TokenList.self, TokenRevoke.self])
}

extension AccessRole: ExpressibleByArgument {}

struct TokenAdd: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Issue a token and print it once.")

    @OptionGroup var options: GazetteerOptions

    @Option(name: .long, help: "viewer (reads /whoami), patroller (records patrols), editor (writes names and work orders) or admin (everything).")
    var role: AccessRole

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Append the token's digest to this file instead of the database.", valueName: "path"))
    var tokenFile: String?

    func validate() throws {
        guard let name = options.actor, !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains(" ") else {
            throw ValidationError("name who will use the token with --actor NAME (no spaces)")
        }
    }

    func execute() throws {
        let actor = options.actorName
        let issuer = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        if let tokenFile {
            let token = AccessTokens.newToken()
            let line = "\(role.rawValue) \(actor) \(AccessTokens.digest(of: token))\n"
            if !FileManager.default.fileExists(atPath: tokenFile) {
                guard FileManager.default.createFile(atPath: tokenFile, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw GazetteerError.invalidInput(source: tokenFile, line: nil, message: "cannot create the token file")
                }
            }
            guard let handle = FileHandle(forWritingAtPath: tokenFile) else {
                throw GazetteerError.invalidInput(source: tokenFile, line: nil, message: "cannot write the token file")
            }
            defer { try? handle.close() }
            do {
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(line.utf8))
            } catch {
                throw GazetteerError.invalidInput(source: tokenFile, line: nil, message: "cannot write the token file: \(error.localizedDescription)")
            }
            struct Issued: Encodable { var token: String; var role: AccessRole; var actor: String; var tokenFile: String }
            if options.format == .json { return try Terminal.printJSON(Issued(token: token, role: role, actor: actor, tokenFile: tokenFile)) }
            print(token)
            return Terminal.note("token for \(actor) (\(role.rawValue)) added to \(tokenFile); it is shown only now")
        }
        let issued = try AccessTokens(store: try options.openStore()).issue(role: role, actor: actor, issuedBy: issuer)
        if options.format == .json { return try Terminal.printJSON(issued) }
        print(issued.token)
        Terminal.note("token \(issued.id) for \(issued.actor) (\(issued.role.rawValue)); it is shown only now")
    }
}

struct TokenList: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens issued (never their secrets).")

    @OptionGroup var options: GazetteerOptions

    func execute() throws {
        let tokens = try AccessTokens(store: try options.openStore()).list()
        if options.format == .json { return try Terminal.printJSON(tokens) }
        for t in tokens {
            print("\(t.id)  \(t.role.rawValue)  \(t.actor)  issued \(t.issuedAt) by \(t.issuedBy)\(t.revokedAt.map { "  revoked \($0)" } ?? "")")
        }
    }
}

struct TokenRevoke: GazetteerCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token (kept in the list as revoked).")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: "The token's id (from `quhua token list`).")
    var id: Int64

    func execute() throws {
        try AccessTokens(store: try options.openStore()).revoke(id: id, actor: options.actorName)
        print("token \(id) revoked")
    }
}
