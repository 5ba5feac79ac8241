import GeoFormats

/// A JSON value that reports write as text themselves, keys sorted.
///
/// A national layer's report holds tens of thousands of findings and a hundred megabytes of
/// coordinates. Going through `JSONSerialization` meant parsing every location's GeoJSON into
/// Foundation objects, bridging them, and serialising them again: about half of `quhua validate`'s
/// time on such a layer. Here a location is embedded as GeoJSON text (``raw(_:)``) and the rest is
/// written straight to a string.
///
/// ```swift
/// let item: ReportJSON = .object(["rule": .string("coverage.gap"), "value": .number(15.7)])
/// item.text(pretty: true)   // {\n  "rule" : "coverage.gap",\n  "value" : 15.7\n}
/// ```
enum ReportJSON {
    case string(String)
    case number(Double)
    case integer(Int)
    case null
    /// Text that already is JSON (a GeoJSON geometry object).
    case raw(String)
    case array([ReportJSON])
    case object([String: ReportJSON])

    /// A string, or `null` when there is none.
    static func string(_ value: String?) -> ReportJSON { value.map { .string($0) } ?? .null }

    /// A number, or `null` when there is none.
    static func number(_ value: Double?) -> ReportJSON { value.map { .number($0) } ?? .null }

    /// The value as JSON text: two-space indentation and `"key" : value` when `pretty`, compact otherwise.
    func text(pretty: Bool) -> String {
        var out = ""
        write(to: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, depth: Int) {
        switch self {
        case .string(let s): out += GeoJSONText.string(s)
        case .number(let v): out += v.isFinite ? GeoJSONText.number(v) : "null"
        case .integer(let i): out += String(i)
        case .null: out += "null"
        case .raw(let text): out += text
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                Self.newline(&out, pretty: pretty, depth: depth + 1)
                item.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            Self.newline(&out, pretty: pretty, depth: depth)
            out += "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, key) in members.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                Self.newline(&out, pretty: pretty, depth: depth + 1)
                out += GeoJSONText.string(key)
                out += pretty ? " : " : ":"
                members[key]?.write(to: &out, pretty: pretty, depth: depth + 1)
            }
            Self.newline(&out, pretty: pretty, depth: depth)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, pretty: Bool, depth: Int) {
        guard pretty else { return }
        out += "\n"
        out += String(repeating: "  ", count: depth)
    }
}
