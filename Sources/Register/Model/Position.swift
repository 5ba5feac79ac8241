import Foundation

/// A position in the register's CRS (metres east and north, and a height when known).
public struct Position: Sendable, Codable, Equatable, CustomStringConvertible {
    /// Easting in metres.
    public var x: Double
    /// Northing in metres.
    public var y: Double
    /// Height H in metres, when known.
    public var h: Double?

    /// Creates a position.
    public init(x: Double, y: Double, h: Double? = nil) {
        self.x = x
        self.y = y
        self.h = h
    }

    /// Parses `X,Y` or `X,Y,H` (metres).
    ///
    /// ```swift
    /// let p = try Position(parsing: "499937.910,3780801.870", field: "--position")
    /// ```
    /// - Parameters:
    ///   - text: The comma-separated numbers.
    ///   - field: The option or field it came from, named in the error.
    /// - Throws: ``RegisterError/invalidValue(field:value:expected:)`` for anything else.
    public init(parsing text: String, field: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard (2...3).contains(parts.count), let x = parts[0], let y = parts[1], x.isFinite, y.isFinite,
              parts.count == 2 || parts[2].map({ $0.isFinite }) == true else {
            throw RegisterError.invalidValue(field: field, value: text, expected: "X,Y or X,Y,H in metres")
        }
        self.init(x: x, y: y, h: parts.count == 3 ? parts[2] : nil)
    }

    /// The horizontal distance to another position, in metres.
    public func distance(to other: Position) -> Double {
        ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
    }

    /// Whether two positions agree to the millimetre (horizontally and in height).
    func sameAs(_ other: Position) -> Bool {
        let close = { (a: Double, b: Double) in abs(a - b) < 0.0005 }
        guard close(x, other.x), close(y, other.y) else { return false }
        switch (h, other.h) {
        case (nil, nil): return true
        case let (a?, b?): return close(a, b)
        default: return false
        }
    }

    /// `X,Y` or `X,Y,H` with millimetres.
    public var description: String {
        let xy = String(format: "%.3f,%.3f", x, y)
        return h.map { xy + String(format: ",%.3f", $0) } ?? xy
    }
}
