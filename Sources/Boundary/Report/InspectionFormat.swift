import Foundation
import GEOSKit

/// Number and text formats shared by the inspection reports.
enum InspectionFormat {
    /// `0.370 m` (always millimetres).
    static func m(_ v: Double) -> String { String(format: "%.3f m", v) }

    /// `+0.350`, `-0.120` (millimetres, signed).
    static func signed(_ v: Double) -> String { String(format: "%+.3f", v) }

    /// `12 345.6` (metres along a line, grouped by thousands).
    static func chainage(_ v: Double) -> String { grouped(String(format: "%.1f", v)) }

    /// `135 106 m²`.
    static func area(_ v: Double) -> String { grouped(String(format: "%.0f", v)) + " m²" }

    /// `108.9°`.
    static func azimuth(_ v: Double?) -> String { v.map { String(format: "%.1f°", $0) } ?? "–" }

    /// `(498622.987, 3734240.208)`.
    static func at(_ x: Double, _ y: Double) -> String { String(format: "(%.3f, %.3f)", x, y) }

    /// Groups the integer part of a plain decimal number by thousands with thin spaces.
    static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        guard let integer = parts.first else { return text }
        var digits = Array(integer)
        var out = ""
        while digits.count > 3 {
            out = "\u{2009}" + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        out = String(digits) + out
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "-" : "") + out
    }

    /// Rounds to 6 decimals (µm, or 10⁻⁶ of a unit) for JSON.
    static func r6(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }

    /// Rounds to 3 decimals (mm) for JSON coordinates.
    static func r3(_ v: Double) -> Double { (v * 1e3).rounded() / 1e3 }
}

extension InspectionReport {
    /// The report's line for a record line index, if it was compared.
    func inspection(ofRecordLine index: Int) -> LineInspection? { lines.first { $0.beforeIndex == index } }

    /// Files of a survey, as `lines.geojson, markers.csv`.
    static func fileList(_ survey: Survey) -> String {
        survey.files.map { URL(fileURLWithPath: $0.path).lastPathComponent }.joined(separator: ", ")
    }

    /// The folder the files of a survey share, or the first file.
    static func origin(_ survey: Survey) -> String {
        let folders = Set(survey.files.map { URL(fileURLWithPath: $0.path).deletingLastPathComponent().relativePath })
        if folders.count == 1, let f = folders.first { return f + "/" }
        return survey.files.first?.path ?? "(no files)"
    }
}
