import GRDB

/// Migration `v10-place-records`: the place-name record kept by the national place-name census
/// (含义、来历、沿革), its locations, its cited sources and its attachments.
///
/// - `place_record`: the descriptive text of a place — meaning (含义), origin (来历), history
///   (沿革), note — in versions. Each edit inserts a new version; the version it replaces gets
///   `replaced_at` (and nothing else may change), so every earlier text stays in the table, and
///   a partial unique index allows one open version per place.
/// - `place_location`: where a place is, as WKB of any type (point, line, polygon and their
///   multi forms) with its OGC geometry type, SRID, longitude/latitude envelope and period, and
///   its own R*Tree `place_location_rtree`. It is a table of its own, not rows of `geometry`:
///   reverse lookup (``ReverseGeocoder``) reads `geometry` and `geometry_rtree`, which hold the
///   division polygons only, so points and lines of named features never become candidates there.
/// - `place_citation`: the sources a record cites, with the document and page; `source_id`
///   links a data set of `source` when the citation is one.
/// - `attachment`: photos and other files, stored inside the database by the SHA-256 of their
///   bytes (bytes, media type, size), so the place-name base stays one file; `place_attachment`
///   links a place to an attachment with caption and file name. A stored attachment can be
///   neither changed nor deleted, nor inserted again under its hash; size must equal the
///   byte count.
///
/// Like the rest of the history tables none of these can be deleted from; locations may only
/// have an open period closed.
enum PlaceRecordSchema {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE place_record (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              meaning TEXT,                      -- 含义
              origin TEXT,                       -- 来历
              history TEXT,                      -- 沿革
              note TEXT,
              changed_at TEXT NOT NULL,          -- UTC, ISO 8601: when this version was written
              changed_by TEXT NOT NULL,          -- who wrote it
              source_id INTEGER REFERENCES source(id),
              replaced_at TEXT                   -- set when a newer version replaces this one
            );
            CREATE INDEX place_record_place ON place_record(place_id);
            CREATE UNIQUE INDEX place_record_open ON place_record(place_id) WHERE replaced_at IS NULL;
            CREATE TRIGGER place_record_keep_history BEFORE DELETE ON place_record
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from place_record: write a new version instead'); END;
            CREATE TRIGGER place_record_no_overwrite BEFORE UPDATE ON place_record
            WHEN OLD.replaced_at IS NOT NULL OR OLD.place_id IS NOT NEW.place_id OR OLD.meaning IS NOT NEW.meaning
              OR OLD.origin IS NOT NEW.origin OR OLD.history IS NOT NEW.history OR OLD.note IS NOT NEW.note
              OR OLD.changed_at IS NOT NEW.changed_at OR OLD.changed_by IS NOT NEW.changed_by OR OLD.source_id IS NOT NEW.source_id
            BEGIN SELECT RAISE(ABORT, 'place records are never overwritten: write a new version instead'); END;

            CREATE TABLE place_location (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              geometry_type TEXT NOT NULL CHECK (geometry_type IN
                ('Point','LineString','Polygon','MultiPoint','MultiLineString','MultiPolygon','GeometryCollection')),
              srid INTEGER NOT NULL DEFAULT 4326,
              wkb BLOB NOT NULL,
              min_x REAL NOT NULL, min_y REAL NOT NULL, max_x REAL NOT NULL, max_y REAL NOT NULL,
              valid_from TEXT,
              valid_to TEXT,
              source_id INTEGER REFERENCES source(id),
              CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_from < valid_to)
            );
            CREATE INDEX place_location_place ON place_location(place_id);
            CREATE VIRTUAL TABLE place_location_rtree USING rtree(id, min_x, max_x, min_y, max_y);
            CREATE TRIGGER place_location_keep_history BEFORE DELETE ON place_location
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from place_location: end the fact instead'); END;
            CREATE TRIGGER place_location_no_overwrite BEFORE UPDATE ON place_location
            WHEN OLD.place_id IS NOT NEW.place_id OR OLD.wkb IS NOT NEW.wkb OR OLD.geometry_type IS NOT NEW.geometry_type
              OR OLD.srid IS NOT NEW.srid OR OLD.valid_from IS NOT NEW.valid_from
              OR (OLD.valid_to IS NOT NULL AND OLD.valid_to IS NOT NEW.valid_to)
            BEGIN SELECT RAISE(ABORT, 'facts in place_location are never overwritten: only an open period can be closed'); END;

            CREATE TABLE place_citation (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              source_id INTEGER REFERENCES source(id),
              document TEXT,                     -- the document or book cited
              page TEXT,                         -- page, section or entry number
              note TEXT,
              added_at TEXT NOT NULL,
              added_by TEXT NOT NULL
            );
            CREATE UNIQUE INDEX place_citation_unique
              ON place_citation(place_id, ifnull(source_id, 0), ifnull(document, ''), ifnull(page, ''));
            CREATE TRIGGER place_citation_keep_history BEFORE DELETE ON place_citation
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from place_citation'); END;
            CREATE TRIGGER place_citation_no_overwrite BEFORE UPDATE ON place_citation
            BEGIN SELECT RAISE(ABORT, 'citations are never overwritten'); END;

            CREATE TABLE attachment (
              sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
              bytes BLOB NOT NULL,
              size INTEGER NOT NULL,
              media_type TEXT NOT NULL,
              stored_at TEXT NOT NULL,
              CHECK (size = length(bytes))
            ) WITHOUT ROWID;
            CREATE TRIGGER attachment_no_second BEFORE INSERT ON attachment
            WHEN EXISTS (SELECT 1 FROM attachment WHERE sha256 = NEW.sha256)
            BEGIN SELECT RAISE(ABORT, 'an attachment with this SHA-256 is stored already: attachments are never overwritten'); END;
            CREATE TRIGGER attachment_no_overwrite BEFORE UPDATE ON attachment
            BEGIN SELECT RAISE(ABORT, 'attachments are never overwritten'); END;
            CREATE TRIGGER attachment_keep BEFORE DELETE ON attachment
            BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;

            CREATE TABLE place_attachment (
              id INTEGER PRIMARY KEY,
              place_id INTEGER NOT NULL REFERENCES place(id),
              sha256 TEXT NOT NULL REFERENCES attachment(sha256),
              caption TEXT,
              file_name TEXT,
              added_at TEXT NOT NULL,
              added_by TEXT NOT NULL,
              UNIQUE (place_id, sha256)
            );
            CREATE TRIGGER place_attachment_keep BEFORE DELETE ON place_attachment
            BEGIN SELECT RAISE(ABORT, 'history is never deleted from place_attachment'); END;
            CREATE TRIGGER place_attachment_no_overwrite BEFORE UPDATE ON place_attachment
            BEGIN SELECT RAISE(ABORT, 'attachment links are never overwritten'); END;
            """)
    }
}
