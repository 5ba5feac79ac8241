import ArgumentParser
import Boundary
import Foundation
import GEOSKit
import GeoFormats

/// `quhua validate`: check the geometries of a survey delivery.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the geometries of survey files and report every defect found.",
        discussion: """
        Reads each GeoJSON file and reports every invalid geometry with GEOS's reason and \
        location, and every empty geometry, naming the file and the feature.

        Example:
          quhua validate GeoData/cn-atlas/derived_prefectures.geojson

        Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, 3 unreadable input.
        """
    )

    @Argument(help: "Survey files to check (GeoJSON).", completion: .file())
    var files: [String]

    @Option(help: "Output: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a finding is at least this severe: info, warning or error.")
    var failOn: Severity = .error

    @Option(name: .customLong("key-field"), help: "Attribute naming each feature in findings (default: id, code, 区划码, name).")
    var keyField: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one survey file.") }
    }

    func run() throws {
        let context = try GEOSContext()
        let rule = GeometryValidityRule()
        var findings: [Finding] = []
        var featureCount = 0
        for file in files {
            let layer: FeatureLayer
            do {
                layer = try GeoJSONReader().read(URL(fileURLWithPath: file), context: context)
            } catch let error as GeoFormatError {
                FileHandle.standardError.write(Data("quhua: \(error)\n".utf8))
                throw ExitStatus.unreadableInput.exitCode
            }
            featureCount += layer.features.count
            for (i, feature) in layer.features.enumerated() {
                let ref = FeatureReference(layer: layer.name, index: i + 1, key: key(of: feature))
                guard let g = feature.geometry, try !g.isEmpty else {
                    findings.append(try Finding(ruleID: "geometry.empty", severity: .error, features: [ref],
                                                location: nil, message: "the feature has no geometry or an empty one"))
                    continue
                }
                findings += try rule.check(g, feature: ref)
            }
        }
        switch format {
        case .text: print(try TextFindings.render(findings, files: files.count, features: featureCount, context: context), terminator: "")
        case .json: print(try JSONFindings.render(findings, context: context))
        }
        if findings.contains(where: { $0.severity >= failOn }) {
            throw ExitStatus.findings.exitCode
        }
    }

    private func key(of feature: Feature) -> String? {
        if let keyField { return feature.properties[keyField]?.stringValue }
        for name in ["id", "code", "区划码", "name", "地名"] {
            if let v = feature.properties[name]?.stringValue, !v.isEmpty {
                if let label = feature.properties["地名"]?.stringValue ?? feature.properties["name"]?.stringValue, label != v {
                    return "\(v) \(label)"
                }
                return v
            }
        }
        return feature.id?.stringValue
    }
}

/// Machine or human output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Severity: ExpressibleByArgument {}
