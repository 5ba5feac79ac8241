import Foundation

/// An ellipsoidal transverse Mercator projection (GRS80, scale 1) about any central meridian.
///
/// The coverage check measures small features in metres. Inside China's Gauss-Krüger zones it
/// uses the zone from the CRS module; elsewhere (or for a feature wider than a zone) it uses
/// this projection centred on the feature's own longitude, where the scale error is nil. The
/// forward series is Krüger's in the third flattening, to fourth order (well under a
/// millimetre within a few degrees of the central meridian).
struct LocalTransverseMercator {
    private static let a = 6_378_137.0
    private static let f = 1 / 298.257_222_101
    private static let n = f / (2 - f)
    private static let e = (f * (2 - f)).squareRoot()
    private static let rectifyingRadius = a / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64)
    private static let alpha: [Double] = {
        let n2 = n * n, n3 = n2 * n, n4 = n3 * n
        return [n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
                13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
                61 * n3 / 240 - 103 * n4 / 140,
                49561 * n4 / 161_280]
    }()

    /// The central meridian, degrees east.
    let centralMeridian: Double

    /// Projects longitude/latitude degrees to (easting, northing) metres, without false easting.
    func forward(longitude: Double, latitude: Double) -> (x: Double, y: Double) {
        let lambda = (longitude - centralMeridian) * .pi / 180
        let phi = latitude * .pi / 180
        let s = sin(phi)
        let t = sinh(atanh(s) - Self.e * atanh(Self.e * s))
        let xiPrime = atan2(t, cos(lambda))
        let etaPrime = atanh(sin(lambda) / (1 + t * t).squareRoot())
        var xi = xiPrime, eta = etaPrime
        for (j, alpha) in Self.alpha.enumerated() {
            let k = 2 * Double(j + 1)
            xi += alpha * sin(k * xiPrime) * cosh(k * etaPrime)
            eta += alpha * cos(k * xiPrime) * sinh(k * etaPrime)
        }
        return (Self.rectifyingRadius * eta, Self.rectifyingRadius * xi)
    }

    /// Projects interleaved longitude/latitude pairs in place.
    func forward(interleaved xy: UnsafeMutableBufferPointer<Double>) {
        var i = 0
        while i + 1 < xy.count {
            let p = forward(longitude: xy[i], latitude: xy[i + 1])
            xy[i] = p.x
            xy[i + 1] = p.y
            i += 2
        }
    }
}
