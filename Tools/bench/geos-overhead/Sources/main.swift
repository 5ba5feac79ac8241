// GEOSKit's side of the overhead benchmark (Tools/bench/geos-overhead/run.sh).
//   bench-geos-overhead dump OUT.wkb IN.geojson…   write every geometry as [u32 length][WKB]
//   bench-geos-overhead run FILE PASSES             isValid over all, best pass: "geoskit <s> <invalid> <n>"
import Foundation
import GEOSKit
import GeoFormats

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let args = CommandLine.arguments
guard args.count >= 3 else { fail("usage: bench-geos-overhead dump OUT IN… | run FILE PASSES") }
let context = try GEOSContext()

switch args[1] {
case "dump":
    var out = Data()
    for path in args.dropFirst(3) {
        let layer = try GeoJSONReader().read(URL(fileURLWithPath: path), context: context)
        for feature in layer.features {
            guard let g = feature.geometry else { continue }
            let wkb = try g.wkb()
            var len = UInt32(wkb.count).littleEndian
            withUnsafeBytes(of: &len) { out.append(contentsOf: $0) }
            out.append(contentsOf: wkb)
        }
    }
    try out.write(to: URL(fileURLWithPath: args[2]))
case "run":
    guard args.count >= 4, let passes = Int(args[3]) else { fail("usage: run FILE PASSES") }
    let data = try Data(contentsOf: URL(fileURLWithPath: args[2]))
    var geometries: [Geometry] = []
    var offset = 0
    while offset + 4 <= data.count {
        let len = data[offset..<(offset + 4)].withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
        offset += 4
        geometries.append(try context.geometry(wkb: data[offset..<(offset + len)]))
        offset += len
    }
    var best = Double.infinity
    var invalid = 0
    let clock = ContinuousClock()
    for _ in 0..<passes {
        invalid = 0
        let start = clock.now
        for g in geometries where try !g.isValid { invalid += 1 }
        let d = clock.now - start
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        best = min(best, seconds)
    }
    print(String(format: "geoskit %.6f %d %d", best, invalid, geometries.count))
default:
    fail("unknown mode \(args[1])")
}
