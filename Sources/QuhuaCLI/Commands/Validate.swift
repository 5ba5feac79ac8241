import ArgumentParser
import Boundary
import CRS
import Foundation
import GEOSKit
import GeoFormats

/// `quhua validate`: check a boundary survey delivery and report every defect found.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a boundary survey (lines, markers, division polygons) and report every defect.",
        discussion: """
        A survey is one or more files, or a folder of them: boundary lines (each with the division code on its left and \
        right), boundary markers (界桩: number, type, line, X, Y, H) and division polygons. quhua reads \
        GeoJSON, Shapefile (.shp with .dbf/.prj/.cpg, GBK or UTF-8, or a .zip bundle), GeoPackage, KML/KMZ, \
        TopoJSON and CSV marker tables. \
        Each file's role comes from its name (lines…, markers…, divisions…), else its geometry; or \
        give it with --lines, --markers, --divisions. A plain polygon, line or point layer without \
        survey attributes is checked too: every geometry and coverage rule runs, and the missing \
        columns are reported once (or left out with --geometry-only).

        Every measurement is made in metres in a 3° Gauss-Krüger zone (geographic input is projected \
        once); findings are reported in the input CRS. `quhua rules` lists the rules, their \
        severities and tolerances; a profile (--profile) changes them.

        Examples:
          quhua validate GeoData/samples/faulty
          quhua validate GeoData/samples/faulty/lines.geojson GeoData/samples/faulty/markers.csv GeoData/samples/faulty/divisions.geojson
          quhua validate --format html -o report.html survey/*.geojson survey/markers.csv
          quhua validate --format geojson -o findings.geojson --lines boundary.shp --markers 界桩.csv

        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, 3 unreadable input.
        """
    )

    @Argument(help: "Survey files, or folders holding them; the role of each file comes from its name or geometry.", completion: .file())
    var files: [String] = []

    @Option(help: "A file of boundary lines.", completion: .file())
    var lines: [String] = []

    @Option(help: "A file or CSV table of boundary markers.", completion: .file())
    var markers: [String] = []

    @Option(help: "A file of division polygons.", completion: .file())
    var divisions: [String] = []

    @Option(help: "A JSON profile with rule switches, severities, tolerances and attribute names (see `quhua rules`).", completion: .file())
    var profile: String?

    @Option(help: "The CRS of every file (EPSG:4545, CGCS2000-GK3-CM108, EPSG:4490 …), overriding what they declare.")
    var crs: String?

    @Option(help: "Text encoding of Shapefile DBF and CSV files: UTF-8 or GBK (default: the .cpg file, else detected).")
    var encoding: String?

    @Option(help: "Output: text, json, geojson (an error layer for QGIS) or html (a report with a map).")
    var format: ReportFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.", completion: .file())
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a finding is at least this severe: info, warning or error.")
    var failOn: Severity = .error

    @Flag(name: .customLong("geometry-only"), help: "Check geometry and coverage only: leave out the rules that read survey attributes (line ids and codes, marker numbers), for a plain GIS layer.")
    var geometryOnly = false

    func validate() throws {
        if files.isEmpty && lines.isEmpty && markers.isEmpty && divisions.isEmpty {
            throw ValidationError("Give at least one survey file.")
        }
    }

    func run() throws {
        func fail(_ message: String) -> ExitCode {
            Terminal.say(message)
            return ExitStatus.unreadableInput.exitCode
        }
        var chosenProfile = Profile.standard
        if let profile {
            do { chosenProfile = try Profile.load(from: URL(fileURLWithPath: profile)) } catch let e as ProfileError {
                Terminal.say("profile \(e)")
                throw ExitStatus.usage.exitCode
            }
        }
        var overrideCRS: CoordinateReferenceSystem?
        if let crs {
            do { overrideCRS = try CoordinateReferenceSystem(parsing: crs) } catch {
                Terminal.say("--crs: \(error)")
                throw ExitStatus.usage.exitCode
            }
        }
        var textEncoding: TextEncoding?
        if let encoding {
            do { textEncoding = try TextEncoding(name: encoding) } catch {
                Terminal.say("--encoding: \(error)")
                throw ExitStatus.usage.exitCode
            }
        }
        // Folders stand for the survey files in them, as for `inspect`.
        let delivered: [SurveyInput]
        do { delivered = try SurveyFolder.inputs(files) } catch let e as SurveyLoadError { throw fail("\(e)") }
        let inputs = delivered + lines.map { SurveyInput(path: $0, role: .lines) }
            + markers.map { SurveyInput(path: $0, role: .markers) } + divisions.map { SurveyInput(path: $0, role: .divisions) }

        let context = try GEOSContext()
        let survey: Survey
        do {
            survey = try SurveyLoader(profile: chosenProfile, crs: overrideCRS, encoding: textEncoding).load(inputs, context: context)
        } catch let e as SurveyLoadError {
            throw fail("\(e)")
        }
        let progress = ProgressLine()
        let report = try SurveyValidator(profile: chosenProfile, geometryOnly: geometryOnly).validate(survey) { id, n, total in
            progress.show("checking \(id) (\(n)/\(total))")
        }
        progress.clear()

        let text: String
        switch format {
        case .text: text = TextReport.render(report, colour: output == nil && Terminal.isTTY(STDOUT_FILENO))
        case .json: text = try JSONReport.render(report) + "\n"
        case .geojson: text = try GeoJSONReport.render(report)
        case .html: text = try HTMLReport.render(report)
        }
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw fail("cannot write \(output): \(error.localizedDescription)")
            }
            let counts = Severity.allCases.reversed().compactMap { s in report.countsBySeverity[s].map { "\($0) \(s.rawValue)" } }
            Terminal.say("\(report.findings.count) findings\(counts.isEmpty ? "" : " (" + counts.joined(separator: ", ") + ")"); \(format.rawValue) report written to \(output)")
        } else {
            print(text, terminator: "")
        }
        if report.hasFindings(atLeast: failOn) {
            throw ExitStatus.findings.exitCode
        }
    }
}

/// The report formats of `quhua validate`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, geojson, html
}

extension Severity: ExpressibleByArgument {}
