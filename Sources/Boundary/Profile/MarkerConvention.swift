import Foundation

/// How markers are numbered and typed in a survey; `marker.number-format`, `marker.order`,
/// `marker.type-count` and `marker.junction` follow it.
///
/// quhua's default convention:
/// - A marker on a line has the number `LLLL-NNN`: the 4-digit id of its line, a hyphen, and a
///   3-digit sequence starting at `001` at the line's first point and increasing along the line.
/// - The markers at a junction of three lines (同号三立) share one number `JNNN` (`J001`, `J002`, …),
///   one marker standing on each of the three lines near the junction, with type letters `A`, `B`, `C`.
/// - A two-sided pair (同号双立, on the two banks of a river) shares a line number and has types `A`, `B`.
/// - A single marker (单立) has an empty type.
///
/// ```json
/// "markers": { "numberPattern": "^(?<line>\\d{4})-(?<sequence>\\d{3})$|^J(?<junction>\\d{3})$", "axisOrder": "en" }
/// ```
public struct MarkerConvention: Sendable, Codable, Equatable {
    /// A regular expression a marker number must match in full. Named groups: `line` (must equal the
    /// marker's line id), `sequence` (the order along the line), `junction` (a junction set's number).
    public var numberPattern: String
    /// The type letters of each set size: index 0 for a set of one marker, 1 for two, 2 for three.
    public var typesBySetSize: [[String]]
    /// The axis order of CSV coordinate columns: `en` (X easting, Y northing) or `ne`
    /// (X northing, Y easting, as in Chinese surveying tables).
    public var axisOrder: String

    /// quhua's default convention (see the type's description).
    public static let standard = MarkerConvention(
        numberPattern: #"^(?<line>\d{4})-(?<sequence>\d{3})$|^J(?<junction>\d{3})$"#,
        typesBySetSize: [[""], ["A", "B"], ["A", "B", "C"]],
        axisOrder: "en")

    /// The parts of a number, or `nil` when it does not match ``numberPattern``.
    ///
    /// - Throws: ``ProfileError`` when the pattern is not a valid regular expression.
    public func parse(_ number: String) throws -> MarkerNumber? {
        let regex: NSRegularExpression
        do { regex = try NSRegularExpression(pattern: numberPattern) } catch {
            throw ProfileError(problem: "markers.numberPattern is not a valid regular expression: \(numberPattern)")
        }
        let ns = number as NSString
        guard let m = regex.firstMatch(in: number, range: NSRange(location: 0, length: ns.length)),
              m.range.location == 0, m.range.length == ns.length else { return nil }
        func group(_ name: String) -> String? {
            guard numberPattern.contains("(?<\(name)>") else { return nil }
            let r = m.range(withName: name)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        return MarkerNumber(line: group("line"), sequence: group("sequence").flatMap { Int($0) }, junction: group("junction"))
    }
}

/// The parts of a marker number under a ``MarkerConvention``.
public struct MarkerNumber: Sendable, Equatable {
    /// The line id the number names, for a marker on a line.
    public var line: String?
    /// The sequence along the line.
    public var sequence: Int?
    /// The junction set number, for a junction marker.
    public var junction: String?
}
