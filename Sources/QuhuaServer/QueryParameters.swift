import Foundation
import GEOSKit
import Gazetteer
import Hummingbird

/// A request's query parameters, decoded (`+` is a space, percent escapes resolved), with typed
/// readers that answer a bad value with a 400 naming the parameter.
struct QueryParameters {
    private(set) var values: [String: String] = [:]

    init(_ request: Request) throws {
        guard let query = request.uri.query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) throws -> String {
                guard let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw Problem(.badRequest, "Invalid query", detail: "bad percent encoding in “\(text)”")
                }
                return decoded
            }
            let key = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            if values[key] != nil {
                throw Problem.badParameter(key, "\(key) is given more than once")
            }
            values[key] = value
        }
    }

    /// Refuses parameters the route does not define (OGC API – Features /req/core/query-param-unknown).
    func allowOnly(_ names: Set<String>) throws {
        let unknown = values.keys.filter { !names.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw Problem(.badRequest, "Unknown parameter", detail: "unknown query parameter \(unknown.joined(separator: ", ")); this resource takes \(names.sorted().joined(separator: ", "))")
        }
    }

    subscript(_ name: String) -> String? {
        guard let value = values[name] else { return nil }
        return value
    }

    /// A required, non-empty text.
    func required(_ name: String) throws -> String {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw Problem.badParameter(name, "\(name) is required")
        }
        return value
    }

    /// An integer in `range`; values above it are clamped when `clampAbove`, refused otherwise.
    func integer(_ name: String, default value: Int, range: ClosedRange<Int>, clampAbove: Bool = false) throws -> Int {
        guard let text = values[name] else { return value }
        guard let number = Int(text) else { throw Problem.badParameter(name, "\(name) must be an integer, not “\(text)”") }
        if number > range.upperBound, clampAbove { return range.upperBound }
        guard range.contains(number) else {
            throw Problem.badParameter(name, "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(number)")
        }
        return number
    }

    /// A number.
    func double(_ name: String) throws -> Double {
        let text = try required(name)
        guard let number = Double(text), number.isFinite else { throw Problem.badParameter(name, "\(name) must be a number, not “\(text)”") }
        return number
    }

    /// A day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    func day(_ name: String) throws -> Day? {
        guard let text = values[name], !text.isEmpty else { return nil }
        do { return try Day(parsing: text) } catch let error as GazetteerError {
            throw Problem.badParameter(name, error.description)
        }
    }

    /// A value of a closed vocabulary.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let text = values[name], !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.badParameter(name, "\(name) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not “\(text)”")
        }
        return value
    }

    /// A 6-, 9- or 12-digit division code.
    func code(_ name: String) throws -> String? {
        guard let text = values[name], !text.isEmpty else { return nil }
        guard text.allSatisfy({ $0.isASCII && $0.isNumber }), [6, 9, 12].contains(text.count) else {
            throw Problem.badParameter(name, "\(name) takes a 6-, 9- or 12-digit code, not “\(text)”")
        }
        return text
    }

    /// `bbox=minLon,minLat,maxLon,maxLat` (or six numbers with heights) in CRS84.
    func bbox() throws -> Envelope? {
        guard let text = values["bbox"] else { return nil }
        let numbers = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 4 || numbers.count == 6, numbers.allSatisfy({ $0?.isFinite == true }) else {
            throw Problem.badParameter("bbox", "bbox takes 4 (or 6) comma-separated numbers: minLon,minLat,maxLon,maxLat; got “\(text)”")
        }
        let n = numbers.compactMap { $0 }
        let (minX, minY, maxX, maxY) = n.count == 4 ? (n[0], n[1], n[2], n[3]) : (n[0], n[1], n[3], n[4])
        guard (-180...180).contains(minX), (-180...180).contains(maxX), (-90...90).contains(minY), (-90...90).contains(maxY) else {
            throw Problem.badParameter("bbox", "bbox is longitude/latitude (CRS84): longitudes within ±180, latitudes within ±90")
        }
        guard minY <= maxY else { throw Problem.badParameter("bbox", "bbox's minimum latitude \(minY) is above its maximum \(maxY)") }
        guard minX <= maxX else {
            throw Problem.badParameter("bbox", "bbox crossing the antimeridian (minLon \(minX) > maxLon \(maxX)) is not supported")
        }
        return Envelope(minX: minX, minY: minY, maxX: maxX, maxY: maxY)
    }

    /// `datetime`: an instant or an interval (RFC 3339 dates or date-times, `..` or empty for an
    /// open end). The answer is the day the divisions are shown as of: the instant's day, or the
    /// interval's last day (today when open).
    func datetime() throws -> Day? {
        guard let text = values["datetime"], !text.isEmpty else { return nil }
        func instant(_ part: Substring) throws -> Day? {
            if part.isEmpty || part == ".." { return nil }
            let datePart = part.prefix(10)
            let rest = part.dropFirst(10)
            if !rest.isEmpty {
                let pattern = #"^[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#
                guard rest.range(of: pattern, options: .regularExpression) != nil else {
                    throw Problem.badParameter("datetime", "“\(part)” is not an RFC 3339 date or date-time")
                }
            }
            guard datePart.count == 10 || rest.isEmpty else { throw Problem.badParameter("datetime", "“\(part)” is not an RFC 3339 date or date-time") }
            do { return try Day(parsing: String(datePart)) } catch let error as GazetteerError {
                throw Problem.badParameter("datetime", error.description)
            }
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let day = try instant(parts[0]) else { throw Problem.badParameter("datetime", "“\(text)” is not a date") }
            return day
        case 2:
            let start = try instant(parts[0]), end = try instant(parts[1])
            if start == nil, end == nil, !(parts[0] == ".." || parts[1] == "..") {
                throw Problem.badParameter("datetime", "an interval needs at least one end")
            }
            if let start, let end, end < start { throw Problem.badParameter("datetime", "the interval ends (\(end)) before it starts (\(start))") }
            return end ?? Day.today
        default:
            throw Problem.badParameter("datetime", "“\(text)” is neither an instant nor an interval start/end")
        }
    }
}
