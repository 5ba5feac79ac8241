import Foundation

/// Prints an HTML file to PDF with headless Chromium.
///
/// ```swift
/// if let printer = ChromiumPrinter.find() { try printer.print(html, to: pdf) }
/// ```
public struct ChromiumPrinter: Sendable, Equatable {
    /// The names looked for on `PATH`, in order.
    public static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The Chromium executable.
    public var executable: URL
    /// How long printing may take before it is stopped.
    public var timeout: TimeInterval

    public init(executable: URL, timeout: TimeInterval = 300) {
        self.executable = executable
        self.timeout = timeout
    }

    /// Chromium on `PATH` (`$QUHUA_CHROMIUM` first when set), or `nil`.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPrinter? {
        let manager = FileManager.default
        if let explicit = environment["QUHUA_CHROMIUM"], !explicit.isEmpty {
            return manager.isExecutableFile(atPath: explicit) ? ChromiumPrinter(executable: URL(fileURLWithPath: explicit)) : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                if manager.isExecutableFile(atPath: path) { return ChromiumPrinter(executable: URL(fileURLWithPath: path)) }
            }
        }
        return nil
    }

    /// Prints `html` to `pdf` (A4 from the page's CSS, without Chromium's own header and footer).
    ///
    /// - Throws: ``GazetteerBookError/unwritable(path:reason:)`` when Chromium fails, times out or writes nothing.
    public func print(_ html: URL, to pdf: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--print-to-pdf=\(pdf.path)",
                             "--no-pdf-header-footer", html.absoluteURL.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw GazetteerBookError.unwritable(path: pdf.path, reason: "cannot start \(executable.path): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw GazetteerBookError.unwritable(path: pdf.path, reason: "\(executable.lastPathComponent) did not finish printing within \(Int(timeout)) s")
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pdf.path) else {
            throw GazetteerBookError.unwritable(path: pdf.path, reason: "\(executable.lastPathComponent) exited with status \(process.terminationStatus) and no PDF")
        }
    }
}
