import GRDB

/// When an import brings the search index up to date.
///
/// A single import indexes its names before it commits (``immediate``), so that search
/// finds them at once. A build of several imports in a row (``GeoDataImporter``) defers the
/// index to one rebuild at the end: every import then only marks the index stale in its own
/// transaction, and ``GazetteerStore/rebuildSearchIndexIfStale()`` builds it once. A build
/// interrupted in between leaves the mark, so the next run knows the index still has to be built.
public enum SearchIndexing: Sendable, Equatable {
    /// Index the imported names in the import's transaction.
    case immediate
    /// Leave the index to a later ``GazetteerStore/rebuildSearchIndexIfStale()``.
    case deferred
}

extension SearchIndexer {
    /// Whether the index is marked stale: names are stored but no complete build is recorded.
    static func isStale(_ db: Database) throws -> Bool {
        let built = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_state WHERE built_at IS NOT NULL") ?? 0
        guard built == 0 else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM name)") ?? false
    }

    /// Marks the index stale (the names changed and a rebuild is owed).
    static func markStale(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM search_state")
    }

    /// ``update(_:keys:added:)`` now, or the stale mark for a deferred build.
    static func update(_ db: Database, keys: (any SearchKeyProvider)?, added nameIDs: [Int64], indexing: SearchIndexing) throws {
        switch indexing {
        case .immediate: try update(db, keys: keys, added: nameIDs)
        case .deferred: try markStale(db)
        }
    }

    /// ``rebuild(_:keys:)`` now, or the stale mark for a deferred build.
    static func rebuild(_ db: Database, keys: (any SearchKeyProvider)?, indexing: SearchIndexing) throws {
        switch indexing {
        case .immediate: try rebuild(db, keys: keys)
        case .deferred: try markStale(db)
        }
    }
}

extension GazetteerStore {
    /// Whether a deferred build left the search index stale (see ``SearchIndexing``).
    public var searchIndexIsStale: Bool {
        get throws { try read { db in try SearchIndexer.isStale(db) } }
    }

    /// How many names the search index holds.
    public var searchIndexSize: Int {
        get throws { try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_doc") ?? 0 } }
    }

    /// Rebuilds the search index when a deferred build left it stale; returns whether it did.
    @discardableResult
    public func rebuildSearchIndexIfStale() throws -> Bool {
        try write { db in
            guard try SearchIndexer.isStale(db) else { return (false, nil) }
            try SearchIndexer.rebuild(db, keys: searchKeys)
            return (true, nil)
        }
    }
}
