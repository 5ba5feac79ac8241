import CGEOS

/// A GEOS STR-packed R-tree over geometries, answering "which items are near this?".
///
/// Items are numbered in insertion order; queries return those numbers. GEOS builds the
/// tree on the first query, after which nothing more can be inserted. The tree keeps the
/// inserted geometries alive (``nearest(to:)`` measures against them).
///
/// ```swift
/// let tree = try STRtree(context: context)
/// for polygon in polygons { try tree.insert(polygon) }
/// let candidates = try tree.query(intersecting: polygons[0])   // includes 0 itself
/// ```
public final class STRtree {
    /// The context the tree and its geometries live in.
    public let context: GEOSContext
    let handle: OpaquePointer
    private var geometries: [Geometry] = []
    private var built = false

    /// Creates an empty tree.
    ///
    /// - Parameter nodeCapacity: children per node (GEOS's default is 10).
    public init(context: GEOSContext, nodeCapacity: Int = 10) throws {
        guard let t = GEOSSTRtree_create_r(context.handle, max(2, nodeCapacity)) else {
            throw context.failure("STRtree_create")
        }
        self.context = context
        self.handle = t
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, handle) }

    /// The number of items inserted.
    public var count: Int { geometries.count }

    /// The geometry of item `index`.
    public func geometry(at index: Int) -> Geometry { geometries[index] }

    /// Inserts a geometry by its envelope and returns its item number.
    ///
    /// - Throws: when the tree has already been queried, or the geometry is from another context.
    @discardableResult
    public func insert(_ geometry: Geometry) throws -> Int {
        if geometry.context !== context { throw GEOSError.contextMismatch(operation: "STRtree.insert") }
        if built { throw GEOSError.operationFailed(operation: "STRtree.insert", message: "the tree was already queried and cannot take more items") }
        let index = geometries.count
        geometries.append(geometry)
        guard let item = UnsafeMutableRawPointer(bitPattern: index + 1) else {
            throw GEOSError.operationFailed(operation: "STRtree.insert", message: "item pointer")
        }
        GEOSSTRtree_insert_r(context.handle, handle, geometry.handle, item)
        return index
    }

    /// The items whose envelopes intersect the envelope of `geometry`, in ascending order.
    ///
    /// These are candidates: test them with an exact predicate.
    public func query(intersecting geometry: Geometry) throws -> [Int] {
        if geometry.context !== context { throw GEOSError.contextMismatch(operation: "STRtree.query") }
        built = true
        let box = QueryBox()
        withExtendedLifetime(box) {
            GEOSSTRtree_query_r(context.handle, handle, geometry.handle, { item, userdata in
                guard let userdata else { return }
                let b = Unmanaged<QueryBox>.fromOpaque(userdata).takeUnretainedValue()
                b.hits.append(Int(bitPattern: item) - 1)
            }, Unmanaged.passUnretained(box).toOpaque())
        }
        return box.hits.sorted()
    }

    /// The items whose envelopes intersect `envelope`.
    public func query(intersecting envelope: Envelope) throws -> [Int] {
        try query(intersecting: context.rectangle(envelope))
    }

    /// The item nearest to `geometry` by true distance, or `nil` for an empty tree.
    public func nearest(to geometry: Geometry) throws -> Int? {
        if geometry.context !== context { throw GEOSError.contextMismatch(operation: "STRtree.nearest") }
        if geometries.isEmpty { return nil }
        built = true
        let box = NearestBox(context: context.handle, query: geometry.handle, items: geometries.map(\.handle))
        let result: UnsafeRawPointer? = withExtendedLifetime(box) {
            guard let queryItem = UnsafeRawPointer(bitPattern: Int.max) else { return nil }
            return GEOSSTRtree_nearest_generic_r(context.handle, handle, queryItem, geometry.handle, { a, b, distance, userdata in
                guard let userdata, let distance else { return 0 }
                let box = Unmanaged<NearestBox>.fromOpaque(userdata).takeUnretainedValue()
                guard let g1 = box.geometry(a), let g2 = box.geometry(b) else { return 0 }
                return GEOSDistance_r(box.context, g1, g2, distance)
            }, Unmanaged.passUnretained(box).toOpaque())
        }
        if box.failed { throw context.failure("STRtree.nearest") }
        guard let result else { throw context.failure("STRtree.nearest") }
        return Int(bitPattern: result) - 1
    }
}

@available(*, unavailable, message: "STRtrees belong to a single-threaded GEOSContext")
extension STRtree: Sendable {}

private final class QueryBox {
    var hits: [Int] = []
}

private final class NearestBox {
    let context: GEOSContextHandle_t
    let query: OpaquePointer
    let items: [OpaquePointer]
    var failed = false

    init(context: GEOSContextHandle_t, query: OpaquePointer, items: [OpaquePointer]) {
        self.context = context
        self.query = query
        self.items = items
    }

    func geometry(_ item: UnsafeRawPointer?) -> OpaquePointer? {
        let raw = Int(bitPattern: item)
        if raw == Int.max { return query }
        let index = raw - 1
        guard index >= 0, index < items.count else { failed = true; return nil }
        return items[index]
    }
}
