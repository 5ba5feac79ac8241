import Foundation
import GEOSKit

/// Short number formats for messages.
enum Measure {
    /// `0.412 m`, `12.5 m`, `1 234 m`.
    static func m(_ v: Double) -> String {
        if abs(v) >= 100 { return String(format: "%.1f m", v) }
        if abs(v) >= 1 { return String(format: "%.2f m", v) }
        return String(format: "%.3f m", v)
    }

    /// `4.2°`.
    static func deg(_ v: Double) -> String { String(format: "%.1f°", v) }

    /// `(512345.678, 3781234.567)`: a position in metres, as measured.
    static func at(_ c: Coordinate) -> String { String(format: "(%.3f, %.3f)", c.x, c.y) }
}

extension PreparedSurvey {
    /// A measured position written in the survey's input CRS, for messages: `(108.9412345, 34.2612345)`
    /// for geographic input, `(512345.678, 3781234.567)` for projected input.
    func at(_ c: Coordinate) -> String {
        guard survey.inputCRS != survey.metricCRS else { return Measure.at(c) }
        do {
            let back = try reportingTransform()
            let p = try back.transform(x: c.x, y: c.y)
            let format = survey.inputCRS.isGeographic ? "(%.7f, %.7f)" : "(%.3f, %.3f)"
            return String(format: format, p.x, p.y)
        } catch {
            return Measure.at(c) + " in \(survey.metricCRS)"
        }
    }
}

extension PreparedSurvey {
    /// Every line and division with its geometry, for the geometry rules.
    func geometricFeatures() -> [(FeatureReference, Geometry, SurveyLayerRole)] {
        survey.lines.map { ($0.reference, $0.geometry, .lines) }
            + survey.divisions.map { ($0.reference, $0.geometry, .divisions) }
    }
}
