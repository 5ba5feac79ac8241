import ArgumentParser
import Foundation
import Register

/// `quhua register show`: the full history of a marker or a line.
struct RegisterShow: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the full history of a marker or a line.",
        discussion: """
        For a marker: every version with the inspection or work order it came from, every patrol \
        observation, work orders with their steps, disputes on its line and who is responsible. For a \
        line: its versions, inspections, markers, events, disputes and responsibilities.

        Example:
          quhua register show 0004-001
          quhua register show 0005 --format json
        """)

    @OptionGroup var options: RegisterOptions

    @Argument(help: "A marker number (with its type letter, e.g. 0004-001 or J001A) or a line id (e.g. 0005).")
    var target: String

    func execute() throws {
        let store = try options.openStore()
        switch try store.history(of: target) {
        case .marker(let history): try options.emit(history) { RegisterText.markerHistory(history) }
        case .line(let history): try options.emit(history) { RegisterText.lineHistory(history) }
        }
    }
}
