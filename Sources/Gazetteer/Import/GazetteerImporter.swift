/// One way to bring a source into the gazetteer: the areacodes history, township tables,
/// division polygons, GeoNames, name CSVs and place-name records.
///
/// Every importer reads and checks its whole input before it writes, writes in one transaction
/// with its audit entry, and is idempotent: importing the same input again reports
/// `changed == false` and writes nothing. Faces run any of them the same way:
///
/// ```swift
/// let importers: [any GazetteerImporter] = [AreaCodesImporter(directory: areacodes), TownshipImporter(file: townships)]
/// for importer in importers {
///     print(try importer.run(into: store, actor: "li", progress: nil, indexing: .deferred))
/// }
/// try store.rebuildSearchIndexIfStale()
/// ```
public protocol GazetteerImporter: Sendable {
    /// Checks the input and imports it in one transaction.
    ///
    /// - Parameters:
    ///   - store: The gazetteer.
    ///   - actor: Who imports, for the audit log.
    ///   - progress: Called with progress for a terminal progress line.
    ///   - indexing: Whether to index the new names now (``SearchIndexing/immediate``) or leave
    ///     them to one rebuild after several imports (``SearchIndexing/deferred``).
    /// - Returns: What was written; `changed` is `false` when the same input was imported before.
    /// - Throws: ``GazetteerError`` naming the file, the line or feature and the problem; nothing
    ///   is written then.
    func run(into store: GazetteerStore, actor: String, progress: ImportProgressHandler?, indexing: SearchIndexing) throws -> ImportReport
}

extension AreaCodesImporter: GazetteerImporter {}
extension TownshipImporter: GazetteerImporter {}
extension GeometryImporter: GazetteerImporter {}
extension GeoNamesImporter: GazetteerImporter {}
extension NameCSVImporter: GazetteerImporter {}
extension RecordImporter: GazetteerImporter {}
