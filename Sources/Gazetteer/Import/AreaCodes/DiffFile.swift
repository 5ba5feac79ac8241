import Foundation

/// One `diff/A-B.diff` file of the areacodes project, parsed by its grammar (`diff-spec.md`).
///
/// A non-empty line is a deletion (`-`), an addition (`+`), a transfer (`=`) or a comment
/// (`#`). A run of comment lines is a *description* of the change lines that follow it; its
/// content is Markdown whose headings open sections, each with `key：value` metadata lines
/// (文号, 日期, 来源) right after the heading. Change lines are
/// `±CODE NAME` optionally followed by `>` or `<` and comma-separated record selectors.
struct DiffFile {
    enum Kind: Character { case deletion = "-", addition = "+", transfer = "=" }

    /// A record selector (diff-spec “记录选择器”). Disabled selectors (`?`) are dropped at parse time.
    enum Selector: Hashable {
        /// A name, resolved by the prefix rule of the spec.
        case name(String)
        /// `_`: the name of the line's own record.
        case currentName
        /// `.`: the record with the line's own code.
        case currentCode
        /// `..`: the record with the code of the line's parent record.
        case parentCode
    }

    struct ChangeLine {
        var kind: Kind
        var code: Int
        var name: String
        /// `true` when the attribute points from the source table to the target table (`>`).
        var forward: Bool
        /// `nil` when the line has no attribute (a record with children).
        var selectors: [Selector]?
        var lineNumber: Int
        /// Index into ``DiffFile/descriptions``.
        var description: Int?
    }

    /// A section of a description: one cited document.
    struct Section {
        var title: String?
        var metadata: [(key: String, value: String)]
        var body: String

        func value(_ key: String) -> String? { metadata.first { $0.key == key }?.value }
    }

    struct Description {
        var content: String
        var sections: [Section]
        var lineNumber: Int
    }

    let fromYear: Int
    let toYear: Int
    let source: String
    var lines: [ChangeLine] = []
    var descriptions: [Description] = []

    init(fromYear: Int, toYear: Int, text: String, source: String) throws {
        self.fromYear = fromYear
        self.toYear = toYear
        self.source = source
        var pendingComments: [Substring] = []
        var pendingStart = 0
        var currentDescription: Int?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            guard let first = line.first else {
                pendingComments.removeAll()
                currentDescription = nil
                continue
            }
            if first == "#" {
                if pendingComments.isEmpty { pendingStart = lineNumber }
                pendingComments.append(line)
                continue
            }
            guard let kind = Kind(rawValue: first) else {
                throw GazetteerError.invalidInput(source: source, line: lineNumber,
                                                  message: "a line must start with -, +, = or #, found “\(line)”")
            }
            if !pendingComments.isEmpty {
                descriptions.append(DiffFile.description(of: pendingComments, lineNumber: pendingStart))
                currentDescription = descriptions.count - 1
                pendingComments.removeAll()
            }
            var change = try DiffFile.parseChange(line.dropFirst(), kind: kind, lineNumber: lineNumber, source: source)
            change.description = currentDescription
            lines.append(change)
        }
    }

    private static func parseChange(_ body: Substring, kind: Kind, lineNumber: Int, source: String) throws -> ChangeLine {
        func fail(_ message: String) -> GazetteerError {
            .invalidInput(source: source, line: lineNumber, message: message)
        }
        guard let space = body.firstIndex(of: " "), body.distance(from: body.startIndex, to: space) == 6,
              body[..<space].allSatisfy(\.isASCIIDigit), let code = Int(body[..<space]) else {
            throw fail("expected a six-digit code and a space after “\(kind.rawValue)”")
        }
        let rest = body[body.index(after: space)...]
        let arrow = rest.firstIndex { $0 == ">" || $0 == "<" }
        let name = String(arrow.map { rest[..<$0] } ?? rest)
        guard !name.isEmpty else { throw fail("the record has no name") }
        guard let arrow else {
            if kind == .transfer { throw fail("a transfer line needs an attribute (> or <)") }
            return ChangeLine(kind: kind, code: code, name: name, forward: kind == .deletion, selectors: nil, lineNumber: lineNumber)
        }
        let forward = rest[arrow] == ">"
        if kind == .deletion && !forward { throw fail("a deletion line takes “>”, not “<”") }
        if kind == .addition && forward { throw fail("an addition line takes “<”, not “>”") }
        var selectors: [Selector] = []
        for token in rest[rest.index(after: arrow)...].split(separator: ",", omittingEmptySubsequences: false) {
            var value = token
            if value.hasSuffix("?") { continue }
            if value.hasSuffix("!") { value = value.dropLast() }
            switch value {
            case "": throw fail("empty record selector")
            case "_": selectors.append(.currentName)
            case ".": selectors.append(.currentCode)
            case "..": selectors.append(.parentCode)
            default:
                if value.contains(where: { "<>?!".contains($0) }) { throw fail("malformed record selector “\(token)”") }
                selectors.append(.name(String(value)))
            }
        }
        return ChangeLine(kind: kind, code: code, name: name, forward: forward, selectors: selectors, lineNumber: lineNumber)
    }

    /// Builds the Markdown content of a description and splits it into sections.
    private static func description(of comments: [Substring], lineNumber: Int) -> Description {
        // Remove the leading “#” and the white space after it from every line.
        let contentLines: [String] = comments.map { line in
            String(line.dropFirst().drop { $0 == " " || $0 == "\t" })
        }
        var sections: [Section] = []
        var current: Section?
        var inMetadata = false
        var body: [String] = []
        func close() {
            guard var section = current else { return }
            while body.first?.isEmpty == true { body.removeFirst() }
            while body.last?.isEmpty == true { body.removeLast() }
            section.body = body.joined(separator: "\n")
            if section.title != nil || !section.body.isEmpty || !section.metadata.isEmpty { sections.append(section) }
            current = nil
            body = []
        }
        for line in contentLines {
            if line.hasPrefix("#") {
                close()
                let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                current = Section(title: title, metadata: [], body: "")
                inMetadata = true
                continue
            }
            if current == nil { current = Section(title: nil, metadata: [], body: ""); inMetadata = true }
            if inMetadata, let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }),
               line.distance(from: line.startIndex, to: colon) <= 6, !line.isEmpty {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                current?.metadata.append((key, value))
                continue
            }
            inMetadata = false
            body.append(line)
        }
        close()
        return Description(content: contentLines.joined(separator: "\n"), sections: sections, lineNumber: lineNumber)
    }
}
