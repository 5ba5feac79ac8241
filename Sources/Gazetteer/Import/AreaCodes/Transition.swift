import Foundation

/// The changes between two consecutive yearly tables, resolved from the diff file.
///
/// Resolution follows `diff-spec.md`: every selector of a change line picks exactly one
/// record of the other table. The picked pairs are edges “territory of this source record
/// went to that target record”. Connected groups of edges are the changes; each is typed
/// (established, abolished, merged, split, reorganised, transferred) and places that go on
/// through a change — a one-to-one correspondence, or a record found again under the same
/// name or code — are *continuations*, whose rename, recode or re-parent is read later by
/// comparing the two states.
struct Transition {
    enum Side: Hashable { case source, target }

    struct Node: Hashable, Comparable {
        var side: Side
        var code: Int
        static func < (lhs: Node, rhs: Node) -> Bool {
            (lhs.side == .source ? 0 : 1, lhs.code) < (rhs.side == .source ? 0 : 1, rhs.code)
        }
    }

    /// A change found in the diff: its type, the records taking part and the descriptions citing it.
    struct Change {
        var type: ChangeType
        var participants: [(node: Node, role: ParticipantRole)]
        var descriptions: [Int]
    }

    let source: YearTable
    let target: YearTable
    let diff: DiffFile

    /// Source code → target code of records that continue as the same place.
    private(set) var continuations: [Int: Int] = [:]
    /// Codes (with the same name on both sides) that did not change at all.
    private(set) var persisting: Set<Int> = []
    private(set) var changes: [Change] = []
    /// Forward edges of the change lines, source code → target codes (for the result.csv check).
    private(set) var lineTargets: [Int: Set<Int>] = [:]
    /// Descriptions of the lines about each node.
    private(set) var nodeDescriptions: [Node: [Int]] = [:]

    private var deletedLeaves: Set<Int> = []
    private var addedLeaves: Set<Int> = []
    private var deletedParents: Set<Int> = []
    private var addedParents: Set<Int> = []
    private var outEdges: [Int: [Int]] = [:]
    private var inEdges: [Int: [Int]] = [:]

    init(source: YearTable, target: YearTable, diff: DiffFile) throws {
        self.source = source
        self.target = target
        self.diff = diff
        try resolveLines()
        try checkCompleteness()
        analyseLeaves()
        analyseParents()
    }

    // MARK: - Resolution

    private func fail(_ line: DiffFile.ChangeLine, _ message: String) -> GazetteerError {
        .invalidInput(source: diff.source, line: line.lineNumber, message: message)
    }

    private mutating func resolveLines() throws {
        var deletionCodes: Set<Int> = [], additionCodes: Set<Int> = []
        for line in diff.lines {
            switch line.kind {
            case .deletion:
                guard source.name(of: line.code) == line.name else {
                    throw fail(line, "“\(YearTable.format(line.code)) \(line.name)” is not in the \(source.year) table")
                }
                guard deletionCodes.insert(line.code).inserted else { throw fail(line, "record deleted twice") }
                if line.selectors == nil && source.hasChildren(line.code) { deletedParents.insert(line.code) } else { deletedLeaves.insert(line.code) }
                noteDescription(line, Node(side: .source, code: line.code))
            case .addition:
                guard target.name(of: line.code) == line.name else {
                    throw fail(line, "“\(YearTable.format(line.code)) \(line.name)” is not in the \(target.year) table")
                }
                guard additionCodes.insert(line.code).inserted else { throw fail(line, "record added twice") }
                if line.selectors == nil && target.hasChildren(line.code) { addedParents.insert(line.code) } else { addedLeaves.insert(line.code) }
                noteDescription(line, Node(side: .target, code: line.code))
            case .transfer:
                guard source.name(of: line.code) == line.name, target.name(of: line.code) == line.name else {
                    throw fail(line, "a transfer needs “\(YearTable.format(line.code)) \(line.name)” in both tables")
                }
                noteDescription(line, Node(side: line.forward ? .source : .target, code: line.code))
            }
            // No attribute: a record with children (its territory is that of its children), or
            // a record whose correspondence the diff does not give (the 1983 市区 split).
            guard let selectors = line.selectors else { continue }
            let origin = line.forward ? source : target
            let other = line.forward ? target : source
            for selector in selectors {
                let picked = try resolve(selector, line: line, origin: origin, other: other)
                // A transfer line's own record is not among the records it selects.
                if line.kind == .transfer && picked == line.code { continue }
                if line.forward {
                    addEdge(from: line.code, to: picked)
                    lineTargets[line.code, default: []].insert(picked)
                    noteDescription(line, Node(side: .target, code: picked))
                } else {
                    addEdge(from: picked, to: line.code)
                    lineTargets[picked, default: []].insert(line.code)
                    noteDescription(line, Node(side: .source, code: picked))
                }
            }
        }
        for record in source.records where target.name(of: record.code) == record.name
            && !deletionCodes.contains(record.code) && !additionCodes.contains(record.code) {
            persisting.insert(record.code)
        }
    }

