/// Finds the first byte of a UTF-8 document that is not valid UTF-8 or not a character XML 1.0
/// allows, so that nothing malformed reaches `XMLParser` (which can crash on invalid UTF-8 in
/// element names).
///
/// XML 1.0 allows tab, line feed, carriage return and every scalar from U+0020 up, except the
/// surrogates and U+FFFE/U+FFFF; NUL and the other C0 control characters are never allowed,
/// not even escaped.
///
/// ```swift
/// if let bad = XMLCharacterScan.firstProblem(in: bytes) {
///     print("byte offset \(bad.offset), line \(bad.line): \(bad.problem)")
/// }
/// ```
enum XMLCharacterScan {
    /// A byte where the text stops being valid XML text.
    struct Problem: Equatable {
        /// The 0-based offset of the first offending byte, counted from `bytes`' start.
        var offset: Int
        /// The 1-based line of that byte.
        var line: Int
        /// What is wrong, in plain words.
        var problem: String
    }

    /// The first invalid UTF-8 sequence or disallowed character in `bytes`, or `nil` when all is well.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let count = bytes.count
        var i = 0
        var line = 1
        while i < count {
            let b0 = bytes[i]
            if b0 < 0x80 {
                if b0 >= 0x20 || b0 == 0x09 || b0 == 0x0D {
                    i += 1
                    continue
                }
                if b0 == 0x0A {
                    line += 1
                    i += 1
                    continue
                }
                let what = b0 == 0 ? "a NUL byte (0x00)" : "the control character \(hex(b0))"
                return Problem(offset: i, line: line,
                               problem: "\(what), which XML does not allow (only tab, line feed and carriage return)")
            }
            let length: Int
            var scalar: UInt32
            switch b0 {
            case 0xC2...0xDF: length = 2; scalar = UInt32(b0 & 0x1F)
            case 0xE0...0xEF: length = 3; scalar = UInt32(b0 & 0x0F)
            case 0xF0...0xF4: length = 4; scalar = UInt32(b0 & 0x07)
            default:
                let why = b0 < 0xC0 ? "a continuation byte with no lead byte" : "a byte that never occurs in UTF-8"
                return Problem(offset: i, line: line, problem: "byte \(hex(b0)) is not valid UTF-8 (\(why))")
            }
            guard i + length <= count else {
                return Problem(offset: i, line: line,
                               problem: "byte \(hex(b0)) starts a \(length)-byte UTF-8 sequence but the file ends first (truncated?)")
            }
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else {
                    return Problem(offset: i, line: line,
                                   problem: "byte \(hex(b0)) starts a \(length)-byte UTF-8 sequence but byte \(k + 1) is \(hex(b)); not valid UTF-8")
                }
                scalar = scalar << 6 | UInt32(b & 0x3F)
            }
            let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            if scalar < smallest || scalar > 0x10FFFF {
                return Problem(offset: i, line: line,
                               problem: "bytes \(hexBytes(bytes, i, length)) are not valid UTF-8 (an overlong or out-of-range sequence)")
            }
            if (0xD800...0xDFFF).contains(scalar) {
                return Problem(offset: i, line: line,
                               problem: "bytes \(hexBytes(bytes, i, length)) encode a UTF-16 surrogate, which is not valid UTF-8")
            }
            if scalar == 0xFFFE || scalar == 0xFFFF {
                return Problem(offset: i, line: line,
                               problem: "U+\(String(scalar, radix: 16, uppercase: true)) is not a character XML allows")
            }
            i += length
        }
        return nil
    }

    private static func hex(_ b: UInt8) -> String {
        "0x" + (b < 0x10 ? "0" : "") + String(b, radix: 16, uppercase: true)
    }

    private static func hexBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> String {
        (start..<(start + length)).map { hex(bytes[$0]) }.joined(separator: " ")
    }
}
