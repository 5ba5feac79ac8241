import Gazetteer

/// What `register import` reads: a survey or joint-inspection record and its agreement.
///
/// ```swift
/// let request = ImportRequest(survey: ["GeoData/samples/inspection/before"],
///                             date: try Day.register("2020-06-18"), agreement: "陕界〔2020〕1号")
/// ```
public struct ImportRequest: Sendable {
    /// Files or folders of the survey (lines, markers, optionally divisions).
    public var survey: [String]
    /// The day of the inspection or survey.
    public var date: Day
    /// The boundary agreement (协议书) number.
    public var agreement: String
    /// The day the agreement was signed.
    public var agreementDate: Day?
    /// The parties to the agreement.
    public var parties: [String]
    /// The marker tolerance in metres.
    public var tolerance: Double
    /// The level of every line, overriding the level inferred from the side codes.
    public var level: LineLevel?
    /// The installation day of the markers this import registers for the first time; `nil` for the import's date.
    public var installed: Day?

    /// Creates a request.
    public init(survey: [String], date: Day, agreement: String, agreementDate: Day? = nil, parties: [String] = [],
                tolerance: Double = 0.2, level: LineLevel? = nil, installed: Day? = nil) {
        self.survey = survey
        self.date = date
        self.agreement = agreement
        self.agreementDate = agreementDate
        self.parties = parties
        self.tolerance = tolerance
        self.level = level
        self.installed = installed
    }
}
