import CRS
import GEOSKit

/// Brings small geometries of a coverage into metres before they are measured (one per worker).
///
/// Geographic input (longitude/latitude on CGCS2000 or WGS84) is projected to the CGCS2000 3°
/// Gauss-Krüger zone whose band holds the geometry's middle longitude, through the CRS
/// module's ``CoordinateTransform``; outside those zones, or when the geometry reaches beyond
/// its zone, to a ``LocalTransverseMercator`` centred on it. Metric input is measured as it is.
/// Not `Sendable`: it caches PROJ transforms, which are single-thread.
final class MetricMeasurer {
    private let isGeographic: Bool
    private var zoneTransforms: [Int: CoordinateTransform] = [:]

    init(isGeographic: Bool) {
        self.isGeographic = isGeographic
    }

    /// The geometry in metres (itself when the layer is metric).
    func metric(_ geometry: Geometry) throws -> Geometry {
        guard isGeographic, let env = try geometry.envelope else { return geometry }
        let middle = (env.minX + env.maxX) / 2
        if let zone = try? GaussKrugerZone.bestZone(for: middle),
           zone.longitudeDomain.contains(env.minX), zone.longitudeDomain.contains(env.maxX) {
            let transform: CoordinateTransform
            if let t = zoneTransforms[zone.number] {
                transform = t
            } else {
                do {
                    transform = try CoordinateTransform(from: .cgcs2000, to: .cgcs2000GaussKruger(zone, withZonePrefix: false))
                } catch {
                    throw CoverageError.projection(error)
                }
                zoneTransforms[zone.number] = transform
            }
            do {
                return try geometry.transformedXY { xy in try transform.transform(interleaved: xy) }
            } catch let error as CRSError {
                throw CoverageError.projection(error)
            }
        }
        let local = LocalTransverseMercator(centralMeridian: middle)
        return try geometry.transformedXY { xy in local.forward(interleaved: xy) }
    }

    /// The area in square metres.
    func area(_ geometry: Geometry) throws -> Double { try metric(geometry).area }

    /// The length (or perimeter) in metres.
    func length(_ geometry: Geometry) throws -> Double { try metric(geometry).length }

    /// The diameter in metres of the widest circle inside a polygon, to a few hundredths of itself,
    /// and to a two-hundredth of `threshold` when it is that close to `threshold`; on the right
    /// side of `threshold` always (less than it exactly when the true width is).
    ///
    /// The inscribed radius is at most about 2·area/perimeter for the compact shapes gaps have,
    /// which sets the search step (a twentieth of that) from the polygon's own scale, so a long
    /// thin sliver costs as little as a compact gap. The step also grows to a twentieth of the
    /// widest place found (a ribbon a hair wide most of its length but wide in one place is
    /// measured to that place's scale), and to the length ÷ ``searchSteps`` (a 70 km ribbon a
    /// centimetre wide is measured to 0.35 m, not searched in 700,000 steps of 0.1 m). Only a
    /// width near the threshold is searched more finely. The search is ``InscribedCircleFinder``'s.
    func width(_ geometry: Geometry, threshold: Double) throws -> Double {
        let m = try metric(geometry)
        let area = try m.area, perimeter = try m.length
        guard area > 0, perimeter > 0 else { return 0 }
        // A triangle's inscribed circle is exact: diameter 4·area/perimeter. Slivers are mostly
        // triangles, often with extra vertices on their straight sides.
        if try m.type == .polygon, try m.interiorRings.isEmpty, try Self.isTriangle(m.exteriorRing.coordinates()) {
            return 4 * area / perimeter
        }
        var width = 0.0
        for part in try m.parts() where try part.type == .polygon {
            let rings = try ([part.exteriorRing] + part.interiorRings).map { ring in
                try ring.coordinates().map { (x: $0.x, y: $0.y) }
            }
            let finder = InscribedCircleFinder(rings: rings)
            let partArea = try part.area, partPerimeter = try part.length
            guard partArea > 0, partPerimeter > 0 else { continue }
            // Never finer than a thousandth of the threshold (or a millionth of the part's size):
            // a sliver a few micrometres wide need not be measured to the nanometre.
            let floor = max(threshold / 1000, partPerimeter * 1e-6, 1e-9)
            // The search visits about length ÷ step cells along a ribbon: a ribbon tens of
            // kilometres long and centimetres wide is measured to its length ÷ 200,000.
            let coarse = max(floor, 2 * partArea / partPerimeter / 20, partPerimeter / 2 / Self.searchSteps)
            var w = 2 * finder.radius(tolerance: coarse, relativeTolerance: 0.05)
            // Near the threshold: measured more finely, and which side of it the face lies on
            // decided exactly (the search only ever finds a lower bound).
            if abs(w - threshold) <= 2 * coarse {
                let fine = max(floor, threshold / 200)
                if fine < coarse { w = 2 * finder.radius(tolerance: fine) }
                let decision = finder.radiusExceeds(threshold / 2)
                if decision.exceeds { w = max(w, 2 * decision.deepest) } else { w = min(w, threshold.nextDown) }
            }
            width = max(width, w)
        }
        return width
    }

    /// The number of steps of the search's tolerance a ribbon's length may hold at most.
    static let searchSteps = 200_000.0

    /// Whether a closed ring has exactly three corners: vertices where the ring turns by more
    /// than a nanoradian (a sliver's base often carries the neighbour's vertex, on the straight
    /// line between its ends but for rounding; it changes the width by far less than a micrometre).
    static func isTriangle(_ ring: [Coordinate]) -> Bool {
        let n = ring.count - 1
        guard n >= 3, n <= 16 else { return false }
        var corners = 0
        for i in 0..<n {
            let a = ring[(i + n - 1) % n], b = ring[i], c = ring[(i + 1) % n]
            let ux = b.x - a.x, uy = b.y - a.y, vx = c.x - b.x, vy = c.y - b.y
            let cross = ux * vy - uy * vx
            let lengths = (ux * ux + uy * uy).squareRoot() * (vx * vx + vy * vy).squareRoot()
            if abs(cross) > 1e-9 * lengths || ux * vx + uy * vy < 0 { corners += 1 }
        }
        return corners == 3
    }
}
