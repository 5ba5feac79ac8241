/// The radius of the widest circle inside a polygon, by branch and bound over square cells.
///
/// The same search as GEOS's `MaximumInscribedCircle` (and "polylabel"): cover the polygon's
/// box with square cells, and repeatedly split the cell whose centre distance plus half
/// diagonal could still beat the best centre found, until none can beat it by more than the
/// tolerance. It works straight on coordinate arrays, which makes it many times faster than a
/// GEOS call on the small polygons gaps are (tens of thousands of them on a dirty layer).
///
/// The gaps of a dirty layer are mostly long ribbons: kilometres long, metres wide, hundreds of
/// vertices. The search then visits thousands of cells along the ribbon, and each visit needs the
/// distance to the nearest edge and whether the centre is inside. Both come from a two-level
/// index of the edges in ring order (``EdgeBlocks``): consecutive edges lie close together, so the
/// box of every 8 edges, and of every 64, is tight, and a visit only opens the blocks whose box is
/// nearer than the nearest edge found so far or that a ray from the centre crosses.
struct InscribedCircleFinder {
    private let edges: EdgeBlocks
    private let minX: Double, minY: Double, maxX: Double, maxY: Double

    /// Indexes a polygon's rings (shell first, then holes), each closed, as (x, y) arrays.
    init(rings: [[(x: Double, y: Double)]]) {
        edges = EdgeBlocks(rings: rings)
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for ring in rings {
            for p in ring {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// The radius, found to within `tolerance` (the true radius is at most `tolerance` more).
    func radius(tolerance: Double) -> Double {
        let cellSize = min(maxX - minX, maxY - minY)
        guard cellSize > 0, cellSize.isFinite else { return 0 }
        let step = max(tolerance, cellSize * 1e-12)
        var heap = CellHeap()
        let half = cellSize / 2
        var x = minX
        while x < maxX {
            var y = minY
            while y < maxY {
                heap.push(cell(x + half, y + half, half))
                y += cellSize
            }
            x += cellSize
        }
        var best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0)
        while let c = heap.pop() {
            if c.distance > best.distance { best = c }
            if c.potential - best.distance <= step { continue }
            let h = c.half / 2
            for k in 0..<4 {
                let child = cell(c.x + (k & 1 == 0 ? -h : h), c.y + (k < 2 ? -h : h), h)
                if child.distance > best.distance { best = child }
                // A child that cannot beat the best by more than the step is never split: leave it out.
                if child.potential - best.distance > step { heap.push(child) }
            }
        }
        return max(0, best.distance)
    }

    private func cell(_ x: Double, _ y: Double, _ half: Double) -> Cell {
        let d = edges.signedDistance(x, y)
        return Cell(x: x, y: y, half: half, distance: d, potential: d + half * 2.0.squareRoot())
    }

    private struct Cell {
        var x: Double, y: Double, half: Double, distance: Double, potential: Double
    }

    /// A binary max-heap of cells by potential.
    private struct CellHeap {
        private var items: [Cell] = []

        mutating func push(_ c: Cell) {
            items.append(c)
            var i = items.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if items[parent].potential >= items[i].potential { break }
                items.swapAt(parent, i)
                i = parent
            }
        }

        mutating func pop() -> Cell? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if items.isEmpty { return top }
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].potential > items[m].potential { m = l }
                if r < items.count, items[r].potential > items[m].potential { m = r }
                if m == i { break }
                items.swapAt(m, i)
                i = m
            }
            return top
        }
    }
}

/// A polygon's edges in ring order, with the boxes of every ``blockSize`` edges and of every
/// ``blockSize`` blocks, for the signed distance from a point to the polygon's boundary.
struct EdgeBlocks {
    /// Edges per block, and blocks per group.
    static let blockSize = 8

    /// Edge `i` runs from (`ax[i]`, `ay[i]`) to (`bx[i]`, `by[i]`).
    private var ax: [Double] = [], ay: [Double] = [], bx: [Double] = [], by: [Double] = []
    /// The boxes of blocks of edges, and of groups of blocks.
    private var blocks: [Box] = [], groups: [Box] = []

    struct Box {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity

        mutating func add(_ x: Double, _ y: Double) {
            minX = min(minX, x); maxX = max(maxX, x)
            minY = min(minY, y); maxY = max(maxY, y)
        }

        mutating func add(_ b: Box) {
            minX = min(minX, b.minX); maxX = max(maxX, b.maxX)
            minY = min(minY, b.minY); maxY = max(maxY, b.maxY)
        }

        /// The squared distance from a point to the box (0 inside it).
        func squaredDistance(_ x: Double, _ y: Double) -> Double {
            let dx = max(minX - x, 0, x - maxX), dy = max(minY - y, 0, y - maxY)
            return dx * dx + dy * dy
        }

        /// Whether an edge inside the box could cross the ray from (`x`, `y`) towards +x.
        func mayCrossRay(_ x: Double, _ y: Double) -> Bool {
            maxX > x && minY <= y && maxY > y
        }
    }

    init(rings: [[(x: Double, y: Double)]]) {
        for ring in rings {
            for i in 0..<max(0, ring.count - 1) {
                ax.append(ring[i].x); ay.append(ring[i].y)
                bx.append(ring[i + 1].x); by.append(ring[i + 1].y)
            }
        }
        let n = ax.count, size = Self.blockSize
        for start in stride(from: 0, to: n, by: size) {
            var box = Box()
            for i in start..<min(n, start + size) {
                box.add(ax[i], ay[i])
                box.add(bx[i], by[i])
            }
            blocks.append(box)
        }
        for start in stride(from: 0, to: blocks.count, by: size) {
            var box = Box()
            for b in start..<min(blocks.count, start + size) { box.add(blocks[b]) }
            groups.append(box)
        }
    }

    /// Distance from (`px`, `py`) to the nearest edge, positive inside the polygon (an odd number
    /// of edges crossed by a ray towards +x) and negative outside.
    func signedDistance(_ px: Double, _ py: Double) -> Double {
        var inside = false
        var best = Double.infinity
        let size = Self.blockSize, n = ax.count
        ax.withUnsafeBufferPointer { ax in
            ay.withUnsafeBufferPointer { ay in
                bx.withUnsafeBufferPointer { bx in
                    by.withUnsafeBufferPointer { by in
                        for g in groups.indices {
                            let group = groups[g]
                            let near = group.squaredDistance(px, py) < best
                            guard near || group.mayCrossRay(px, py) else { continue }
                            for b in (g * size)..<min(blocks.count, (g + 1) * size) {
                                let block = blocks[b]
                                let blockNear = block.squaredDistance(px, py) < best
                                let blockCrosses = block.mayCrossRay(px, py)
                                guard blockNear || blockCrosses else { continue }
                                for i in (b * size)..<min(n, (b + 1) * size) {
                                    let x1 = ax[i], y1 = ay[i], x2 = bx[i], y2 = by[i]
                                    if blockCrosses, (y1 > py) != (y2 > py), px < (x2 - x1) * (py - y1) / (y2 - y1) + x1 {
                                        inside.toggle()
                                    }
                                    if blockNear {
                                        let dx = x2 - x1, dy = y2 - y1
                                        let len2 = dx * dx + dy * dy
                                        var t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0
                                        t = max(0, min(1, t))
                                        let qx = x1 + t * dx - px, qy = y1 + t * dy - py
                                        best = min(best, qx * qx + qy * qy)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let d = best.squareRoot()
        return inside ? d : -d
    }
}
