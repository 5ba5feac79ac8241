import Foundation

/// Reads Well-Known Binary (ISO and extended flavours, either byte order) into a ``Shape``.
struct WKBReader {
    struct Problem: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private let bytes: [UInt8]
    private var i: Int
    private let end: Int

    init(bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.i = start
        self.end = end ?? bytes.count
    }

    /// The offset just past what has been read.
    var offset: Int { i }

    mutating func read() throws -> Shape {
        try shape(depth: 0)
    }

    private mutating func need(_ n: Int) throws {
        if i + n > end { throw Problem(message: "WKB ends early (needs \(n) more bytes at byte \(i), has \(end - i))") }
    }

    private mutating func uint32(_ little: Bool) throws -> UInt32 {
        try need(4)
        let v = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        i += 4
        return little ? v : v.byteSwapped
    }

    private mutating func double(_ little: Bool) -> Double {
        let at = i
        let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        i += 8
        return Double(bitPattern: little ? UInt64(littleEndian: v) : UInt64(bigEndian: v))
    }

    private mutating func path(_ little: Bool, hasZ: Bool, hasM: Bool, count: Int) throws -> Path {
        let dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0)
        guard count >= 0, count <= (end - i) / (8 * dims) else {
            throw Problem(message: "WKB claims \(count) points but has room for \((end - i) / (8 * dims))")
        }
        if dims == 2 && little {
            // The common case: copy x,y pairs straight out.
            let start = i
            let xy = [Double](unsafeUninitializedCapacity: 2 * count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    for k in 0..<(2 * count) {
                        buffer[k] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8 * k, as: UInt64.self)))
                    }
                }
                initialized = 2 * count
            }
            i += 16 * count
            return Path(xy: xy)
        }
        var xy = [Double](repeating: 0, count: 2 * count)
        var z: [Double]? = hasZ ? [Double](repeating: 0, count: count) : nil
        for k in 0..<count {
            xy[2 * k] = double(little)
            xy[2 * k + 1] = double(little)
            if hasZ { z?[k] = double(little) }
            if hasM { _ = double(little) }
        }
        return Path(xy: xy, z: z)
    }

    private mutating func count(_ little: Bool) throws -> Int {
        let n = try uint32(little)
        guard n < 1 << 28 else { throw Problem(message: "WKB claims \(n) elements") }
        return Int(n)
    }

    private mutating func shape(depth: Int) throws -> Shape {
        guard depth < 64 else { throw Problem(message: "WKB nested too deep") }
        try need(5)
        let order = bytes[i]
        guard order <= 1 else { throw Problem(message: "bad WKB byte-order mark \(order) at byte \(i)") }
        let little = order == 1
        i += 1
        var code = try uint32(little)
        var hasZ = code & 0x8000_0000 != 0
        var hasM = code & 0x4000_0000 != 0
        if code & 0x2000_0000 != 0 { _ = try uint32(little) }   // EWKB SRID
        code &= 0x0FFF_FFFF
        switch code / 1000 {
        case 1: hasZ = true
        case 2: hasM = true
        case 3: hasZ = true; hasM = true
        default: break
        }
        let base = code % 1000
        switch base {
        case 1:
            var p = try path(little, hasZ: hasZ, hasM: hasM, count: 1)
            if p.xy.allSatisfy(\.isNaN) { p = Path() }   // an empty point
            return .point(p)
        case 2:
            return .lineString(try path(little, hasZ: hasZ, hasM: hasM, count: try count(little)))
        case 3:
            let n = try count(little)
            var rings: [Path] = []
            for _ in 0..<n { rings.append(try path(little, hasZ: hasZ, hasM: hasM, count: try count(little))) }
            return .polygon(rings)
        case 4, 5, 6, 7:
            let n = try count(little)
            var members: [Shape] = []
            for _ in 0..<n { members.append(try shape(depth: depth + 1)) }
            switch base {
            case 4:
                return .multiPoint(try members.map { m in
                    guard case let .point(p) = m else { throw Problem(message: "a MultiPoint member is a \(m.type)") }
                    return p
                })
            case 5:
                return .multiLineString(try members.map { m in
                    guard case let .lineString(p) = m else { throw Problem(message: "a MultiLineString member is a \(m.type)") }
                    return p
                })
            case 6:
                return .multiPolygon(try members.map { m in
                    guard case let .polygon(r) = m else { throw Problem(message: "a MultiPolygon member is a \(m.type)") }
                    return r
                })
            default:
                return .collection(members)
            }
        default:
            throw Problem(message: "unknown WKB geometry type \(code)")
        }
    }
}

/// Writes a ``Shape`` as little-endian ISO Well-Known Binary (Z types numbered 1001–1007).
enum WKBWriter {
    static func wkb(_ shape: Shape) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(shape.paths.reduce(32) { $0 + $1.xy.count * 12 + 9 })
        write(shape, hasZ: shape.hasZ, into: &out)
        return out
    }

    private static func u32(_ v: UInt32, _ out: inout [UInt8]) {
        out.append(UInt8(v & 0xFF)); out.append(UInt8(v >> 8 & 0xFF))
        out.append(UInt8(v >> 16 & 0xFF)); out.append(UInt8(v >> 24))
    }

    private static func f64(_ d: Double, _ out: inout [UInt8]) {
        withUnsafeBytes(of: d.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func header(_ base: UInt32, _ hasZ: Bool, _ out: inout [UInt8]) {
        out.append(1)
        u32(base + (hasZ ? 1000 : 0), &out)
    }

    private static func points(_ p: Path, hasZ: Bool, _ out: inout [UInt8]) {
        for k in 0..<p.count {
            f64(p.xy[2 * k], &out)
            f64(p.xy[2 * k + 1], &out)
            if hasZ { f64(p.z?[k] ?? 0, &out) }
        }
    }

    private static func write(_ shape: Shape, hasZ: Bool, into out: inout [UInt8]) {
        switch shape {
        case let .point(p):
            header(1, hasZ, &out)
            if p.isEmpty {
                f64(.nan, &out); f64(.nan, &out)
                if hasZ { f64(.nan, &out) }
            } else {
                points(p, hasZ: hasZ, &out)
            }
        case let .lineString(p):
            header(2, hasZ, &out)
            u32(UInt32(p.count), &out)
            points(p, hasZ: hasZ, &out)
        case let .polygon(rings):
            header(3, hasZ, &out)
            u32(UInt32(rings.count), &out)
            for r in rings {
                u32(UInt32(r.count), &out)
                points(r, hasZ: hasZ, &out)
            }
        case let .multiPoint(ps):
            header(4, hasZ, &out)
            u32(UInt32(ps.count), &out)
            for p in ps { write(.point(p), hasZ: hasZ, into: &out) }
        case let .multiLineString(ps):
            header(5, hasZ, &out)
            u32(UInt32(ps.count), &out)
            for p in ps { write(.lineString(p), hasZ: hasZ, into: &out) }
        case let .multiPolygon(polys):
            header(6, hasZ, &out)
            u32(UInt32(polys.count), &out)
            for r in polys { write(.polygon(r), hasZ: hasZ, into: &out) }
        case let .collection(members):
            header(7, hasZ, &out)
            u32(UInt32(members.count), &out)
            for m in members { write(m, hasZ: hasZ, into: &out) }
        }
    }
}
