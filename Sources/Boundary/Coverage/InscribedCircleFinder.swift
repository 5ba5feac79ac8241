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
/// nearer than the nearest edge found so far or that a ray from the centre crosses. And a cell
/// inside is bounded by the nearer of two boundary points, the nearest one and the nearest on the
/// far side, rather than by its centre's distance plus its half diagonal: across a ribbon those
/// two points are the ribbon's two sides, so a cell far larger than the tolerance can already be
/// ruled out where the ribbon is narrower than the widest place found.
struct InscribedCircleFinder {
    private let edges: EdgeBlocks
    private let minX: Double, minY: Double, maxX: Double, maxY: Double

    /// Indexes a polygon's rings (shell first, then holes), each closed, as (x, y) arrays.
    ///
    /// A polygon wider than tall is indexed with x and y swapped (the radius does not change), so
    /// that the inside test's ray towards +x runs across a long east-west ribbon, not along it
    /// through every block of its edges.
    init(rings: [[(x: Double, y: Double)]]) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for ring in rings {
            for p in ring {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
        if maxX - minX > maxY - minY {
            edges = EdgeBlocks(rings: rings.map { ring in ring.map { (x: $0.y, y: $0.x) } })
            self.minX = minY; self.minY = minX; self.maxX = maxY; self.maxY = maxX
        } else {
            edges = EdgeBlocks(rings: rings)
            self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
        }
    }

    /// The radius, found to within `tolerance` or `relativeTolerance` times itself, whichever is
    /// larger (the true radius is at most that much more).
    func radius(tolerance: Double, relativeTolerance: Double = 0) -> Double {
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
            if c.potential - best.distance <= max(step, best.distance * relativeTolerance) { continue }
            let h = c.half / 2
            for k in 0..<4 {
                let child = cell(c.x + (k & 1 == 0 ? -h : h), c.y + (k < 2 ? -h : h), h)
                if child.distance > best.distance { best = child }
                // A child that cannot beat the best by more than the step is never split: leave it out.
                if child.potential - best.distance > max(step, best.distance * relativeTolerance) { heap.push(child) }
            }
        }
        return max(0, best.distance)
    }

    /// Whether the radius is more than `limit`, decided exactly (up to floating point), and the
    /// distance of the deepest centre seen: more than `limit` when it is.
    ///
    /// The same search, stopped as soon as a centre deeper than `limit` turns up or no cell can hold
    /// one (GEOS's `MaximumInscribedCircle::isRadiusWithin`). It is how a face whose width lies
    /// within the measuring tolerance of the gap width is classified.
    func radiusExceeds(_ limit: Double) -> (exceeds: Bool, deepest: Double) {
        let cellSize = min(maxX - minX, maxY - minY)
        guard cellSize > 0, cellSize.isFinite else { return (false, 0) }
        let smallest = max(limit, cellSize) * 1e-12
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
        var deepest = -Double.infinity
        while let c = heap.pop() {
            deepest = max(deepest, c.distance)
            if c.distance > limit { return (true, c.distance) }
            if c.potential <= limit || c.half < smallest { continue }
            let h = c.half / 2
            for k in 0..<4 {
                let child = cell(c.x + (k & 1 == 0 ? -h : h), c.y + (k < 2 ? -h : h), h)
                if child.distance > limit { return (true, child.distance) }
                deepest = max(deepest, child.distance)
                if child.potential > limit { heap.push(child) }
            }
        }
        return (false, max(0, deepest))
    }

    private func cell(_ x: Double, _ y: Double, _ half: Double) -> Cell {
        let nearest = edges.nearest(x, y)
        let d = nearest.distance
        var potential = d + half * 2.0.squareRoot()
        // Inside, a second boundary point on the far side bounds the cell much more tightly on a
        // ribbon: no point of the cell is farther from the boundary than from both points.
        if d > 0, half > 0,
           let far = edges.nearestBeyond(x, y, awayFrom: nearest.x, nearest.y, within: d + 2 * half * 2.0.squareRoot()) {
            potential = min(potential, Self.farthestFromNearer(of: (nearest.x, nearest.y), far, inSquare: x, y, half))
        }
        return Cell(x: x, y: y, half: half, distance: d, potential: potential)
    }

