import Foundation

/// A small, fast JSON parser over bytes, for large GeoJSON files.
///
/// Foundation's decoders spend most of their time on numbers; GeoJSON is mostly numbers.
/// This parser reads numbers with `strtod` straight from the buffer and reports errors
/// with the byte offset.
struct JSONParser {
    struct SyntaxError: Error, CustomStringConvertible {
        let offset: Int
        let message: String
        var description: String { "\(message) at byte \(offset)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    private static let maxDepth = 512

    /// Parses a whole document.
    static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { raw in
            // strtod needs a NUL after the last number; copy into a terminated buffer.
            var buffer = [UInt8](raw.bindMemory(to: UInt8.self))
            buffer.append(0)
            return try buffer.withUnsafeBufferPointer { b in
                var p = JSONParser(bytes: UnsafeBufferPointer(rebasing: b[0..<(b.count - 1)]))
                p.skipWhitespace()
                let v = try p.value()
                p.skipWhitespace()
                if p.i < p.bytes.count { throw SyntaxError(offset: p.i, message: "unexpected text after the JSON value") }
                return v
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private func fail(_ message: String) -> SyntaxError { SyntaxError(offset: i, message: message) }

    private mutating func value() throws -> JSONValue {
        guard i < bytes.count else { throw fail("unexpected end of file") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw fail("unexpected end of file") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw fail("invalid literal") }
        i += n
    }

    private mutating func object() throws -> JSONValue {
        depth += 1
        if depth > Self.maxDepth { throw fail("nesting too deep") }
        defer { depth -= 1 }
        i += 1
        var result: [String: JSONValue] = [:]
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(result) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let key = try string()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            i += 1
            skipWhitespace()
            result[key] = try value()
            skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of file in an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(result) }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array() throws -> JSONValue {
        depth += 1
        if depth > Self.maxDepth { throw fail("nesting too deep") }
        defer { depth -= 1 }
        i += 1
        var result: [JSONValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(result) }
        while true {
            skipWhitespace()
            result.append(try value())
            skipWhitespace()
            guard i < bytes.count else { throw fail("unexpected end of file in an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(result) }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func number() throws -> JSONValue {
        let start = i
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 { i += 1; continue }
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                isInteger = false
                i += 1
                continue
            }
            break
        }
        guard i > start, !(i == start + 1 && bytes[start] == UInt8(ascii: "-")) else {
            throw SyntaxError(offset: start, message: "invalid value")
        }
        guard let base = bytes.baseAddress else { throw fail("empty buffer") }
        if isInteger, i - start < 19 {
            var v: Int64 = 0
            var k = start
            let negative = bytes[k] == UInt8(ascii: "-")
            if negative { k += 1 }
            while k < i { v = v * 10 + Int64(bytes[k] - 0x30); k += 1 }
            return .integer(negative ? -v : v)
        }
        var end: UnsafeMutablePointer<CChar>?
        let d = base.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: i - start + 1) { p in
            strtod(p, &end)
        }
        let consumed = end.map { UnsafeRawPointer($0) - UnsafeRawPointer(base.advanced(by: start)) } ?? 0
        guard consumed == i - start else { throw SyntaxError(offset: start, message: "invalid number") }
        return .double(d)
    }

    private mutating func string() throws -> String {
        i += 1
        let start = i
        var hasEscape = false
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") { hasEscape = true; i += 2; continue }
            if c < 0x20 { throw fail("control character in a string") }
            i += 1
        }
        guard i < bytes.count else { throw SyntaxError(offset: start - 1, message: "unterminated string") }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
        i += 1
        if !hasEscape {
            guard let s = String(validating: raw, as: UTF8.self) else {
                throw SyntaxError(offset: start, message: "text is not UTF-8 (is the file in GBK?)")
            }
            return s
        }
        return try unescape(raw, offset: start)
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, offset: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = 0
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 4 <= raw.count else { throw SyntaxError(offset: offset + at, message: "short \\u escape") }
            var v: UInt32 = 0
            for j in at..<(at + 4) {
                let c = raw[j]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw SyntaxError(offset: offset + j, message: "bad \\u escape")
                }
                v = v * 16 + d
            }
            return v
        }
        while k < raw.count {
            let c = raw[k]
            if c != UInt8(ascii: "\\") { out.append(c); k += 1; continue }
            guard k + 1 < raw.count else { throw SyntaxError(offset: offset + k, message: "bad escape") }
            let e = raw[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(k)
                k += 4
                if scalar >= 0xD800 && scalar < 0xDC00, k + 6 <= raw.count, raw[k] == UInt8(ascii: "\\"), raw[k + 1] == UInt8(ascii: "u") {
                    let low = try hex4(k + 2)
                    if low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        k += 6
                    }
                }
                guard let u = Unicode.Scalar(scalar) else { throw SyntaxError(offset: offset + k, message: "bad \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw SyntaxError(offset: offset + k - 1, message: "bad escape")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw SyntaxError(offset: offset, message: "text is not UTF-8")
        }
        return s
    }
}
