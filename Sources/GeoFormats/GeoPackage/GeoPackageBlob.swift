import GEOSKit

/// The GeoPackage geometry blob (GeoPackage 1.3, clause 2.1.3): a header with magic `GP`,
/// version, flags, SRS id and envelope, followed by ISO WKB.
enum GeoPackageBlob {
    /// The blob of a shape: little-endian header with an xy envelope (xyz when the shape has
    /// heights), the empty flag for empty shapes, then ISO WKB.
    static func encode(_ shape: Shape, srsID: Int32) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0]
        let envelope = shape.envelope
        let hasZ = shape.hasZ
        var flags: UInt8 = 1   // little-endian
        if let envelope {
            flags |= (hasZ ? 2 : 1) << 1
            out.append(flags)
            Bytes.appendInt32LE(srsID, &out)
            Bytes.appendDoubleLE(envelope.minX, &out)
            Bytes.appendDoubleLE(envelope.maxX, &out)
            Bytes.appendDoubleLE(envelope.minY, &out)
            Bytes.appendDoubleLE(envelope.maxY, &out)
            if hasZ {
                let zs = shape.paths.compactMap(\.zRange)
                Bytes.appendDoubleLE(zs.map(\.0).min() ?? 0, &out)
                Bytes.appendDoubleLE(zs.map(\.1).max() ?? 0, &out)
            }
        } else {
            flags |= 1 << 4   // empty geometry, no envelope
            out.append(flags)
            Bytes.appendInt32LE(srsID, &out)
        }
        out += WKBWriter.wkb(shape)
        return out
    }

    /// The header's facts and where the WKB starts.
    struct Header {
        var srsID: Int32
        var isEmpty: Bool
        var envelope: Envelope?
        var wkbOffset: Int
    }

    struct Problem: Error { let message: String }

    static func header(_ b: [UInt8]) throws -> Header {
        guard b.count >= 8 else { throw Problem(message: "geometry blob of \(b.count) bytes is too short for a header") }
        guard b[0] == 0x47, b[1] == 0x50 else { throw Problem(message: "geometry blob does not start with \"GP\" (is it plain WKB or SpatiaLite?)") }
        let flags = b[3]
        if flags & 0x20 != 0 { throw Problem(message: "extended GeoPackage geometry types are not supported") }
        let little = flags & 1 == 1
        let envelopeKind = Int(flags >> 1 & 0x07)
        let envelopeSize: Int
        switch envelopeKind {
        case 0: envelopeSize = 0
        case 1: envelopeSize = 32
        case 2, 3: envelopeSize = 48
        case 4: envelopeSize = 64
        default: throw Problem(message: "bad envelope code \(envelopeKind) in the geometry blob header")
        }
        guard b.count >= 8 + envelopeSize else { throw Problem(message: "geometry blob ends inside its envelope") }
        var srs = Bytes.int32LE(b, 4)
        if !little { srs = srs.byteSwapped }
        var envelope: Envelope?
        if envelopeSize > 0 {
            func d(_ k: Int) -> Double {
                let v = Bytes.doubleLE(b, 8 + 8 * k)
                return little ? v : Double(bitPattern: v.bitPattern.byteSwapped)
            }
            envelope = Envelope(minX: d(0), minY: d(2), maxX: d(1), maxY: d(3))
        }
        return Header(srsID: srs, isEmpty: flags & 0x10 != 0, envelope: envelope, wkbOffset: 8 + envelopeSize)
    }
}
