/// The exact sign of the 2D orientation determinant, the one predicate the coverage checks rest on.
///
/// A floating-point filter answers almost every call; when the determinant is too close to zero
/// for the filter, it is evaluated exactly as a sum of non-overlapping floating-point terms
/// (Shewchuk's expansion arithmetic), so collinear points are reported as collinear and never
/// as a turn, whatever the coordinates.
enum RobustOrientation {
    /// Error bound of the fast filter: (3 + 16ε)ε with ε = 2⁻⁵³.
    private static let filterBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

    /// +1 when `c` lies left of the directed line a→b (counter-clockwise turn), −1 right, 0 on it.
    @inline(__always)
    static func orientation(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let detLeft = (ax - cx) * (by - cy)
        let detRight = (ay - cy) * (bx - cx)
        let det = detLeft - detRight
        let detSum: Double
        if detLeft > 0 {
            if detRight <= 0 { return det > 0 ? 1 : (det < 0 ? -1 : 0) }
            detSum = detLeft + detRight
        } else if detLeft < 0 {
            if detRight >= 0 { return det > 0 ? 1 : (det < 0 ? -1 : 0) }
            detSum = -detLeft - detRight
        } else {
            return det > 0 ? 1 : (det < 0 ? -1 : 0)
        }
        let bound = filterBound * detSum
        if det >= bound { return 1 }
        if -det >= bound { return -1 }
        return exactOrientation(ax, ay, bx, by, cx, cy)
    }

    /// The exact sign, by expansion arithmetic.
    static func exactOrientation(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double) -> Int {
        let (acx, acxTail) = twoDiff(ax, cx)
        let (bcy, bcyTail) = twoDiff(by, cy)
        let (acy, acyTail) = twoDiff(ay, cy)
        let (bcx, bcxTail) = twoDiff(bx, cx)
        var expansion: [Double] = []
        expansion.reserveCapacity(16)
        // (acx + acxTail)(bcy + bcyTail) − (acy + acyTail)(bcx + bcxTail), every product split exactly.
        for (u, v, sign) in [(acx, bcy, 1.0), (acx, bcyTail, 1.0), (acxTail, bcy, 1.0), (acxTail, bcyTail, 1.0),
                             (acy, bcx, -1.0), (acy, bcxTail, -1.0), (acyTail, bcx, -1.0), (acyTail, bcxTail, -1.0)] {
            let (p, e) = twoProduct(u, v)
            grow(&expansion, sign * e)
            grow(&expansion, sign * p)
        }
        for term in expansion.reversed() where term != 0 {
            return term > 0 ? 1 : -1
        }
        return 0
    }

    @inline(__always)
    private static func twoDiff(_ a: Double, _ b: Double) -> (Double, Double) {
        let x = a - b
        let bVirtual = a - x
        let aVirtual = x + bVirtual
        let bRound = bVirtual - b
        let aRound = a - aVirtual
        return (x, aRound + bRound)
    }

    @inline(__always)
    private static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let x = a + b
        let bVirtual = x - a
        let aVirtual = x - bVirtual
        let bRound = b - bVirtual
        let aRound = a - aVirtual
        return (x, aRound + bRound)
    }

    @inline(__always)
    private static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))   // fused multiply-add: the exact rounding error of a·b
    }

    /// Adds `b` to a non-overlapping expansion kept in increasing magnitude (Shewchuk's GROW-EXPANSION).
    private static func grow(_ e: inout [Double], _ b: Double) {
        if b == 0 { return }
        var q = b
        var out: [Double] = []
        out.reserveCapacity(e.count + 1)
        for component in e {
            let (sum, err) = twoSum(q, component)
            if err != 0 { out.append(err) }
            q = sum
        }
        out.append(q)
        e = out
    }
}
