/// The XML declaration at the start of a document (`<?xml version="1.0" encoding="GBK"?>`):
/// where it is and the encoding it names.
///
/// ```swift
/// let declaration = XMLDeclaration(bytes, from: 0)
/// declaration?.encoding                          // "GBK"
/// let relabelled = declaration?.replacingEncoding(in: utf8Bytes)
/// ```
struct XMLDeclaration {
    /// The bytes the declaration spans, `<?xml` to `?>`.
    var range: Range<Int>
    /// The value of `encoding=`, if given.
    var encoding: String?
    /// Line breaks inside the declaration (kept when it is rewritten, so line numbers stay right).
    var lineBreaks: Int

    /// The longest declaration looked for; real ones are under 100 bytes.
    static let maximumLength = 1024

    /// The declaration starting at `start`, or `nil` when the document does not start with one.
    init?(_ bytes: [UInt8], from start: Int) {
        let open = Array("<?xml".utf8)
        guard bytes.count > start + open.count, Array(bytes[start..<(start + open.count)]) == open,
              [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + open.count]) else { return nil }
        let limit = min(bytes.count, start + Self.maximumLength)
        var end: Int?
        var k = start + open.count
        while k + 1 < limit {
            if bytes[k] == UInt8(ascii: "?") && bytes[k + 1] == UInt8(ascii: ">") { end = k + 2; break }
            k += 1
        }
        guard let end else { return nil }
        range = start..<end
        let body = Array(bytes[range])
        lineBreaks = body.filter { $0 == 0x0A }.count
        encoding = Self.value(of: "encoding", in: body)
    }

    /// `bytes` with this declaration replaced by one naming UTF-8 (line breaks kept after it).
    func replacingEncoding(in bytes: [UInt8]) -> [UInt8] {
        let replacement = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + [UInt8](repeating: 0x0A, count: lineBreaks)
        var out = bytes
        out.replaceSubrange(range, with: replacement)
        return out
    }

    /// The quoted value of the pseudo-attribute `name` in the declaration's bytes.
    private static func value(of name: String, in body: [UInt8]) -> String? {
        let key = Array(name.utf8)
        var k = 0
        while k + key.count <= body.count {
            if Array(body[k..<(k + key.count)]) == key {
                var j = k + key.count
                while j < body.count, body[j] == 0x20 || body[j] == 0x09 || body[j] == 0x0A || body[j] == 0x0D { j += 1 }
                guard j < body.count, body[j] == UInt8(ascii: "=") else { k += 1; continue }
                j += 1
                while j < body.count, body[j] == 0x20 || body[j] == 0x09 || body[j] == 0x0A || body[j] == 0x0D { j += 1 }
                guard j < body.count, body[j] == UInt8(ascii: "\"") || body[j] == UInt8(ascii: "'") else { return nil }
                let quote = body[j]
                guard let close = body[(j + 1)...].firstIndex(of: quote) else { return nil }
                let raw = body[(j + 1)..<close]
                // Encoding names are ASCII letters, digits, '.', '_' and '-'.
                guard raw.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
                return String(decoding: raw, as: UTF8.self)
            }
            k += 1
        }
        return nil
    }
}
