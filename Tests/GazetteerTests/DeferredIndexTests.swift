import Foundation
import GRDB
import Testing
@testable import Gazetteer

/// A build that defers the search index (as the first-use GeoData build does) ends with the
/// same index as imports that index as they go, and a build interrupted before its index is
/// known to be stale. Every test builds gazetteers of its own.
@Suite struct DeferredIndexTests {
    /// The search tables, row by row (ids included: the static rank order must match too).
    private func searchTables(_ store: GazetteerStore) throws -> [String: [String]] {
        try store.read { db in
            var result: [String: [String]] = [:]
            for (table, order) in [("search_doc", "id"), ("search_gram", "gram, doc"), ("search_latin", "key, doc"),
                                   ("search_fuzzy", "variant, key"), ("search_reading", "text")] {
                result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)").map { $0.description }
            }
            return result
        }
    }

    private func build(indexing: SearchIndexing, townships: URL) throws -> GazetteerStore {
        let path = Fixture.temporaryDirectory("deferred").appendingPathComponent("gazetteer.sqlite").path
        let store = try GazetteerStore(path: path)
        _ = try AreaCodesImporter(directory: Fixture.areacodes).run(into: store, actor: "tests", indexing: indexing)
        if indexing == .deferred {
            // Interrupted here, a first use would find the index stale and resume.
            #expect(try store.searchIndexIsStale)
        }
        _ = try TownshipImporter(file: townships).run(into: store, actor: "tests", indexing: indexing)
        return store
    }

    @Test func deferredBuildGivesTheSameIndex() throws {
        let townships = try Fixture.townshipSubset()
        let immediate = try build(indexing: .immediate, townships: townships)
        #expect(try !immediate.searchIndexIsStale)
        #expect(try !immediate.rebuildSearchIndexIfStale(), "an index built as the imports went is not stale")

        let deferred = try build(indexing: .deferred, townships: townships)
        #expect(try deferred.searchIndexIsStale)
        #expect(try deferred.searchIndexSize == 0, "nothing indexed before the rebuild")
        #expect(try deferred.rebuildSearchIndexIfStale())
        #expect(try !deferred.searchIndexIsStale)
        #expect(try !deferred.rebuildSearchIndexIfStale(), "a second call has nothing to do")

        let expected = try searchTables(immediate), actual = try searchTables(deferred)
        #expect((expected["search_doc"]?.count ?? 0) > 5_000)
        for table in expected.keys.sorted() {
            #expect(actual[table]?.count == expected[table]?.count, "\(table): row count")
            // Compared outside #expect so that a failure names the table without printing every row.
            let same = actual[table] == expected[table]
            #expect(same, "\(table): rows differ")
        }
        let hits = try NameSearch(store: deferred).search(SearchQuery("wanzhou"))
        #expect(hits.first?.placeCode == "500101")
    }

    @Test func anAppendAfterABuildKeepsTheIndexCurrent() throws {
        let store = try build(indexing: .immediate, townships: try Fixture.townshipSubset())
        let csv = Fixture.temporaryDirectory("deferred-csv").appendingPathComponent("names.csv")
        try "name,code,type\n万县老城,500101,alias\n".write(to: csv, atomically: true, encoding: .utf8)
        _ = try NameCSVImporter(file: csv, mapping: CSVColumnMapping()).run(into: store, actor: "tests")
        #expect(try !store.searchIndexIsStale, "a small import appends documents and keeps the index current")
        #expect(try NameSearch(store: store).search(SearchQuery("万县老城")).first?.placeCode == "500101")
    }
}
