import GRDB

/// The versioned schema of the gazetteer database.
///
/// Each migration is applied once, in order, inside a transaction; the applied list is kept
/// by GRDB in `grdb_migrations`. Never edit a shipped migration: add a new one.
///
/// The design rule is that time is data. Facts (codes, names, parents, geometries) carry
/// `valid_from` (inclusive) and `valid_to` (exclusive) as `YYYY-MM-DD` text, `NULL` meaning
/// open or unknown. Triggers refuse deletes on history tables and allow an update only to
/// close an open period, so history cannot be lost even through raw SQL.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-history", migrate: history)
        migrator.registerMigration("v2-search", migrate: search)
        migrator.registerMigration("v3-geometry", migrate: geometry)
        migrator.registerMigration("v4-workflow", migrate: workflow)
        migrator.registerMigration("v5-search-as-of", migrate: searchAsOf)
        migrator.registerMigration("v6-access", migrate: access)
        migrator.registerMigration("v7-patroller-role", migrate: patrollerRole)
        migrator.registerMigration("v8-naming-checks", migrate: namingChecks)
        migrator.registerMigration("v9-geometry-level", migrate: geometryLevel)
        migrator.registerMigration("v10-place-records", migrate: PlaceRecordSchema.migrate)
        return migrator
    }

    /// The tables that hold history: never deleted from.
    static let historyTables = [
        "source", "place", "place_code", "name", "hierarchy", "listing_order", "document",
        "change_event", "change_participant", "event_document", "audit_log",
    ]

    private static func history(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE source (
              id INTEGER PRIMARY KEY,
              key TEXT NOT NULL UNIQUE,          -- e.g. 'areacodes', 'areacity', 'geonames', 'csv:<file>'
              title TEXT NOT NULL,
              licence TEXT NOT NULL,
              citation TEXT NOT NULL,            -- repository, path, commit or URL
              content_hash TEXT,                 -- of the imported files, for idempotent re-imports
              imported_at TEXT NOT NULL,
              note TEXT
            );
            CREATE TABLE place (
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL CHECK (kind IN ('country','division','township','village','feature')),
              level TEXT NOT NULL CHECK (level IN ('country','province','prefecture','county','township','village','feature')),
              category TEXT,                     -- GB/T 18521 class code
              status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current','ceased')),
              valid_from TEXT,
              valid_to TEXT,
              source_id INTEGER REFERENCES source(id),
              note TEXT
            );
            CREATE TABLE place_code (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              scheme TEXT NOT NULL CHECK (scheme IN ('GB2260','STATS12','GEONAMES','OTHER')),
              code TEXT NOT NULL,
              valid_from TEXT,
              valid_to TEXT,
              source_id INTEGER REFERENCES source(id),
              CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to)
            );
            CREATE INDEX place_code_code ON place_code(code);
            CREATE INDEX place_code_place ON place_code(place_id);
            CREATE TABLE name (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              text TEXT NOT NULL,
              type TEXT NOT NULL CHECK (type IN ('standard','short','alias','former','romanized','variant')),
              language TEXT NOT NULL DEFAULT 'zh',      -- BCP 47 language
              script TEXT NOT NULL DEFAULT 'Hans',      -- ISO 15924 script
              specific TEXT,                            -- the name without its generic part (渝中 of 渝中区)
              generic TEXT,                             -- the generic part (区)
              romanization TEXT,                        -- display pinyin when known
              valid_from TEXT,
              valid_to TEXT,
              source_id INTEGER REFERENCES source(id),
              note TEXT,
              CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to)
            );
            CREATE INDEX name_place ON name(place_id);
            CREATE INDEX name_text ON name(text);
            CREATE TABLE hierarchy (
              id INTEGER PRIMARY KEY,
              child_id INTEGER NOT NULL REFERENCES place(id),
              parent_id INTEGER NOT NULL REFERENCES place(id),
              valid_from TEXT,
              valid_to TEXT,
              source_id INTEGER REFERENCES source(id),
              CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to)
            );
            CREATE INDEX hierarchy_child ON hierarchy(child_id);
            CREATE INDEX hierarchy_parent ON hierarchy(parent_id);
            -- Where an official yearly table lists a division out of code order, the key that
            -- puts it back where the table had it.
            CREATE TABLE listing_order (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              sort_key TEXT NOT NULL,
              valid_from TEXT,
              valid_to TEXT
            );
            CREATE INDEX listing_order_place ON listing_order(place_id);
            CREATE TABLE document (
              id INTEGER PRIMARY KEY,
              title TEXT,
              number TEXT,                       -- 文号, e.g. 国函〔1997〕34号
              date TEXT,                         -- the document's own date
              citation TEXT,                     -- 来源
              body TEXT NOT NULL,                -- the gazette text
              source_id INTEGER REFERENCES source(id)
            );
            CREATE TABLE change_event (
              id INTEGER PRIMARY KEY,
              type TEXT NOT NULL CHECK (type IN ('established','abolished','renamed','recoded','merged','split','reorganized','transferred','reparented')),
              effective_date TEXT NOT NULL,
              date_precision TEXT NOT NULL CHECK (date_precision IN ('day','year')),
              detail TEXT,                       -- e.g. 万县区 → 万州区
              source_id INTEGER REFERENCES source(id),
              recorded_at TEXT NOT NULL
            );
            CREATE INDEX change_event_date ON change_event(effective_date);
            CREATE TABLE change_participant (
              event_id INTEGER NOT NULL REFERENCES change_event(id),
              place_id INTEGER NOT NULL REFERENCES place(id),
              role TEXT NOT NULL CHECK (role IN ('subject','predecessor','successor','donor','receiver')),
              code TEXT,                         -- the place's code on its side of the event
              name TEXT,                         -- the place's name on its side of the event
              PRIMARY KEY (event_id, place_id, role)
            );
            CREATE INDEX change_participant_place ON change_participant(place_id);
            CREATE TABLE event_document (
              event_id INTEGER NOT NULL REFERENCES change_event(id),
              document_id INTEGER NOT NULL REFERENCES document(id),
              position INTEGER NOT NULL,          -- 0 = the approving document
              PRIMARY KEY (event_id, document_id)
            );
            CREATE TABLE audit_log (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL,                  -- UTC, ISO 8601
              actor TEXT NOT NULL,
              action TEXT NOT NULL,              -- e.g. 'import.areacodes', 'name.end', 'naming.approve'
              target TEXT,                       -- what was written, e.g. 'place 1234'
              before TEXT,                       -- JSON or NULL
              after TEXT                         -- JSON or NULL
            );
            """)
        for table in historyTables {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_keep_history BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'history is never deleted from \(table): end the fact instead'); END;
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """)
        // Facts may only have an open end closed; nothing else about them changes.
        for (table, fixed) in [
            ("place_code", ["place_id", "scheme", "code", "valid_from"]),
            ("name", ["place_id", "text", "type", "language", "script", "valid_from"]),
            ("hierarchy", ["child_id", "parent_id", "valid_from"]),
        ] {
            let changed = fixed.map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_overwrite BEFORE UPDATE ON \(table)
                WHEN \(changed) OR (OLD.valid_to IS NOT NULL AND OLD.valid_to IS NOT NEW.valid_to)
                BEGIN SELECT RAISE(ABORT, 'facts in \(table) are never overwritten: only an open period can be closed'); END;
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER change_event_no_overwrite BEFORE UPDATE ON change_event
            BEGIN SELECT RAISE(ABORT, 'change events are never overwritten'); END;
            """)
    }

    private static func search(_ db: Database) throws {
        try db.execute(sql: """
            -- One row per indexed name. Ids are assigned in static rank order (current names,
            -- higher levels and standard names first), so index scans in id order yield the
            -- best candidates first and LIMIT keeps the best.
            CREATE TABLE search_doc (
              id INTEGER PRIMARY KEY,
              name_id INTEGER NOT NULL,
              place_id INTEGER NOT NULL,
              text TEXT NOT NULL,               -- folded (simplified, NFKC) name
              specific TEXT,                    -- folded name without generic part
              name_type TEXT NOT NULL,
              level_rank INTEGER NOT NULL,
              is_current INTEGER NOT NULL,      -- the name and its place are valid today
              code TEXT,                        -- the place's code during the name's period
              valid_from TEXT,
              valid_to TEXT,
              place_name TEXT NOT NULL,         -- the place's standard name now (or last)
              place_code TEXT,                  -- the place's code now (or last)
              place_status TEXT NOT NULL,
              level TEXT NOT NULL
            );
            CREATE INDEX search_doc_text ON search_doc(text);
            CREATE INDEX search_doc_specific ON search_doc(specific);
            CREATE INDEX search_doc_place ON search_doc(place_id);
            CREATE VIRTUAL TABLE search_trigram USING fts5(text, content='', tokenize='trigram');
            -- Every one- and two-character substring, and the same marked '^' at the start.
            CREATE TABLE search_gram (gram TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (gram, doc)) WITHOUT ROWID;
            -- Latin keys: pinyin readings (kind 1), initials (kind 2), romanised names (kind 3).
            CREATE TABLE search_latin (key TEXT NOT NULL, doc INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
            CREATE INDEX search_latin_doc ON search_latin(doc);
            -- Deletion neighbourhood of Latin keys (symmetric-delete spelling correction).
            CREATE TABLE search_fuzzy (variant TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (variant, key)) WITHOUT ROWID;
            CREATE TABLE search_state (id INTEGER PRIMARY KEY CHECK (id = 1), built_at TEXT, names INTEGER, keys_from TEXT);
            -- Pinyin readings per distinct name text, kept across rebuilds (cleared when the key provider changes).
            CREATE TABLE search_reading (text TEXT PRIMARY KEY, full TEXT NOT NULL, initials TEXT NOT NULL, provider TEXT NOT NULL) WITHOUT ROWID;
            """)
    }

    private static func geometry(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE geometry (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              srid INTEGER NOT NULL DEFAULT 4326,
              wkb BLOB NOT NULL,
              valid_from TEXT,
              valid_to TEXT,
              source_id INTEGER REFERENCES source(id)
            );
            CREATE INDEX geometry_place ON geometry(place_id);
            CREATE VIRTUAL TABLE geometry_rtree USING rtree(id, min_x, max_x, min_y, max_y);
            CREATE TRIGGER geometry_keep_history BEFORE DELETE ON geometry
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from geometry: end the fact instead'); END;
            """)
    }

    /// Bearer tokens for writers: only a digest of each token is kept.
    private static func access(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE access_token (
              id INTEGER PRIMARY KEY,
              digest TEXT NOT NULL UNIQUE,       -- 'sha256:' + hex of the token; the token itself is never stored
              role TEXT NOT NULL CHECK (role IN ('viewer','editor','admin')),
              actor TEXT NOT NULL,               -- written to the audit log for every write with the token
              issued_at TEXT NOT NULL,
              issued_by TEXT NOT NULL,
              revoked_at TEXT
            );
            CREATE TRIGGER access_token_keep BEFORE DELETE ON access_token
            BEGIN SELECT RAISE(ABORT, 'tokens are revoked, never deleted'); END;
            """)
    }

    /// Adds the `patroller` role (patrols of the upkeep register only). SQLite cannot change a
    /// CHECK constraint in place, so the table is rebuilt with its rows, ids and trigger.
    private static func patrollerRole(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE access_token_v7 (
              id INTEGER PRIMARY KEY,
              digest TEXT NOT NULL UNIQUE,
              role TEXT NOT NULL CHECK (role IN ('viewer','patroller','editor','admin')),
              actor TEXT NOT NULL,
              issued_at TEXT NOT NULL,
              issued_by TEXT NOT NULL,
              revoked_at TEXT
            );
            INSERT INTO access_token_v7 (id, digest, role, actor, issued_at, issued_by, revoked_at)
              SELECT id, digest, role, actor, issued_at, issued_by, revoked_at FROM access_token;
            DROP TRIGGER access_token_keep;
            DROP TABLE access_token;
            ALTER TABLE access_token_v7 RENAME TO access_token;
            CREATE TRIGGER access_token_keep BEFORE DELETE ON access_token
            BEGIN SELECT RAISE(ABORT, 'tokens are revoked, never deleted'); END;
            """)
    }

    private static func workflow(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE naming_case (
              id INTEGER PRIMARY KEY,
              state TEXT NOT NULL CHECK (state IN ('applied','under_review','approved','rejected','announced','filed')),
              action TEXT NOT NULL CHECK (action IN ('name','rename')),
              place_id INTEGER REFERENCES place(id),          -- the place renamed, or created on announcement
              parent_id INTEGER REFERENCES place(id),         -- for a new place: where it belongs
              proposed_name TEXT NOT NULL,
              romanization TEXT,
              meaning TEXT,
              origin TEXT,
              applicant TEXT NOT NULL,
              authority TEXT,
              applied_on TEXT NOT NULL,
              decided_on TEXT,
              decision_document TEXT,
              announced_on TEXT,
              announcement_ref TEXT,
              filed_on TEXT,
              filing_ref TEXT,
              event_id INTEGER REFERENCES change_event(id),
              level TEXT,
              kind TEXT,
              code TEXT,
              note TEXT
            );
            CREATE TABLE naming_step (
              id INTEGER PRIMARY KEY,
              case_id INTEGER NOT NULL REFERENCES naming_case(id),
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              from_state TEXT,
              to_state TEXT NOT NULL,
              note TEXT
            );
            CREATE TABLE name_listing (
              id INTEGER PRIMARY KEY,
              list TEXT NOT NULL CHECK (list IN ('protected','vanished')),
              name TEXT NOT NULL,
              place_id INTEGER REFERENCES place(id),
              category TEXT,                    -- protected: e.g. 千年古县, 历史地名; vanished: kind of place
              reasons TEXT,                     -- protected: why it is protected
              listed_on TEXT NOT NULL,
              former_location TEXT,             -- vanished: where it was
              cause TEXT,                       -- vanished: e.g. reservoir flooding
              vanished_on TEXT,
              source TEXT,
              valid_to TEXT,                    -- set when a listing is withdrawn; never deleted
              note TEXT
            );
            CREATE TRIGGER naming_step_keep_history BEFORE DELETE ON naming_step
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from naming_step'); END;
            CREATE TRIGGER naming_case_keep_history BEFORE DELETE ON naming_case
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from naming_case'); END;
            CREATE TRIGGER name_listing_keep_history BEFORE DELETE ON name_listing
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from name_listing: withdraw the listing instead'); END;
            """)
    }

    /// Search as of a day (`SearchQuery.at`).
    ///
    /// - `search_doc.period_inherited`: 1 when the document's period is not the name's own
    ///   (the name has no dates) but that of the standard name it shortens or of its place;
    /// - `search_doc.as_of_rank`: the order for a day in the past, where being valid today says
    ///   nothing: name type (the day's standard names first), then level; then the static rank (id);
    /// - indexes on (text, as_of_rank) and (specific, as_of_rank) so exact and
    ///   without-suffix lookups on a day read their rows already in that order;
    /// - a short name is the name without its generic part, so its document's `specific` is its
    ///   own text: it matches as a name without suffix (长安 → 长安区), not as an exact name;
    /// - the periods of undated names are derived (``SearchIndexer/derivePeriods(_:where:)``).
    private static func searchAsOf(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE search_doc ADD COLUMN period_inherited INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE search_doc ADD COLUMN as_of_rank INTEGER NOT NULL DEFAULT 0;
            UPDATE search_doc SET as_of_rank = level_rank + 10 * CASE name_type
              WHEN 'standard' THEN 0 WHEN 'short' THEN 1 WHEN 'alias' THEN 2 WHEN 'romanized' THEN 3
              WHEN 'variant' THEN 4 WHEN 'former' THEN 5 ELSE 9 END;
            UPDATE search_doc SET specific = text WHERE name_type = 'short';
            CREATE INDEX search_doc_text_as_of ON search_doc(text, as_of_rank);
            CREATE INDEX search_doc_specific_as_of ON search_doc(specific, as_of_rank);
            """)
        try SearchIndexer.derivePeriods(db, where: SearchIndexer.undatedNames)
    }

    /// The checks of proposed names run when an application is filed (``NameCheck``): one
    /// `naming_check` row per run, one `naming_finding` row per finding with its conflicting
    /// names as JSON. Kept like the cases themselves: never deleted.
    private static func namingChecks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE naming_check (
              id INTEGER PRIMARY KEY,
              case_id INTEGER NOT NULL REFERENCES naming_case(id),
              checked_at TEXT NOT NULL,          -- UTC, ISO 8601
              day TEXT NOT NULL,                 -- the day whose names were compared
              profile TEXT NOT NULL,             -- the naming profile's name
              category TEXT,                     -- NameCategory raw value, NULL when none was given or inferred
              within_code TEXT,                  -- the unit compared within
              within_name TEXT,
              compared INTEGER NOT NULL,         -- how many names within the unit were compared
              pinyin TEXT                        -- toneless pinyin of the specific part
            );
            CREATE INDEX naming_check_case ON naming_check(case_id);
            CREATE TABLE naming_finding (
              id INTEGER PRIMARY KEY,
              check_id INTEGER NOT NULL REFERENCES naming_check(id),
              case_id INTEGER NOT NULL REFERENCES naming_case(id),
              rule TEXT NOT NULL,                -- e.g. name.duplicate
              severity TEXT NOT NULL CHECK (severity IN ('error','warning')),
              message TEXT NOT NULL,
              matched TEXT,
              conflicts TEXT NOT NULL            -- JSON array of {name, code, pinyin}
            );
            CREATE INDEX naming_finding_case ON naming_finding(case_id);
            CREATE TRIGGER naming_check_keep_history BEFORE DELETE ON naming_check
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from naming_check'); END;
            CREATE TRIGGER naming_finding_keep_history BEFORE DELETE ON naming_finding
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from naming_finding'); END;
            """)
    }

    /// Each polygon says which level of the division tree it fills (`PolygonLevel`): a province
    /// layer, a prefecture layer (where 重庆市 stands in for the prefecture level), a county or a
    /// township layer. Polygons already stored get the level most places of their source have,
    /// where they fill it, else their place's own level.
    private static func geometryLevel(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE geometry ADD COLUMN level TEXT
              CHECK (level IS NULL OR level IN ('country','province','prefecture','county','township','village','feature'));
            CREATE INDEX geometry_level ON geometry(level, place_id);
            """)
        let rows = try Row.fetchAll(db, sql: """
            SELECT g.id, g.source_id, g.place_id, p.level FROM geometry g JOIN place p ON p.id = g.place_id ORDER BY g.id
            """)
        var bySource: [Int64?: [(id: Int64, placeID: Int64, level: PlaceLevel)]] = [:]
        for row in rows {
            guard let level = PlaceLevel(rawValue: row[3]) else { continue }
            bySource[row[1] as Int64?, default: []].append((row[0], row[2], level))
        }
        for items in bySource.values {
            let common = GeometryImporter.mostCommon(items.map(\.level).filter { PolygonLevel.levels.contains($0) })
            for item in items {
                var level = item.level
                if let common, try PolygonLevel.fits(db, placeID: item.placeID, placeLevel: item.level, level: common) { level = common }
                try db.execute(sql: "UPDATE geometry SET level = ? WHERE id = ?", arguments: [level.rawValue, item.id])
            }
        }
    }
}
