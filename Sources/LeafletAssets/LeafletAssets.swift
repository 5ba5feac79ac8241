import Foundation

/// Leaflet 1.7.1 (BSD-2-Clause), vendored from Debian's `libjs-leaflet`: one copy for every face
/// that draws a map — the web app of `quhua serve` and the standalone HTML reports.
///
/// ```swift
/// let folder = LeafletAssets.folder          // serve it as /app/vendor/leaflet/
/// let script = try LeafletAssets.inlineScript()   // for a <script> element; defines `QuhuaLeaflet`
/// ```
public enum LeafletAssets {
    /// What can go wrong reading the vendored files.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// A file is missing from the built resources (a broken installation).
        case missing(String)

        public var description: String {
            switch self {
            case let .missing(file): "Leaflet's \(file) is missing from quhua's resources (reinstall quhua)"
            }
        }
    }

    /// The folder holding `leaflet.esm.js`, `leaflet.css`, `images/`, `LICENSE` and `SOURCES.md`.
    public static var folder: URL? { Bundle.module.url(forResource: "leaflet", withExtension: nil) }

    /// Leaflet's style sheet.
    public static func css() throws -> String { try read("leaflet.css") }

    /// Leaflet's licence text.
    public static func licence() throws -> String { try read("LICENSE") }

    /// Leaflet as a classic script for inlining in a page: the ES module's code in a function
    /// scope, its exports gathered in a frozen object assigned to `window.QuhuaLeaflet`
    /// (`QuhuaLeaflet.map(...)`, `QuhuaLeaflet.CRS.Simple` …). Nothing else becomes global.
    ///
    /// - Throws: ``Failure/missing(_:)``.
    public static func inlineScript() throws -> String {
        let module = try read("leaflet.esm.js")
        guard let exportStart = module.range(of: "\nexport {", options: .backwards),
              let exportEnd = module.range(of: "};", range: exportStart.upperBound..<module.endIndex) else {
            throw Failure.missing("export list of leaflet.esm.js")
        }
        let names = module[exportStart.upperBound..<exportEnd.lowerBound].split(separator: ",").map { item -> String in
            let parts = item.split(separator: " ", omittingEmptySubsequences: true)
            // `local as exported` becomes `exported: local`; a plain name stays as it is.
            return parts.count == 3 && parts[1] == "as" ? "\(parts[2]): \(parts[0])" : parts.joined()
        }
        let body = module[..<exportStart.lowerBound]
        return "(function () {\n\"use strict\";\n\(body)\nwindow.QuhuaLeaflet = Object.freeze({ \(names.joined(separator: ", ")) });\n})();\n"
    }

    private static func read(_ name: String) throws -> String {
        guard let url = folder?.appendingPathComponent(name), let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Failure.missing(name)
        }
        return text
    }
}