    private mutating func noteDescription(_ line: DiffFile.ChangeLine, _ node: Node) {
        guard let description = line.description else { return }
        if nodeDescriptions[node]?.contains(description) != true { nodeDescriptions[node, default: []].append(description) }
    }

    private mutating func addEdge(from sourceCode: Int, to targetCode: Int) {
        if outEdges[sourceCode]?.contains(targetCode) == true { return }
        outEdges[sourceCode, default: []].append(targetCode)
        inEdges[targetCode, default: []].append(sourceCode)
    }

    private func resolve(_ selector: DiffFile.Selector, line: DiffFile.ChangeLine,
                         origin: YearTable, other: YearTable) throws -> Int {
        switch selector {
        case .currentCode:
            guard other.contains(line.code) else {
                throw fail(line, "selector “.”: code \(YearTable.format(line.code)) is not in the \(other.year) table")
            }
            return line.code
        case .parentCode:
            let parent = origin.parentCode(of: line.code)
            guard other.contains(parent) else {
                throw fail(line, "selector “..”: parent code \(YearTable.format(parent)) is not in the \(other.year) table")
            }
            return parent
        case .currentName:
            return try resolveName(line.name, line: line, origin: origin, other: other)
        case let .name(value):
            return try resolveName(value, line: line, origin: origin, other: other)
        }
    }

    /// The named-selector rule of diff-spec: a unique exact name; otherwise qualify with the
    /// parent's name, mark the one record whose name is a prefix, and pick its child named by the rest.
    private func resolveName(_ name: String, line: DiffFile.ChangeLine, origin: YearTable, other: YearTable) throws -> Int {
        var value = name
        let exact = other.codes(named: value)
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 {
            let parentName = origin.name(of: origin.parentCode(of: line.code)) ?? ""
            value = parentName + value
        }
        var marked: [(code: Int, length: Int)] = []
        var prefix = ""
        for character in value.dropLast() {
            prefix.append(character)
            for code in other.codes(named: prefix) { marked.append((code, prefix.count)) }
        }
        guard marked.count == 1 else {
            let detail = marked.isEmpty ? "no record" : "\(marked.count) records"
            throw fail(line, "selector “\(name)” (as “\(value)”): \(detail) of the \(other.year) table match; the selector must pick exactly one")
        }
        let rest = String(value.dropFirst(marked[0].length))
        let children = other.codes(named: rest).filter { other.parentCode(of: $0) == marked[0].code }
        guard children.count == 1 else {
            throw fail(line, "selector “\(name)”: \(children.count) records named “\(rest)” under \(YearTable.format(marked[0].code)) in the \(other.year) table")
        }
        return children[0]
    }

    /// Every record that appears or disappears between the tables must be accounted for by a line.
    private func checkCompleteness() throws {
        for record in source.records where target.name(of: record.code) != record.name {
            guard deletedLeaves.contains(record.code) || deletedParents.contains(record.code) else {
                throw GazetteerError.invalidInput(source: diff.source, line: nil,
                    message: "“\(YearTable.format(record.code)) \(record.name)” leaves the \(source.year) table without a deletion line")
            }
        }
        for record in target.records where source.name(of: record.code) != record.name {
            guard addedLeaves.contains(record.code) || addedParents.contains(record.code) else {
                throw GazetteerError.invalidInput(source: diff.source, line: nil,
                    message: "“\(YearTable.format(record.code)) \(record.name)” enters the \(target.year) table without an addition line")
            }
        }
    }

