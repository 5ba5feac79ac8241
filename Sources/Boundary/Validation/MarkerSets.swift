import GEOSKit

extension PreparedSurvey {
    /// Markers grouped by number, in first-seen order (markers from a file without a number
    /// column belong to no set).
    func markerSets() -> [(number: String, markers: [Int])] {
        var order: [String] = []
        var sets: [String: [Int]] = [:]
        for (i, m) in survey.markers.enumerated() where !survey.lacks("markerNumber", .markers, index: i) {
            if sets[m.number] == nil { order.append(m.number) }
            sets[m.number, default: []].append(i)
        }
        return order.map { ($0, sets[$0] ?? []) }
    }

    /// The numbers that appear with the same type letter on more than one marker.
    func duplicatedMarkerLabels() -> Set<String> {
        var seen: [String: Int] = [:]
        for (i, m) in survey.markers.enumerated() where !survey.lacks("markerNumber", .markers, index: i) { seen[m.label, default: 0] += 1 }
        return Set(seen.filter { $0.value > 1 }.keys)
    }

    /// The nodes where three or more line ends meet.
    func junctions() throws -> [NetworkNode] { try network.nodes.filter { $0.degree >= 3 } }
}
