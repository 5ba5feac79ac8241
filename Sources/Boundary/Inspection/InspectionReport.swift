/// What a joint inspection found: the new survey's validation, the markers and lines compared with
/// the record, and when the next inspection is due.
///
/// Every geometry (both surveys, stretches, faces) is in the record's metric CRS, ``Survey/metricCRS``
/// of ``before``; the new survey was transformed into it when it was measured in another.
///
/// ```swift
/// let report = try Inspector(settings: settings).inspect(before: record, after: survey)
/// print(report.summary.changedLines, report.markers.moved.count, report.settings.nextInspection ?? "?")
/// ```
public struct InspectionReport {
    /// The record (the agreed line and marker register).
    public var before: Survey
    /// The new survey, in the record's metric CRS.
    public var after: Survey
    /// The tolerances and dates used.
    public var settings: InspectionSettings
    /// The new survey checked with the rules of `quhua validate`.
    public var validation: ValidationReport
    /// The markers compared.
    public var markers: MarkerComparison
    /// The lines found in both epochs, in record order.
    public var lines: [LineInspection]
    /// Record lines with no counterpart in the survey.
    public var missingLines: [UnpairedLine]
    /// Survey lines with no counterpart in the record.
    public var newLines: [UnpairedLine]
    /// Lines that were paired but could not be compared, with the reason.
    public var problems: [String]
    /// Whether the new survey was measured in another CRS and transformed into the record's.
    public var transformed: Bool

    /// Creates a report.
    public init(before: Survey, after: Survey, settings: InspectionSettings, validation: ValidationReport,
                markers: MarkerComparison, lines: [LineInspection], missingLines: [UnpairedLine],
                newLines: [UnpairedLine], problems: [String], transformed: Bool) {
        self.before = before
        self.after = after
        self.settings = settings
        self.validation = validation
        self.markers = markers
        self.lines = lines
        self.missingLines = missingLines
        self.newLines = newLines
        self.problems = problems
        self.transformed = transformed
    }

    /// The counts a reader wants first.
    public struct Summary: Sendable, Equatable {
        /// Lines in both epochs whose verdict is unchanged.
        public var unchangedLines: Int
        /// Lines within tolerance.
        public var withinToleranceLines: Int
        /// Lines changed beyond tolerance.
        public var changedLines: Int
        /// Record lines not in the survey.
        public var missingLines: Int
        /// Survey lines not in the record.
        public var newLines: Int
        /// Markers matched and not moved beyond tolerance.
        public var intactMarkers: Int
        /// Markers moved beyond tolerance.
        public var movedMarkers: Int
        /// Record markers not in the survey.
        public var missingMarkers: Int
        /// Survey markers not in the record.
        public var newMarkers: Int
        /// Matched markers whose type letter changed.
        public var typeChangedMarkers: Int
        /// Square metres that would change hands, summed over every face of every line.
        public var areaChangingHands: Double
        /// Validation findings on the new survey.
        public var findings: Int
    }

    /// The counts.
    public var summary: Summary {
        Summary(
            unchangedLines: lines.filter { $0.comparison.verdict == .unchanged }.count,
            withinToleranceLines: lines.filter { $0.comparison.verdict == .withinTolerance }.count,
            changedLines: lines.filter { $0.comparison.verdict == .changed }.count,
            missingLines: missingLines.count, newLines: newLines.count,
            intactMarkers: markers.intact.count, movedMarkers: markers.moved.count,
            missingMarkers: markers.missing.count, newMarkers: markers.new.count,
            typeChangedMarkers: markers.typeChanged.count,
            areaChangingHands: lines.reduce(0) { $0 + $1.comparison.areaLeftToRight + $1.comparison.areaRightToLeft },
            findings: validation.findings.count)
    }

    /// Marker counts for one line: markers of the record standing on it (matched or missing) and new ones on it.
    public struct LineMarkerCounts: Sendable, Equatable {
        /// Matched, not moved beyond tolerance.
        public var intact: Int
        /// Moved beyond tolerance.
        public var moved: Int
        /// In the record only.
        public var missing: Int
        /// In the survey only.
        public var new: Int
    }

    /// The marker counts of the line with this id (markers name their line by id).
    public func markerCounts(onLine id: String?) -> LineMarkerCounts {
        guard let id else { return LineMarkerCounts(intact: 0, moved: 0, missing: 0, new: 0) }
        let matched = markers.matches.filter { $0.before.lineID == id }
        return LineMarkerCounts(
            intact: matched.filter { !$0.isMoved }.count, moved: matched.filter(\.isMoved).count,
            missing: markers.missing.filter { $0.lineID == id }.count, new: markers.new.filter { $0.lineID == id }.count)
    }
}
