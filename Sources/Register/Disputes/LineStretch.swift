import GEOSKit

/// Cuts the stretch of a line between two points, as a WKT LineString.
enum LineStretch {
    /// The part of `lineWKT` between the points nearest to `a` and `b`, in the line's direction.
    ///
    /// For a multi-line string, the part nearest to `a` is used.
    ///
    /// - Throws: ``RegisterError/invalidValue(field:value:expected:)`` when the line cannot be read or the stretch is empty.
    static func between(_ a: Position, _ b: Position, on lineWKT: String) throws -> String {
        let parts: [[Coordinate]]
        do {
            let context = try GEOSContext()
            let geometry = try context.geometry(wkt: lineWKT)
            parts = try geometry.parts().map { try $0.coordinates() }.filter { $0.count >= 2 }
        } catch {
            throw RegisterError.invalidValue(field: "line geometry", value: String(lineWKT.prefix(40)), expected: "a readable LineString: \(error)")
        }
        guard let line = parts.min(by: { project(a, on: $0).offset < project(a, on: $1).offset }) else {
            throw RegisterError.invalidValue(field: "line geometry", value: String(lineWKT.prefix(40)), expected: "a line with two points or more")
        }
        let (start, end) = (project(a, on: line).along, project(b, on: line).along)
        let (from, to) = (min(start, end), max(start, end))
        guard to - from > 0.001 else {
            throw RegisterError.invalidValue(field: "stretch", value: "\(a) – \(b)", expected: "two markers apart along the line")
        }
        var points: [(Double, Double)] = [point(at: from, on: line)]
        var travelled = 0.0
        for i in 1..<line.count {
            travelled += length(line[i - 1], line[i])
            if travelled > from && travelled < to { points.append((line[i].x, line[i].y)) }
        }
        points.append(point(at: to, on: line))
        let text = points.map { String(format: "%.3f %.3f", $0.0, $0.1) }.joined(separator: ", ")
        return "LINESTRING (\(text))"
    }

    /// Checks a WKT LineString given by the user and writes it back normalised.
    static func normalised(_ wkt: String) throws -> String {
        do {
            let context = try GEOSContext()
            let geometry = try context.geometry(wkt: wkt)
            guard try geometry.type == .lineString || geometry.type == .multiLineString, try !geometry.isEmpty else {
                throw RegisterError.invalidValue(field: "--wkt", value: wkt, expected: "a LineString")
            }
            return try geometry.wkt(precision: 3)
        } catch let error as RegisterError {
            throw error
        } catch {
            throw RegisterError.invalidValue(field: "--wkt", value: wkt, expected: "a LineString in WKT: \(error)")
        }
    }

    private static func length(_ p: Coordinate, _ q: Coordinate) -> Double {
        ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
    }

    /// The distance along the line of the point nearest to `p`, and how far `p` is from the line.
    private static func project(_ p: Position, on line: [Coordinate]) -> (along: Double, offset: Double) {
        var best = (along: 0.0, offset: Double.infinity)
        var travelled = 0.0
        for i in 1..<line.count {
            let (s, e) = (line[i - 1], line[i])
            let segment = length(s, e)
            let t = segment > 0 ? max(0, min(1, ((p.x - s.x) * (e.x - s.x) + (p.y - s.y) * (e.y - s.y)) / (segment * segment))) : 0
            let (x, y) = (s.x + t * (e.x - s.x), s.y + t * (e.y - s.y))
            let offset = ((p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)).squareRoot()
            if offset < best.offset { best = (travelled + t * segment, offset) }
            travelled += segment
        }
        return best
    }

    private static func point(at distance: Double, on line: [Coordinate]) -> (Double, Double) {
        var travelled = 0.0
        for i in 1..<line.count {
            let segment = length(line[i - 1], line[i])
            if travelled + segment >= distance, segment > 0 {
                let t = (distance - travelled) / segment
                return (line[i - 1].x + t * (line[i].x - line[i - 1].x), line[i - 1].y + t * (line[i].y - line[i - 1].y))
            }
            travelled += segment
        }
        return (line[line.count - 1].x, line[line.count - 1].y)
    }
}
