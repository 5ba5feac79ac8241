import Foundation
import GEOSKit

/// A small locator map: a county drawn within the outline of the division above it that has a stored polygon.
///
/// The map draws only what the gazetteer stores. When the county has no polygon of its own
/// (the shipped data holds prefecture polygons), the map shows the prefecture's polygon and
/// its caption says so; no county outline is made up.
public struct LocatorMap: Sendable, Equatable {
    /// Inline SVG (no external references).
    public var svg: String
    /// What the map shows, in Chinese and English: `… Polygon of province 500000 重庆市, which contains 500101 万州区; no county polygon is stored …`.
    public var caption: String
    /// The code of the division whose polygon frames the map.
    public var frameCode: String
    /// Whether the county's own polygon is drawn.
    public var showsOwnPolygon: Bool
}

/// A polygon ready to draw: its code and name, and its rings (longitude/latitude), already simplified.
struct MapShape {
    var code: String
    var name: String
    var level: String
    var rings: [[Coordinate]]
    var envelope: Envelope

    /// Reads a stored WKB polygon and simplifies it to `tolerance` degrees.
    init?(code: String, name: String, level: String, wkb: [UInt8], tolerance: Double, context: GEOSContext) {
        guard let geometry = try? context.geometry(wkb: wkb),
              let simple = try? geometry.topologyPreservingSimplified(tolerance: tolerance),
              let envelope = try? simple.envelope else { return nil }
        var rings: [[Coordinate]] = []
        let polygons = (try? simple.parts()) ?? []
        for polygon in polygons.isEmpty ? [simple] : polygons {
            guard (try? polygon.type) == .polygon else { continue }
            if let shell = try? polygon.exteriorRing.coordinates() { rings.append(shell) }
            for hole in (try? polygon.interiorRings) ?? [] { if let ring = try? hole.coordinates() { rings.append(ring) } }
        }
        guard !rings.isEmpty else { return nil }
        self.code = code
        self.name = name
        self.level = level
        self.rings = rings
        self.envelope = envelope
    }
}

extension LocatorMap {
    /// Draws a county's map.
    ///
    /// - Parameters:
    ///   - focus: The county's own polygon, when one is stored.
    ///   - frame: The polygon of the nearest division above it that has one.
    ///   - neighbours: Other polygons to draw faintly for context (clipped to the map).
    ///   - countyLabel: `500101 万州区`, for the caption.
    static func draw(focus: MapShape?, frame: MapShape, neighbours: [MapShape], countyLabel: String,
                     width: Double = 320, height: Double = 240) -> LocatorMap {
        var box = frame.envelope
        if let focus { box = box.union(focus.envelope) }
        let padX = (box.maxX - box.minX) * 0.05, padY = (box.maxY - box.minY) * 0.05
        box = Envelope(minX: box.minX - padX, minY: box.minY - padY, maxX: box.maxX + padX, maxY: box.maxY + padY)
        let aspect = cos((box.minY + box.maxY) / 2 * .pi / 180)
        let spanX = max((box.maxX - box.minX) * aspect, 1e-9), spanY = max(box.maxY - box.minY, 1e-9)
        let scale = min(width / spanX, height / spanY)
        let offsetX = (width - spanX * scale) / 2, offsetY = (height - spanY * scale) / 2
        func path(_ shape: MapShape) -> String {
            var text = ""
            for ring in shape.rings {
                for (index, point) in ring.enumerated() {
                    let x = offsetX + (point.x - box.minX) * aspect * scale
                    let y = offsetY + (box.maxY - point.y) * scale
                    text += (index == 0 ? "M" : "L") + String(format: "%.1f %.1f", x, y)
                }
                text += "Z"
            }
            return text
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="locator" viewBox="0 0 \(Int(width)) \(Int(height))" \
            width="\(Int(width))" height="\(Int(height))" role="img" aria-label="\(BookHTML.escape(countyLabel))">
            <rect width="100%" height="100%" fill="#f4f7fa"/>
            """
        for shape in neighbours where shape.code != frame.code && shape.envelope.intersects(box) {
            svg += "<path d=\"\(path(shape))\" fill=\"#e6e6e6\" stroke=\"#aaa\" stroke-width=\"0.5\" fill-rule=\"evenodd\"><title>\(shape.code) \(BookHTML.escape(shape.name))</title></path>\n"
        }
        svg += "<path d=\"\(path(frame))\" fill=\"\(focus == nil ? "#f6d5c8" : "#fff4d6")\" stroke=\"#8a5a00\" stroke-width=\"1\" fill-rule=\"evenodd\"><title>\(frame.code) \(BookHTML.escape(frame.name))</title></path>\n"
        if let focus {
            svg += "<path d=\"\(path(focus))\" fill=\"#d0413b\" stroke=\"#7a1510\" stroke-width=\"0.8\" fill-rule=\"evenodd\"><title>\(focus.code) \(BookHTML.escape(focus.name))</title></path>\n"
        }
        svg += "</svg>"
        let levelText = ["province": "省级", "prefecture": "地级", "county": "县级"][frame.level] ?? frame.level
        let caption = focus == nil
            ? "底图为\(levelText)区划 \(frame.code) \(frame.name) 的面；地名库未存县级面，\(countyLabel) 的范围未勾绘。"
                + " Polygon of \(frame.level) \(frame.code) \(frame.name), which contains \(countyLabel); no county polygon is stored, so the county itself is not outlined."
            : "\(countyLabel)（红）在\(levelText)区划 \(frame.code) \(frame.name) 之内。 \(countyLabel) (red) within the polygon of \(frame.level) \(frame.code) \(frame.name)."
        return LocatorMap(svg: svg, caption: caption, frameCode: frame.code, showsOwnPolygon: focus != nil)
    }
}
