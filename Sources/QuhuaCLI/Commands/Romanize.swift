import ArgumentParser
import Foundation
import Pinyin

/// `quhua romanize`: official romanisation of place names (GB/T 16159).
struct Romanize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "romanize",
        abstract: "Romanise place names by GB/T 16159 (Xi'an Shi, Lu'an Shi, Urumqi Shi).",
        discussion: """
        Writes the specific part and the generic term apart, puts an apostrophe before a \
        syllable starting with a, o or e, reads polyphonic characters the way the place \
        is called, folds traditional characters to simplified ones first, and uses the \
        official form of names from a minority language.

        With no NAME, or with "-", names are read from standard input, one a line, and \
        one result is written per line in the same order (fast enough for bulk use).

        Examples:
          quhua romanize 西安市 六安市 酉阳土家族苗族自治县
          quhua romanize --tones 厦门市
          quhua romanize --format json 乌鲁木齐市
          cut -d, -f8 names.csv | quhua romanize --format keys
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, keys
    }

    @Argument(help: "Place names to romanise. None, or \"-\", reads names from standard input, one a line.")
    var names: [String] = []

    @Flag(name: .long, help: "Put tone marks on the pinyin (Xī'ān Shì). Without it the plain official form is printed (Xi'an Shi).")
    var tones = false

    @Flag(name: .long, help: "Print ASCII only: drop diacritics of minority-language forms and ü (Urumqi, Lüliang → Luliang). Ignored with --tones.")
    var ascii = false

    @Option(name: .long, help: "Output: text (one romanised name a line), json (one JSON object a line, with the parts, pinyin and search keys), keys (the search key and initials, tab-separated).")
    var format: Format = .text

    @Option(name: .long, help: "How to read a name ending in 山, 江, 湖 and other natural-feature terms: automatic (split the term off unless the name is a known division), naturalFeature (always split: 黄山 → Huang Shan), settlement (never split).")
    var feature: FeatureHint = .automatic

    @Option(name: .long, help: "Use this compiled lexicon file instead of the shipped one (for example one built by Tools/pinyin/build-lexicon.py with --holdout-fold).")
    var lexicon: String?

    func run() throws {
        let romanizer: Romanizer
        do {
            if let lexicon {
                romanizer = try Romanizer(contentsOf: URL(fileURLWithPath: lexicon))
            } else {
                romanizer = try Romanizer.standard()
            }
        } catch {
            Terminal.say("romanize: " + error.message)
            throw ExitCode(3)
        }
        let output = BufferedOutput()
        let render = RomanizeRenderer(romanizer: romanizer, format: format, tones: tones, ascii: ascii, feature: feature)
        if names.isEmpty || names == ["-"] {
            var reader = LineReader()
            while let line = reader.next() {
                output.write(render.line(for: line))
            }
        } else {
            for name in names {
                output.write(render.line(for: name))
            }
        }
        output.flush()
    }
}

extension FeatureHint: ExpressibleByArgument {}
