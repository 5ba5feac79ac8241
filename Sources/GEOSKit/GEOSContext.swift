import CGEOS

/// One GEOS context: the handle every GEOS call names, with its error handler.
///
/// GEOS contexts are single-threaded, so `GEOSContext` is not `Sendable`. Parallel work gives
/// each worker its own context and its own geometries; pass WKB bytes (which are `Sendable`)
/// between workers, never geometries.
///
/// ```swift
/// let context = try GEOSContext()
/// let square = try context.geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")
/// print(try square.area)   // 100.0
/// ```
public final class GEOSContext {
    /// The raw GEOS context handle, for code that calls `CGEOS` directly.
    public let handle: GEOSContextHandle_t
    private let messages: MessageBox

    // Readers and writers are created on first use and kept for the life of the context.
    private var wktReader: OpaquePointer?
    private var wkbReader: OpaquePointer?
    private var geoJSONReader: OpaquePointer?
    private var wktWriter: OpaquePointer?
    private var wkbWriter: OpaquePointer?
    private var geoJSONWriter: OpaquePointer?

    /// Creates a context with an error handler that turns GEOS messages into thrown errors.
    ///
    /// - Throws: ``GEOSError/contextCreationFailed`` if GEOS cannot allocate a context.
    public init() throws {
        guard let handle = GEOS_init_r() else { throw GEOSError.contextCreationFailed }
        self.handle = handle
        self.messages = MessageBox()
        let box = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<MessageBox>.fromOpaque(userdata).takeUnretainedValue().lastError = String(cString: message)
        }, box)
    }

    deinit {
        if let wktReader { GEOSWKTReader_destroy_r(handle, wktReader) }
        if let wkbReader { GEOSWKBReader_destroy_r(handle, wkbReader) }
        if let geoJSONReader { GEOSGeoJSONReader_destroy_r(handle, geoJSONReader) }
        if let wktWriter { GEOSWKTWriter_destroy_r(handle, wktWriter) }
        if let wkbWriter { GEOSWKBWriter_destroy_r(handle, wkbWriter) }
        if let geoJSONWriter { GEOSGeoJSONWriter_destroy_r(handle, geoJSONWriter) }
        GEOS_finish_r(handle)
    }

    // MARK: - Errors

    /// Takes GEOS's last error message (and clears it).
    func takeMessage() -> String {
        defer { messages.lastError = nil }
        return messages.lastError ?? "no message from GEOS"
    }

    /// The error for a failed GEOS call named `operation`.
    func failure(_ operation: String) -> GEOSError {
        .operationFailed(operation: operation, message: takeMessage())
    }

    /// Wraps an owned GEOS geometry pointer, or throws GEOS's message when it is NULL.
    func own(_ pointer: OpaquePointer?, _ operation: String) throws -> Geometry {
        guard let pointer else { throw failure(operation) }
        return Geometry(owning: pointer, in: self)
    }

    /// Interprets a GEOS predicate result (0, 1, or 2 for an exception).
    func predicate(_ result: CChar, _ operation: String) throws -> Bool {
        switch result {
        case 0: return false
        case 1: return true
        default: throw failure(operation)
        }
    }

    // MARK: - Cached readers and writers

    func wktReaderHandle() throws -> OpaquePointer {
        if let wktReader { return wktReader }
        guard let r = GEOSWKTReader_create_r(handle) else { throw failure("WKTReader_create") }
        wktReader = r
        return r
    }

    func wkbReaderHandle() throws -> OpaquePointer {
        if let wkbReader { return wkbReader }
        guard let r = GEOSWKBReader_create_r(handle) else { throw failure("WKBReader_create") }
        wkbReader = r
        return r
    }

    func geoJSONReaderHandle() throws -> OpaquePointer {
        if let geoJSONReader { return geoJSONReader }
        guard let r = GEOSGeoJSONReader_create_r(handle) else { throw failure("GeoJSONReader_create") }
        geoJSONReader = r
        return r
    }

    func wktWriterHandle() throws -> OpaquePointer {
        if let wktWriter { return wktWriter }
        guard let w = GEOSWKTWriter_create_r(handle) else { throw failure("WKTWriter_create") }
        GEOSWKTWriter_setTrim_r(handle, w, 1)
        GEOSWKTWriter_setOutputDimension_r(handle, w, 3)
        wktWriter = w
        return w
    }

    func wkbWriterHandle() throws -> OpaquePointer {
        if let wkbWriter { return wkbWriter }
        guard let w = GEOSWKBWriter_create_r(handle) else { throw failure("WKBWriter_create") }
        GEOSWKBWriter_setOutputDimension_r(handle, w, 3)
        wkbWriter = w
        return w
    }

    func geoJSONWriterHandle() throws -> OpaquePointer {
        if let geoJSONWriter { return geoJSONWriter }
        guard let w = GEOSGeoJSONWriter_create_r(handle) else { throw failure("GeoJSONWriter_create") }
        geoJSONWriter = w
        return w
    }
}

@available(*, unavailable, message: "GEOS contexts are single-threaded; give each worker its own context")
extension GEOSContext: Sendable {}

/// Holds the last message GEOS reported, reached from the C error handler.
final class MessageBox {
    var lastError: String?
}
