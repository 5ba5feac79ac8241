import ArgumentParser
import Foundation
import GEOSKit
import Gazetteer
import GeoFormats
import Publishing

/// `quhua export divisions`: the divisions of a day as a layer or as Linked Places.
struct ExportDivisions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions",
        abstract: "Export the divisions valid on a day, with their boundaries where the gazetteer stores them.",
        discussion: """
        Every division valid on --at (default today), optionally only some levels (--level \
        province,prefecture,county) and one division's subtree (--within CODE), with code, name, \
        level, parent, pinyin, former names, period, and the boundary where the gazetteer stores \
        one. --format lpf writes Linked Places Format (GeoJSON-LD) for historical-gazetteer \
        platforms: every name and parent with the time spans they held.
        """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var output: LayerOutputOptions
    @OptionGroup var date: DateOptions

    @Option(help: ArgumentHelp("Only these levels, comma-separated: province, prefecture, county.", valueName: "levels"))
    var level: String?

    @Option(help: ArgumentHelp("Only this division (a six-digit code valid on the day) and its subtree.", valueName: "code"))
    var within: String?

    @Option(name: .customLong("base-uri"), help: "LPF: the prefix of every place's @id.")
    var baseURI = "urn:quhua:place:"

    func validate() throws {
        if let within, !(within.count == 6 && within.allSatisfy(\.isNumber)) {
            throw ValidationError("--within takes a six-digit division code, not “\(within)”.")
        }
        _ = try levels
    }

    /// `--level`, parsed.
    var levels: Set<PlaceLevel>? {
        get throws {
            try level.map { text in
                Set(try text.split(separator: ",").map { word -> PlaceLevel in
                    let w = word.trimmingCharacters(in: .whitespaces).lowercased()
                    guard let l = PlaceLevel(rawValue: w), [.province, .prefecture, .county].contains(l) else {
                        throw ValidationError("unknown level “\(w)”; use province, prefecture or county")
                    }
                    return l
                })
            }
        }
    }

    /// Linked Places Format, asked for by name or by a `.lpf.json` / `.jsonld` file name.
    var linkedPlaces: Bool {
        let name = output.output.lowercased()
        return output.format?.lowercased() == "lpf" || (output.format == nil && (name.hasSuffix(".lpf.json") || name.hasSuffix(".jsonld")))
    }

    func run() throws {
        let target = try output.target
        do {
            let store = try database.openStore()
            let export = DivisionLayer(store: store, day: try date.day ?? Day.today, levels: try levels, within: within)
            let context = try GEOSContext()
            if linkedPlaces {
                if let target, target != .wgs84 {
                    throw ValidationError("Linked Places Format is WGS 84 longitude/latitude; --to-crs \(target.quhuaName) does not apply")
                }
                let places = try export.linkedPlaces(baseURI: baseURI, context: context)
                let report = try LinkedPlacesWriter().write(places, to: output.url, precision: output.precision)
                print("wrote \(places.count) places to \(report.files.map(\.relativePath).joined(separator: ", ")) (Linked Places Format, WGS84)")
                return
            }
            let format = try output.fileFormat
            let layer = try LayerOutput.reproject(try export.layer(context: context), input: "the gazetteer", source: nil, target: target, for: format)
            if format == .shapefile, layer.features.contains(where: { $0.geometry == nil }), layer.features.contains(where: { $0.geometry != nil }) {
                Terminal.say("note: divisions without a stored boundary are written with a null shape")
            }
            try LayerOutput.write(layer, to: output.url, format: format,
                                  options: try output.writeOptions(format: format, nameField: "name", folderFields: ["level"]))
        } catch let error as GazetteerError {
            Terminal.say(error.description)
            throw ExitStatus.unreadableInput.exitCode
        } catch let error as GeoFormatError {
            Terminal.say("\(error)")
            throw ExitStatus.unreadableInput.exitCode
        }
    }
}