    // MARK: - Analysis

    private mutating func analyseLeaves() {
        var edges: [(Node, Node)] = []
        for (from, targets) in outEdges {
            for to in targets { edges.append((Node(side: .source, code: from), Node(side: .target, code: to))) }
        }
        let lonely = deletedLeaves.map { Node(side: .source, code: $0) } + addedLeaves.map { Node(side: .target, code: $0) }
        classify(edges: edges, lonely: lonely,
                 deleted: deletedLeaves, added: addedLeaves)
    }

    /// Records with children have no attribute; where their territory went is read from their
    /// descendants: the ancestors (at the record's level, else the nearest) of where the
    /// descendants went or came from.
    private mutating func analyseParents() {
        var edges: [(Node, Node)] = []
        for parent in deletedParents.sorted() {
            let level = YearTable.level(of: parent)
            let ownAncestors = Set(source.ancestors(of: parent))
            for leaf in descendantLeaves(of: parent, in: source) {
                let destinations = persisting.contains(leaf) ? [leaf] : (outEdges[leaf] ?? [])
                for destination in destinations {
                    guard let ancestor = ancestor(of: destination, at: level, in: target),
                          !(ownAncestors.contains(ancestor) && persisting.contains(ancestor)) else { continue }
                    edges.append((Node(side: .source, code: parent), Node(side: .target, code: ancestor)))
                }
            }
        }
        for parent in addedParents.sorted() {
            let level = YearTable.level(of: parent)
            let ownAncestors = Set(target.ancestors(of: parent))
            for leaf in descendantLeaves(of: parent, in: target) {
                let origins = persisting.contains(leaf) ? [leaf] : (inEdges[leaf] ?? [])
                for origin in origins {
                    guard let ancestor = ancestor(of: origin, at: level, in: source),
                          !(ownAncestors.contains(ancestor) && persisting.contains(ancestor)) else { continue }
                    edges.append((Node(side: .source, code: ancestor), Node(side: .target, code: parent)))
                }
            }
        }
        let lonely = deletedParents.map { Node(side: .source, code: $0) } + addedParents.map { Node(side: .target, code: $0) }
        classify(edges: edges, lonely: lonely, deleted: deletedParents, added: addedParents)
    }

    private func descendantLeaves(of code: Int, in table: YearTable) -> [Int] {
        table.descendantLeaves(of: code)
    }

    /// The ancestor of `code` (or `code` itself) at `level`; when there is none, the nearest
    /// ancestor below the root; `nil` when that is the root.
    private func ancestor(of code: Int, at level: PlaceLevel, in table: YearTable) -> Int? {
        if YearTable.level(of: code) == level { return code }
        let chain = table.ancestors(of: code)
        if let match = chain.first(where: { YearTable.level(of: $0) == level }) { return match }
        guard let nearest = chain.first, nearest != YearTable.rootCode else { return nil }
        return nearest
    }

