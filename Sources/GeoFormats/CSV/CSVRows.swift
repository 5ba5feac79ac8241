/// One record of a CSV table read as plain text: its fields and the 1-based line it starts on.
public struct CSVRow: Sendable, Equatable {
    /// The fields, unquoted.
    public var fields: [String]
    /// The line the record starts on (a quoted field may span several lines).
    public var line: Int

    /// Creates a row.
    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}

/// Malformed quoting in CSV text, with the line it was found on.
public struct CSVSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// What is wrong, in a sentence without the line.
    public var message: String

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

extension CSVReader {
    /// Splits CSV text into records without interpreting them: the tables that are not layers
    /// (code tables, name lists, GeoNames dumps). The header, if any, is the first row.
    ///
    /// The same tokenizer reads every CSV layer: RFC 4180 quoting (delimiters, doubled quotes
    /// and line breaks inside quotes), CRLF or LF, blank lines skipped; a leading byte order
    /// mark is dropped.
    ///
    /// ```swift
    /// let rows = try CSVReader.rows(in: "code,name\n500103,\"渝中区\"\n")
    /// rows[1].fields   // ["500103", "渝中区"]
    /// rows[1].line     // 2
    /// ```
    ///
    /// - Parameters:
    ///   - text: The whole table.
    ///   - delimiter: One ASCII character: `,` (default), `;`, tab or `|`.
    ///   - quoting: Whether `"` quotes fields; `false` for tab-separated dumps (GeoNames) whose
    ///     fields may hold quotes.
    /// - Throws: ``CSVSyntaxError`` for a quoted field that is never closed or text after a
    ///   closing quote.
    public static func rows(in text: String, delimiter: Character = ",", quoting: Bool = true) throws(CSVSyntaxError) -> [CSVRow] {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let separator = delimiter.asciiValue ?? UInt8(ascii: ",")
        return try CSVTokenizer.records(bytes, delimiter: separator, quoting: quoting).map { CSVRow(fields: $0.fields, line: $0.line) }
    }
}
