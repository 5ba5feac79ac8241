import CGEOS
import Foundation

// MARK: - Reading

extension GEOSContext {
    /// Reads a geometry from Well-Known Text.
    ///
    /// ```swift
    /// let line = try context.geometry(wkt: "LINESTRING (0 0, 10 0)")
    /// ```
    /// - Throws: ``GEOSError/parseFailed(format:message:)`` with GEOS's message.
    public func geometry(wkt: String) throws -> Geometry {
        let reader = try wktReaderHandle()
        guard let g = GEOSWKTReader_read_r(handle, reader, wkt) else {
            throw GEOSError.parseFailed(format: "WKT", message: takeMessage())
        }
        return Geometry(owning: g, in: self)
    }

    /// Reads a geometry from (extended) Well-Known Binary, either byte order.
    ///
    /// - Throws: ``GEOSError/parseFailed(format:message:)`` with GEOS's message.
    public func geometry(wkb: some ContiguousBytes) throws -> Geometry {
        let reader = try wkbReaderHandle()
        let g: OpaquePointer? = wkb.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return nil }
            return GEOSWKBReader_read_r(handle, reader, base.assumingMemoryBound(to: UInt8.self), raw.count)
        }
        guard let g else { throw GEOSError.parseFailed(format: "WKB", message: takeMessage()) }
        return Geometry(owning: g, in: self)
    }

    /// Reads a geometry from GeoJSON text (a geometry, a Feature or a FeatureCollection,
    /// the latter two becoming a geometry collection without properties).
    ///
    /// - Throws: ``GEOSError/parseFailed(format:message:)`` with GEOS's message.
    public func geometry(geoJSON: String) throws -> Geometry {
        let reader = try geoJSONReaderHandle()
        guard let g = GEOSGeoJSONReader_readGeometry_r(handle, reader, geoJSON) else {
            throw GEOSError.parseFailed(format: "GeoJSON", message: takeMessage())
        }
        return Geometry(owning: g, in: self)
    }
}

// MARK: - Writing

extension Geometry {
    /// The geometry as Well-Known Text, trimmed of needless zeros.
    ///
    /// - Parameter precision: digits after the decimal point, or `nil` for full precision.
    public func wkt(precision: Int? = nil) throws -> String {
        let writer = try context.wktWriterHandle()
        GEOSWKTWriter_setRoundingPrecision_r(ctx, writer, Int32(precision ?? -1))
        guard let text = GEOSWKTWriter_write_r(ctx, writer, handle) else { throw context.failure("WKTWriter_write") }
        defer { GEOSFree_r(ctx, text) }
        return String(cString: text)
    }

    /// The geometry as little-endian Well-Known Binary (with Z when the geometry has it).
    public func wkb() throws -> [UInt8] {
        let writer = try context.wkbWriterHandle()
        var size = 0
        guard let bytes = GEOSWKBWriter_write_r(ctx, writer, handle, &size) else {
            throw context.failure("WKBWriter_write")
        }
        defer { GEOSFree_r(ctx, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }

    /// The geometry as a GeoJSON geometry object.
    ///
    /// - Parameter indent: spaces of indentation, or `nil` for one line.
    public func geoJSON(indent: Int? = nil) throws -> String {
        let writer = try context.geoJSONWriterHandle()
        guard let text = GEOSGeoJSONWriter_writeGeometry_r(ctx, writer, handle, Int32(indent ?? -1)) else {
            throw context.failure("GeoJSONWriter_writeGeometry")
        }
        defer { GEOSFree_r(ctx, text) }
        return String(cString: text)
    }
}
