import Foundation

/// Terminal facts: whether a stream is a TTY and colour is welcome.
enum Terminal {
    /// Whether `fd` is a terminal and `NO_COLOR` is not set.
    static func isTTY(_ fd: Int32) -> Bool {
        isatty(fd) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

/// A one-line progress note on standard error, shown only on a terminal.
final class ProgressLine {
    private let enabled = Terminal.isTTY(STDERR_FILENO)

    /// Replaces the line with `text`.
    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Removes the line.
    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
