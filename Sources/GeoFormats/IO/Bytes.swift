/// Little- and big-endian numbers read from and written to byte arrays (no bounds checks:
/// callers check lengths first and report what is missing).
enum Bytes {
    static func int32BE(_ b: [UInt8], _ at: Int) -> Int32 {
        Int32(bitPattern: UInt32(b[at]) << 24 | UInt32(b[at + 1]) << 16 | UInt32(b[at + 2]) << 8 | UInt32(b[at + 3]))
    }

    static func int32LE(_ b: [UInt8], _ at: Int) -> Int32 {
        Int32(bitPattern: UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24)
    }

    static func uint32LE(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }

    static func uint16LE(_ b: [UInt8], _ at: Int) -> UInt16 {
        UInt16(b[at]) | UInt16(b[at + 1]) << 8
    }

    static func doubleLE(_ b: [UInt8], _ at: Int) -> Double {
        let v = b.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
        return Double(bitPattern: UInt64(littleEndian: v))
    }

    static func appendInt32BE(_ v: Int32, _ out: inout [UInt8]) {
        let u = UInt32(bitPattern: v)
        out.append(UInt8(u >> 24)); out.append(UInt8(u >> 16 & 0xFF)); out.append(UInt8(u >> 8 & 0xFF)); out.append(UInt8(u & 0xFF))
    }

    static func appendInt32LE(_ v: Int32, _ out: inout [UInt8]) {
        let u = UInt32(bitPattern: v)
        out.append(UInt8(u & 0xFF)); out.append(UInt8(u >> 8 & 0xFF)); out.append(UInt8(u >> 16 & 0xFF)); out.append(UInt8(u >> 24))
    }

    static func appendUInt16LE(_ v: UInt16, _ out: inout [UInt8]) {
        out.append(UInt8(v & 0xFF)); out.append(UInt8(v >> 8))
    }

    static func appendDoubleLE(_ d: Double, _ out: inout [UInt8]) {
        withUnsafeBytes(of: d.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }
}
