import Foundation

/// One yearly table of `data/YEAR.txt`: the divisions on 31 December of that year, as listed.
///
/// Each line is `CODE NAME` (six digits, one space, the name). The order of lines is the
/// order of the official publication, which is code order with a few exceptions.
struct YearTable {
    struct Record: Hashable {
        var code: Int
        var name: String
    }

    let year: Int
    /// The records in listing order.
    let records: [Record]
    private let nameByCode: [Int: String]
    private let codesByName: [String: [Int]]
    private let parents: Set<Int>

    /// The code of the root record, 中华人民共和国, implicitly in every table.
    static let rootCode = 0
    static let rootName = "中华人民共和国"

    init(year: Int, text: String, source: String) throws {
        self.year = year
        var records: [Record] = []
        var nameByCode: [Int: String] = [:]
        var codesByName: [String: [Int]] = [:]
        // Byte-level parsing: the tables are large and grapheme-aware string handling is slow.
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = 3 }
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            defer { lineStart = lineEnd + 1 }
            if contentEnd == lineStart { continue }
            let line = bytes[lineStart..<contentEnd]
            var code = 0
            var valid = line.count > 7 && line[lineStart + 6] == 0x20
            if valid {
                for byte in line.prefix(6) {
                    guard byte >= 0x30, byte <= 0x39 else { valid = false; break }
                    code = code * 10 + Int(byte - 0x30)
                }
            }
            let name = valid ? String(decoding: line.dropFirst(7), as: UTF8.self) : ""
            guard valid, !name.isEmpty, !name.utf8.contains(0x20) else {
                throw GazetteerError.invalidInput(source: source, line: lineNumber,
                                                  message: "expected “CODE NAME” with a six-digit code, found “\(String(decoding: line, as: UTF8.self))”")
            }
            guard nameByCode[code] == nil else {
                throw GazetteerError.invalidInput(source: source, line: lineNumber, message: "code \(code) listed twice")
            }
            nameByCode[code] = name
            codesByName[name, default: []].append(code)
            records.append(Record(code: code, name: name))
        }
        guard !records.isEmpty else {
            throw GazetteerError.invalidInput(source: source, line: nil, message: "the table is empty")
        }
        self.records = records
        self.nameByCode = nameByCode
        self.codesByName = codesByName
        var parents: Set<Int> = []
        var children: [Int: [Int]] = [:]
        for record in records {
            let parent = YearTable.parentCode(of: record.code, in: nameByCode)
            parents.insert(parent)
            children[parent, default: []].append(record.code)
        }
        self.parents = parents
        self.children = children
    }

    /// Child codes by parent code, in listing order.
    private let children: [Int: [Int]]

    /// Every descendant without children of its own, depth first.
    func descendantLeaves(of code: Int) -> [Int] {
        var result: [Int] = []
        var stack = (children[code] ?? []).reversed() as [Int]
        while let next = stack.popLast() {
            if let grandchildren = children[next] { stack.append(contentsOf: grandchildren.reversed()) } else { result.append(next) }
        }
        return result
    }

    func name(of code: Int) -> String? {
        code == YearTable.rootCode ? YearTable.rootName : nameByCode[code]
    }

    func contains(_ code: Int) -> Bool { code == YearTable.rootCode || nameByCode[code] != nil }

    func codes(named name: String) -> [Int] {
        name == YearTable.rootName ? [YearTable.rootCode] : codesByName[name] ?? []
    }

    /// The code of the parent record: the prefecture `xxxx00` when listed, otherwise the province.
    func parentCode(of code: Int) -> Int { YearTable.parentCode(of: code, in: nameByCode) }

    /// Whether the record has child records in this table.
    func hasChildren(_ code: Int) -> Bool { parents.contains(code) }

    /// The chain of ancestors, nearest first, ending with the root.
    func ancestors(of code: Int) -> [Int] {
        var result: [Int] = []
        var current = code
        while current != YearTable.rootCode {
            current = parentCode(of: current)
            result.append(current)
        }
        return result
    }

    static func parentCode(of code: Int, in table: [Int: String]) -> Int {
        if code % 10000 == 0 { return rootCode }
        if code % 100 == 0 { return code / 10000 * 10000 }
        let prefecture = code / 100 * 100
        return table[prefecture] != nil ? prefecture : code / 10000 * 10000
    }

    static func level(of code: Int) -> PlaceLevel {
        if code == rootCode { return .country }
        if code % 10000 == 0 { return .province }
        if code % 100 == 0 { return .prefecture }
        return .county
    }

    static func format(_ code: Int) -> String {
        let digits = String(code)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
