import Hummingbird

/// The request context of every route: Hummingbird's core storage and the body-size limit.
public struct QuhuaRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Request bodies (naming applications, list entries) are small; larger ones get 413.
    public var maxUploadSize: Int { 64 * 1024 }
}
