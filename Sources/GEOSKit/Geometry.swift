import CGEOS

/// A geometry held by GEOS for its whole life.
///
/// A `Geometry` owns one GEOS handle, created once (from WKB, WKT, GeoJSON or coordinates)
/// and destroyed when the object goes away. Every operation works on the handle; nothing is
/// converted back and forth between calls. Parts and rings reached through a collection
/// (``part(_:)``, ``exteriorRing``) borrow their parent's memory and keep the parent alive.
///
/// ```swift
/// let context = try GEOSContext()
/// let bowtie = try context.geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
/// if let problem = try bowtie.validityProblem() {
///     print(problem.reason, problem.location)   // Self-intersection POINT (5 5)
/// }
/// ```
///
/// Geometries are not `Sendable`: they belong to their ``GEOSContext``, which is single-threaded.
public final class Geometry {
    /// The raw GEOS geometry pointer, for code that calls `CGEOS` directly.
    public let handle: OpaquePointer
    /// The context the geometry lives in.
    public let context: GEOSContext
    /// The geometry this one is a part of, if it was borrowed from a collection.
    private let parent: Geometry?

    /// Takes ownership of a GEOS geometry created in `context`.
    init(owning handle: OpaquePointer, in context: GEOSContext) {
        self.handle = handle
        self.context = context
        self.parent = nil
    }

    /// Wraps a geometry owned by `parent` (a part, ring or member of it).
    init(borrowing handle: OpaquePointer, from parent: Geometry) {
        self.handle = handle
        self.context = parent.context
        self.parent = parent
    }

    deinit {
        if parent == nil { GEOSGeom_destroy_r(context.handle, handle) }
    }

    var ctx: GEOSContextHandle_t { context.handle }

    /// Throws unless `other` lives in the same context.
    func requireSameContext(_ other: Geometry, _ operation: String) throws {
        if other.context !== context { throw GEOSError.contextMismatch(operation: operation) }
    }

    // MARK: - Identity and shape

    /// The geometry's type.
    public var type: GeometryType {
        get throws {
            let id = GEOSGeomTypeId_r(ctx, handle)
            guard let type = GeometryType(rawValue: id) else { throw context.failure("GeomTypeId") }
            return type
        }
    }

    /// A deep copy that this object does not share memory with.
    public func clone() throws -> Geometry {
        try context.own(GEOSGeom_clone_r(ctx, handle), "clone")
    }

    /// The spatial reference id stored on the geometry (0 when unset).
    public var srid: Int32 {
        get { GEOSGetSRID_r(ctx, handle) }
        set { GEOSSetSRID_r(ctx, handle, newValue) }
    }

    /// Whether the geometry has no points.
    public var isEmpty: Bool {
        get throws { try context.predicate(GEOSisEmpty_r(ctx, handle), "isEmpty") }
    }

    /// Whether the geometry is simple in the OGC sense (a line that does not cross or touch itself).
    public var isSimple: Bool {
        get throws { try context.predicate(GEOSisSimple_r(ctx, handle), "isSimple") }
    }

    /// Whether a line is closed and simple.
    public var isRing: Bool {
        get throws { try context.predicate(GEOSisRing_r(ctx, handle), "isRing") }
    }

    /// Whether a line's first and last points are equal.
    public var isClosed: Bool {
        get throws { try context.predicate(GEOSisClosed_r(ctx, handle), "isClosed") }
    }

    /// The number of parts of a collection (1 for a single geometry).
    public var partCount: Int {
        get throws {
            let n = GEOSGetNumGeometries_r(ctx, handle)
            guard n >= 0 else { throw context.failure("GetNumGeometries") }
            return Int(n)
        }
    }

    /// Part `index` of a collection, borrowed (no copy). A single geometry's part 0 is itself.
    public func part(_ index: Int) throws -> Geometry {
        let count = try partCount
        guard index >= 0, index < count else {
            throw GEOSError.indexOutOfRange(operation: "part", index: index, count: count)
        }
        guard let p = GEOSGetGeometryN_r(ctx, handle, Int32(index)) else { throw context.failure("GetGeometryN") }
        if p == handle { return self }
        return Geometry(borrowing: p, from: self)
    }

    /// All parts of a collection (or `[self]`), borrowed.
    public func parts() throws -> [Geometry] {
        try (0..<partCount).map { try part($0) }
    }

    /// The outer ring of a polygon, borrowed.
    public var exteriorRing: Geometry {
        get throws {
            try requireType(.polygon, "exteriorRing")
            guard let r = GEOSGetExteriorRing_r(ctx, handle) else { throw context.failure("GetExteriorRing") }
            return Geometry(borrowing: r, from: self)
        }
    }

    /// The holes of a polygon, borrowed.
    public var interiorRings: [Geometry] {
        get throws {
            try requireType(.polygon, "interiorRings")
            let n = GEOSGetNumInteriorRings_r(ctx, handle)
            guard n >= 0 else { throw context.failure("GetNumInteriorRings") }
            return try (0..<n).map { i in
                guard let r = GEOSGetInteriorRingN_r(ctx, handle, i) else { throw context.failure("GetInteriorRingN") }
                return Geometry(borrowing: r, from: self)
            }
        }
    }

    /// The number of coordinates in the whole geometry.
    public var coordinateCount: Int {
        get throws {
            let n = GEOSGetNumCoordinates_r(ctx, handle)
            guard n >= 0 else { throw context.failure("GetNumCoordinates") }
            return Int(n)
        }
    }

    /// The bounding box, or `nil` for an empty geometry.
    public var envelope: Envelope? {
        get throws {
            if try isEmpty { return nil }
            var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
            guard GEOSGeom_getExtent_r(ctx, handle, &minX, &minY, &maxX, &maxY) != 0 else {
                throw context.failure("getExtent")
            }
            return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
        }
    }

    func requireType(_ expected: GeometryType, _ operation: String) throws {
        let actual = try type
        if actual != expected {
            throw GEOSError.wrongGeometryType(operation: operation, expected: expected.description, actual: actual)
        }
    }
}

@available(*, unavailable, message: "Geometries belong to a single-threaded GEOSContext; pass WKB between workers")
extension Geometry: Sendable {}

extension Geometry: CustomStringConvertible {
    /// The geometry as WKT (or a note if it cannot be written).
    public var description: String {
        (try? wkt()) ?? "<geometry: WKT unavailable>"
    }
}
