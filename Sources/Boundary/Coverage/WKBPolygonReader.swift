/// Reads polygon rings straight out of WKB into flat coordinate arrays, without GEOS.
///
/// The coverage check keeps every vertex of the layer in two `Double` arrays; building GEOS
/// geometries for all polygons would cost several times that memory and is only needed for the
/// few polygons whose edges do not match. Reading is split in two passes — ``rings(_:polygonIndex:)``
/// finds each ring's place and size, ``copy(_:from:x:y:)`` copies its coordinates — so the
/// layer's arrays can be sized once and filled by several workers at once.
enum WKBPolygonReader {
    /// Where a ring's coordinates are in a WKB buffer.
    struct Ring: Sendable {
        /// Byte offset of the first coordinate.
        var offset: Int
        /// Points stored in the WKB.
        var storedCount: Int
        /// Values per point (2, 3 or 4).
        var dimensions: Int
        /// Whether the doubles are big-endian.
        var bigEndian: Bool
        /// Whether this is a polygon's outer ring (else a hole).
        var isShell: Bool
        /// Whether the stored ring does not end on its first point, so one point is added.
        var needsClosing: Bool

        /// Points after closing.
        var count: Int { storedCount + (needsClosing ? 1 : 0) }
    }

    /// The rings of a polygon, multipolygon, or collection of them, shells before their holes.
    static func rings(_ wkb: [UInt8], polygonIndex: Int) throws(CoverageError) -> [Ring] {
        var rings: [Ring] = []
        var offset = 0
        try readGeometry(wkb, &offset, polygonIndex, depth: 0, into: &rings)
        return rings
    }

    /// Copies a ring's x and y values (closing it when needed); `false` when one is not finite.
    static func copy(_ ring: Ring, from wkb: [UInt8], x: UnsafeMutablePointer<Double>, y: UnsafeMutablePointer<Double>) -> Bool {
        var finite = true
        wkb.withUnsafeBytes { raw in
            let stride = ring.dimensions * 8
            for i in 0..<ring.storedCount {
                let o = ring.offset + i * stride
                var xb = raw.loadUnaligned(fromByteOffset: o, as: UInt64.self)
                var yb = raw.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self)
                if ring.bigEndian {
                    xb = xb.byteSwapped
                    yb = yb.byteSwapped
                } else {
                    xb = UInt64(littleEndian: xb)
                    yb = UInt64(littleEndian: yb)
                }
                let xv = Double(bitPattern: xb) + 0.0   // + 0.0 turns −0 into +0, so equal points hash alike
                let yv = Double(bitPattern: yb) + 0.0
                if !xv.isFinite || !yv.isFinite { finite = false }
                x[i] = xv
                y[i] = yv
            }
            if ring.needsClosing, ring.storedCount > 0 {
                x[ring.storedCount] = x[0]
                y[ring.storedCount] = y[0]
            }
        }
        return finite
    }

    // MARK: - Parsing

    private static func readGeometry(_ wkb: [UInt8], _ offset: inout Int, _ index: Int, depth: Int,
                                     into rings: inout [Ring]) throws(CoverageError) {
        guard depth < 32 else { throw .unreadableWKB(index: index, reason: "collections nested too deep") }
        let bigEndian = try readByteOrder(wkb, &offset, index)
        let rawType = try readUInt32(wkb, &offset, bigEndian, index)
        var dims = 2
        if rawType & 0x8000_0000 != 0 { dims += 1 }
        if rawType & 0x4000_0000 != 0 { dims += 1 }
        if rawType & 0x2000_0000 != 0 { _ = try readUInt32(wkb, &offset, bigEndian, index) }   // EWKB SRID
        var base = rawType & 0x0FFF_FFFF
        switch base / 1000 {
        case 1, 2: dims += 1
        case 3: dims += 2
        default: break
        }
        base %= 1000
        switch base {
        case 3:
            let ringCount = try readCount(wkb, &offset, bigEndian, index)
            for r in 0..<ringCount {
                let points = try readCount(wkb, &offset, bigEndian, index)
                let bytes = points * dims * 8
                guard offset + bytes <= wkb.count else { throw .unreadableWKB(index: index, reason: "truncated ring") }
                var ring = Ring(offset: offset, storedCount: points, dimensions: dims, bigEndian: bigEndian,
                                isShell: r == 0, needsClosing: false)
                if points > 0 {
                    let last = offset + (points - 1) * dims * 8
                    ring.needsClosing = wkb[offset..<offset + 16] != wkb[last..<last + 16]
                }
                offset += bytes
                if points > 0 { rings.append(ring) }
            }
        case 6, 7:
            let parts = try readCount(wkb, &offset, bigEndian, index)
            for _ in 0..<parts {
                try readGeometry(wkb, &offset, index, depth: depth + 1, into: &rings)
            }
        default:
            throw .notPolygonal(index: index, typeCode: rawType)
        }
    }

    private static func readByteOrder(_ wkb: [UInt8], _ offset: inout Int, _ index: Int) throws(CoverageError) -> Bool {
        guard offset < wkb.count else { throw .unreadableWKB(index: index, reason: "truncated header") }
        let b = wkb[offset]
        offset += 1
        switch b {
        case 0: return true
        case 1: return false
        default: throw .unreadableWKB(index: index, reason: "byte order \(b) is neither 0 nor 1")
        }
    }

    private static func readUInt32(_ wkb: [UInt8], _ offset: inout Int, _ bigEndian: Bool, _ index: Int) throws(CoverageError) -> UInt32 {
        guard offset + 4 <= wkb.count else { throw .unreadableWKB(index: index, reason: "truncated") }
        var v: UInt32 = 0
        for i in 0..<4 {
            let byte = UInt32(wkb[offset + i])
            v |= bigEndian ? byte << (8 * (3 - i)) : byte << (8 * i)
        }
        offset += 4
        return v
    }

    private static func readCount(_ wkb: [UInt8], _ offset: inout Int, _ bigEndian: Bool, _ index: Int) throws(CoverageError) -> Int {
        let n = Int(try readUInt32(wkb, &offset, bigEndian, index))
        guard n <= wkb.count else { throw .unreadableWKB(index: index, reason: "count \(n) exceeds the data") }
        return n
    }
}