    private mutating func classify(edges: [(Node, Node)], lonely: [Node], deleted: Set<Int>, added: Set<Int>) {
        var unionFind = UnionFind<Node>()
        var edgeSet: Set<[Node]> = []
        for (a, b) in edges where edgeSet.insert([a, b]).inserted { unionFind.union(a, b) }
        for node in lonely { unionFind.add(node) }
        var components: [Node: [Node]] = [:]
        for node in unionFind.elements { components[unionFind.find(node), default: []].append(node) }
        let uniqueEdges = edgeSet.map { ($0[0], $0[1]) }
        var edgesByComponent: [Node: [(Node, Node)]] = [:]
        for edge in uniqueEdges { edgesByComponent[unionFind.find(edge.0), default: []].append(edge) }

        for key in components.keys.sorted() {
            guard let nodes = components[key]?.sorted() else { continue }
            let componentEdges = edgesByComponent[key] ?? []
            var gone = nodes.filter { $0.side == .source && deleted.contains($0.code) }
            var new = nodes.filter { $0.side == .target && added.contains($0.code) }
            var pairs: [(Node, Node)] = []
            let linked = Set(componentEdges.map { [$0.0, $0.1] })
            if gone.count == 1, new.count == 1, nodes.count == 2 {
                pairs.append((gone[0], new[0]))
            } else {
                // The same name found again (preferring the same code), then the same code.
                for rule in 0..<3 {
                    for g in gone {
                        guard !pairs.contains(where: { $0.0 == g }) else { continue }
                        let gName = source.name(of: g.code)
                        if let n = new.first(where: { n in
                            !pairs.contains(where: { $0.1 == n }) && linked.contains([g, n]) && {
                                switch rule {
                                case 0: return target.name(of: n.code) == gName && n.code == g.code
                                case 1: return target.name(of: n.code) == gName
                                default: return n.code == g.code
                                }
                            }()
                        }) {
                            pairs.append((g, n))
                        }
                    }
                }
            }
            for (g, n) in pairs { continuations[g.code] = n.code }
            let pairedGone = Set(pairs.map(\.0)), pairedNew = Set(pairs.map(\.1))
            gone.removeAll { pairedGone.contains($0) }
            new.removeAll { pairedNew.contains($0) }

            // Places, not nodes: a continuing pair is one place.
            func placeKey(_ node: Node) -> Node {
                if node.side == .target, let pair = pairs.first(where: { $0.1 == node }) { return pair.0 }
                if node.side == .target, persisting.contains(node.code) { return Node(side: .source, code: node.code) }
                return node
            }
            var donors: [Node] = [], receivers: [Node] = []
            for (from, to) in componentEdges where placeKey(from) != placeKey(to) {
                if !gone.contains(from), !donors.contains(from) { donors.append(from) }
                if !new.contains(to), !receivers.contains(to) { receivers.append(to) }
            }
            donors.sort()
            receivers.sort()
            let descriptions = nodes.flatMap { nodeDescriptions[$0] ?? [] }.reduce(into: [Int]()) { list, d in
                if !list.contains(d) { list.append(d) }
            }
            var participants: [(node: Node, role: ParticipantRole)] = gone.map { ($0, .predecessor) } + new.map { ($0, .successor) }
            let type: ChangeType
            switch (gone.count, new.count) {
            case (0, 0):
                guard !donors.isEmpty || !receivers.isEmpty else { continue }
                type = .transferred
            case (_, 0):
                if receivers.isEmpty { type = .abolished }
                else if receivers.count == 1 { type = .merged }
                else if gone.count == 1 { type = .split }
                else { type = .reorganized }
            case (0, _):
                type = .established
            case (1, _):
                type = (new.count == 1 && receivers.isEmpty) ? .merged : .split
            case (_, 1):
                type = .merged
            default:
                type = .reorganized
            }
            if type == .merged, new.isEmpty, let absorber = receivers.first {
                participants.append((absorber, .successor))
                receivers.removeAll()
            }
            participants += donors.map { ($0, .donor) } + receivers.map { ($0, .receiver) }
            changes.append(Change(type: type, participants: participants, descriptions: descriptions))
        }
    }
}

/// A small union–find over hashable elements, in insertion order.
struct UnionFind<Element: Hashable> {
    private var parent: [Element: Element] = [:]
    private(set) var elements: [Element] = []

    mutating func add(_ element: Element) {
        if parent[element] == nil {
            parent[element] = element
            elements.append(element)
        }
    }

    mutating func find(_ element: Element) -> Element {
        add(element)
        var root = element
        while let next = parent[root], next != root { root = next }
        var current = element
        while let next = parent[current], next != root {
            parent[current] = root
            current = next
        }
        return root
    }

    mutating func union(_ a: Element, _ b: Element) {
        let rootA = find(a), rootB = find(b)
        if rootA != rootB { parent[rootB] = rootA }
    }
}
