/// A small filter language over feature attributes, for `quhua convert --where`.
///
/// ```
/// level = 2
/// 区划码 in ('110000', '120000') and name != 'Tianjin'
/// CENSUSAREA >= 1000 or (STATE = '06' and not LSAD = 'County')
/// note is null
/// ```
///
/// Comparisons: `=` (or `==`), `!=` (or `<>`), `<`, `<=`, `>`, `>=`, `in (…)`, `is null`,
/// `is not null`; combined with `and`, `or`, `not` and parentheses (`and` binds tighter).
/// Field names are bare words (any letters, digits, `_`, Chinese included) or "double-quoted";
/// values are 'single-quoted' text, numbers, or bare words. Two numbers compare as numbers
/// (`STATE = 6` matches "06"); anything else compares as text.
///
/// ```swift
/// let filter = try FeatureFilter(parsing: "CENSUSAREA > 5000 and STATE = '02'")
/// let big = layer.features.filter(filter.matches)
/// ```
public struct FeatureFilter: Sendable {
    indirect enum Node: Sendable {
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
        case compare(String, Operator, String)
        case isIn(String, [String])
        case isNull(String, Bool)
    }

    enum Operator: String, Sendable { case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">=" }

    let root: Node
    /// The field names the filter refers to.
    public let fields: Set<String>

    /// Parses a filter.
    ///
    /// - Throws: ``GeoFormatError`` saying where the text stops making sense.
    public init(parsing text: String) throws {
        var parser = FilterParser(text)
        root = try parser.parse()
        fields = parser.fields
    }

    /// Whether a feature passes the filter.
    public func matches(_ feature: Feature) -> Bool { evaluate(root, feature.properties) }

    private func evaluate(_ node: Node, _ p: [String: PropertyValue]) -> Bool {
        switch node {
        case let .and(a, b): return evaluate(a, p) && evaluate(b, p)
        case let .or(a, b): return evaluate(a, p) || evaluate(b, p)
        case let .not(a): return !evaluate(a, p)
        case let .isNull(f, wantNull):
            let isNull = p[f].map { $0 == .null } ?? true
            return isNull == wantNull
        case let .isIn(f, values):
            guard let v = p[f], v != .null else { return false }
            return values.contains { Self.compare(v, $0) == 0 }
        case let .compare(f, op, value):
            guard let v = p[f], v != .null, let c = Self.compare(v, value) else { return op == .ne }
            switch op {
            case .eq: return c == 0
            case .ne: return c != 0
            case .lt: return c < 0
            case .le: return c <= 0
            case .gt: return c > 0
            case .ge: return c >= 0
            }
        }
    }

    /// -1, 0 or 1: numerically when both sides are numbers, else as text.
    static func compare(_ v: PropertyValue, _ text: String) -> Int? {
        if let a = v.doubleValue, let b = Double(text) { return a < b ? -1 : a > b ? 1 : 0 }
        if case let .bool(b) = v {
            let t = text.lowercased()
            guard t == "true" || t == "false" else { return nil }
            return b == (t == "true") ? 0 : 1
        }
        let s = v.description
        return s < text ? -1 : s > text ? 1 : 0
    }
}

/// Recursive-descent parser for ``FeatureFilter``.
struct FilterParser {
    private let chars: [Character]
    private var i = 0
    var fields = Set<String>()

    init(_ text: String) { chars = Array(text) }

    private func fail(_ message: String) -> GeoFormatError {
        GeoFormatError(file: "--where", problem: "\(message) at character \(i + 1) of \"\(String(chars))\"")
    }

    private mutating func skipSpace() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

    private func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." || c == "-" }

    /// A keyword (case-insensitive) at the cursor, consumed when present.
    private mutating func keyword(_ word: String) -> Bool {
        skipSpace()
        let w = Array(word)
        guard i + w.count <= chars.count else { return false }
        for k in 0..<w.count where chars[i + k].lowercased() != w[k].lowercased() { return false }
        if i + w.count < chars.count, isWordChar(chars[i + w.count]) { return false }
        i += w.count
        return true
    }

    mutating func parse() throws -> FeatureFilter.Node {
        let node = try orExpression()
        skipSpace()
        if i < chars.count { throw fail("unexpected \"\(chars[i])\"") }
        return node
    }

    private mutating func orExpression() throws -> FeatureFilter.Node {
        var node = try andExpression()
        while keyword("or") { node = .or(node, try andExpression()) }
        return node
    }

    private mutating func andExpression() throws -> FeatureFilter.Node {
        var node = try unary()
        while keyword("and") { node = .and(node, try unary()) }
        return node
    }

    private mutating func unary() throws -> FeatureFilter.Node {
        if keyword("not") { return .not(try unary()) }
        skipSpace()
        if i < chars.count, chars[i] == "(" {
            i += 1
            let node = try orExpression()
            skipSpace()
            guard i < chars.count, chars[i] == ")" else { throw fail("missing \")\"") }
            i += 1
            return node
        }
        return try comparison()
    }

    private mutating func comparison() throws -> FeatureFilter.Node {
        let field = try name()
        fields.insert(field)
        if keyword("is") {
            let negated = keyword("not")
            guard keyword("null") else { throw fail("expected \"null\" after \"is\"") }
            return .isNull(field, !negated)
        }
        if keyword("in") {
            skipSpace()
            guard i < chars.count, chars[i] == "(" else { throw fail("expected \"(\" after \"in\"") }
            i += 1
            var values: [String] = []
            while true {
                values.append(try value())
                skipSpace()
                guard i < chars.count else { throw fail("missing \")\"") }
                if chars[i] == "," { i += 1; continue }
                if chars[i] == ")" { i += 1; break }
                throw fail("expected \",\" or \")\"")
            }
            return .isIn(field, values)
        }
        skipSpace()
        let ops: [(String, FeatureFilter.Operator)] = [("==", .eq), ("!=", .ne), ("<>", .ne), ("<=", .le), (">=", .ge), ("=", .eq), ("<", .lt), (">", .gt)]
        for (text, op) in ops {
            let t = Array(text)
            if i + t.count <= chars.count, Array(chars[i..<(i + t.count)]) == t {
                i += t.count
                return .compare(field, op, try value())
            }
        }
        throw fail("expected a comparison (=, !=, <, <=, >, >=, in, is null) after \"\(field)\"")
    }

    private mutating func name() throws -> String {
        skipSpace()
        guard i < chars.count else { throw fail("expected a field name") }
        if chars[i] == "\"" { return try quoted("\"") }
        let start = i
        while i < chars.count, isWordChar(chars[i]) { i += 1 }
        guard i > start else { throw fail("expected a field name") }
        return String(chars[start..<i])
    }

    private mutating func value() throws -> String {
        skipSpace()
        guard i < chars.count else { throw fail("expected a value") }
        if chars[i] == "'" { return try quoted("'") }
        if chars[i] == "\"" { return try quoted("\"") }
        let start = i
        while i < chars.count, isWordChar(chars[i]) || chars[i] == "+" { i += 1 }
        guard i > start else { throw fail("expected a value") }
        return String(chars[start..<i])
    }

    /// Text between quotes; a doubled quote stands for one.
    private mutating func quoted(_ q: Character) throws -> String {
        i += 1
        var out = ""
        while i < chars.count {
            if chars[i] == q {
                if i + 1 < chars.count, chars[i + 1] == q { out.append(q); i += 2; continue }
                i += 1
                return out
            }
            out.append(chars[i])
            i += 1
        }
        throw fail("unterminated \(q)quoted\(q) text")
    }
}
