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
    static func jsonString(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u00" + String(u.value, radix: 16).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
        return out
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
