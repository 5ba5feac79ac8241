import GEOSKit

/// Finds the stretches of one line lying farther than a tolerance from another, exactly.
///
/// For each segment of the subject line, the part within the tolerance of the reference line is the
/// union of its intersections with the capsules (the points within the tolerance) of the reference
/// segments near it, each an interval solved in closed form (``Planar/interval(of:_:within:of:_:)``).
/// What is left of the segment is farther than the tolerance. Runs of such parts across segments
/// make one stretch. The largest offset inside a stretch is found by sampling it finely and refining
/// around the best sample.
struct StretchFinder {
    /// The line the stretches are cut from.
    let subject: Polyline
    /// The line distances are measured to.
    let reference: Polyline
    /// The index over the reference line's segments.
    let referenceIndex: ChainIndex
    /// Distances above this many metres are far.
    let tolerance: Double

    /// Stretches shorter than this (metres) are rounding noise where a line grazes the tolerance.
    static let shortest = 1e-6

    /// The far runs as measure ranges along the subject line.
    func farRanges() -> [ClosedRange<Double>] {
        var ranges: [ClosedRange<Double>] = []
        func add(_ lo: Double, _ hi: Double) {
            guard hi > lo else { return }
            if let last = ranges.last, lo - last.upperBound <= 1e-9 {
                ranges[ranges.count - 1] = last.lowerBound...hi
            } else {
                ranges.append(lo...hi)
            }
        }
        let points = subject.points
        for i in 0..<subject.segmentCount {
            let a = points[i], b = points[i + 1]
            let start = subject.cumulative[i], segmentLength = subject.cumulative[i + 1] - start
            guard segmentLength > 0 else { continue }
            let box = subject.envelope(ofSegment: i).expanded(by: tolerance)
            var near: [(Double, Double)] = []
            for j in referenceIndex.segments(meeting: box) {
                if let iv = Planar.interval(of: a, b, within: tolerance, of: reference.points[j], reference.points[j + 1]) {
                    near.append(iv)
                }
            }
            near.sort { $0.0 < $1.0 }
            var u = 0.0
            for (lo, hi) in near {
                if lo > u { add(start + u * segmentLength, start + lo * segmentLength) }
                u = max(u, hi)
                if u >= 1 { break }
            }
            if u < 1 { add(start + u * segmentLength, start + segmentLength) }
        }
        return ranges.filter { $0.upperBound - $0.lowerBound > Self.shortest }
    }

    /// The far stretches, located on both lines.
    func stretches(on line: ChangedStretch.Line) -> [ChangedStretch] {
        farRanges().map { range in
            let coordinates = subject.substring(from: range.lowerBound, to: range.upperBound)
            let (offset, at) = largestOffset(in: range)
            return ChangedStretch(
                line: line, from: range.lowerBound, to: range.upperBound,
                fromOnOther: reference.locate(subject.point(at: range.lowerBound)).measure,
                toOnOther: reference.locate(subject.point(at: range.upperBound)).measure,
                maximumOffset: offset, maximumOffsetAt: at, coordinates: coordinates)
        }
    }

    /// The largest distance to the reference line within `range` of the subject, and where it is.
    ///
    /// Every vertex inside the range is measured, and 32 points per segment piece between them;
    /// the best is refined by golden-section search between its neighbours.
    func largestOffset(in range: ClosedRange<Double>) -> (Double, Coordinate) {
        var measures = [range.lowerBound]
        for m in subject.cumulative where m > range.lowerBound && m < range.upperBound { measures.append(m) }
        measures.append(range.upperBound)
        var samples: [Double] = []
        for k in 0..<(measures.count - 1) {
            let a = measures[k], b = measures[k + 1]
            for s in 0..<32 { samples.append(a + (b - a) * Double(s) / 32) }
        }
        samples.append(range.upperBound)
        func offset(_ m: Double) -> Double { referenceIndex.distance(to: subject.point(at: m)) }
        var bestIndex = 0, best = -Double.infinity
        for (i, m) in samples.enumerated() {
            let d = offset(m)
            if d > best { best = d; bestIndex = i }
        }
        var lo = samples[max(0, bestIndex - 1)], hi = samples[min(samples.count - 1, bestIndex + 1)]
        var bestMeasure = samples[bestIndex]
        let phi = (5.0.squareRoot() - 1) / 2
        for _ in 0..<60 where hi - lo > 1e-7 {
            let m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo)
            if offset(m1) >= offset(m2) { hi = m2 } else { lo = m1 }
        }
        let refined = (lo + hi) / 2
        if offset(refined) > best {
            best = offset(refined)
            bestMeasure = refined
        }
        return (best, subject.point(at: bestMeasure))
    }
}
