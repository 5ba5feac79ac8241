// quhua-samples: builds the sample boundary surveys in GeoData/samples from cn-atlas.
//
//   swift run quhua-samples [GeoData]
//
// Deterministic: the same cn-atlas gives byte-identical files.
import CRS
import Foundation
import GEOSKit

let root = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "GeoData")
/// 西安市, 铜川市, 咸阳市, 渭南市 (Shaanxi): four prefectures around the Guanzhong plain, all inside
/// the 3° zone with central meridian 108°E (CGCS2000, EPSG:4545).
let region = ["610100", "610200", "610400", "610500"]

do {
    let context = try GEOSContext()
    let atlas = try Atlas(url: root.appendingPathComponent("cn-atlas/cn-atlas.json"))
    let zone = try CoordinateReferenceSystem(parsing: "CGCS2000-GK3-CM108")
    let clean = try CleanBuilder(atlas: atlas, region: region, zone: zone, context: context).build()
    let samples = root.appendingPathComponent("samples")
    try clean.write(to: samples.appendingPathComponent("clean"))

    var injector = FaultInjector(clean: clean, region: region, context: context)
    let junctions = CleanBuilder.junctions(clean.lines)
    guard junctions.count >= 4 else { throw BuildError("the region has \(junctions.count) junctions; the faults need 4") }
    let divisionGeometry = try clean.divisions.map { d in
        try context.polygon(shell: d.polygons[0][0].map { Coordinate(x: $0.x, y: $0.y) })
    }
    var degrees: [P: Int] = [:]
    for n in CleanBuilder.nodes(clean.lines) { degrees[n.p] = n.ends.count }

    try injector.undershoot(at: junctions[1])
    try injector.overshoot(at: junctions[2])
    try injector.coverageFaults()
    try injector.attribution()
    try injector.invalidDivision()
    injector.emptyLine()
    try injector.repeatedPoint()
    try injector.shortSegment()
    try injector.spike()
    try injector.multipart()
    try injector.selfIntersection()
    try injector.dangle(at: junctions[0], divisions: divisionGeometry)
    try injector.pseudoNode(degrees: degrees)
    try injector.duplicate()
    try injector.overlap()
    try injector.polygonMismatch()
    try injector.markerFaults(junction: junctions[3])

    let faulty = samples.appendingPathComponent("faulty")
    try injector.survey.write(to: faulty)
    struct Expected: Codable {
        var survey: String
        var crs: String
        var note: String
        var faults: [Fault]
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let expected = Expected(
        survey: "faulty", crs: "EPSG:\(clean.epsg)",
        note: "Each fault lists the findings it must produce (rule, features named, location within radius metres, value within valueTolerance). Every other finding of the faulty survey lies near a fault's footprint.",
        faults: injector.faults)
    try encoder.encode(expected).write(to: faulty.appendingPathComponent("expected.json"))
    print("clean: \(clean.lines.count) lines, \(clean.markers.count) markers, \(clean.divisions.count) divisions, \(junctions.count) junctions")
    let inspection = InspectionBuilder(clean: clean, region: Set(region))
    try inspection.write(to: samples.appendingPathComponent("inspection"))
    print("inspection: the clean survey as record, a later epoch with moved, missing and new markers and a river change on line \(InspectionBuilder.riverLine)")
    print("faulty: \(injector.faults.count) faults, \(injector.faults.reduce(0) { $0 + $1.expected.count }) expected findings")
} catch {
    FileHandle.standardError.write(Data("quhua-samples: \(error)\n".utf8))
    exit(1)
}
