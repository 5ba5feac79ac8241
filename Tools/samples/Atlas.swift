import Foundation

/// The cn-atlas TopoJSON: quantised arcs and the prefectures that use them.
struct Atlas {
    struct Prefecture {
        var code: String
        var name: String
        /// Polygons, each a list of rings, each a list of signed arc indices (TopoJSON: ~i is arc i reversed).
        var polygons: [[[Int]]]
    }

    /// Each arc as longitude/latitude pairs (de-quantised).
    var arcs: [[(Double, Double)]]
    var prefectures: [Prefecture]

    init(url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let transform = root["transform"] as? [String: Any],
              let scale = transform["scale"] as? [Double], let translate = transform["translate"] as? [Double],
              let rawArcs = root["arcs"] as? [[[Double]]],
              let objects = root["objects"] as? [String: Any],
              let pref = objects["prefectures"] as? [String: Any],
              let geometries = pref["geometries"] as? [[String: Any]]
        else { throw BuildError("not the cn-atlas TopoJSON") }
        arcs = rawArcs.map { arc in
            var x = 0.0, y = 0.0
            return arc.map { d in
                x += d[0]; y += d[1]
                return (x * scale[0] + translate[0], y * scale[1] + translate[1])
            }
        }
        prefectures = try geometries.map { g in
            guard let props = g["properties"] as? [String: Any], let code = props["id"] as? String,
                  let name = props["地名"] as? String, let type = g["type"] as? String else { throw BuildError("prefecture without id") }
            let polygons: [[[Int]]]
            if type == "Polygon", let a = g["arcs"] as? [[Int]] { polygons = [a] }
            else if type == "MultiPolygon", let a = g["arcs"] as? [[[Int]]] { polygons = a }
            else { throw BuildError("prefecture \(code) has geometry \(type)") }
            return Prefecture(code: code, name: name, polygons: polygons)
        }
    }

    /// The arc index and direction of a signed TopoJSON arc reference.
    static func unsigned(_ a: Int) -> (index: Int, reversed: Bool) { a >= 0 ? (a, false) : (~a, true) }
}

struct BuildError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
