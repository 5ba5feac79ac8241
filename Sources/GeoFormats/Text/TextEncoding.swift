#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The character encoding of text in a file: UTF-8, GBK (read as GB 18030, its superset) or Latin-1.
///
/// Chinese survey data often comes in GBK (code page 936). quhua converts with the C library's
/// `iconv`, which on Debian's glibc knows GBK and GB18030.
///
/// ```swift
/// let encoding = try TextEncoding(name: "GBK")       // .gbk
/// let text = try encoding.decode(bytes)              // a Swift String
/// let back = try encoding.encode("北京市")           // [0xB1, 0xB1, 0xBE, 0xA9, 0xCA, 0xD0]
/// ```
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// UTF-8.
    case utf8 = "UTF-8"
    /// GBK (code page 936); decoding accepts all of GB 18030.
    case gbk = "GBK"
    /// ISO 8859-1 (Latin-1), GDAL's default for Shapefiles without a code page.
    case latin1 = "ISO-8859-1"

    /// Reads an encoding name as users and `.cpg` files write it.
    ///
    /// Accepts `UTF-8`, `UTF8`, `65001`, `GBK`, `GB2312`, `GB18030`, `CP936`, `936`, `CP_936`,
    /// `ISO-8859-1`, `LATIN1`, `CP1252` (any case).
    ///
    /// - Parameter name: the name.
    /// - Throws: ``GeoFormatError`` naming the encodings quhua knows.
    public init(name: String) throws {
        let key = name.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        switch key {
        case "UTF8", "65001", "UTF": self = .utf8
        case "GBK", "GB2312", "GB18030", "CP936", "936", "MS936", "WINDOWS936", "ANSI936", "EUCCN": self = .gbk
        case "ISO88591", "LATIN1", "88591", "CP1252", "1252", "WINDOWS1252", "ANSI1252": self = .latin1
        default:
            throw GeoFormatError(file: "", problem: "unknown text encoding \"\(name)\"; use UTF-8, GBK or ISO-8859-1")
        }
    }

    /// The name as written to a `.cpg` file.
    public var description: String { rawValue }

    /// The name `iconv` knows the encoding by.
    var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gbk: return "GB18030"
        case .latin1: return "ISO-8859-1"
        }
    }

    /// Text from bytes in this encoding.
    ///
    /// - Throws: ``TextEncodingError`` when the bytes are not valid in this encoding.
    public func decode(_ bytes: some Collection<UInt8>) throws(TextEncodingError) -> String {
        switch self {
        case .utf8:
            let array = Array(bytes)
            guard let s = String(validating: array, as: UTF8.self) else {
                throw TextEncodingError(encoding: self, problem: "bytes are not valid UTF-8 (is the text GBK?)")
            }
            return s
        case .gbk:
            var converter = try IconvConverter(from: iconvName, to: "UTF-8")
            let out = try converter.convert(Array(bytes))
            return String(decoding: out, as: UTF8.self)
        case .latin1:
            var s = String.UnicodeScalarView()
            for b in bytes { s.append(Unicode.Scalar(b)) }
            return String(s)
        }
    }

    /// Bytes of `text` in this encoding.
    ///
    /// - Throws: ``TextEncodingError`` when a character has no code in this encoding.
    public func encode(_ text: String) throws(TextEncodingError) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .gbk:
            var converter = try IconvConverter(from: "UTF-8", to: iconvName)
            return try converter.convert(Array(text.utf8))
        case .latin1:
            var out: [UInt8] = []
            for u in text.unicodeScalars {
                guard u.value < 256 else {
                    throw TextEncodingError(encoding: self, problem: "\"\(u)\" has no code in ISO-8859-1; write UTF-8 instead")
                }
                out.append(UInt8(u.value))
            }
            return out
        }
    }

    /// The encoding of a text file's bytes: UTF-8 when they carry a UTF-8 byte order mark or
    /// are valid UTF-8, GBK otherwise.
    ///
    /// - Parameter bytes: the start of the file, or all of it.
    public static func detect(_ bytes: some Collection<UInt8>) -> TextEncoding {
        let array = Array(bytes)
        if array.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        return String(validating: array, as: UTF8.self) != nil ? .utf8 : .gbk
    }
}

/// Text that could not be converted between encodings.
public struct TextEncodingError: Error, Sendable, CustomStringConvertible {
    /// The encoding involved.
    public var encoding: TextEncoding
    /// What went wrong.
    public var problem: String

    public var description: String { "\(encoding): \(problem)" }
}

/// A reusable `iconv` conversion; not thread-safe (one per reader).
struct IconvConverter: ~Copyable {
    private let handle: iconv_t
    private let from: String
    private let to: String

    init(from: String, to: String) throws(TextEncodingError) {
        let h = iconv_open(to, from)
        guard let h, Int(bitPattern: h) != -1 else {
            throw TextEncodingError(encoding: .gbk,
                                    problem: "the C library cannot convert \(from) to \(to) (are glibc's gconv modules installed?)")
        }
        self.handle = h
        self.from = from
        self.to = to
    }

    deinit { iconv_close(handle) }

    /// Converts a whole buffer.
    mutating func convert(_ input: [UInt8]) throws(TextEncodingError) -> [UInt8] {
        if input.isEmpty { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        var failedAt: Int?
        var reason: Int32 = 0
        var source = input
        source.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                guard let inBase = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self),
                      let outBase = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
                var inPtr: UnsafeMutablePointer<CChar>? = inBase
                var outPtr: UnsafeMutablePointer<CChar>? = outBase
                let r = iconv(handle, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 {
                    reason = errno
                    failedAt = input.count - inLeft
                }
            }
        }
        // Reset the conversion state for the next call.
        iconv(handle, nil, nil, nil, nil)
        if let failedAt {
            let what = reason == EINVAL ? "the text ends inside a character" : "invalid byte sequence"
            let problem = to == "UTF-8"
                ? "\(what) at byte \(failedAt) (is the text really \(from == "GB18030" ? "GBK" : from)?)"
                : "a character near byte \(failedAt) of the UTF-8 text has no code in \(to == "GB18030" ? "GBK" : to)"
            throw TextEncodingError(encoding: .gbk, problem: problem)
        }
        output.removeLast(outLeft)
        return output
    }
}
