import ArgumentParser
import Foundation
import Gazetteer

/// `quhua record`: write the place-name record of a place — text, sources, attachments.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a place's record: meaning, origin, history, note, cited sources, attachments.",
        discussion: """
        Every change is audited with the text before and after; an edit writes a new version of \
        the record and keeps the earlier ones. Attachments are stored inside the database by the \
        SHA-256 of their bytes and are never replaced.

        Examples:
          quhua record set 500101 --meaning "万川毕汇" --history "1997年设万县区，1998年更名万州区" --source wanzhou-dmz --page 12
          quhua record attach 500101 sign.jpg --caption "地名标志"
        """,
        subcommands: [RecordSet.self, RecordAttach.self])
}

/// The place a record verb writes to: a code or a name that denotes one place.
private func recordPlace(_ store: GazetteerStore, _ reference: String) throws -> PlaceSummary {
    try PlaceLookup(store: store).resolveOne(reference)
}

struct RecordSet: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set the meaning, origin, history or note of a place's record, or cite a source.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: ArgumentHelp("The place's code or name.", valueName: "code"))
    var code: String

    @Option(name: .long, help: "The meaning of the name (含义).")
    var meaning: String?

    @Option(name: .long, help: "Where the name comes from (来历).")
    var origin: String?

    @Option(name: .long, help: "The history of the place and its name (沿革).")
    var history: String?

    @Option(name: .long, help: "A note on the record.")
    var note: String?

    @Option(name: .long, help: ArgumentHelp("A source to cite: a source key (new keys are created).", valueName: "key"))
    var source: String?

    @Option(name: .long, help: "The document cited (地名志, 档案 …).")
    var document: String?

    @Option(name: .long, help: "The page or entry cited.")
    var page: String?

    func validate() throws {
        let text = RecordText(meaning: meaning, origin: origin, history: history, note: note)
        if text.isEmpty && source == nil && document == nil {
            throw ValidationError("give --meaning, --origin, --history, --note or a source (--source/--document)")
        }
        if page != nil && source == nil && document == nil { throw ValidationError("--page needs --source or --document") }
    }

    func execute() throws {
        let store = try options.openStore()
        let place = try recordPlace(store, code)
        let citation = source == nil && document == nil ? nil : RecordCitation(sourceKey: source, document: document, page: page)
        let record = try RecordEditor(store: store).update(placeID: place.id, text: RecordText(meaning: meaning, origin: origin, history: history, note: note),
                                                           citation: citation, actor: options.actorName)
        if options.format == .json { return try Terminal.printJSON(record) }
        print("\(place.label): record version \(record?.versions ?? 0), \(record?.citations.count ?? 0) sources")
    }
}

struct RecordAttach: GazetteerCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "Attach a photo or other file to a place; it is stored in the database by its SHA-256.")

    @OptionGroup var options: GazetteerOptions

    @Argument(help: ArgumentHelp("The place's code or name.", valueName: "code"))
    var code: String

    @Argument(help: ArgumentHelp("The file to attach.", valueName: "file"))
    var file: String

    @Option(name: .long, help: "What the file shows.")
    var caption: String?

    @Option(name: .long, help: "The media type (default: told from the bytes and the file name).")
    var mediaType: String?

    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("cannot read “\(file)”") }
    }

    func execute() throws {
        let store = try options.openStore()
        let place = try recordPlace(store, code)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw GazetteerError.invalidInput(source: file, line: nil, message: "cannot read the file")
        }
        let info = try RecordEditor(store: store).attach(placeID: place.id, data: data, mediaType: mediaType,
                                                          fileName: URL(fileURLWithPath: file).lastPathComponent, caption: caption,
                                                          actor: options.actorName)
        if options.format == .json { return try Terminal.printJSON(info) }
        print("\(place.label): attached \(info.fileName ?? "file") sha256:\(info.sha256) (\(info.size) bytes, \(info.mediaType))")
    }
}
