import Foundation

/// Numbers as text formats write them.
enum NumberText {
    /// A coordinate: rounded to `precision` decimals when given, in the shortest form that reads back exactly.
    static func coordinate(_ v: Double, precision: Int?) -> String {
        var d = v
        if let precision {
            let scale = pow(10.0, Double(precision))
            let r = (v * scale).rounded() / scale
            if r.isFinite { d = r }
        }
        if d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d))
        }
        return String(d)
    }

    /// A JSON number for an attribute (`null` for NaN and infinities, which JSON cannot hold).
    static func json(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) + ".0" }
        return String(v)
    }

    /// JSON string literal.
    ///
    /// Works on UTF-8 bytes (every byte that needs escaping is ASCII, and no byte of a multi-byte
    /// character is), so that a megabyte-long name or value is escaped in milliseconds.
    static func jsonString(_ s: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        for b in s.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]    // \"
            case 0x5C: out += [0x5C, 0x5C]    // \\
            case 0x0A: out += [0x5C, 0x6E]    // \n
            case 0x0D: out += [0x5C, 0x72]    // \r
            case 0x09: out += [0x5C, 0x74]    // \t
            case ..<0x20: out += Array("\\u00".utf8) + Array(String(b, radix: 16).leftPadded(to: 2).utf8)
            default: out.append(b)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
