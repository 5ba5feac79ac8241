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
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if end == start || bytes[start] == UInt8(ascii: "#") { continue }
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
}
