import CPROJ

/// A transform of coordinates from one CRS to another, done by PROJ (and by ``GCJ02`` for GCJ-02).
///
/// Coordinates are always x = longitude / easting and y = latitude / northing, whatever
/// axis order the EPSG definition has (EPSG:4490 and the CGCS2000 Gauss-Krüger CRSs are
/// latitude-first and northing-first by the book; quhua asks PROJ for the visualisation
/// order with `proj_normalize_for_visualization`).
///
/// A transform owns its own PROJ context and PROJ objects and destroys them when released.
/// PROJ contexts are single-thread, so a transform is not `Sendable`: make one per thread
/// or task (creating one takes well under a millisecond after PROJ's database is warm).
///
/// Transforms to and from GCJ-02 go through WGS84: GCJ-02 is an offset of WGS84
/// longitude/latitude, and CGCS2000 is taken as equal to WGS84 (they differ by a few
/// centimetres, which PROJ's own CGCS2000 → WGS84 operation also ignores).
///
/// Gauss-Krüger zones are checked: a point going into or out of a zone must have a
/// longitude inside ``GaussKrugerZone/longitudeDomain`` (central meridian ± one zone width),
/// or the transform throws ``CRSError/pointOutsideZone(lon:zone:)``; an easting more than
/// 1 000 000 m from the zone's false easting throws ``CRSError/eastingOutsideZone(easting:crs:)``.
///
/// ```swift
/// let toZone = try CoordinateTransform(from: .cgcs2000, to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108"))
/// let p = try toZone.transform(x: 106.57, y: 29.56)   // (361412.5847, 3272193.2583)
///
/// var line = [106.57, 29.56, 106.58, 29.57]            // x, y, x, y, …
/// try toZone.transform(&line)
/// ```
public final class CoordinateTransform {
    /// The CRS coordinates are transformed from.
    public let source: CoordinateReferenceSystem
    /// The CRS coordinates are transformed to.
    public let target: CoordinateReferenceSystem

    private let context: PROJContext
    private let steps: [Step]

    /// One stage of the transform, applied to the whole batch before the next.
    private enum Step {
        /// A PROJ operation (normalised to x,y order) between two CRSs PROJ knows.
        case proj(OpaquePointer, from: CoordinateReferenceSystem, to: CoordinateReferenceSystem)
        /// WGS84 → GCJ-02.
        case gcjForward
        /// GCJ-02 → WGS84.
        case gcjInverse
        /// Longitudes (geographic x) must be in the zone's domain.
        case checkLongitude(GaussKrugerZone)
        /// Eastings must be within 1 000 000 m of the CRS's false easting.
        case checkEasting(CoordinateReferenceSystem)
    }

    /// Creates the transform from `source` to `target`.
    ///
    /// ```swift
    /// let t = try CoordinateTransform(from: .wgs84, to: .gcj02)
    /// ```
    ///
    /// - Parameters:
    ///   - source: the CRS of the input coordinates.
    ///   - target: the CRS of the output coordinates.
    /// - Throws: ``CRSError/projFailure(message:)`` with PROJ's message when PROJ cannot build the operation
    ///   (for example when its database `proj.db` is missing).
    public init(from source: CoordinateReferenceSystem, to target: CoordinateReferenceSystem) throws(CRSError) {
        self.source = source
        self.target = target
        let context = try PROJContext()
        self.context = context

        var steps: [Step] = []
        // On any failure, the PROJ objects made so far must be released here: deinit does not
        // run for an object whose initialiser throws.
        func addPROJ(_ from: CoordinateReferenceSystem, _ to: CoordinateReferenceSystem) throws(CRSError) {
            do {
                steps.append(.proj(try Self.makeOperation(context, from: from, to: to), from: from, to: to))
            } catch {
                Self.destroy(steps)
                throw error
            }
        }

        if source != target {
            // Source side: bring the coordinates to a CRS PROJ knows, leaving Gauss-Krüger
            // zones for geographic CGCS2000 so their longitudes can be checked.
            var current = source
            if current == .gcj02 {
                steps.append(.gcjInverse)
                current = .wgs84
            }
            if case .cgcs2000GaussKruger(let zone, _) = current {
                steps.append(.checkEasting(current))
                let geographic: CoordinateReferenceSystem = target == .wgs84 || target == .gcj02 ? .wgs84 : .cgcs2000
                try addPROJ(current, geographic)
                steps.append(.checkLongitude(zone))
                current = geographic
            }

            // Target side.
            switch target {
            case .gcj02:
                if current != .wgs84 { try addPROJ(current, .wgs84) }
                steps.append(.gcjForward)
            case .cgcs2000GaussKruger(let zone, _):
                if !current.isGeographic {
                    try addPROJ(current, .cgcs2000)
                    current = .cgcs2000
                }
                steps.append(.checkLongitude(zone))
                try addPROJ(current, target)
            default:
                if current != target { try addPROJ(current, target) }
            }
        }
        self.steps = steps
    }

