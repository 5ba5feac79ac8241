@testable import Boundary
import Foundation
import GEOSKit
import Testing

/// The indexed inscribed-circle search against a brute-force distance and against GEOS's
/// `MaximumInscribedCircle`, on long wiggly ribbons (the gaps of a dirty layer) and on polygons
/// with holes.
@Suite struct InscribedCircleTests {
    /// A ribbon `length` long along a slanted line, `width` wide at most, its two sides wiggling
    /// by a deterministic pattern, `n` vertices per side.
    static func ribbon(length: Double, width: Double, n: Int, angle: Double = 0.3) -> [(x: Double, y: Double)] {
        let c = cos(angle), s = sin(angle)
        func place(_ u: Double, _ v: Double) -> (x: Double, y: Double) { (x: 5000 + u * c - v * s, y: 7000 + u * s + v * c) }
        var top: [(x: Double, y: Double)] = [], bottom: [(x: Double, y: Double)] = []
        for i in 0...n {
            let u = length * Double(i) / Double(n)
            let taper = sin(Double.pi * Double(i) / Double(n))
            let wiggle = 0.5 + 0.5 * abs(sin(Double(i) * 1.7))
            top.append(place(u, width / 2 * taper * wiggle))
            bottom.append(place(u, -width / 2 * taper * (1 - 0.3 * wiggle)))
        }
        // Counter-clockwise: along the bottom, back along the top.
        var ring = bottom
        ring += top.reversed().dropFirst()
        return ring
    }

    static func bruteSignedDistance(_ rings: [[(x: Double, y: Double)]], _ px: Double, _ py: Double) -> Double {
        var inside = false
        var best = Double.infinity
        for ring in rings {
            for i in 0..<(ring.count - 1) {
                let a = ring[i], b = ring[i + 1]
                if (a.y > py) != (b.y > py), px < (b.x - a.x) * (py - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                let dx = b.x - a.x, dy = b.y - a.y
                let len2 = dx * dx + dy * dy
                let t = max(0, min(1, len2 > 0 ? ((px - a.x) * dx + (py - a.y) * dy) / len2 : 0))
                let qx = a.x + t * dx - px, qy = a.y + t * dy - py
                best = min(best, qx * qx + qy * qy)
            }
        }
        return inside ? best.squareRoot() : -best.squareRoot()
    }

    @Test func indexedDistanceEqualsBruteForce() {
        let shell = Self.ribbon(length: 20_000, width: 40, n: 400)
        let hole = [(x: 9000.0, y: 8200.0), (x: 9000, y: 8204), (x: 8996, y: 8204), (x: 8996, y: 8200), (x: 9000, y: 8200)]
        let rings = [shell, hole]
        let edges = EdgeBlocks(rings: rings)
        var seed: UInt64 = 7
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        var insideCount = 0
        for k in 0..<4000 {
            // Half the points near the ribbon's axis, half anywhere in its box.
            let u = next() * 20_000, v = (k % 2 == 0 ? 60 : 8000) * (next() - 0.5)
            let px = 5000 + u * cos(0.3) - v * sin(0.3), py = 7000 + u * sin(0.3) + v * cos(0.3)
            let expected = Self.bruteSignedDistance(rings, px, py)
            let got = edges.signedDistance(px, py)
            #expect(got == expected, "at (\(px), \(py))")
            if expected > 0 { insideCount += 1 }
        }
        #expect(insideCount > 200)
    }

    @Test(arguments: [(20_000.0, 40.0, 400), (3_000.0, 6.0, 60), (50_000.0, 90.0, 1200)])
    func ribbonRadiusAgreesWithGEOS(length: Double, width: Double, n: Int) throws {
        let ring = Self.ribbon(length: length, width: width, n: n)
        let tolerance = width / 2 / 200
        let ours = InscribedCircleFinder(rings: [ring]).radius(tolerance: tolerance)
        let context = try GEOSContext()
        let polygon = try context.polygon(shell: ring.map { Coordinate(x: $0.x, y: $0.y) })
        let theirs = try polygon.maximumInscribedCircle(tolerance: tolerance).radius
        #expect(abs(ours - theirs) <= 2 * tolerance, "ours \(ours), GEOS \(theirs)")
        #expect(ours > width / 4 && ours <= width / 2)
    }

    @Test func squareWithHoleRadius() throws {
        // A 100 × 100 square with a 20 × 20 hole in a corner: the widest circle sits in the far
        // corner region, clear of the hole.
        let shell = [(x: 0.0, y: 0.0), (x: 100, y: 0), (x: 100, y: 100), (x: 0, y: 100), (x: 0, y: 0)]
        let hole = [(x: 10.0, y: 10.0), (x: 10, y: 30), (x: 30, y: 30), (x: 30, y: 10), (x: 10, y: 10)]
        let ours = InscribedCircleFinder(rings: [shell, hole]).radius(tolerance: 0.01)
        let context = try GEOSContext()
        let polygon = try context.polygon(shell: shell.map { Coordinate(x: $0.x, y: $0.y) },
                                          holes: [hole.map { Coordinate(x: $0.x, y: $0.y) }])
        let theirs = try polygon.maximumInscribedCircle(tolerance: 0.01).radius
        #expect(abs(ours - theirs) <= 0.03, "ours \(ours), GEOS \(theirs)")
        #expect(ours < 50)
    }

    @Test func radiusDecisionAgreesWithAFineSearch() throws {
        let ring = Self.ribbon(length: 20_000, width: 40, n: 400)
        let finder = InscribedCircleFinder(rings: [ring])
        let r = finder.radius(tolerance: 1e-4)
        let below = finder.radiusExceeds(r * 0.99)
        #expect(below.exceeds)
        #expect(below.deepest > r * 0.99 && below.deepest <= r + 1e-4)
        #expect(!finder.radiusExceeds(r * 1.01).exceeds)
        // The coarse answer is a lower bound within its tolerance.
        let coarse = finder.radius(tolerance: 1, relativeTolerance: 0.05)
        #expect(coarse <= r + 1e-4 && coarse >= r - max(1, 0.05 * r))
    }

    @Test func twoPointBoundIsTheMaximumOverTheSquare() {
        // Sampled densely, the nearer-of-two distance never exceeds the bound and comes close to it.
        let cases: [((x: Double, y: Double), (x: Double, y: Double), Double, Double, Double)] = [
            ((0, -3), (0, 3), 0, 0, 2), ((1, -3), (-2, 4), 0.5, 0.2, 5), ((10, 10), (10, 11), 0, 0, 1), ((-1, 0), (1, 0), 0, 0, 3),
        ]
        for (a, b, cx, cy, h) in cases {
            let bound = InscribedCircleFinder.farthestFromNearer(of: a, b, inSquare: cx, cy, h)
            var sampled = 0.0
            for i in 0...200 {
                for j in 0...200 {
                    let px = cx - h + 2 * h * Double(i) / 200, py = cy - h + 2 * h * Double(j) / 200
                    let d = min(((px - a.x) * (px - a.x) + (py - a.y) * (py - a.y)).squareRoot(),
                                ((px - b.x) * (px - b.x) + (py - b.y) * (py - b.y)).squareRoot())
                    sampled = max(sampled, d)
                }
            }
            #expect(sampled <= bound + 1e-9)
            #expect(sampled >= bound - 2 * h / 200 * 1.5)
        }
    }
}
