import ArgumentParser
import Foundation
import Gazetteer
import Register

/// `quhua register patrol`: patrols of the markers.
struct RegisterPatrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patrol", abstract: "Record and list patrols.", subcommands: [RegisterPatrolAdd.self, RegisterPatrolList.self])
}

struct RegisterPatrolAdd: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a patrol: the markers seen, their condition, photos and where the patroller stood.",
        discussion: """
        Each --marker is NUMBER:CONDITION[:NOTE], the condition one of intact, damaged, tilted, \
        buried, moved, missing. A marker measured in the field (--measured NUMBER=X,Y) is compared \
        with its registered position using the inspection tolerance. Photos must be JPEG, PNG, WebP \
        or HEIC; they are stored by content hash in photos/ next to the database. With --client-id, \
        submitting the same entry again changes nothing.

        Example:
          quhua register patrol add --date 2023-04-02 --patroller 王五 \\
                --marker 0004-001:moved:桩体倾斜移位 --measured 0004-001=499937.560,3780802.270 \\
                --marker 0004-002:intact --position 499950,3780810 --photo IMG_0001.jpg
        """)

    @OptionGroup var options: RegisterOptions

    @Option(help: ArgumentHelp("The day of the patrol.", valueName: "date"))
    var date: String

    @Option(help: "Who patrolled.")
    var patroller: String

    @Option(help: ArgumentHelp("A marker seen: NUMBER:CONDITION[:NOTE] (repeat for each).", valueName: "marker"))
    var marker: [String] = []

    @Option(help: ArgumentHelp("A measured marker position: NUMBER=X,Y (metres, the register's CRS).", valueName: "measured"))
    var measured: [String] = []

    @Option(help: ArgumentHelp("Where the patroller stood: X,Y.", valueName: "X,Y"))
    var position: String?

    @Option(help: "A note about the patrol.")
    var note: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Photo files.", valueName: "file"), completion: .file())
    var photo: [String] = []

    @Option(name: .customLong("client-id"), help: ArgumentHelp("The offline entry's id (e.g. a UUID): resubmission is idempotent.", valueName: "id"))
    var clientID: String?

    func validate() throws {
        if marker.isEmpty { throw ValidationError("Give at least one --marker NUMBER:CONDITION.") }
        _ = try registerDay(date, option: "--date")
    }

    func execute() throws {
        var observations = try marker.map(ObservationInput.init(parsing:))
        for text in measured {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let index = observations.firstIndex(where: { $0.marker == parts[0] }) else {
                throw RegisterError.invalidValue(field: "--measured", value: text, expected: "NUMBER=X,Y for a marker given with --marker")
            }
            observations[index].measured = try Position(parsing: parts[1], field: "--measured")
        }
        let input = PatrolInput(date: try Day.register(date), patroller: patroller, observations: observations,
                                position: try position.map { try Position(parsing: $0, field: "--position") },
                                note: note, photos: photo, clientID: clientID)
        let result = try options.openStore().addPatrol(input, actor: options.actorName)
        try options.emit(result) {
            (result.created ? "" : "already recorded (same client id and content): nothing written\n") + RegisterText.patrol(result.patrol)
        }
    }
}

struct RegisterPatrolList: RegisterCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List patrols, newest first.")

    @OptionGroup var options: RegisterOptions

    @Option(help: "How many at most.")
    var limit: Int = 50

    func execute() throws {
        let patrols = try options.openStore().patrols(limit: limit)
        try options.emit(patrols) { patrols.isEmpty ? "no patrols\n" : patrols.map(RegisterText.patrol).joined() }
    }
}
