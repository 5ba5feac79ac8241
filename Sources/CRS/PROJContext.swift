import CPROJ

/// One PROJ context (`PJ_CONTEXT*`) with its log captured instead of printed.
///
/// PROJ contexts are single-thread, so this class is not `Sendable`. PROJ writes
/// errors to stderr by default; the context installs a log function that keeps the
/// last error message so it can go into a thrown ``CRSError`` instead.
final class PROJContext {
    /// The PROJ context handle.
    let handle: OpaquePointer
    private let log: LogBox

    /// Holds the last message PROJ logged at error level.
    final class LogBox {
        var lastMessage: String?
    }

    /// Creates a context with logging captured.
    ///
    /// - Throws: ``CRSError/projFailure(message:)`` when PROJ cannot create a context.
    init() throws(CRSError) {
        guard let handle = proj_context_create() else {
            throw .projFailure(message: "could not create a PROJ context (out of memory?)")
        }
        self.handle = handle
        self.log = LogBox()
        proj_log_level(handle, PJ_LOG_ERROR)
        proj_log_func(handle, Unmanaged.passUnretained(log).toOpaque()) { appData, level, message in
            guard let appData, let message else { return }
            let box = Unmanaged<PROJContext.LogBox>.fromOpaque(appData).takeUnretainedValue()
            if level <= Int32(PJ_LOG_ERROR.rawValue) {
                box.lastMessage = String(cString: message)
            }
        }
    }

    deinit {
        proj_context_destroy(handle)
    }

    /// Forgets the last error: the captured log message, and PROJ's errno on `object` and this context.
    ///
    /// PROJ 9.1 has no context-level errno reset; `proj_errno_reset` on an object of the
    /// context clears both.
    ///
    /// - Parameter object: a PROJ object created in this context, if there is one.
    func resetErrors(_ object: OpaquePointer? = nil) {
        if let object { proj_errno_reset(object) }
        log.lastMessage = nil
    }

    /// PROJ's explanation of the last error on this context (and on `object`, if given), with what quhua was doing.
    ///
    /// - Parameters:
    ///   - doing: what quhua was doing, for example `creating the transform from EPSG:4490 to EPSG:4545`.
    ///   - object: a PROJ object whose own errno to consult as well.
    func failure(_ doing: String, object: OpaquePointer? = nil) -> CRSError {
        var parts: [String] = []
        var code = proj_context_errno(handle)
        if code == 0, let object { code = proj_errno(object) }
        if code != 0, let text = proj_context_errno_string(handle, code) {
            parts.append(String(cString: text))
        }
        if let logged = log.lastMessage, !parts.contains(logged) {
            parts.append(logged)
        }
        let reason = parts.isEmpty ? "no reason given" : parts.joined(separator: "; ")
        return .projFailure(message: "\(doing): \(reason)")
    }
}
