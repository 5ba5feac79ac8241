/// Pairs the markers of a record with those of a new survey of the same line.
///
/// Matching goes in two passes:
/// 1. **By number.** A number held by one marker in each epoch pairs those two. Within a set sharing
///    a number (同号双立 `A`/`B`, 同号三立 `A`/`B`/`C`) markers pair by type letter where the letter is
///    unique on both sides. A pair farther apart than the search radius is not taken: the number
///    was re-used for another marker, and both go on to the second pass.
/// 2. **By position.** What is left pairs nearest-first within the search radius, but only where the
///    numbers do not contradict each other: equal numbers (a re-used or re-typed set) or a missing
///    number on either side. Two markers with different numbers are never paired.
///
/// Whatever is still unpaired is missing (record) or new (survey).
///
/// ```swift
/// let matcher = MarkerMatcher(tolerance: 0.20, searchRadius: 10)
/// let comparison = matcher.compare(before: recordMarkers, after: surveyMarkers)
/// for m in comparison.moved { print(m.after.label, m.distance) }
/// ```
public struct MarkerMatcher: Sendable {
    /// Displacements above this many metres are moves.
    public var tolerance: Double
    /// How far apart (metres) two records of one marker may lie to be paired.
    public var searchRadius: Double

    /// Creates a matcher.
    ///
    /// - Parameters:
    ///   - tolerance: the displacement (m) above which a marker counts as moved.
    ///   - searchRadius: the largest distance (m) between two records of the same marker.
    public init(tolerance: Double, searchRadius: Double) {
        self.tolerance = tolerance
        self.searchRadius = searchRadius
    }

    /// Compares the markers of two epochs, both in the same metric CRS.
    ///
    /// - Parameters:
    ///   - before: the markers of the record.
    ///   - after: the markers of the new survey.
    /// - Returns: matches in record order, then the missing and the new markers in file order.
    public func compare(before: [MarkerRecord], after: [MarkerRecord]) -> MarkerComparison {
        var pairOfBefore = [Int?](repeating: nil, count: before.count)
        var method = [MarkerMatch.Method?](repeating: nil, count: before.count)
        var takenAfter = [Bool](repeating: false, count: after.count)

        func distance(_ b: Int, _ a: Int) -> Double {
            let dx = after[a].x - before[b].x, dy = after[a].y - before[b].y
            return (dx * dx + dy * dy).squareRoot()
        }
        func take(_ b: Int, _ a: Int, _ how: MarkerMatch.Method) {
            pairOfBefore[b] = a
            method[b] = how
            takenAfter[a] = true
        }

        // Pass 1: by number.
        let beforeByNumber = Dictionary(grouping: before.indices.filter { before[$0].isNumbered }, by: { before[$0].number })
        let afterByNumber = Dictionary(grouping: after.indices.filter { after[$0].isNumbered }, by: { after[$0].number })
        for number in beforeByNumber.keys.sorted() {
            guard let olds = beforeByNumber[number], let news = afterByNumber[number] else { continue }
            var candidates: [(Int, Int)] = []
            if olds.count == 1, news.count == 1 {
                candidates = [(olds[0], news[0])]
            } else {
                let oldByType = Dictionary(grouping: olds, by: { before[$0].type })
                let newByType = Dictionary(grouping: news, by: { after[$0].type })
                for (type, o) in oldByType where o.count == 1 {
                    if let n = newByType[type], n.count == 1 { candidates.append((o[0], n[0])) }
                }
            }
            for (b, a) in candidates where distance(b, a) <= searchRadius {
                take(b, a, .number)
            }
        }

        // Pass 2: by position, nearest first, where the numbers allow it.
        var pairs: [(d: Double, b: Int, a: Int)] = []
        for b in before.indices where pairOfBefore[b] == nil {
            for a in after.indices where !takenAfter[a] {
                let compatible = !before[b].isNumbered || !after[a].isNumbered || before[b].number == after[a].number
                guard compatible else { continue }
                let d = distance(b, a)
                if d <= searchRadius { pairs.append((d, b, a)) }
            }
        }
        pairs.sort { ($0.d, $0.b, $0.a) < ($1.d, $1.b, $1.a) }
        for p in pairs where pairOfBefore[p.b] == nil && !takenAfter[p.a] {
            take(p.b, p.a, .position)
        }

        var matches: [MarkerMatch] = []
        var missing: [MarkerRecord] = []
        for b in before.indices {
            if let a = pairOfBefore[b], let how = method[b] {
                matches.append(MarkerMatch(before: before[b], after: after[a], method: how, tolerance: tolerance))
            } else {
                missing.append(before[b])
            }
        }
        let new = after.indices.filter { !takenAfter[$0] }.map { after[$0] }
        return MarkerComparison(matches: matches, missing: missing, new: new, tolerance: tolerance, searchRadius: searchRadius)
    }
}
