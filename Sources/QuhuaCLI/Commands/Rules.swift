import ArgumentParser
import Boundary
import Foundation

/// `quhua rules`: the validation rules with their ids, severities, descriptions and tolerances.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the validation rules: ids, severities, descriptions and tolerances.",
        discussion: """
        With --profile, shows the severities and tolerances that profile gives. With --profile-json, \
        prints a complete profile (every rule, severity and tolerance) to start your own from.

        Examples:
          quhua rules
          quhua rules --profile county.json
          quhua rules --profile-json > my-profile.json
        """
    )

    @Option(help: "A JSON profile whose settings to show.", completion: .file())
    var profile: String?

    @Flag(name: .customLong("profile-json"), help: "Print the profile as JSON instead of the list.")
    var profileJSON = false

    func run() throws {
        var p = Profile.standard
        if let profile {
            do { p = try Profile.load(from: URL(fileURLWithPath: profile)) } catch let e as ProfileError {
                Terminal.say("profile \(e)")
                throw ExitStatus.usage.exitCode
            }
        }
        if profileJSON {
            print(try p.jsonText())
            return
        }
        print("Profile: \(p.name); line ends closer than \(p.nodeTolerance) m are one node.\n")
        for d in RuleCatalogue.definitions {
            let state = p.isEnabled(d.id) ? p.severity(for: d).rawValue : "off"
            print("\(d.id)  [\(state)]")
            print(wrap(d.summary, indent: "    "))
            for t in d.tolerances {
                print("    \(t.name) = \(format(p.tolerance(t.name, of: d))) \(t.unit): \(t.meaning)")
            }
            print("")
        }
        print("Marker numbers: \(p.markers.numberPattern) (line part = the marker's line id; JNNN = a three-sided set at a junction)")
    }

    private func format(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(v) }

    private func wrap(_ text: String, indent: String, width: Int = 96) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
