import GRDB

/// The versioned schema of the register database.
///
/// Dates are `YYYY-MM-DD` text; a version is valid from `valid_from` (inclusive) to `valid_to`
/// (exclusive), `NULL` meaning still valid. Triggers refuse every delete, and allow an update of
/// a version only to close it, so history cannot be lost even through raw SQL.
/// Never edit a shipped migration: add a new one.
enum RegisterSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-register", migrate: v1)
        return migrator
    }

    /// Every table, in creation order.
    static let tables = [
        "inspection", "line", "line_version", "inspection_line", "marker", "marker_version",
        "unit", "person", "responsibility",
        "patrol", "observation", "photo",
        "work_order", "work_order_step",
        "dispute", "dispute_step", "line_event", "audit_log",
    ]

    private static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE inspection (
              id INTEGER PRIMARY KEY,
              date TEXT NOT NULL UNIQUE,
              source TEXT NOT NULL,
              content_hash TEXT NOT NULL,
              agreement TEXT NOT NULL,
              agreement_date TEXT,
              parties TEXT NOT NULL,            -- JSON array of party names
              tolerance REAL NOT NULL,          -- metres, for markers
              crs TEXT NOT NULL,
              recorded_at TEXT NOT NULL
            );
            CREATE TABLE line (
              id TEXT PRIMARY KEY,
              first_inspection_id INTEGER NOT NULL REFERENCES inspection(id)
            );
            CREATE TABLE line_version (
              id INTEGER PRIMARY KEY,
              line_id TEXT NOT NULL REFERENCES line(id),
              inspection_id INTEGER NOT NULL REFERENCES inspection(id),
              valid_from TEXT NOT NULL,
              valid_to TEXT,
              status TEXT NOT NULL CHECK (status IN ('active','removed')),
              reason TEXT NOT NULL CHECK (reason IN ('inspection','ended','replaced')),
              level TEXT NOT NULL CHECK (level IN ('province','county','township')),
              left_code TEXT,
              right_code TEXT,
              agreement TEXT NOT NULL,
              wkt TEXT NOT NULL,
              crs TEXT NOT NULL
            );
            CREATE INDEX line_version_line ON line_version(line_id, valid_from);
            CREATE TABLE inspection_line (
              inspection_id INTEGER NOT NULL REFERENCES inspection(id),
              line_id TEXT NOT NULL REFERENCES line(id),
              PRIMARY KEY (inspection_id, line_id)
            );
            CREATE TABLE marker (
              label TEXT PRIMARY KEY,           -- number with its type letter: 0004-001, J001A
              number TEXT NOT NULL,
              type TEXT NOT NULL,
              installed TEXT NOT NULL,
              first_inspection_id INTEGER NOT NULL REFERENCES inspection(id)
            );
            CREATE TABLE marker_version (
              id INTEGER PRIMARY KEY,
              marker TEXT NOT NULL REFERENCES marker(label),
              valid_from TEXT NOT NULL,
              valid_to TEXT,
              status TEXT NOT NULL CHECK (status IN ('active','missing')),
              reason TEXT NOT NULL CHECK (reason IN ('inspection','ended','replaced')),
              inspection_id INTEGER REFERENCES inspection(id),
              work_order_id INTEGER REFERENCES work_order(id),
              line_id TEXT REFERENCES line(id),
              x REAL NOT NULL,
              y REAL NOT NULL,
              h REAL,
              crs TEXT NOT NULL
            );
            CREATE INDEX marker_version_marker ON marker_version(marker, valid_from);

            CREATE TABLE unit (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE,
              level TEXT NOT NULL CHECK (level IN ('city','county','township','village','point')),
              division_code TEXT,
              parent_id INTEGER REFERENCES unit(id),
              recorded_at TEXT NOT NULL
            );
            CREATE TABLE person (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              unit_id INTEGER NOT NULL REFERENCES unit(id),
              phone TEXT,
              recorded_at TEXT NOT NULL
            );
            CREATE TABLE responsibility (
              id INTEGER PRIMARY KEY,
              unit_id INTEGER REFERENCES unit(id),
              person_id INTEGER REFERENCES person(id),
              line_id TEXT REFERENCES line(id),
              from_marker TEXT REFERENCES marker(label),
              to_marker TEXT REFERENCES marker(label),
              marker TEXT REFERENCES marker(label),
              valid_from TEXT NOT NULL,
              valid_to TEXT,
              note TEXT,
              CHECK ((unit_id IS NULL) <> (person_id IS NULL)),
              CHECK ((line_id IS NULL) <> (marker IS NULL))
            );

            CREATE TABLE patrol (
              id INTEGER PRIMARY KEY,
              date TEXT NOT NULL,
              patroller TEXT NOT NULL,
              x REAL,
              y REAL,
              note TEXT,
              client_id TEXT UNIQUE,
              content_hash TEXT NOT NULL,
              recorded_at TEXT NOT NULL
            );
            CREATE TABLE observation (
              id INTEGER PRIMARY KEY,
              patrol_id INTEGER NOT NULL REFERENCES patrol(id),
              marker TEXT NOT NULL REFERENCES marker(label),
              condition TEXT NOT NULL CHECK (condition IN ('intact','damaged','tilted','buried','moved','missing')),
              note TEXT,
              measured_x REAL,
              measured_y REAL,
              displacement REAL,                -- metres from the registered position
              tolerance REAL,
              beyond_tolerance INTEGER
            );
            CREATE INDEX observation_marker ON observation(marker);
            CREATE TABLE photo (
              id INTEGER PRIMARY KEY,
              patrol_id INTEGER NOT NULL REFERENCES patrol(id),
              sha256 TEXT NOT NULL,
              media_type TEXT NOT NULL,
              original_name TEXT NOT NULL,
              bytes INTEGER NOT NULL
            );

            CREATE TABLE work_order (
              id INTEGER PRIMARY KEY,
              patrol_id INTEGER NOT NULL REFERENCES patrol(id),
              marker TEXT NOT NULL REFERENCES marker(label),
              state TEXT NOT NULL CHECK (state IN ('open','assigned','done','verified','cancelled')),
              assignee TEXT
            );
            CREATE TABLE work_order_step (
              id INTEGER PRIMARY KEY,
              order_id INTEGER NOT NULL REFERENCES work_order(id),
              state TEXT NOT NULL CHECK (state IN ('open','assigned','done','verified','cancelled')),
              date TEXT NOT NULL,
              actor TEXT NOT NULL,
              note TEXT,
              assignee TEXT,
              replaced_x REAL,
              replaced_y REAL,
              replaced_h REAL,
              recorded_at TEXT NOT NULL
            );

            CREATE TABLE dispute (
              id INTEGER PRIMARY KEY,
              line_id TEXT NOT NULL REFERENCES line(id),
              from_marker TEXT REFERENCES marker(label),
              to_marker TEXT REFERENCES marker(label),
              wkt TEXT NOT NULL,
              crs TEXT NOT NULL,
              parties TEXT NOT NULL,            -- JSON array
              opened TEXT NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('open','mediating','settled','closed')),
              title TEXT
            );
            CREATE TABLE dispute_step (
              id INTEGER PRIMARY KEY,
              dispute_id INTEGER NOT NULL REFERENCES dispute(id),
              date TEXT NOT NULL,
              status TEXT NOT NULL CHECK (status IN ('open','mediating','settled','closed')),
              note TEXT,
              documents TEXT NOT NULL,          -- JSON array of document references
              actor TEXT NOT NULL,
              recorded_at TEXT NOT NULL
            );
            CREATE TABLE line_event (
              id INTEGER PRIMARY KEY,
              line_id TEXT NOT NULL REFERENCES line(id),
              date TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('flood','earthquake','construction','other')),
              note TEXT,
              recorded_at TEXT NOT NULL
            );
            CREATE TABLE audit_log (
              id INTEGER PRIMARY KEY,
              at TEXT NOT NULL,
              actor TEXT NOT NULL,
              action TEXT NOT NULL,
              entity TEXT NOT NULL,
              details TEXT
            );
            """)
        for table in tables {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'register: rows of \(table) are never deleted'); END;
                """)
        }
        for table in ["line_version", "marker_version", "responsibility"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_closed BEFORE UPDATE ON \(table) WHEN OLD.valid_to IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'register: a closed \(table) is never changed'); END;
                """)
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'register: the audit log is append-only'); END;
            """)
    }
}
