import CRS
import GEOSKit

/// What a survey file holds: boundary lines, markers or division polygons.
public enum SurveyLayerRole: String, Sendable, Codable, CaseIterable {
    case lines, markers, divisions
}

/// One file of a survey as it was read.
public struct SurveyFile: Sendable, Codable {
    /// The path as given.
    public var path: String
    /// What the file holds.
    public var role: SurveyLayerRole
    /// The layer name used in feature references (the file name without extension).
    public var layer: String
    /// The number of features (rows) read.
    public var featureCount: Int
    /// The CRS the file declared, if any.
    public var declaredCRS: String?
    /// The survey attributes the file has no column for, by their profile field names
    /// (`lineID`, `lineLeft`, `lineRight`, `markerNumber`, `markerLine`, `divisionCode`): a plain
    /// GIS layer is checked all the same, and the rules that read these report the file once.
    public var missingColumns: [String] = []
    /// Where the features read from this file are in the survey's ``Survey/lines``,
    /// ``Survey/markers`` or ``Survey/divisions`` (by ``role``).
    public var items: Range<Int> = 0..<0
}

/// One survey delivery: lines, markers and divisions, measured in metres.
///
/// Every geometry is held in ``metricCRS`` (a 3° Gauss-Krüger zone), into which the
/// ``SurveyLoader`` projected the input once. Findings are reported back in ``inputCRS``
/// with ``toInputCRS``.
///
/// ```swift
/// let survey = try SurveyLoader().load([SurveyInput(path: "lines.geojson")], context: context)
/// print(survey.lines.count, survey.metricCRS)
/// ```
public final class Survey {
    /// The GEOS context every geometry lives in.
    public let context: GEOSContext
    /// The boundary lines.
    public var lines: [BoundaryLine]
    /// The boundary markers.
    public var markers: [Marker]
    /// The division polygons.
    public var divisions: [Division]
    /// Features that had no geometry or an empty one (reported as `geometry.empty`).
    public var emptyFeatures: [FeatureReference]
    /// The files read.
    public let files: [SurveyFile]
    /// The CRS the survey was delivered in.
    public let inputCRS: CoordinateReferenceSystem
    /// The CRS in metres every measurement is made in.
    public let metricCRS: CoordinateReferenceSystem
    /// A caveat about the measurements, when the metric CRS is not a Gauss-Krüger zone.
    public var measurementNote: String?

    /// Creates a survey from already projected parts.
    ///
    /// - Parameters:
    ///   - context: the GEOS context of every geometry.
    ///   - lines: boundary lines in `metricCRS`.
    ///   - markers: markers in `metricCRS`.
    ///   - divisions: divisions in `metricCRS`.
    ///   - emptyFeatures: features without geometry.
    ///   - files: the files read.
    ///   - inputCRS: the delivery's CRS.
    ///   - metricCRS: the CRS in metres.
    public init(context: GEOSContext, lines: [BoundaryLine], markers: [Marker], divisions: [Division],
                emptyFeatures: [FeatureReference] = [], files: [SurveyFile] = [],
                inputCRS: CoordinateReferenceSystem, metricCRS: CoordinateReferenceSystem) {
        self.context = context
        self.lines = lines
        self.markers = markers
        self.divisions = divisions
        self.emptyFeatures = emptyFeatures
        self.files = files
        self.inputCRS = inputCRS
        self.metricCRS = metricCRS
    }

    /// The transform from ``metricCRS`` back to ``inputCRS``, for reporting.
    ///
    /// - Throws: a `CRSError` when PROJ cannot build it.
    public func toInputCRS() throws -> CoordinateTransform {
        try CoordinateTransform(from: metricCRS, to: inputCRS)
    }

    /// The file the `index`th item of `role` (a line, marker or division) was read from.
    public func file(of role: SurveyLayerRole, index: Int) -> SurveyFile? {
        files.first { $0.role == role && $0.items.contains(index) }
    }

    /// Whether the `index`th item of `role` comes from a file without the `column` attribute
    /// (a profile field name such as `lineLeft`).
    public func lacks(_ column: String, _ role: SurveyLayerRole, index: Int) -> Bool {
        file(of: role, index: index)?.missingColumns.contains(column) ?? false
    }

    /// The number of features read, of every kind.
    public var featureCount: Int { lines.count + markers.count + divisions.count + emptyFeatures.count }
}
