import ArgumentParser
import Boundary
import CRS
import Foundation
import GEOSKit
import GeoFormats

/// `quhua inspect`: the joint-inspection comparison of a new survey with the record.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a new survey of boundary lines and markers with the record of the last joint inspection.",
        discussion: """
        Both sides are surveys as `quhua validate` reads them: boundary lines, markers (界桩) and \
        division polygons, in any supported format and CRS; give files, or a folder whose .geojson, \
        .shp, .gpkg and .csv files are read. Everything is measured in metres in the record's \
        Gauss-Krüger zone; a survey in another CRS is transformed into it.

        The new survey is validated first with the rules of `quhua validate`. Then markers are matched \
        by number (by position within the search radius where numbers are missing or re-used), with \
        their displacement and direction; lines are matched by id or by their two divisions, with \
        Hausdorff and Fréchet distances, the stretches farther apart than the tolerance, and the area \
        between old and new line on each side (which division would lose it to which). Each line is \
        unchanged, within tolerance or changed; the next inspection is due five years (the profile's \
        inspection.intervalYears) after the survey date.

        Tolerances and dates come from the "inspection" object of the profile: markerTolerance, \
        markerSearchRadius, lineTolerance, unchangedDistance (metres), intervalYears, recordDate, \
        surveyDate (YYYY-MM-DD).

        Example:
          quhua inspect --before GeoData/samples/inspection/before --after GeoData/samples/inspection/after \\
                        --profile GeoData/samples/inspection/profile.json --format html -o inspection.html

        Exit codes: 0 nothing changed and no finding at or above --fail-on, 1 changes or findings, \
        2 usage, 3 unreadable or empty input.
        """
    )

    @Option(parsing: .upToNextOption, help: "The record (agreed lines, marker register): files or a folder.", completion: .file())
    var before: [String] = []

    @Option(parsing: .upToNextOption, help: "The new survey of the same lines: files or a folder.", completion: .file())
    var after: [String] = []

    @Option(help: "A JSON profile: validation rules and fields as for `quhua validate`, plus an \"inspection\" object.", completion: .file())
    var profile: String?

    @Option(name: .customLong("before-crs"), help: "The CRS of the record's files, overriding what they declare.")
    var beforeCRS: String?

    @Option(name: .customLong("after-crs"), help: "The CRS of the survey's files, overriding what they declare.")
    var afterCRS: String?

    @Option(help: "Text encoding of Shapefile DBF and CSV files in both surveys: UTF-8 or GBK (default: the .cpg file, else detected).")
    var encoding: String?

    @Option(name: .customLong("survey-date"), help: "The date of the new survey (YYYY-MM-DD), overriding the profile's.")
    var surveyDate: String?

    @Option(help: "Output: text, json, geojson (a layer of changes for QGIS) or html (a report with a map).")
    var format: ReportFormat = .text

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.", completion: .file())
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a validation finding of the survey is at least this severe: info, warning or error.")
    var failOn: Severity = .error

    func validate() throws {
        if before.isEmpty { throw ValidationError("Give the record with --before (files or a folder).") }
        if after.isEmpty { throw ValidationError("Give the new survey with --after (files or a folder).") }
    }

    func run() throws {
        func say(_ message: String) { Terminal.say(message) }
        func usage(_ message: String) -> ExitCode { say(message); return ExitStatus.usage.exitCode }
        func unreadable(_ message: String) -> ExitCode { say(message); return ExitStatus.unreadableInput.exitCode }

        var chosenProfile = Profile.standard
        var settings = InspectionSettings.standard
        if let profile {
            let url = URL(fileURLWithPath: profile)
            do {
                chosenProfile = try Profile.load(from: url)
                settings = try InspectionSettings.load(from: url)
            } catch let e as ProfileError {
                throw usage("profile \(e)")
            }
        }
        if let surveyDate {
            do { settings.surveyDate = try CalendarDate(parsing: surveyDate) } catch {
                throw usage("--survey-date: \(error)")
            }
        }
        func crs(_ text: String?, _ option: String) throws -> CoordinateReferenceSystem? {
            guard let text else { return nil }
            do { return try CoordinateReferenceSystem(parsing: text) } catch { throw usage("\(option): \(error)") }
        }
        let recordCRS = try crs(beforeCRS, "--before-crs"), surveyCRS = try crs(afterCRS, "--after-crs")
        var textEncoding: TextEncoding?
        if let encoding {
            do { textEncoding = try TextEncoding(name: encoding) } catch { throw usage("--encoding: \(error)") }
        }

        let context = try GEOSContext()
        func load(_ paths: [String], _ what: String, _ crs: CoordinateReferenceSystem?) throws -> Survey {
            let inputs: [SurveyInput]
            do { inputs = try SurveyFolder.inputs(paths) } catch let e as SurveyLoadError {
                throw unreadable("\(what): \(e)")
            }
            do {
                return try SurveyLoader(profile: chosenProfile, crs: crs, encoding: textEncoding).load(inputs, context: context)
            } catch let e as SurveyLoadError {
                throw unreadable("\(what): \(e)")
            }
        }
        let record = try load(before, "record (--before)", recordCRS)
        let survey = try load(after, "survey (--after)", surveyCRS)

        let progress = ProgressLine()
        let report: InspectionReport
        do {
            report = try Inspector(profile: chosenProfile, settings: settings).inspect(before: record, after: survey) {
                progress.show($0)
            }
        } catch let e as InspectionError {
            progress.clear()
            throw unreadable("\(e)")
        } catch let e as CRSError {
            progress.clear()
            throw unreadable("the survey cannot be transformed into the record's CRS: \(e)")
        }
        progress.clear()

        let text: String
        switch format {
        case .text: text = InspectionTextReport.render(report, colour: output == nil && Terminal.isTTY(STDOUT_FILENO))
        case .json: text = try InspectionJSONReport.render(report) + "\n"
        case .geojson: text = try InspectionGeoJSONReport.render(report)
        case .html: text = try InspectionHTMLReport.render(report)
        }
        let sum = report.summary
        if let output {
            do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                throw unreadable("cannot write \(output): \(error.localizedDescription)")
            }
            say("\(sum.changedLines) of \(report.lines.count) lines changed, \(sum.movedMarkers) markers moved, \(sum.missingMarkers) missing, \(sum.newMarkers) new; \(sum.findings) validation findings; \(format.rawValue) report written to \(output)")
        } else {
            print(text, terminator: "")
        }
        let changed = sum.changedLines + sum.missingLines + sum.newLines + sum.movedMarkers + sum.missingMarkers
            + sum.newMarkers + sum.typeChangedMarkers + report.problems.count > 0
        if changed || report.validation.hasFindings(atLeast: failOn) {
            throw ExitStatus.findings.exitCode
        }
    }

}
