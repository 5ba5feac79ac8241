import Foundation
import GRDB

typealias DatabaseRow = GRDB.Row

/// Writes places and names idempotently: a place is found by its code, a name is added only
/// when the place does not have it already (same text and type).
struct NameWriter {
    let db: Database
    let sourceID: Int64
    let keys: (any SearchKeyProvider)?
    private(set) var changed = false
    private(set) var namesAdded = 0
    /// Ids of the names added, for the search index.
    private(set) var addedNameIDs: [Int64] = []
    private var existingNames: Set<String> = []
    private var placeByCode: [String: Int64] = [:]
    private let insertName: RowInserter
    private let insertPlace: RowInserter
    private let insertCode: RowInserter
    private let insertParent: RowInserter
    private var nextPlaceID: Int64

    init(db: Database, sourceKey: String, title: String, licence: String, citation: String, keys: (any SearchKeyProvider)?) throws {
        self.db = db
        self.keys = keys
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE key = ?", arguments: [sourceKey]) {
            sourceID = id
        } else {
            try db.execute(sql: "INSERT INTO source (key, title, licence, citation, imported_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [sourceKey, title, licence, citation, AuditRecord.timestamp()])
            sourceID = db.lastInsertedRowID
            changed = true
        }
        for row in try DatabaseRow.fetchAll(db, sql: "SELECT place_id, text, type FROM name") {
            existingNames.insert(NameWriter.key(row[0], row[1], row[2]))
        }
        for row in try DatabaseRow.fetchAll(db, sql: "SELECT code, place_id FROM place_code WHERE scheme IN ('STATS12', 'OTHER')") {
            placeByCode[row[0]] = row[1]
        }
        insertName = try RowInserter(db, sql: """
            INSERT INTO name (place_id, text, type, language, script, specific, generic, romanization, source_id, note, valid_from, valid_to)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertPlace = try RowInserter(db, sql: "INSERT INTO place (id, kind, level, category, status, source_id) VALUES (?, ?, ?, ?, 'current', ?)")
        insertCode = try RowInserter(db, sql: "INSERT INTO place_code (place_id, scheme, code, source_id) VALUES (?, ?, ?, ?)")
        insertParent = try RowInserter(db, sql: "INSERT INTO hierarchy (child_id, parent_id, source_id) VALUES (?, ?, ?)")
        nextPlaceID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM place") ?? 0) + 1
    }

    static func key(_ placeID: Int64, _ text: String, _ type: String) -> String { "\(placeID)\u{1F}\(type)\u{1F}\(text)" }

    /// The place with this code, created (with its code and parent) when missing.
    mutating func place(code: String, scheme: String, kind: PlaceKind, level: PlaceLevel, parentID: Int64?,
                        category: String? = nil) throws -> (Int64, Bool) {
        if let id = placeByCode[code] { return (id, false) }
        let id = nextPlaceID
        nextPlaceID += 1
        insertPlace.bind(1, id); insertPlace.bind(2, kind.rawValue); insertPlace.bind(3, level.rawValue)
        insertPlace.bind(4, category ?? level.categoryCode); insertPlace.bind(5, sourceID)
        try insertPlace.step()
        insertCode.bind(1, id); insertCode.bind(2, scheme); insertCode.bind(3, code); insertCode.bind(4, sourceID)
        try insertCode.step()
        if let parentID {
            insertParent.bind(1, id); insertParent.bind(2, parentID); insertParent.bind(3, sourceID)
            try insertParent.step()
        }
        placeByCode[code] = id
        changed = true
        return (id, true)
    }

    /// Adds a code unless the place has it.
    mutating func addCode(placeID: Int64, scheme: String, code: String) throws {
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM place_code WHERE place_id = ? AND scheme = ? AND code = ?)",
                                       arguments: [placeID, scheme, code]) ?? false
        guard !exists else { return }
        insertCode.bind(1, placeID); insertCode.bind(2, scheme); insertCode.bind(3, code); insertCode.bind(4, sourceID)
        try insertCode.step()
        changed = true
    }

    /// Adds a name unless the place has it; returns whether it was added.
    @discardableResult
    mutating func addName(placeID: Int64, text: String, type: NameType, language: String? = nil, script: String? = nil,
                          romanization: String?, note: String? = nil, from: Day? = nil, to: Day? = nil) throws -> Bool {
        guard existingNames.insert(NameWriter.key(placeID, text, type.rawValue)).inserted else { return false }
        let han = SearchText.hasHan(text)
        let parts = han ? NameParts(text) : nil
        let roman = romanization
        var detected = script ?? NameWriter.script(of: text)
        if detected == "Hans", let keys, keys.simplified(text) != text { detected = "Hant" }
        insertName.bind(1, placeID); insertName.bind(2, text); insertName.bind(3, type.rawValue)
        insertName.bind(4, language ?? (han ? "zh" : "und")); insertName.bind(5, detected); insertName.bind(6, parts?.specific)
        insertName.bind(7, parts.flatMap { $0.generic.isEmpty ? nil : $0.generic }); insertName.bind(8, roman)
        insertName.bind(9, sourceID); insertName.bind(10, note); insertName.bind(11, from?.description); insertName.bind(12, to?.description)
        try insertName.step()
        changed = true
        namesAdded += 1
        addedNameIDs.append(db.lastInsertedRowID)
        return true
    }

    /// The ISO 15924 script of a name, judged by its letters.
    static func script(of text: String) -> String {
        var counts: [String: Int] = [:]
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || SearchText.isHan(scalar) {
            let script: String
            switch scalar.value {
            case 0x0041...0x024F, 0x1E00...0x1EFF: script = "Latn"
            case 0x0370...0x03FF: script = "Grek"
            case 0x0400...0x04FF: script = "Cyrl"
            case 0x0530...0x058F: script = "Armn"
            case 0x0590...0x05FF: script = "Hebr"
            case 0x0600...0x06FF, 0x0750...0x077F: script = "Arab"
            case 0x0E00...0x0E7F: script = "Thai"
            case 0x0F00...0x0FFF: script = "Tibt"
            case 0x10A0...0x10FF: script = "Geor"
            case 0x1800...0x18AF: script = "Mong"
            case 0x3040...0x30FF: script = "Jpan"
            case 0xAC00...0xD7AF, 0x1100...0x11FF: script = "Hang"
            default: script = SearchText.isHan(scalar) ? "Hani" : "Zyyy"
            }
            counts[script, default: 0] += 1
        }
        if counts["Jpan"] != nil { return "Jpan" }
        guard let most = counts.max(by: { $0.value < $1.value })?.key else { return "Zyyy" }
        return most == "Hani" ? "Hans" : most
    }
}