    /// The largest distance, over the square centred at (`cx`, `cy`) with half side `h`, from a
    /// point of the square to the nearer of `a` and `b`.
    ///
    /// Where `a` is the nearer, the distance to `a` is convex, so it is largest at a corner of that
    /// part of the square: a corner of the square or a point where the bisector of `a` and `b`
    /// crosses the square's sides.
    static func farthestFromNearer(of a: (x: Double, y: Double), _ b: (x: Double, y: Double),
                                   inSquare cx: Double, _ cy: Double, _ h: Double) -> Double {
        func value(_ px: Double, _ py: Double) -> Double {
            let da = (px - a.x) * (px - a.x) + (py - a.y) * (py - a.y)
            let db = (px - b.x) * (px - b.x) + (py - b.y) * (py - b.y)
            return min(da, db)
        }
        let x0 = cx - h, x1 = cx + h, y0 = cy - h, y1 = cy + h
        var best = max(value(x0, y0), value(x1, y0), value(x0, y1), value(x1, y1))
        // The bisector: n · p = k with n = b − a and k = n · (a + b) / 2.
        let nx = b.x - a.x, ny = b.y - a.y
        let k = (nx * (a.x + b.x) + ny * (a.y + b.y)) / 2
        if ny != 0 {
            for x in [x0, x1] {
                let y = (k - nx * x) / ny
                if y >= y0, y <= y1 { best = max(best, value(x, y)) }
            }
        }
        if nx != 0 {
            for y in [y0, y1] {
                let x = (k - ny * y) / nx
                if x >= x0, x <= x1 { best = max(best, value(x, y)) }
            }
        }
        return best.squareRoot()
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
    /// of edges crossed by a ray towards +x) and negative outside, and the nearest boundary point.
    func nearest(_ px: Double, _ py: Double) -> (distance: Double, x: Double, y: Double) {
        var inside = false
        var best = Double.infinity, bestX = px, bestY = py
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
                                        let qx = x1 + t * dx, qy = y1 + t * dy
                                        let d2 = (qx - px) * (qx - px) + (qy - py) * (qy - py)
                                        if d2 < best { best = d2; bestX = qx; bestY = qy }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let d = best.squareRoot()
        return (inside ? d : -d, bestX, bestY)
    }

    /// The signed distance alone (see ``nearest(_:_:)``).
    func signedDistance(_ px: Double, _ py: Double) -> Double { nearest(px, py).distance }

    /// The boundary point nearest to (`px`, `py`) on the far side of the line through it square to
    /// the direction of (`qx`, `qy`), if one lies within `limit`.
    func nearestBeyond(_ px: Double, _ py: Double, awayFrom qx: Double, _ qy: Double,
                       within limit: Double) -> (x: Double, y: Double)? {
        let ux = qx - px, uy = qy - py
        guard ux != 0 || uy != 0 else { return nil }
        var best = limit * limit
        var found: (x: Double, y: Double)?
        let size = Self.blockSize, n = ax.count
        for g in groups.indices where groups[g].squaredDistance(px, py) < best {
            for b in (g * size)..<min(blocks.count, (g + 1) * size) where blocks[b].squaredDistance(px, py) < best {
                for i in (b * size)..<min(n, (b + 1) * size) {
                    var x1 = ax[i], y1 = ay[i], x2 = bx[i], y2 = by[i]
                    // Keep the part of the edge on the far side (s < 0).
                    let s1 = (x1 - px) * ux + (y1 - py) * uy, s2 = (x2 - px) * ux + (y2 - py) * uy
                    if s1 >= 0, s2 >= 0 { continue }
                    if s1 >= 0 {
                        let t = s1 / (s1 - s2)
                        x1 += t * (x2 - x1); y1 += t * (y2 - y1)
                    } else if s2 >= 0 {
                        let t = s2 / (s2 - s1)
                        x2 += t * (x1 - x2); y2 += t * (y1 - y2)
                    }
                    let dx = x2 - x1, dy = y2 - y1
                    let len2 = dx * dx + dy * dy
                    var t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0
                    t = max(0, min(1, t))
                    let cx = x1 + t * dx, cy = y1 + t * dy
                    let d2 = (cx - px) * (cx - px) + (cy - py) * (cy - py)
                    if d2 < best { best = d2; found = (cx, cy) }
                }
            }
        }
        return found
    }
}
