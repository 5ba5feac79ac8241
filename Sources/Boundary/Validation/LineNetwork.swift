import GEOSKit

/// One end of one part of a boundary line.
public struct LineEnd: Hashable, Sendable {
    /// The line's index in the survey.
    public var line: Int
    /// The part of the line (0 for a single line string).
    public var part: Int
    /// Whether it is the part's first point (else its last).
    public var isStart: Bool
    /// Where it is.
    public var position: Coordinate
}

/// A node of the line network: where line ends meet (within the profile's node tolerance).
public struct NetworkNode: Sendable {
    /// The position of the first end seen there.
    public var position: Coordinate
    /// The line ends meeting here.
    public var ends: [LineEnd]
    /// How many line ends meet here: 1 is a free end, 2 a pass-through, 3 or more a junction.
    public var degree: Int { ends.count }
    /// The indices of the lines meeting here.
    public var lines: Set<Int> { Set(ends.map(\.line)) }
}

/// The nodes of a set of boundary lines, found once from their end points.
///
/// ```swift
/// let junctions = try prepared.network.nodes.filter { $0.degree >= 3 }
/// ```
public struct LineNetwork: Sendable {
    /// Every node.
    public private(set) var nodes: [NetworkNode] = []
    /// The node of each line end.
    public private(set) var nodeOfEnd: [LineEnd: Int] = [:]

    /// Builds the nodes of `lines`, joining ends closer than `tolerance` metres.
    ///
    /// - Throws: a `GEOSError` when a line's coordinates cannot be read.
    public init(lines: [BoundaryLine], tolerance: Double) throws {
        let cell = max(tolerance, 1e-6) * 2
        var grid: [GridKey: [Int]] = [:]
        for (li, line) in lines.enumerated() {
            for (pi, part) in line.parts.enumerated() {
                let pts = try part.coordinates()
                guard let first = pts.first, let last = pts.last else { continue }
                for (pos, isStart) in [(first, true), (last, false)] {
                    let end = LineEnd(line: li, part: pi, isStart: isStart, position: pos)
                    let key = GridKey(x: Int((pos.x / cell).rounded(.down)), y: Int((pos.y / cell).rounded(.down)))
                    var found: Int?
                    search: for dx in -1...1 {
                        for dy in -1...1 {
                            for n in grid[GridKey(x: key.x + dx, y: key.y + dy)] ?? [] where Plane.distance(nodes[n].position, pos) <= tolerance {
                                found = n
                                break search
                            }
                        }
                    }
                    if let n = found {
                        nodes[n].ends.append(end)
                        nodeOfEnd[end] = n
                    } else {
                        nodes.append(NetworkNode(position: pos, ends: [end]))
                        nodeOfEnd[end] = nodes.count - 1
                        grid[key, default: []].append(nodes.count - 1)
                    }
                }
            }
        }
    }

    private struct GridKey: Hashable {
        var x: Int
        var y: Int
    }
}
