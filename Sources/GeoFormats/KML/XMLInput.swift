import Foundation

/// XML bytes checked and converted before `XMLParser` sees them.
///
/// Foundation's `XMLParser` trusts its input: invalid UTF-8 in an element name stops the process
/// (SIGILL) instead of raising a parse error. So every byte is checked first, in the encoding the
/// document declares:
///
/// - a UTF-8 byte order mark, or no `encoding=` in the XML declaration, or `UTF-8`/`US-ASCII`:
///   the bytes must be valid UTF-8;
/// - `GBK` (or `GB2312`, `GB18030`) and `ISO-8859-1`: the text is converted to UTF-8 and the
///   declaration rewritten to say so;
/// - UTF-16 and anything else: refused with a message saying to save the file as UTF-8.
///
/// Then no character XML forbids (NUL, other control characters) may appear. Problems name the
/// byte offset (counted from 0, as hex viewers do) and the line.
///
/// ```swift
/// let utf8 = try XMLInput.utf8(data, file: "markers.kml")
/// let parser = XMLParser(data: utf8)
/// ```
enum XMLInput {
    /// The document as valid UTF-8 holding only characters XML allows.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file's path, for error messages.
    /// - Throws: ``GeoFormatError`` naming the file, the byte offset and line, and the problem.
    static func utf8(_ data: Data, file: String) throws -> Data {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C]) {
            throw GeoFormatError(file: file, problem: "the text is UTF-16 (or UTF-32), which quhua does not read; save the file as UTF-8")
        }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let declaration = XMLDeclaration(bytes, from: bom)
        let encoding: TextEncoding = try bom > 0 ? .utf8 : textEncoding(named: declaration?.encoding, file: file)

        guard encoding != .utf8 else {
            try check(bytes, from: bom, file: file, note: "")
            try checkNamespaces(bytes, file: file, note: "")
            // A declaration naming ASCII (or, after a byte order mark, anything else) would make
            // libxml2 read the checked UTF-8 in another encoding.
            if let declaration, let name = declaration.encoding, !isUTF8Name(name) {
                return Data(declaration.replacingEncoding(in: bytes))
            }
            return data
        }
        let text: String
        do {
            text = try encoding.decode(bytes)
        } catch {
            throw GeoFormatError(file: file, problem: "the text is not valid \(encoding), the encoding its XML declaration names: \(error.problem)")
        }
        var converted = Array(text.utf8)
        if let declaration {
            converted = declaration.replacingEncoding(in: converted)
        }
        try check(converted, from: 0, file: file, note: " of the text converted from \(encoding) to UTF-8")
        try checkNamespaces(converted, file: file, note: " of the text converted from \(encoding) to UTF-8")
        return Data(converted)
    }

    /// Throws the first invalid UTF-8 or disallowed character in `bytes[start...]`.
    private static func check(_ bytes: [UInt8], from start: Int, file: String, note: String) throws {
        let problem = bytes.withUnsafeBufferPointer { all in
            XMLCharacterScan.firstProblem(in: UnsafeBufferPointer(rebasing: all[start...]))
        }
        if let problem {
            let offset = problem.offset + start
            throw GeoFormatError(file: file, problem: "at byte offset \(offset)\(note) (line \(problem.line)): \(problem.problem)")
        }
    }

    /// The longest namespace name (the URI in `xmlns="…"`) read: `XMLParser` copies it at every
    /// element start and end, so a megabyte-long one makes a small file take minutes.
    static let maximumNamespaceLength = 2048

    /// Throws at the first `xmlns` or `xmlns:prefix` value longer than ``maximumNamespaceLength`` bytes.
    private static func checkNamespaces(_ bytes: [UInt8], file: String, note: String) throws {
        let key = Array("xmlns".utf8)
        let n = bytes.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var i = 0
        while i + key.count < n {
            guard bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key) else { i += 1; continue }
            var j = i + key.count
            if bytes[j] == UInt8(ascii: ":") {
                while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
            }
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { i = j; continue }
            j += 1
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { i = j; continue }
            let quote = bytes[j]
            var k = j + 1
            while k < n, bytes[k] != quote, k - j <= maximumNamespaceLength { k += 1 }
            if k - j > maximumNamespaceLength {
                let line = 1 + bytes[..<i].lazy.filter { $0 == 0x0A }.count
                throw GeoFormatError(file: file, problem: "at byte offset \(i)\(note) (line \(line)): a namespace name (xmlns) longer than \(maximumNamespaceLength) bytes; namespace names are short URIs")
            }
            i = k
        }
    }

    /// The encoding a declaration names (UTF-8 when it names none).
    private static func textEncoding(named name: String?, file: String) throws -> TextEncoding {
        guard let name, !isUTF8Name(name), !isASCIIName(name) else { return .utf8 }
        if name.uppercased().hasPrefix("UTF-16") || name.uppercased().hasPrefix("UTF-32") || name.uppercased().hasPrefix("UCS") {
            throw GeoFormatError(file: file, problem: "the XML declaration names the encoding \"\(name)\", which quhua does not read; save the file as UTF-8")
        }
        do {
            return try TextEncoding(name: name)
        } catch {
            throw GeoFormatError(file: file, problem: "the XML declaration names the encoding \"\(name)\", which quhua does not read; save the file as UTF-8 (or GBK)")
        }
    }

    private static func isUTF8Name(_ name: String) -> Bool {
        ["UTF-8", "UTF8"].contains(name.uppercased())
    }

    private static func isASCIIName(_ name: String) -> Bool {
        ["US-ASCII", "ASCII"].contains(name.uppercased())
    }
}
