// quhua-bench-coverage: runs the coverage check on one layer and prints timings as JSON.
//
//   quhua-bench-coverage <layer.geojson | layer.wkbs> [--gap-width METRES] [--geographic]
//                        [--workers N] [--key PROPERTY] [--flagged FILE] [--findings FILE]
//
// A .wkbs file is a sequence of records, each a little-endian UInt32 byte count and that many
// bytes of WKB (what Tools/bench/coverage/synth.py writes). --flagged writes the 0-based indices
// of polygons with error findings, one per line; --findings writes every finding as a text line.
import Boundary
import Foundation
import GEOSKit
import GeoFormats

struct Arguments {
    var input = ""
    var gapWidth = 1.0
    var geographic = false
    var workers = 2
    var key: String?
    var flaggedPath: String?
    var findingsPath: String?
}

func parseArguments() -> Arguments? {
    var a = Arguments()
    var it = CommandLine.arguments.dropFirst().makeIterator()
    while let arg = it.next() {
        switch arg {
        case "--gap-width": guard let v = it.next().flatMap(Double.init) else { return nil }; a.gapWidth = v
        case "--geographic": a.geographic = true
        case "--workers": guard let v = it.next().flatMap(Int.init) else { return nil }; a.workers = v
        case "--key": a.key = it.next()
        case "--flagged": a.flaggedPath = it.next()
        case "--findings": a.findingsPath = it.next()
        default:
            if arg.hasPrefix("-") || !a.input.isEmpty { return nil }
            a.input = arg
        }
    }
    return a.input.isEmpty ? nil : a
}

func readWKBS(_ path: String) throws -> [CoveragePolygon] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    var polygons: [CoveragePolygon] = []
    try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var offset = 0
        while offset + 4 <= raw.count {
            let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            offset += 4
            guard offset + n <= raw.count else { throw CocoaError(.fileReadCorruptFile) }
            polygons.append(CoveragePolygon(reference: FeatureReference(layer: "synthetic", index: polygons.count + 1),
                                            wkb: Array(raw[offset..<offset + n])))
            offset += n
        }
    }
    return polygons
}

func readGeoJSON(_ path: String, key: String?) throws -> [CoveragePolygon] {
    let context = try GEOSContext()
    let layer = try GeoJSONReader().read(URL(fileURLWithPath: path), context: context)
    return try layer.features.enumerated().compactMap { i, f in
        guard let g = f.geometry else { return nil }
        let k = key.flatMap { f.properties[$0]?.stringValue }
        return CoveragePolygon(reference: FeatureReference(layer: layer.name, index: i + 1, key: k), wkb: try g.wkb())
    }
}

guard let args = parseArguments() else {
    FileHandle.standardError.write(Data("usage: quhua-bench-coverage <layer.geojson|layer.wkbs> [--gap-width M] [--geographic] [--workers N] [--key PROP] [--flagged FILE] [--findings FILE]\n".utf8))
    exit(2)
}
do {
    let clock = ContinuousClock()
    let loadStart = clock.now
    let polygons = args.input.hasSuffix(".wkbs") ? try readWKBS(args.input) : try readGeoJSON(args.input, key: args.key)
    let loaded = clock.now
    let options = CoverageOptions(gapWidth: args.gapWidth, isGeographic: args.geographic, workers: args.workers)
    let result = try CoverageValidator(options: options).validate(polygons)
    let checked = clock.now
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    var byRule: [String: Int] = [:]
    for f in result.findings { byRule[f.ruleID, default: 0] += 1 }
    if let path = args.flaggedPath {
        let text = result.invalidPolygonIndices.sorted().map(String.init).joined(separator: "\n")
        try (text.isEmpty ? "" : text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    if let path = args.findingsPath {
        var lines: [String] = []
        let context = try GEOSContext()
        for f in result.findings {
            let wkt = try f.location(in: context).flatMap { g -> String? in
                guard let e = try g.envelope else { return nil }
                return String(format: "%.6f %.6f", (e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2)
            } ?? "-"
            let value = f.value.map { String(format: "%.3f", $0) } ?? "-"
            lines.append("\(f.ruleID)\t\(f.features.map(\.description).joined(separator: " | "))\t\(value)\tat \(wkt)\t\(f.message)")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
    let s = result.statistics
    let rules = byRule.keys.sorted().map { "\"\($0)\": \(byRule[$0] ?? 0)" }.joined(separator: ", ")
    print("""
    {"input": "\(args.input)", "polygons": \(s.polygons), "vertices": \(s.vertices), "segments": \(s.segments), \
    "matched": \(s.matchedSegments), "polygons_checked": \(s.polygonsCheckedAgainstNeighbours), \
    "unmatched": \(s.unmatchedSegments), "uncovered_faces": \(s.uncoveredFaces), "candidate_pairs": \(s.candidatePairs), \
    "repaired_pairs": \(s.pairsCheckedOnRepairedCopies), "flagged": \(result.invalidPolygonIndices.count), \
    "findings": {\(rules)}, "load_s": \(String(format: "%.3f", seconds(loaded - loadStart))), \
    "check_s": \(String(format: "%.3f", seconds(checked - loaded))), "workers": \(args.workers)}
    """)
} catch {
    FileHandle.standardError.write(Data("quhua-bench-coverage: \(error)\n".utf8))
    exit(3)
}
