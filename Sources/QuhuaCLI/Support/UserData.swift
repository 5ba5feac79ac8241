import Foundation

/// Where quhua keeps its databases for the user, and who the user is: shared by the option
/// groups of every verb that writes.
enum UserData {
    /// `$XDG_DATA_HOME/quhua/NAME`, or `~/.local/share/quhua/NAME`.
    static func path(_ name: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = URL(fileURLWithPath: xdg)
        } else {
            base = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        }
        return base.appendingPathComponent("quhua").appendingPathComponent(name).path
    }

    /// The actor for the audit log: the one given, else the login name.
    static func actor(_ given: String?) -> String {
        if let given, !given.isEmpty { return given }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }
}
