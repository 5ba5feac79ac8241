/// Splits CSV text (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF)
/// into records of fields, remembering the line each record starts on.
struct CSVTokenizer {
    /// One record: its fields and the 1-based line it starts on.
    struct Record {
        var fields: [String]
        var line: Int
    }

    /// The records of `bytes` (UTF-8, without byte order mark). Blank lines are skipped.
    ///
    /// - Parameter quoting: Whether `"` starts a quoted field; without quoting (GeoNames-style
    ///   tab-separated text) a quote is an ordinary character.
    static func records(_ bytes: [UInt8], delimiter: UInt8, quoting: Bool = true) throws(CSVSyntaxError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var i = 0
        let n = bytes.count
        var inQuotes = false
        var quotedFieldStartLine = 0
        var fieldWasQuoted = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(c)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    // Only a delimiter or the end of the line may follow a closing quote.
                    if i < n, bytes[i] != delimiter, bytes[i] != 0x0A, bytes[i] != 0x0D {
                        throw CSVSyntaxError(line: line, message: "text after the closing quote of a quoted field")
                    }
                    continue
                }
                if c == 0x0A { line += 1 }
                field.append(c)
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\"") where quoting:
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quotedFieldStartLine = line
                } else {
                    field.append(c)   // a stray quote inside an unquoted field is kept as text
                }
                i += 1
            case delimiter:
                endField()
                i += 1
            case 0x0D:
                endRecord()
                i += 1
                if i < n, bytes[i] == 0x0A { i += 1 }
                line += 1
                recordLine = line
            case 0x0A:
                endRecord()
                i += 1
                line += 1
                recordLine = line
            default:
                field.append(c)
                i += 1
            }
        }
        if inQuotes {
            throw CSVSyntaxError(line: quotedFieldStartLine, message: "a quoted field is never closed (the file ends inside quotes; is it truncated?)")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }

    /// The delimiter the header line uses most: comma, semicolon, tab or `|`.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for c in bytes {
            if c == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if c == 0x0A || c == 0x0D { break }
            if let k = candidates.firstIndex(of: c) { counts[k] += 1 }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else {
            return UInt8(ascii: ",")
        }
        return candidates[best]
    }
}
