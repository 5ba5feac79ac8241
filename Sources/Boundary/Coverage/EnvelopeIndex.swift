import GEOSKit

/// A static, STR-packed R-tree over bounding boxes: "which items' boxes meet this box?".
///
/// GEOS's `STRtree` holds GEOS geometries and lives in one context; this index holds only
/// boxes, so it is built once from the flat layer and shared read-only by every worker
/// (it is `Sendable`). Items are numbered by their position in the input.
struct EnvelopeIndex: Sendable {
    private static let nodeCapacity = 16

    /// Boxes of all nodes, four values each (minX, minY, maxX, maxY); leaves first, root last.
    private var boxes: [Double] = []
    /// The item at each leaf.
    private var leafItem: [Int32] = []
    /// The first node of each level; level 0 holds the leaves.
    private var levelStart: [Int] = []

    /// The number of items indexed.
    var count: Int { leafItem.count }

    /// Builds the tree over `envelopes`; `nil` entries are left out.
    init(_ envelopes: [Envelope?]) {
        var items: [(Int32, Envelope)] = []
        items.reserveCapacity(envelopes.count)
        for (i, e) in envelopes.enumerated() { if let e { items.append((Int32(i), e)) } }
        build(items)
    }

    /// Builds the tree over boxes given with their item numbers.
    init(items: [(Int32, Envelope)]) {
        build(items)
    }

    private mutating func build(_ input: [(Int32, Envelope)]) {
        guard !input.isEmpty else { return }
        let capacity = Self.nodeCapacity
        // Sort-Tile-Recursive: vertical slices by centre x, each sorted by centre y.
        var items = input.sorted { ($0.1.minX + $0.1.maxX) < ($1.1.minX + $1.1.maxX) }
        let leafNodes = (items.count + capacity - 1) / capacity
        let slices = max(1, Int(Double(leafNodes).squareRoot().rounded(.up)))
        let perSlice = slices * capacity
        var start = 0
        while start < items.count {
            let end = min(items.count, start + perSlice)
            items[start..<end].sort { ($0.1.minY + $0.1.maxY) < ($1.1.minY + $1.1.maxY) }
            start = end
        }
        leafItem = items.map(\.0)
        boxes.reserveCapacity(items.count * 4 * 2)
        for (_, e) in items { boxes += [e.minX, e.minY, e.maxX, e.maxY] }
        levelStart = [0]
        var levelBegin = 0
        var levelCount = items.count
        while levelCount > 1 {
            let parents = (levelCount + capacity - 1) / capacity
            let nextBegin = levelBegin + levelCount
            levelStart.append(nextBegin)
            for p in 0..<parents {
                var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
                for c in (p * capacity)..<min(levelCount, (p + 1) * capacity) {
                    let b = (levelBegin + c) * 4
                    minX = min(minX, boxes[b]); minY = min(minY, boxes[b + 1])
                    maxX = max(maxX, boxes[b + 2]); maxY = max(maxY, boxes[b + 3])
                }
                boxes += [minX, minY, maxX, maxY]
            }
            levelBegin = nextBegin
            levelCount = parents
        }
    }

    /// Calls `visit` with every item whose box meets `query` (boundaries included).
    func query(_ query: Envelope, _ visit: (Int) -> Void) {
        guard !leafItem.isEmpty else { return }
        let capacity = Self.nodeCapacity
        // A depth-first walk; at most `capacity` entries wait per level, so the stack is small
        // and lives on the call stack (queries run millions of times).
        let stackSize = capacity * levelStart.count + 1
        withUnsafeTemporaryAllocation(of: (level: Int32, index: Int32).self, capacity: stackSize) { stack in
            var top = 0
            stack[0] = (Int32(levelStart.count - 1), 0)
            top = 1
            while top > 0 {
                top -= 1
                let level = Int(stack[top].level), index = Int(stack[top].index)
                let b = (levelStart[level] + index) * 4
                if boxes[b] > query.maxX || boxes[b + 2] < query.minX || boxes[b + 1] > query.maxY || boxes[b + 3] < query.minY {
                    continue
                }
                if level == 0 {
                    visit(Int(leafItem[index]))
                } else {
                    let childCount = levelStart[level] - levelStart[level - 1]
                    let first = index * capacity
                    for c in first..<min(childCount, first + capacity) {
                        stack[top] = (Int32(level - 1), Int32(c))
                        top += 1
                    }
                }
            }
        }
    }

    /// The items whose boxes meet `query`, in ascending order.
    func items(intersecting query: Envelope) -> [Int] {
        var hits: [Int] = []
        self.query(query) { hits.append($0) }
        return hits.sorted()
    }
}
