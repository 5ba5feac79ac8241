/// A reader for RFC 4180 CSV (and tab-separated) text: quoted fields, doubled quotes,
/// separators and line breaks inside quotes, CRLF or LF, an optional UTF-8 byte-order mark.
///
/// ```swift
/// let rows = CSVReader.rows(in: "code,name\n500103,\"渝中区\"\n")
/// rows[1].fields   // ["500103", "渝中区"]
/// rows[1].number   // 2, the line the row starts on
/// ```
public enum CSVReader {
    /// One record and the 1-based line on which it starts.
    public struct Row: Sendable, Equatable {
        public var fields: [String]
        public var number: Int
    }

    /// A problem found while reading, with its line.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Splits `text` into rows, skipping blank lines.
    ///
    /// - Parameters:
    ///   - text: The whole file.
    ///   - separator: `,` for CSV, `\t` for TSV. A tab-separated file has no quoting.
    public static func rows(in text: String, separator: Character = ",") -> [Row] {
        (try? read(text, separator: separator, strict: false)) ?? []
    }

    /// Splits `text` into rows and reports the first malformed quoting as an error.
    ///
    /// - Throws: ``Problem`` for an unterminated quoted field or a quote inside an unquoted field.
    public static func strictRows(in text: String, separator: Character = ",") throws(ProblemError) -> [Row] {
        try read(text, separator: separator, strict: true)
    }

    /// The error thrown by ``strictRows(in:separator:)``.
    public struct ProblemError: Error, Sendable, Equatable {
        public var problem: Problem
    }

    private static func read(_ text: String, separator: Character, strict: Bool) throws(ProblemError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quotedField = false
        var line = 1
        var rowStart = 1
        let quoting = separator != "\t"
        var iterator = text.unicodeScalars.makeIterator()
        if text.unicodeScalars.first == "\u{FEFF}" { _ = iterator.next() }
        var pending: Unicode.Scalar? = nil
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !quotedField) {
                rows.append(Row(fields: fields, number: rowStart))
            }
            fields = []
            field = ""
            quotedField = false
        }
        let sep = separator.unicodeScalars.first ?? ","
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where quoting:
                if field.isEmpty && !quotedField {
                    inQuotes = true
                    quotedField = true
                } else if strict {
                    throw ProblemError(problem: Problem(line: line, message: "a quote inside an unquoted field"))
                } else {
                    field.unicodeScalars.append(scalar)
                }
            case sep:
                fields.append(field)
                field = ""
                quotedField = false
            case "\r":
                break
            case "\n":
                endRow()
                line += 1
                rowStart = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes && strict {
            throw ProblemError(problem: Problem(line: rowStart, message: "a quoted field is not closed"))
        }
        if !field.isEmpty || !fields.isEmpty || quotedField { endRow() }
        return rows
    }
}
