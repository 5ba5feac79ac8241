import CGEOS

extension GEOSContext {
    /// A GEOS coordinate sequence from coordinates; `hasZ` when every coordinate has a z.
    func coordinateSequence(_ coordinates: [Coordinate], operation: String) throws -> OpaquePointer {
        for (i, c) in coordinates.enumerated() where !c.x.isFinite || !c.y.isFinite || !(c.z?.isFinite ?? true) {
            throw GEOSError.invalidCoordinates("\(operation): coordinate \(i) (\(c)) is not a finite number")
        }
        let hasZ = !coordinates.isEmpty && coordinates.allSatisfy { $0.z != nil }
        var buffer: [Double] = []
        buffer.reserveCapacity(coordinates.count * (hasZ ? 3 : 2))
        for c in coordinates {
            buffer.append(c.x)
            buffer.append(c.y)
            if hasZ { buffer.append(c.z ?? 0) }
        }
        guard let seq = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(coordinates.count), hasZ ? 1 : 0, 0) else {
            throw failure(operation)
        }
        return seq
    }

    /// A point.
    ///
    /// - Throws: ``GEOSError/invalidCoordinates(_:)`` for NaN or infinite values.
    public func point(_ coordinate: Coordinate) throws -> Geometry {
        let seq = try coordinateSequence([coordinate], operation: "createPoint")
        return try own(GEOSGeom_createPoint_r(handle, seq), "createPoint")
    }

    /// A point from x and y.
    public func point(x: Double, y: Double) throws -> Geometry {
        try point(Coordinate(x: x, y: y))
    }

    /// A line string through `coordinates` (at least two).
    ///
    /// ```swift
    /// let line = try context.lineString([Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 0)])
    /// ```
    public func lineString(_ coordinates: [Coordinate]) throws -> Geometry {
        if coordinates.count == 1 {
            throw GEOSError.invalidCoordinates("a line string needs at least 2 points, got 1")
        }
        let seq = try coordinateSequence(coordinates, operation: "createLineString")
        return try own(GEOSGeom_createLineString_r(handle, seq), "createLineString")
    }

    /// A closed ring (first point equal to last, at least four points).
    public func linearRing(_ coordinates: [Coordinate]) throws -> Geometry {
        let seq = try coordinateSequence(coordinates, operation: "createLinearRing")
        return try own(GEOSGeom_createLinearRing_r(handle, seq), "createLinearRing")
    }

    /// A polygon from an outer ring and holes, each given as closed coordinate lists.
    ///
    /// - Throws: GEOS's message when a ring is not closed or has too few points.
    public func polygon(shell: [Coordinate], holes: [[Coordinate]] = []) throws -> Geometry {
        let shellRing = try linearRing(shell)
        let holeRings = try holes.map { try linearRing($0) }
        return try polygon(shell: shellRing, holes: holeRings)
    }

    /// A polygon from ring geometries (copied; the arguments stay usable).
    public func polygon(shell: Geometry, holes: [Geometry] = []) throws -> Geometry {
        guard let s = GEOSGeom_clone_r(handle, shell.handle) else { throw failure("createPolygon") }
        var hs: [OpaquePointer?] = []
        for h in holes {
            guard let c = GEOSGeom_clone_r(handle, h.handle) else {
                GEOSGeom_destroy_r(handle, s)
                hs.forEach { if let p = $0 { GEOSGeom_destroy_r(handle, p) } }
                throw failure("createPolygon")
            }
            hs.append(c)
        }
        let g = hs.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(handle, s, buf.baseAddress, UInt32(buf.count))
        }
        return try own(g, "createPolygon")
    }

    /// A multi-geometry or collection holding copies of `parts`.
    ///
    /// - Parameter type: `.multiPoint`, `.multiLineString`, `.multiPolygon` or `.geometryCollection`.
    public func collection(_ type: GeometryType, _ parts: [Geometry]) throws -> Geometry {
        guard type.isCollection else {
            throw GEOSError.wrongGeometryType(operation: "createCollection", expected: "a collection type", actual: type)
        }
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(parts.count)
        for p in parts {
            if p.context !== self { throw GEOSError.contextMismatch(operation: "createCollection") }
            guard let c = GEOSGeom_clone_r(handle, p.handle) else {
                clones.forEach { if let c = $0 { GEOSGeom_destroy_r(handle, c) } }
                throw failure("createCollection")
            }
            clones.append(c)
        }
        let g = clones.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        return try own(g, "createCollection")
    }

    /// An empty geometry of the given type.
    public func empty(_ type: GeometryType) throws -> Geometry {
        switch type {
        case .point: return try own(GEOSGeom_createEmptyPoint_r(handle), "createEmptyPoint")
        case .lineString, .linearRing: return try own(GEOSGeom_createEmptyLineString_r(handle), "createEmptyLineString")
        case .polygon: return try own(GEOSGeom_createEmptyPolygon_r(handle), "createEmptyPolygon")
        default: return try own(GEOSGeom_createEmptyCollection_r(handle, Int32(type.rawValue)), "createEmptyCollection")
        }
    }

    /// A rectangle polygon covering `envelope`.
    public func rectangle(_ envelope: Envelope) throws -> Geometry {
        try own(GEOSGeom_createRectangle_r(handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY),
                "createRectangle")
    }
}
