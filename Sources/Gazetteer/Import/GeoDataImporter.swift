import Foundation

/// Builds a gazetteer from the data shipped in `GeoData/`: the areacodes history, then
/// what is attached to it.
///
/// This is what the command line runs on first use, so that `quhua search 万州` answers on
/// a fresh machine. Each step is its own transaction and idempotent: running it again
/// changes nothing, and an interrupted build resumes where it stopped. The steps defer the
/// search index (``SearchIndexing/deferred``); it is built once, after the last step.
///
/// ```swift
/// let reports = try GeoDataImporter(geoData: URL(fileURLWithPath: "GeoData")).run(into: store, actor: "setup")
/// ```
public struct GeoDataImporter: Sendable {
    /// The `GeoData` folder.
    public let geoData: URL

    public init(geoData: URL) {
        self.geoData = geoData
    }

    /// The steps, in order: areacodes history, township names, GeoNames alternate names, prefecture polygons.
    public var steps: [String] { ["areacodes", "areacity", "cn-atlas", "geonames"] }

    /// Runs every step whose data is present.
    ///
    /// - Parameters:
    ///   - store: The gazetteer.
    ///   - actor: Who builds, for the audit log.
    ///   - progress: Progress for a terminal.
    /// - Throws: The first step's error; steps before it stay imported, and the search index
    ///   stays marked stale until a later run completes.
    public func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler? = nil) throws -> [ImportReport] {
        let areacodes = geoData.appendingPathComponent("areacodes")
        guard FileManager.default.fileExists(atPath: areacodes.appendingPathComponent("result.csv").path) else {
            throw GazetteerError.invalidInput(source: areacodes.path, line: nil, message: "no areacodes data here (expected result.csv, data/, diff/)")
        }
        // The steps whose data is present, in order (each needs the divisions of the first); the
        // names are indexed once at the end.
        var steps: [any GazetteerImporter] = [AreaCodesImporter(directory: areacodes)]
        let townships = geoData.appendingPathComponent("areacity").appendingPathComponent("ok_data_level4.csv")
        if FileManager.default.fileExists(atPath: townships.path) { steps.append(TownshipImporter(file: townships)) }
        let prefectures = geoData.appendingPathComponent("cn-atlas").appendingPathComponent("derived_prefectures.geojson")
        if FileManager.default.fileExists(atPath: prefectures.path) { steps.append(GeometryImporter(file: prefectures)) }
        let geonames = geoData.appendingPathComponent("geonames-cn").appendingPathComponent("geonames_cities15000_CN.tsv")
        if FileManager.default.fileExists(atPath: geonames.path) { steps.append(GeoNamesImporter(file: geonames)) }
        var reports: [ImportReport] = []
        for step in steps {
            reports.append(try step.run(into: store, actor: actor, progress: progress, indexing: .deferred))
        }
        if try store.searchIndexIsStale {
            let started = Date()
            progress?(ImportProgress(stage: "indexing names", done: 0, total: nil))
            try store.rebuildSearchIndexIfStale()
            let documents = try store.searchIndexSize
            reports.append(ImportReport(source: "search index", changed: true, counts: [.init(kind: "names indexed", value: documents)],
                                        seconds: Date().timeIntervalSince(started), note: nil))
        }
        return reports
    }
}