    deinit {
        Self.destroy(steps)
    }

    /// The transform in the other direction, from ``target`` to ``source``.
    ///
    /// ```swift
    /// let back = try toZone.inverted()
    /// ```
    ///
    /// - Throws: as ``init(from:to:)``.
    public func inverted() throws(CRSError) -> CoordinateTransform {
        try CoordinateTransform(from: target, to: source)
    }

    /// Transforms one point.
    ///
    /// ```swift
    /// let t = try CoordinateTransform(from: .cgcs2000, to: try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM117"))
    /// let (easting, northing) = try t.transform(x: 116.40, y: 39.90)   // (448688.8557, 4418598.0013)
    /// ```
    ///
    /// - Parameters:
    ///   - x: longitude in degrees or easting in metres.
    ///   - y: latitude in degrees or northing in metres.
    /// - Returns: the point in the target CRS, x first.
    /// - Throws: ``CRSError/pointOutsideZone(lon:zone:)`` or ``CRSError/eastingOutsideZone(easting:crs:)``
    ///   for a point outside a Gauss-Krüger zone's domain; ``CRSError/projFailure(message:)`` when PROJ
    ///   cannot transform it (the message names the point).
    public func transform(x: Double, y: Double) throws(CRSError) -> (x: Double, y: Double) {
        var xy = (x, y)
        try withUnsafeMutablePointer(to: &xy) { (pointer) throws(CRSError) in
            try pointer.withMemoryRebound(to: Double.self, capacity: 2) { (base) throws(CRSError) in
                try run(CoordinateView(x: base, y: base + 1, stride: 2, count: 1))
            }
        }
        return (xy.0, xy.1)
    }

    /// Transforms interleaved x,y pairs in place: `[x0, y0, x1, y1, …]`.
    ///
    /// Each PROJ stage handles the whole array in one `proj_trans_generic` call.
    ///
    /// ```swift
    /// var ring = [106.57, 29.56, 106.58, 29.56, 106.58, 29.57, 106.57, 29.56]
    /// try t.transform(&ring)
    /// ```
    ///
    /// - Parameter coordinates: x,y pairs; transformed in place. After a throw the contents are unspecified.
    /// - Throws: ``CRSError/oddCoordinateCount(_:)`` for an odd count; otherwise as ``transform(x:y:)``.
    public func transform(_ coordinates: inout [Double]) throws(CRSError) {
        try coordinates.withUnsafeMutableBufferPointer { (buffer) throws(CRSError) in
            try transform(interleaved: buffer)
        }
    }

    /// Transforms interleaved x,y pairs in place in a buffer you own.
    ///
    /// ```swift
    /// try buffer.withUnsafeMutableBufferPointer { try t.transform(interleaved: $0) }
    /// ```
    ///
    /// - Parameter buffer: x,y pairs; transformed in place. After a throw the contents are unspecified.
    /// - Throws: ``CRSError/oddCoordinateCount(_:)`` for an odd count; otherwise as ``transform(x:y:)``.
    public func transform(interleaved buffer: UnsafeMutableBufferPointer<Double>) throws(CRSError) {
        guard buffer.count % 2 == 0 else { throw .oddCoordinateCount(buffer.count) }
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        try run(CoordinateView(x: base, y: base + 1, stride: 2, count: buffer.count / 2))
    }

    /// Transforms separate x and y arrays in place.
    ///
    /// ```swift
    /// var xs = [116.40, 106.57], ys = [39.90, 29.56]
    /// try t.transform(x: &xs, y: &ys)
    /// ```
    ///
    /// - Parameters:
    ///   - x: longitudes or eastings; transformed in place.
    ///   - y: latitudes or northings; transformed in place. After a throw the contents are unspecified.
    /// - Throws: ``CRSError/mismatchedCoordinateCounts(x:y:)`` when the lengths differ; otherwise as ``transform(x:y:)``.
    public func transform(x: inout [Double], y: inout [Double]) throws(CRSError) {
        guard x.count == y.count else { throw .mismatchedCoordinateCounts(x: x.count, y: y.count) }
        try x.withUnsafeMutableBufferPointer { (xs) throws(CRSError) in
            try y.withUnsafeMutableBufferPointer { (ys) throws(CRSError) in
                guard let xBase = xs.baseAddress, let yBase = ys.baseAddress, xs.count > 0 else { return }
                try run(CoordinateView(x: xBase, y: yBase, stride: 1, count: xs.count))
            }
        }
    }

