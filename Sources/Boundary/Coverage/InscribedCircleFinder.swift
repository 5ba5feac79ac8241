/// The radius of the widest circle inside a polygon, by branch and bound over square cells.
///
/// The same search as GEOS's `MaximumInscribedCircle` (and "polylabel"): cover the polygon's
/// box with square cells, and repeatedly split the cell whose centre distance plus half
/// diagonal could still beat the best centre found, until none can beat it by more than the
/// tolerance. It works straight on coordinate arrays, without the indexes GEOS builds per call,
/// which makes it many times faster on the small polygons gaps are (a gap of a dirty layer has
/// a handful of vertices, and there are tens of thousands of them).
struct InscribedCircleFinder {
    /// The polygon's rings (shell first, then holes), each closed, as (x, y) arrays.
    let rings: [[(x: Double, y: Double)]]

    /// The radius, found to within `tolerance` (the true radius is at most `tolerance` more).
    func radius(tolerance: Double) -> Double {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for ring in rings {
            for p in ring {
                minX = min(minX, p.x); maxX = max(maxX, p.x)
                minY = min(minY, p.y); maxY = max(maxY, p.y)
            }
        }
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
        let d = signedDistance(x, y)
        return Cell(x: x, y: y, half: half, distance: d, potential: d + half * 2.0.squareRoot())
    }

    /// Distance to the nearest edge, positive inside the polygon and negative outside.
    private func signedDistance(_ px: Double, _ py: Double) -> Double {
        var inside = false
        var best = Double.infinity
        for ring in rings {
            for i in 0..<max(0, ring.count - 1) {
                let a = ring[i], b = ring[i + 1]
                if (a.y > py) != (b.y > py), px < (b.x - a.x) * (py - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                let dx = b.x - a.x, dy = b.y - a.y
                let len2 = dx * dx + dy * dy
                var t = len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0
                t = max(0, min(1, t))
                let qx = a.x + t * dx - px, qy = a.y + t * dy - py
                best = min(best, qx * qx + qy * qy)
            }
        }
        let d = best.squareRoot()
        return inside ? d : -d
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
