import Foundation

/// Reads the text format written by `Tools/pinyin/build-lexicon.py` (see its header
/// for the sections). Parses bytes directly so that loading takes milliseconds.
enum LexiconParser {
    private enum Section { case none, readings, simplified, words, minority, names }

    static func load(contentsOf url: URL) throws(PinyinError) -> Lexicon {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(bytes, path: url.path)
    }

    static func parse(_ bytes: [UInt8], path: String) throws(PinyinError) -> Lexicon {
        var lexicon = Lexicon()
        var section = Section.none
        var lineNumber = 0
        var start = 0
        var syllableCache: [Substring: Syllable] = [:]
        var fastCache: [UInt64: Syllable] = [:]
        var scalarBuffer: [UInt32] = []
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if end == start || bytes[start] == UInt8(ascii: "#") { continue }
            // The two big sections are parsed straight from the bytes.
            if section == .readings, bytes[start] != UInt8(ascii: "@") {
                guard let (ch, next) = decodeScalar(bytes, at: start, end: end), next < end,
                      bytes[next] == UInt8(ascii: "\t") else {
                    throw .malformed(path: path, line: lineNumber, reason: "expected character TAB readings")
                }
                var list: [Syllable] = []
                var t = next + 1
                while t < end {
                    var e = t
                    while e < end, bytes[e] != UInt8(ascii: " ") { e += 1 }
                    guard e > t, e - t <= 8 else {
                        throw .malformed(path: path, line: lineNumber, reason: "bad syllable")
                    }
                    var key: UInt64 = 0
                    for k in t..<e { key = key << 8 | UInt64(bytes[k]) }
                    if let cached = fastCache[key] {
                        list.append(cached)
                    } else if let syllable = Syllable(numbered: Substring(String(decoding: bytes[t..<e], as: UTF8.self))) {
                        fastCache[key] = syllable
                        list.append(syllable)
                    } else {
                        throw .malformed(path: path, line: lineNumber, reason: "bad syllable")
                    }
                    t = e + 1
                }
                lexicon.addReadings(ch, list)
                continue
            }
            if section == .names, bytes[start] != UInt8(ascii: "@") {
                scalarBuffer.removeAll(keepingCapacity: true)
                var i = start
                while i < end, let (ch, next) = decodeScalar(bytes, at: i, end: end) {
                    scalarBuffer.append(ch)
                    i = next
                }
                lexicon.addKnownName(scalarBuffer)
                continue
            }
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            if line.hasPrefix("@") {
                switch line {
                case "@readings": section = .readings
                case "@simplified": section = .simplified
                case "@words": section = .words
                case "@minority": section = .minority
                case "@names", "@settlements": section = .names
                default: throw .malformed(path: path, line: lineNumber, reason: "unknown section \(line)")
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            func syllables(_ field: Substring) throws(PinyinError) -> [Syllable] {
                var out: [Syllable] = []
                for token in field.split(separator: " ") {
                    if let cached = syllableCache[token] {
                        out.append(cached)
                    } else if let s = Syllable(numbered: token) {
                        syllableCache[token] = s
                        out.append(s)
                    } else {
                        throw .malformed(path: path, line: lineNumber, reason: "bad syllable \(token)")
                    }
                }
                return out
            }
            func scalars(_ field: Substring) -> [UInt32] { field.unicodeScalars.map(\.value) }

            switch section {
            case .none:
                throw .malformed(path: path, line: lineNumber, reason: "data before the first section")
            case .readings:
                guard fields.count == 2, let ch = fields[0].unicodeScalars.first else {
                    throw .malformed(path: path, line: lineNumber, reason: "expected character TAB readings")
                }
                lexicon.addReadings(ch.value, try syllables(fields[1]))
            case .simplified:
                guard fields.count == 2, let from = fields[0].unicodeScalars.first,
                      let to = fields[1].unicodeScalars.first else {
                    throw .malformed(path: path, line: lineNumber, reason: "expected character TAB character")
                }
                lexicon.addSimplified(from.value, to.value)
            case .words:
                guard fields.count == 3, let weight = Int32(fields[2]) else {
                    throw .malformed(path: path, line: lineNumber, reason: "expected word TAB readings TAB weight")
                }
                let word = scalars(fields[0])
                let reading = try syllables(fields[1])
                guard reading.count == word.count else {
                    throw .malformed(path: path, line: lineNumber, reason: "\(fields[0]) has \(word.count) characters but \(reading.count) syllables")
                }
                lexicon.addWord(word, reading, weight: weight)
            case .minority:
                guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                    throw .malformed(path: path, line: lineNumber, reason: "expected specific TAB official [TAB generics TAB language]")
                }
                let generics = fields.count > 2
                    ? fields[2].split(separator: ",").map { ScalarHash.of(scalars($0)[...]) }
                    : []
                let language = fields.count > 3 ? String(fields[3]) : ""
                lexicon.addMinority(scalars(fields[0]), .init(official: String(fields[1]), generics: generics, language: language))
            case .names:
                lexicon.addKnownName(scalars(fields[0]))
            }
        }
        return lexicon
    }

    /// Decodes one UTF-8 scalar starting at `i`; returns it and the index after it.
    @inline(__always)
    private static func decodeScalar(_ bytes: [UInt8], at i: Int, end: Int) -> (UInt32, Int)? {
        guard i < end else { return nil }
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, i + 1) }
        if b0 >= 0xF0, i + 3 < end + 1, i + 3 < bytes.count {
            let v = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
            return (v, i + 4)
        }
        if b0 >= 0xE0, i + 2 < bytes.count {
            let v = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
            return (v, i + 3)
        }
        if b0 >= 0xC0, i + 1 < bytes.count {
            return ((b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F), i + 2)
        }
        return nil
    }
}
