import Boundary
import CRS
import Foundation
import Gazetteer
import GEOSKit

/// What the register keeps of one survey: each line and marker as plain values, in the survey's
/// metric CRS, read with Boundary's own survey loader.
struct SurveySnapshot {
    struct Line {
        var id: String
        var leftCode: String?
        var rightCode: String?
        var level: LineLevel
        var wkt: String
    }

    struct Marker {
        var label: String
        var number: String
        var type: String
        var line: String?
        var position: Position
    }

    var lines: [Line]
    var markers: [Marker]
    /// The CRS of every coordinate: the metric CRS the survey was measured in (the delivered CRS
    /// when it is a Gauss-Krüger zone, as surveys usually are).
    var crs: String
    /// SHA-256 over the names and bytes of the files read.
    var contentHash: String

    /// Reads the survey files or folders with ``SurveyFolder`` and ``SurveyLoader``.
    ///
    /// - Parameters:
    ///   - paths: Files or folders of the survey.
    ///   - level: The level of every line, overriding the level inferred from the side codes.
    /// - Throws: ``RegisterError/invalidSurvey(source:problem:)`` naming the file or feature at fault.
    static func read(_ paths: [String], level: LineLevel?) throws -> SurveySnapshot {
        let source = paths.joined(separator: " ")
        let files: [String]
        let survey: Survey
        do {
            files = try SurveyFolder.files(paths)
            let context = try GEOSContext()
            survey = try SurveyLoader().load(files.map { SurveyInput(path: $0) }, context: context)
        } catch let error as SurveyLoadError {
            throw RegisterError.invalidSurvey(source: error.file ?? source,
                                              problem: (error.feature.map { "feature \($0): " } ?? "") + error.problem)
        } catch {
            throw RegisterError.invalidSurvey(source: source, problem: "\(error)")
        }
        var hashed: [UInt8] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw RegisterError.unreadableFile(file: file, reason: "cannot read its bytes")
            }
            hashed += Array(URL(fileURLWithPath: file).lastPathComponent.utf8) + [0] + Array(data)
        }
        do {
            var lines: [Line] = []
            for (i, line) in survey.lines.enumerated() {
                let file = survey.file(of: .lines, index: i)?.path ?? source
                guard let id = line.id else {
                    throw RegisterError.invalidSurvey(source: file, problem: "feature \(line.reference.index): the line has no id")
                }
                guard let lineLevel = level ?? LineLevel.inferred(left: line.leftCode, right: line.rightCode) else {
                    throw RegisterError.invalidSurvey(source: file,
                        problem: "line \(id) lacks a division code on one side, so its level cannot be inferred; give --level")
                }
                lines.append(Line(id: id, leftCode: line.leftCode, rightCode: line.rightCode, level: lineLevel,
                                  wkt: try line.geometry.wkt(precision: 3)))
            }
            var markers: [Marker] = []
            for (i, marker) in survey.markers.enumerated() {
                let file = survey.file(of: .markers, index: i)?.path ?? source
                guard !marker.number.isEmpty else {
                    throw RegisterError.invalidSurvey(source: file, problem: "feature \(marker.reference.index): the marker has no number")
                }
                guard let c = try marker.position.coordinates().first else {
                    throw RegisterError.invalidSurvey(source: file, problem: "marker \(marker.label) has no position")
                }
                let mm = { (v: Double) in (v * 1000).rounded() / 1000 }
                markers.append(Marker(label: marker.label, number: marker.number, type: marker.type, line: marker.lineID,
                                      position: Position(x: mm(c.x), y: mm(c.y), h: marker.elevation.map(mm))))
            }
            try refuseDuplicates(lines.map(\.id), what: "line", source: source)
            try refuseDuplicates(markers.map(\.label), what: "marker", source: source)
            if lines.isEmpty && markers.isEmpty {
                throw RegisterError.invalidSurvey(source: source, problem: "holds no lines or markers")
            }
            return SurveySnapshot(lines: lines, markers: markers, crs: survey.metricCRS.identifier,
                                  contentHash: SHA256.hex(of: hashed))
        } catch let error as RegisterError {
            throw error
        } catch {
            throw RegisterError.invalidSurvey(source: source, problem: "\(error)")
        }
    }

    private static func refuseDuplicates(_ keys: [String], what: String, source: String) throws {
        var seen = Set<String>()
        for key in keys where !seen.insert(key).inserted {
            throw RegisterError.invalidSurvey(source: source, problem: "\(what) \(key) appears twice")
        }
    }
}
