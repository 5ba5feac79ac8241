import GEOSKit

/// A run of coordinates held as plain arrays: interleaved x,y and, when the data has heights, z.
///
/// Writers walk geometries as shapes (copied out of GEOS once, through WKB), which keeps the
/// per-coordinate work in Swift arrays instead of one GEOS call per point.
struct Path: Equatable {
    /// x0, y0, x1, y1, …
    var xy: [Double]
    /// One height per point, or `nil` for 2D data.
    var z: [Double]?

    init(xy: [Double] = [], z: [Double]? = nil) {
        self.xy = xy
        self.z = z
    }

    var count: Int { xy.count / 2 }
    var isEmpty: Bool { xy.isEmpty }

    func x(_ i: Int) -> Double { xy[2 * i] }
    func y(_ i: Int) -> Double { xy[2 * i + 1] }

    /// Twice the signed area of a closed ring (shoelace): positive when counter-clockwise.
    var signedArea2: Double {
        let n = count
        guard n >= 3 else { return 0 }
        var s = 0.0
        let x0 = xy[0], y0 = xy[1]   // shifted to the first point for precision
        for i in 0..<(n - 1) {
            let ax = xy[2 * i] - x0, ay = xy[2 * i + 1] - y0
            let bx = xy[2 * i + 2] - x0, by = xy[2 * i + 3] - y0
            s += ax * by - bx * ay
        }
        return s
    }

    var isCounterClockwise: Bool { signedArea2 > 0 }

    /// The points in reverse order.
    func reversed() -> Path {
        let n = count
        var out = [Double](repeating: 0, count: xy.count)
        for i in 0..<n {
            out[2 * i] = xy[2 * (n - 1 - i)]
            out[2 * i + 1] = xy[2 * (n - 1 - i) + 1]
        }
        return Path(xy: out, z: z.map { Array($0.reversed()) })
    }

    /// Whether the point lies inside the closed ring (even-odd rule; boundary counts as either).
    func ringContains(x px: Double, y py: Double) -> Bool {
        let n = count
        var inside = false
        var j = n - 1
        for i in 0..<n {
            let xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1]
            if (yi > py) != (yj > py), px < (xj - xi) * (py - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside
    }

    /// The bounding box, or `nil` when empty.
    var envelope: Envelope? {
        guard !xy.isEmpty else { return nil }
        var e = Envelope(minX: xy[0], minY: xy[1], maxX: xy[0], maxY: xy[1])
        var i = 2
        while i < xy.count {
            let x = xy[i], y = xy[i + 1]
            if x < e.minX { e.minX = x } else if x > e.maxX { e.maxX = x }
            if y < e.minY { e.minY = y } else if y > e.maxY { e.maxY = y }
            i += 2
        }
        return e
    }

    /// The range of heights, or `nil` for 2D or empty paths.
    var zRange: (Double, Double)? {
        guard let z, let first = z.first else { return nil }
        return z.reduce((first, first)) { (Swift.min($0.0, $1), Swift.max($0.1, $1)) }
    }
}

/// A geometry as plain arrays, in the OGC simple-features structure.
indirect enum Shape: Equatable {
    /// A point (one coordinate), or an empty point (none).
    case point(Path)
    case lineString(Path)
    /// Rings, the first the shell.
    case polygon([Path])
    /// One path of one point per member.
    case multiPoint([Path])
    case multiLineString([Path])
    case multiPolygon([[Path]])
    case collection([Shape])

    /// The geometry type, as GEOS and WKB number them.
    var type: GeometryType {
        switch self {
        case .point: return .point
        case .lineString: return .lineString
        case .polygon: return .polygon
        case .multiPoint: return .multiPoint
        case .multiLineString: return .multiLineString
        case .multiPolygon: return .multiPolygon
        case .collection: return .geometryCollection
        }
    }

    /// Every path (points, lines, rings) in order.
    var paths: [Path] {
        switch self {
        case let .point(p), let .lineString(p): return [p]
        case let .polygon(r): return r
        case let .multiPoint(ps), let .multiLineString(ps): return ps
        case let .multiPolygon(polys): return polys.flatMap { $0 }
        case let .collection(members): return members.flatMap(\.paths)
        }
    }

    /// Whether the shape has no coordinates.
    var isEmpty: Bool { paths.allSatisfy(\.isEmpty) }

    /// Whether any coordinate carries a height.
    var hasZ: Bool { paths.contains { $0.z != nil && !$0.isEmpty } }

    /// The bounding box of all coordinates, or `nil` when empty.
    var envelope: Envelope? {
        paths.compactMap(\.envelope).reduce(nil) { acc, e in acc.map { $0.union(e) } ?? e }
    }

    /// The polygons of a polygon or multipolygon (an empty list otherwise).
    var polygons: [[Path]] {
        switch self {
        case let .polygon(r): return r.isEmpty ? [] : [r]
        case let .multiPolygon(p): return p
        case let .collection(m): return m.flatMap(\.polygons)
        default: return []
        }
    }

    /// A copy with polygon rings oriented: shells counter-clockwise and holes clockwise when
    /// `exteriorCounterClockwise` (RFC 7946), the reverse otherwise (Shapefile).
    func orientingRings(exteriorCounterClockwise: Bool) -> Shape {
        func orient(_ rings: [Path]) -> [Path] {
            rings.enumerated().map { k, r in
                let wantCCW = (k == 0) == exteriorCounterClockwise
                return r.isCounterClockwise == wantCCW ? r : r.reversed()
            }
        }
        switch self {
        case let .polygon(r): return .polygon(orient(r))
        case let .multiPolygon(p): return .multiPolygon(p.map(orient))
        case let .collection(m): return .collection(m.map { $0.orientingRings(exteriorCounterClockwise: exteriorCounterClockwise) })
        default: return self
        }
    }
}

extension Shape {
    /// The shape of a GEOS geometry (copied out through WKB).
    init(_ geometry: Geometry) throws {
        var reader = WKBReader(bytes: try geometry.wkb())
        self = try reader.read()
    }

    /// The shape as a GEOS geometry.
    func geometry(in context: GEOSContext) throws -> Geometry {
        try context.geometry(wkb: WKBWriter.wkb(self))
    }
}
