import Foundation
import Gazetteer

/// Terminal facts and output helpers: notes and progress go to standard error, results to
/// standard output; colour and progress lines only on a terminal.
enum Terminal {
    /// Whether `fd` is a terminal and `NO_COLOR` is not set.
    static func isTTY(_ fd: Int32) -> Bool {
        isatty(fd) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The one message format of every verb on standard error: `quhua: ` and the text (for an
    /// error, the library's description, which names the file, feature or request and the problem).
    static func say(_ text: String) {
        note("quhua: " + text)
    }

    /// A progress line redrawn in place on a terminal; silent otherwise unless `force`.
    static func progressHandler(force: Bool = false) -> ImportProgressHandler? {
        guard isInteractive || force else { return nil }
        let interactive = isInteractive
        return { progress in
            let count = progress.total.map { "\(progress.done)/\($0)" } ?? (progress.done > 0 ? "\(progress.done)" : "")
            let line = "\(progress.stage) \(count)"
            if interactive {
                FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
            } else {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
    }

    /// Ends a progress line.
    static func endProgress() {
        if isInteractive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// Prints a value as pretty JSON.
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
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
