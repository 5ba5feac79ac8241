import ArgumentParser
import Foundation
import Gazetteer
import Publishing

/// `quhua book`: the standard gazetteer book of a region, as printable HTML and PDF.
struct Book: GazetteerCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the standard gazetteer book (标准地名录) of a region: printable HTML, and PDF through headless Chromium.",
        discussion: """
        A chapter per county-level division under --within as of --at (default today): the \
        county's entry, then its towns, townships and sub-districts. Each entry has the standard \
        name, its GB/T 16159 pinyin, the category, the code of the day, the location (the chain \
        of parents; the centroid where a polygon is stored), the meaning and origin of the name \
        where an approved naming case records them, and the history: every change event with its \
        date and approving document numbers. An index by pinyin closes the book; each county has \
        a locator map drawn from the polygons the gazetteer stores.

        Writes DIR/index.html and, when Chromium is installed, DIR/book.pdf (A4). Without \
        Chromium the PDF is skipped with a note on standard error; it is not an error. The \
        files are written to a temporary folder first and moved into DIR when complete.

        Examples:
          quhua book --within 500000 -o out/chongqing
          quhua book --within 500101 --at 1998-12-31 -o out/wanzhou-1998 --no-pdf

        Exit codes: 0 written, 2 usage, 3 no such division or none under it on the day, unwritable output.
        """)

    @OptionGroup var options: GazetteerOptions
    @OptionGroup var date: DateOptions

    @Option(name: .long, help: ArgumentHelp("The region: a six-digit division code valid on the day.", valueName: "code"))
    var within: String

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The folder to write index.html (and book.pdf) into.", valueName: "dir"),
            completion: .directory)
    var output: String

    @Flag(inversion: .prefixedNo, help: "Print DIR/book.pdf with headless Chromium when it is installed.")
    var pdf = true

    func validate() throws {
        if !(within.count == 6 && within.allSatisfy(\.isASCIIDigitCharacter)) {
            throw ValidationError("--within takes a six-digit division code, not “\(within)”")
        }
    }

    func execute() throws {
        let day = try date.day ?? Day.today
        let store = try options.openStore()
        let started = Date()
        do {
            let content = try GazetteerBook(store: store, within: within, day: day).compile()
            let written = try BookWriter(pdf: pdf).write(content, to: URL(fileURLWithPath: output))
            let seconds = Date().timeIntervalSince(started)
            if let reason = written.pdfSkipped, pdf {
                Terminal.note("quhua: PDF skipped: \(reason)")
            }
            let entries = content.entries
            let summary = BookSummary(
                region: "\(content.regionCode) \(content.regionName)", day: content.day.description, chapters: content.chapters.count,
                entries: entries.count, counties: entries.filter { $0.level == .county }.count,
                townships: entries.filter { $0.level == .township }.count, maps: content.chapters.filter { $0.map != nil }.count,
                html: written.html.path, htmlBytes: written.htmlBytes, pdf: written.pdf?.path, pdfBytes: written.pdf == nil ? nil : written.pdfBytes,
                pdfSkipped: written.pdfSkipped, seconds: (seconds * 10).rounded() / 10)
            switch options.format {
            case .json:
                try Terminal.printJSON(summary)
            case .text:
                func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
                print("wrote \(summary.region) as of \(summary.day): \(count(summary.chapters, "chapter")), \(count(summary.entries, "entry").replacingOccurrences(of: "entrys", with: "entries")) "
                      + "(\(summary.counties) county-level, \(summary.townships) township-level), \(count(summary.maps, "locator map"))")
                print("  \(written.html.path) (\(written.htmlBytes) bytes)")
                if let file = written.pdf { print("  \(file.path) (\(written.pdfBytes) bytes)") }
                print(String(format: "  in %.1f s", seconds))
            }
        } catch let error as GazetteerBookError {
            Terminal.note("quhua: \(error.description)")
            throw ExitStatus.unreadableInput.exitCode
        }
    }
}

/// What `quhua book --format json` prints.
private struct BookSummary: Encodable {
    var region: String
    var day: String
    var chapters: Int
    var entries: Int
    var counties: Int
    var townships: Int
    var maps: Int
    var html: String
    var htmlBytes: Int
    var pdf: String?
    var pdfBytes: Int?
    var pdfSkipped: String?
    var seconds: Double
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
