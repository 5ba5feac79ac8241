import ArgumentParser
import Gazetteer

/// `quhua tree`: the division tree on a day.
struct Tree: GazetteerCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the division tree on a day.",
        discussion: """
        Lists every province-, prefecture- and county-level division valid on the day, one \
        “CODE NAME” line each in the order of the official tables. For a year, the output is \
        exactly that year's table of the areacodes history (the state on 31 December).

        Examples:
          quhua tree --at 1990 --root 510000        Sichuan at the end of 1990
          quhua tree --at 1997-07-01 --indent       the whole country, indented by level
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var date: DateOptions

    @Option(name: .long, help: ArgumentHelp("Only this division (a GB/T 2260 code valid on the day) and its subtree.", valueName: "code"))
    var root: String?

    @Flag(name: .long, help: "Indent each line by its depth in the tree.")
    var indent = false

    func validate() throws {
        if let root, !(root.count == 6 && root.allSatisfy(\.isNumber)) {
            throw ValidationError("--root takes a six-digit division code, not “\(root)”")
        }
    }

    func execute() throws {
        let store = try options.openStore()
        let tree = try DivisionTree(store: store, at: try date.day ?? Day.today, rootCode: root)
        switch options.format {
        case .json:
            try Terminal.printJSON(tree)
        case .text:
            for node in tree.nodes {
                print((indent ? String(repeating: "  ", count: node.depth) : "") + "\(node.code) \(node.name)")
            }
        }
    }
}
