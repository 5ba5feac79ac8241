import GEOSKit

extension PreparedSurvey {
    /// The pairs of lines (i < j) whose envelopes meet, from the line index.
    func candidateLinePairs() throws -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for (i, line) in survey.lines.enumerated() {
            for j in try lineTree.query(intersecting: line.geometry) where j > i { pairs.append((i, j)) }
        }
        return pairs
    }

    /// Whether two lines are the same line entered twice: every point of each within `tolerance` of the other.
    func areDuplicates(_ i: Int, _ j: Int, tolerance: Double) throws -> Bool {
        let a = survey.lines[i].geometry, b = survey.lines[j].geometry
        guard try a.isWithinDistance(tolerance, of: b) else { return false }
        let la = try a.length, lb = try b.length
        guard abs(la - lb) <= max(tolerance * 4, 1e-9) + 0.001 * max(la, lb) else { return false }
        return try a.hausdorffDistance(to: b, densify: 0.25) <= tolerance
    }
}