    // MARK: - Running the steps

    /// Strided access to n points, x and y each `stride` doubles apart.
    private struct CoordinateView {
        let x: UnsafeMutablePointer<Double>
        let y: UnsafeMutablePointer<Double>
        let stride: Int
        let count: Int

        subscript(i: Int) -> (x: Double, y: Double) {
            get { (x[i * stride], y[i * stride]) }
            nonmutating set {
                x[i * stride] = newValue.x
                y[i * stride] = newValue.y
            }
        }
    }

    private func run(_ points: CoordinateView) throws(CRSError) {
        guard points.count > 0 else { return }
        for i in 0..<points.count {
            let p = points[i]
            guard p.x.isFinite, p.y.isFinite else {
                throw .invalidCoordinate(index: i, x: p.x, y: p.y)
            }
        }
        for step in steps {
            switch step {
            case .proj(let operation, let from, let to):
                try apply(operation, from: from, to: to, to: points)
            case .gcjForward:
                for i in 0..<points.count {
                    let p = points[i]
                    let g = GCJ02.fromWGS84(longitude: p.x, latitude: p.y)
                    points[i] = (g.longitude, g.latitude)
                }
            case .gcjInverse:
                for i in 0..<points.count {
                    let p = points[i]
                    let w = GCJ02.toWGS84(longitude: p.x, latitude: p.y)
                    points[i] = (w.longitude, w.latitude)
                }
            case .checkLongitude(let zone):
                let domain = zone.longitudeDomain
                for i in 0..<points.count {
                    let lon = points.x[i * points.stride]
                    guard domain.contains(lon) else { throw .pointOutsideZone(lon: lon, zone: zone) }
                }
            case .checkEasting(let crs):
                guard let falseEasting = crs.falseEasting else { continue }
                for i in 0..<points.count {
                    let easting = points.x[i * points.stride]
                    guard abs(easting - falseEasting) <= 1_000_000 else {
                        throw .eastingOutsideZone(easting: easting, crs: crs)
                    }
                }
            }
        }
    }

    private func apply(
        _ operation: OpaquePointer, from: CoordinateReferenceSystem, to: CoordinateReferenceSystem,
        to points: CoordinateView
    ) throws(CRSError) {
        context.resetErrors(operation)
        let byteStride = points.stride * MemoryLayout<Double>.stride
        _ = proj_trans_generic(
            operation, PJ_FWD,
            points.x, byteStride, points.count,
            points.y, byteStride, points.count,
            nil, 0, 0,
            nil, 0, 0)
        for i in 0..<points.count {
            let p = points[i]
            guard p.x.isFinite, p.y.isFinite else {
                throw context.failure(
                    "point \(i) could not be transformed from \(from.identifier) to \(to.identifier)", object: operation)
            }
        }
    }

    // MARK: - Making PROJ operations

    /// A PROJ operation from `from` to `to` in x,y (longitude/latitude, easting/northing) order.
    private static func makeOperation(
        _ context: PROJContext, from: CoordinateReferenceSystem, to: CoordinateReferenceSystem
    ) throws(CRSError) -> OpaquePointer {
        guard let fromDefinition = from.projDefinition else { throw .noPROJDefinition(from.identifier) }
        guard let toDefinition = to.projDefinition else { throw .noPROJDefinition(to.identifier) }
        context.resetErrors()
        let doing = "creating the transform from \(from.identifier) to \(to.identifier)"
        guard let raw = proj_create_crs_to_crs(context.handle, fromDefinition, toDefinition, nil) else {
            throw context.failure(doing + " (is PROJ's database proj.db installed? Debian: proj-data)")
        }
        defer { proj_destroy(raw) }
        guard let normalised = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.failure(doing + " in longitude/latitude order", object: raw)
        }
        return normalised
    }

    private static func destroy(_ steps: [Step]) {
        for step in steps {
            if case .proj(let operation, _, _) = step { proj_destroy(operation) }
        }
    }
}

/// A transform owns a single-thread PROJ context; use one per thread or task.
@available(*, unavailable, message: "CoordinateTransform owns a single-thread PROJ context; create one per task")
extension CoordinateTransform: Sendable {}
