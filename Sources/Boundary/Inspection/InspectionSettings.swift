import Foundation

/// The tolerances and dates of a joint inspection, from the `"inspection"` object of a profile file.
///
/// ```json
/// {
///   "name": "Shaanxi 2025 joint inspection",
///   "inspection": {
///     "markerTolerance": 0.2, "markerSearchRadius": 10,
///     "lineTolerance": 1.0, "unchangedDistance": 0.001,
///     "intervalYears": 5, "recordDate": "2020-06-18", "surveyDate": "2025-06-18"
///   }
/// }
/// ```
///
/// Everything is optional; what is missing comes from ``standard``. The rest of the profile (rules,
/// fields, marker convention) is read by ``Profile`` and applies to both epochs.
public struct InspectionSettings: Sendable, Equatable, Codable {
    /// A matched marker that moved more than this many metres is reported as moved.
    public var markerTolerance: Double
    /// Two records of a marker may lie at most this many metres apart to be matched (see ``MarkerMatcher``).
    public var markerSearchRadius: Double
    /// Stretches where the two lines are farther apart than this many metres are changed.
    public var lineTolerance: Double
    /// A line whose epochs lie at most this many metres apart (Hausdorff) is unchanged.
    public var unchangedDistance: Double
    /// Years between joint inspections (five under the 2002 Regulations on Administrative Boundary Management).
    public var intervalYears: Int
    /// The date of the record (the last agreed inspection), for the report.
    public var recordDate: CalendarDate?
    /// The date of the new survey; the next inspection is due ``intervalYears`` after it.
    public var surveyDate: CalendarDate?

    /// quhua's defaults: markers 0.2 m, search radius 10 m, lines 1 m, unchanged below 1 mm, every 5 years.
    public static let standard = InspectionSettings(
        markerTolerance: 0.2, markerSearchRadius: 10, lineTolerance: 1.0, unchangedDistance: 0.001,
        intervalYears: 5, recordDate: nil, surveyDate: nil)

    /// Creates settings.
    public init(markerTolerance: Double, markerSearchRadius: Double, lineTolerance: Double, unchangedDistance: Double,
                intervalYears: Int, recordDate: CalendarDate?, surveyDate: CalendarDate?) {
        self.markerTolerance = markerTolerance
        self.markerSearchRadius = markerSearchRadius
        self.lineTolerance = lineTolerance
        self.unchangedDistance = unchangedDistance
        self.intervalYears = intervalYears
        self.recordDate = recordDate
        self.surveyDate = surveyDate
    }

    /// The date the next joint inspection is due: ``intervalYears`` after the survey date, when known.
    public var nextInspection: CalendarDate? { surveyDate?.adding(years: intervalYears) }

    /// Checks that every value is usable.
    ///
    /// - Throws: ``InspectionError/invalidSetting(_:)`` naming the first bad value.
    public func validated() throws -> InspectionSettings {
        for (name, value) in [("markerTolerance", markerTolerance), ("markerSearchRadius", markerSearchRadius),
                              ("lineTolerance", lineTolerance), ("unchangedDistance", unchangedDistance)] {
            guard value.isFinite, value >= 0 else { throw InspectionError.invalidSetting("\(name) must be a number ≥ 0, not \(value)") }
        }
        guard lineTolerance > 0 else { throw InspectionError.invalidSetting("lineTolerance must be greater than 0") }
        guard unchangedDistance <= lineTolerance else {
            throw InspectionError.invalidSetting("unchangedDistance (\(unchangedDistance) m) must not exceed lineTolerance (\(lineTolerance) m)")
        }
        guard intervalYears >= 1 else { throw InspectionError.invalidSetting("intervalYears must be at least 1") }
        return self
    }

    /// Reads the `"inspection"` object of profile JSON over ``standard``; a profile without one gives ``standard``.
    ///
    /// ```swift
    /// let settings = try InspectionSettings.decode(Data(#"{"inspection": {"lineTolerance": 0.5}}"#.utf8))
    /// ```
    /// - Parameters:
    ///   - data: the profile file's bytes.
    ///   - file: the file's name, for errors.
    /// - Throws: ``ProfileError`` for JSON that does not parse, a value of the wrong type, or a value out of range.
    public static func decode(_ data: Data, file: String? = nil) throws -> InspectionSettings {
        struct Document: Decodable {
            struct Inspection: Decodable {
                var markerTolerance: Double?
                var markerSearchRadius: Double?
                var lineTolerance: Double?
                var unchangedDistance: Double?
                var intervalYears: Int?
                var recordDate: CalendarDate?
                var surveyDate: CalendarDate?
            }
            var inspection: Inspection?
        }
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: data) } catch let error as InspectionError {
            throw ProfileError(file: file, problem: "inspection: \(error)")
        } catch {
            throw ProfileError(file: file, problem: "inspection settings are not valid: \(error)")
        }
        var s = standard
        if let i = document.inspection {
            s.markerTolerance = i.markerTolerance ?? s.markerTolerance
            s.markerSearchRadius = i.markerSearchRadius ?? s.markerSearchRadius
            s.lineTolerance = i.lineTolerance ?? s.lineTolerance
            s.unchangedDistance = i.unchangedDistance ?? s.unchangedDistance
            s.intervalYears = i.intervalYears ?? s.intervalYears
            s.recordDate = i.recordDate ?? s.recordDate
            s.surveyDate = i.surveyDate ?? s.surveyDate
        }
        do { return try s.validated() } catch let error as InspectionError {
            throw ProfileError(file: file, problem: "\(error)")
        }
    }

    /// Reads the `"inspection"` object of a profile file.
    ///
    /// - Parameter url: the profile file.
    /// - Throws: ``ProfileError`` for an unreadable file or bad settings.
    public static func load(from url: URL) throws -> InspectionSettings {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ProfileError(file: url.relativePath, problem: "cannot be read (no such file, or not readable)")
        }
        return try decode(data, file: url.relativePath)
    }
}
