import Foundation

/// Writes a book into a folder: `index.html`, and `book.pdf` when headless Chromium is installed.
///
/// Everything is written into a temporary folder beside the target first and moved into place
/// only when complete, so a failure leaves nothing half-written.
///
/// ```swift
/// let written = try BookWriter().write(content, to: URL(fileURLWithPath: "out/chongqing"))
/// if let reason = written.pdfSkipped { print("no PDF: \(reason)") }
/// ```
public struct BookWriter: Sendable {
    /// Whether to print a PDF (when Chromium is found).
    public var pdf: Bool
    /// The PDF printer; `nil` finds Chromium on `PATH`.
    public var printer: ChromiumPrinter?
    /// The generation time to print on the title page, if any.
    public var generated: String?

    public init(pdf: Bool = true, printer: ChromiumPrinter? = nil, generated: String? = nil) {
        self.pdf = pdf
        self.printer = printer
        self.generated = generated
    }

    /// What was written.
    public struct Written: Sendable, Equatable {
        /// The book's HTML.
        public var html: URL
        /// Its size in bytes.
        public var htmlBytes: Int
        /// The PDF, when one was printed.
        public var pdf: URL?
        /// Its size in bytes (0 without a PDF).
        public var pdfBytes: Int
        /// Why no PDF was printed, when none was.
        public var pdfSkipped: String?
    }

    /// Writes the book.
    ///
    /// - Parameters:
    ///   - content: The compiled book.
    ///   - folder: The folder to write into; created when missing. Files of an earlier book there are replaced.
    /// - Throws: ``GazetteerBookError/unwritable(path:reason:)`` when the folder cannot be written or Chromium fails.
    public func write(_ content: BookContent, to folder: URL) throws -> Written {
        let manager = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).book-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw GazetteerBookError.unwritable(path: target.path, reason: error.localizedDescription)
        }
        defer { try? manager.removeItem(at: staging) }
        let html = BookHTML(content: content, generated: generated).render()
        let stagedHTML = staging.appendingPathComponent("index.html")
        do {
            try Data(html.utf8).write(to: stagedHTML)
        } catch {
            throw GazetteerBookError.unwritable(path: target.path, reason: error.localizedDescription)
        }
        var skipped: String?
        var printed = false
        if !pdf {
            skipped = "not asked for (--no-pdf)"
        } else if let printer = printer ?? ChromiumPrinter.find() {
            try printer.print(stagedHTML, to: staging.appendingPathComponent("book.pdf"))
            printed = true
        } else {
            skipped = "Chromium was not found on PATH (looked for \(ChromiumPrinter.names.joined(separator: ", ")))"
        }
        // Move into place: the whole folder when it is new, else file by file (each an atomic replace).
        do {
            if !manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: staging, to: target)
            } else {
                for name in printed ? ["index.html", "book.pdf"] : ["index.html"] {
                    let destination = target.appendingPathComponent(name)
                    let source = staging.appendingPathComponent(name)
                    // rename(2) replaces the destination atomically (Foundation's replaceItemAt is not reliable on Linux).
                    guard rename(source.path, destination.path) == 0 else {
                        throw GazetteerBookError.unwritable(path: destination.path, reason: String(cString: strerror(errno)))
                    }
                }
            }
        } catch let error as GazetteerBookError {
            throw error
        } catch {
            throw GazetteerBookError.unwritable(path: target.path, reason: error.localizedDescription)
        }
        let htmlURL = target.appendingPathComponent("index.html")
        let pdfURL = printed ? target.appendingPathComponent("book.pdf") : nil
        func size(_ url: URL?) -> Int {
            guard let url, let attributes = try? manager.attributesOfItem(atPath: url.path) else { return 0 }
            return (attributes[.size] as? NSNumber)?.intValue ?? 0
        }
        return Written(html: htmlURL, htmlBytes: size(htmlURL), pdf: pdfURL, pdfBytes: size(pdfURL), pdfSkipped: skipped)
    }
}
