import Foundation
import Gazetteer
import Pinyin
import Publishing
import Register

/// What the routes work with: the gazetteer, the served survey, the upkeep register, access
/// control, the configuration.
///
/// The server keeps no state of its own besides the survey read at start: everything else is
/// in the database, so several servers can share one.
public final class QuhuaServices: Sendable {
    public let configuration: ServerConfiguration
    public let store: GazetteerStore
    public let survey: SurveyCollections?
    /// The upkeep register, when one is served.
    public let register: RegisterCollections?
    let access: AccessControl

    /// - Throws: ``GazetteerError`` for a malformed token file; the survey loader's errors for a
    ///   survey that cannot be read; ``RegisterError`` for a register that cannot be opened.
    public init(configuration: ServerConfiguration, store: GazetteerStore) throws {
        self.configuration = configuration
        self.store = store
        self.survey = configuration.surveyPaths.isEmpty ? nil : try SurveyCollections(paths: configuration.surveyPaths)
        self.register = try configuration.registerPath.map { RegisterCollections(store: try RegisterStore(path: $0)) }
        self.access = try AccessControl(store: store, tokenFile: configuration.tokenFile)
    }
}
