import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    // MARK: - Units and people

    /// Adds a unit of the upkeep network.
    ///
    /// ```swift
    /// let county = try store.addUnit(name: "长安区界线办", level: .county, divisionCode: "610116", actor: "li")
    /// ```
    /// - Parameters:
    ///   - name: The unit's name, unique in the register.
    ///   - level: City, county, township, village or point.
    ///   - divisionCode: The division the unit belongs to.
    ///   - parent: The name or id of the unit above it.
    ///   - actor: Who adds it, for the audit log.
    /// - Throws: ``RegisterError/conflict(_:)`` for a name in use; ``RegisterError/unknownRecord(kind:id:)`` for an unknown parent.
    public func addUnit(name: String, level: UnitLevel, divisionCode: String? = nil, parent: String? = nil,
                        actor: String) throws -> UnitRecord {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw RegisterError.invalidValue(field: "name", value: name, expected: "a unit name") }
        return try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE name = ?", arguments: [trimmed]) != nil {
                throw RegisterError.conflict("a unit named “\(trimmed)” already exists")
            }
            let parentID = try parent.map { try Self.unitID($0, db) }
            try db.execute(sql: "INSERT INTO unit (name, level, division_code, parent_id, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [trimmed, level.rawValue, divisionCode, parentID, Timestamp.now()])
            let record = UnitRecord(id: db.lastInsertedRowID, name: trimmed, level: level, divisionCode: divisionCode, parentID: parentID)
            return (record, [AuditRecord(actor: actor, action: "unit.add", entity: "unit \(record.id)", details: record)])
        }
    }

    /// Adds a person to a unit.
    ///
    /// - Parameters:
    ///   - name: The person's name.
    ///   - unit: The unit's name or id.
    ///   - phone: A telephone number.
    ///   - actor: Who adds them, for the audit log.
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)`` for an unknown unit.
    public func addPerson(name: String, unit: String, phone: String? = nil, actor: String) throws -> PersonRecord {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw RegisterError.invalidValue(field: "name", value: name, expected: "a person's name") }
        return try write { db in
            let unitID = try Self.unitID(unit, db)
            try db.execute(sql: "INSERT INTO person (name, unit_id, phone, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [trimmed, unitID, phone, Timestamp.now()])
            let record = PersonRecord(id: db.lastInsertedRowID, name: trimmed, unitID: unitID, phone: phone)
            return (record, [AuditRecord(actor: actor, action: "person.add", entity: "person \(record.id)", details: record)])
        }
    }

    /// Every unit, by id.
    public func units() throws -> [UnitRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM unit ORDER BY id").map(Self.unit) }
    }

    /// Every person, by id.
    public func people() throws -> [PersonRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY id").map {
                PersonRecord(id: $0["id"], name: $0["name"], unitID: $0["unit_id"], phone: $0["phone"])
            }
        }
    }

    // MARK: - Responsibilities

    /// Makes a unit or person responsible for a line, a stretch or a marker from a day on.
    ///
    /// ```swift
    /// try store.assign(.unit(county.id), to: .stretch(line: "0004", from: "0004-001", to: "0004-003"),
    ///                  from: try Day.register("2020-07-01"), actor: "li")
    /// ```
    /// - Parameters:
    ///   - caretaker: The unit or person.
    ///   - target: The line, stretch or marker.
    ///   - from: The first day.
    ///   - to: The day it ends, when already known.
    ///   - note: A note.
    ///   - actor: Who assigns, for the audit log.
    /// - Throws: ``RegisterError/unknownLine(_:)``, ``RegisterError/unknownMarker(_:)``,
    ///   ``RegisterError/unknownRecord(kind:id:)``, or ``RegisterError/invalidValue(field:value:expected:)``
    ///   for a stretch whose markers are not on its line or an end before the start.
    @discardableResult
    public func assign(_ caretaker: Caretaker, to target: CareTarget, from: Day, to: Day? = nil, note: String? = nil,
                       actor: String) throws -> ResponsibilityRecord {
        if let to, to <= from {
            throw RegisterError.invalidValue(field: "to", value: to.description, expected: "a day after \(from)")
        }
        return try write { db in
            var unitID: Int64?, personID: Int64?
            switch caretaker {
            case let .unit(id):
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE id = ?", arguments: [id]) != nil else {
                    throw RegisterError.unknownRecord(kind: "unit", id: String(id))
                }
                unitID = id
            case let .person(id):
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [id]) != nil else {
                    throw RegisterError.unknownRecord(kind: "person", id: String(id))
                }
                personID = id
            }
            var lineID: String?, fromMarker: String?, toMarker: String?, marker: String?
            switch target {
            case let .line(id):
                _ = try Self.line(id, at: nil, db)
                lineID = id
            case let .stretch(line, a, b):
                _ = try Self.line(line, at: nil, db)
                for label in [a, b] where try Self.marker(label, at: nil, db).version.line != line {
                    throw RegisterError.invalidValue(field: "stretch", value: label, expected: "a marker on line \(line)")
                }
                (lineID, fromMarker, toMarker) = (line, min(a, b), max(a, b))
            case let .marker(label):
                _ = try Self.marker(label, at: nil, db)
                marker = label
            }
            try db.execute(sql: """
                INSERT INTO responsibility (unit_id, person_id, line_id, from_marker, to_marker, marker, valid_from, valid_to, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [unitID, personID, lineID, fromMarker, toMarker, marker, from.description, to?.description, note])
            let id = db.lastInsertedRowID
            let record = try Self.responsibilities(where: "r.id = ?", [id], db)[0]
            return (record, [AuditRecord(actor: actor, action: "responsibility.assign", entity: "responsibility \(id)", details: record)])
        }
    }

    /// Ends a responsibility on a day; the record is kept with its period.
    ///
    /// ```swift
    /// try store.endResponsibility(3, on: try Day.register("2024-12-31"), actor: "li")
    /// ```
    /// - Parameters:
    ///   - id: The responsibility.
    ///   - day: The day it ends (after it began).
    ///   - actor: Who ends it, for the audit log.
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)``; ``RegisterError/conflict(_:)`` when it has
    ///   already ended; ``RegisterError/dateTooEarly(_:date:earliest:)`` for a day not after its start.
    @discardableResult
    public func endResponsibility(_ id: Int64, on day: Day, actor: String) throws -> ResponsibilityRecord {
        try write { db in
            guard let current = try Self.responsibilities(where: "r.id = ?", [id], db).first else {
                throw RegisterError.unknownRecord(kind: "responsibility", id: String(id))
            }
            if let end = current.validTo { throw RegisterError.conflict("responsibility \(id) already ended on \(end)") }
            if day <= current.validFrom {
                throw RegisterError.dateTooEarly("end of responsibility \(id)", date: day.description,
                                                 earliest: current.validFrom.adding(days: 1).description)
            }
            try db.execute(sql: "UPDATE responsibility SET valid_to = ? WHERE id = ? AND valid_to IS NULL", arguments: [day.description, id])
            let record = try Self.responsibilities(where: "r.id = ?", [id], db)[0]
            return (record, [AuditRecord(actor: actor, action: "responsibility.end", entity: "responsibility \(id)", details: record)])
        }
    }

    /// Who is responsible for a marker or a line on a day.
    ///
    /// For a marker: responsibilities for the marker itself, for its whole line, and for stretches
    /// of its line whose from/to numbers enclose its number. For a line: every responsibility on
    /// the line or a stretch of it, and those for its markers.
    ///
    /// - Parameters:
    ///   - target: A marker label or a line id.
    ///   - day: The day; `nil` for every period.
    /// - Throws: ``RegisterError/unknownMarkerOrLine(_:)`` when the text is neither a marker nor a line.
    public func responsible(for target: String, at day: Day? = nil) throws -> [ResponsibilityRecord] {
        try read { db in try Self.responsible(for: target, at: day, db) }
    }

    static func responsible(for target: String, at day: Day?, _ db: Database) throws -> [ResponsibilityRecord] {
        let period = "(? IS NULL OR (r.valid_from <= ? AND (r.valid_to IS NULL OR r.valid_to > ?)))"
        let d = day?.description
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM marker WHERE label = ?", arguments: [target]) != nil {
            let marker = try Self.marker(target, at: nil, db)
            return try responsibilities(where: """
                \(period) AND (r.marker = ? OR (r.line_id = ? AND (r.from_marker IS NULL OR (r.from_marker <= ? AND r.to_marker >= ?))))
                """, [d, d, d, target, marker.version.line, marker.label, marker.label], db)
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM line WHERE id = ?", arguments: [target]) != nil {
            return try responsibilities(where: """
                \(period) AND (r.line_id = ? OR r.marker IN (SELECT DISTINCT marker FROM marker_version WHERE line_id = ?))
                """, [d, d, d, target, target], db)
        }
        throw RegisterError.unknownMarkerOrLine(target)
    }

    static func responsibilities(where condition: String, _ arguments: [(any DatabaseValueConvertible)?],
                                 _ db: Database) throws -> [ResponsibilityRecord] {
        try Row.fetchAll(db, sql: """
            SELECT r.*, COALESCE(u.name, p.name) AS who, COALESCE(u.level, pu.level) AS level
            FROM responsibility r LEFT JOIN unit u ON u.id = r.unit_id
            LEFT JOIN person p ON p.id = r.person_id LEFT JOIN unit pu ON pu.id = p.unit_id
            WHERE \(condition) ORDER BY r.valid_from, r.id
            """, arguments: StatementArguments(arguments)).map { row in
            let caretaker: Caretaker = (row["unit_id"] as Int64?).map { .unit($0) } ?? .person(row["person_id"])
            let target: CareTarget
            if let marker: String = row["marker"] {
                target = .marker(marker)
            } else if let from: String = row["from_marker"], let to: String = row["to_marker"] {
                target = .stretch(line: row["line_id"], from: from, to: to)
            } else {
                target = .line(row["line_id"])
            }
            return ResponsibilityRecord(id: row["id"], caretaker: caretaker, caretakerName: row["who"],
                                        level: UnitLevel(rawValue: row["level"]) ?? .city, target: target,
                                        validFrom: try row.day("valid_from"), validTo: try row.optionalDay("valid_to"),
                                        note: row["note"])
        }
    }

    // MARK: - Names

    /// The id of a unit given by name or number.
    static func unitID(_ text: String, _ db: Database) throws -> Int64 {
        if let id = Int64(text), try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE id = ?", arguments: [id]) != nil { return id }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE name = ?", arguments: [text]) else {
            throw RegisterError.unknownRecord(kind: "unit", id: text)
        }
        return id
    }

    /// The id of a person given by name or number.
    ///
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)``; ``RegisterError/conflict(_:)`` when several people share the name.
    public func personID(_ text: String) throws -> Int64 {
        try read { db in
            if let id = Int64(text), try Bool.fetchOne(db, sql: "SELECT 1 FROM person WHERE id = ?", arguments: [id]) != nil { return id }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM person WHERE name = ?", arguments: [text])
            guard let first = ids.first else { throw RegisterError.unknownRecord(kind: "person", id: text) }
            if ids.count > 1 { throw RegisterError.conflict("\(ids.count) people are named “\(text)”; give the person's number") }
            return first
        }
    }

    /// The id of a unit given by name or number.
    ///
    /// - Throws: ``RegisterError/unknownRecord(kind:id:)``.
    public func unitID(_ text: String) throws -> Int64 {
        try read { db in try Self.unitID(text, db) }
    }

    static func unit(_ row: Row) -> UnitRecord {
        UnitRecord(id: row["id"], name: row["name"], level: UnitLevel(rawValue: row["level"]) ?? .city,
                   divisionCode: row["division_code"], parentID: row["parent_id"])
    }
}
