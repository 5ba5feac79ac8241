import Foundation
import GRDB

/// The two lists gazetteer staff keep besides the gazetteer itself: the historical-name
/// protection list (地名保护名录) and the list of names that vanished (消失地名), for example
/// villages flooded by a reservoir.
///
/// Entries are added and never deleted; a withdrawn listing keeps its row with an end date.
///
/// ```swift
/// let lists = NameListings(store: store)
/// try lists.addVanished(VanishedName(name: "龙宝镇", formerLocation: "万县龙宝区", cause: "三峡水库蓄水淹没",
///                                    vanishedOn: try Day(parsing: "2003-06")), actor: "li")
/// ```
public struct NameListings: Sendable {
    public let store: GazetteerStore

    public init(store: GazetteerStore) {
        self.store = store
    }

    /// Which list.
    public enum List: String, Sendable, Codable, CaseIterable {
        case protected, vanished
    }

    /// A name on the historical-name protection list.
    public struct ProtectedName: Sendable, Codable, Equatable {
        public var id: Int64?
        public var name: String
        /// The place it names, by code (optional).
        public var placeCode: String?
        /// The category, for example 千年古县, 历史地名, 古镇.
        public var category: String
        /// Why it is protected.
        public var reasons: String
        public var listedOn: Day
        public var source: String?
        public var withdrawnOn: Day?

        public init(name: String, category: String, reasons: String, listedOn: Day, placeCode: String? = nil, source: String? = nil) {
            self.name = name
            self.category = category
            self.reasons = reasons
            self.listedOn = listedOn
            self.placeCode = placeCode
            self.source = source
        }
    }

    /// A name that went out of use with the place it named.
    public struct VanishedName: Sendable, Codable, Equatable {
        public var id: Int64?
        public var name: String
        /// Where the place was, in words (for example 原万县龙宝区).
        public var formerLocation: String
        /// Why it vanished, for example 三峡水库蓄水淹没 (reservoir flooding).
        public var cause: String
        /// When it vanished, if known.
        public var vanishedOn: Day?
        /// The place record, by code, if the gazetteer has one.
        public var placeCode: String?
        public var listedOn: Day
        public var source: String?

        public init(name: String, formerLocation: String, cause: String, vanishedOn: Day? = nil, placeCode: String? = nil,
                    listedOn: Day = Day.today, source: String? = nil) {
            self.name = name
            self.formerLocation = formerLocation
            self.cause = cause
            self.vanishedOn = vanishedOn
            self.placeCode = placeCode
            self.listedOn = listedOn
            self.source = source
        }
    }

    /// Adds a name to the protection list.
    ///
    /// - Returns: The entry's id.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for an empty name, category or
    ///   reasons; ``GazetteerError/notFound(_:)`` for an unknown place code;
    ///   ``GazetteerError/conflict(_:)`` when the name is listed already.
    @discardableResult
    public func addProtected(_ entry: ProtectedName, actor: String) throws -> Int64 {
        for (field, value) in [("name", entry.name), ("category", entry.category), ("reasons", entry.reasons)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw GazetteerError.invalidInput(source: "protect add", line: nil, message: "the \(field) is empty")
        }
        return try store.write { db in
            let placeID = try entry.placeCode.map { try Self.place(db, code: $0) }
            let listed = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM name_listing WHERE list = 'protected' AND name = ? AND valid_to IS NULL
                  AND (place_id IS ? OR place_id = ?)
                """, arguments: [entry.name, placeID, placeID]) ?? 0
            if listed > 0 { throw GazetteerError.conflict("\(entry.name) is on the protection list already") }
            try db.execute(sql: """
                INSERT INTO name_listing (list, name, place_id, category, reasons, listed_on, source) VALUES ('protected', ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.name, placeID, entry.category, entry.reasons, entry.listedOn.description, entry.source])
            let id = db.lastInsertedRowID
            var stored = entry
            stored.id = id
            return (id, AuditRecord(actor: actor, action: "protect.add", target: "name_listing \(id)", before: nil, after: stored))
        }
    }

    /// Adds a name to the list of vanished names.
    ///
    /// - Returns: The entry's id.
    /// - Throws: ``GazetteerError/invalidInput(source:line:message:)`` for an empty name, location or
    ///   cause, or a vanishing date after the listing date; ``GazetteerError/notFound(_:)`` for an unknown place code.
    @discardableResult
    public func addVanished(_ entry: VanishedName, actor: String) throws -> Int64 {
        for (field, value) in [("name", entry.name), ("former location", entry.formerLocation), ("cause", entry.cause)]
        where value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw GazetteerError.invalidInput(source: "vanished add", line: nil, message: "the \(field) is empty")
        }
        if let vanished = entry.vanishedOn, vanished > entry.listedOn {
            throw GazetteerError.invalidInput(source: "vanished add", line: nil, message: "it cannot vanish (\(vanished)) after it is listed (\(entry.listedOn))")
        }
        return try store.write { db in
            let placeID = try entry.placeCode.map { try Self.place(db, code: $0) }
            try db.execute(sql: """
                INSERT INTO name_listing (list, name, place_id, former_location, cause, vanished_on, listed_on, source)
                VALUES ('vanished', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [entry.name, placeID, entry.formerLocation, entry.cause, entry.vanishedOn?.description,
                                 entry.listedOn.description, entry.source])
            let id = db.lastInsertedRowID
            var stored = entry
            stored.id = id
            return (id, AuditRecord(actor: actor, action: "vanished.add", target: "name_listing \(id)", before: nil, after: stored))
        }
    }

    /// The protection list, in order of listing.
    public func protectedNames() throws -> [ProtectedName] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.*, (SELECT code FROM place_code pc WHERE pc.place_id = l.place_id ORDER BY pc.valid_to IS NULL DESC LIMIT 1) AS code
                FROM name_listing l WHERE list = 'protected' ORDER BY listed_on, id
                """).map { row in
                var entry = ProtectedName(name: row["name"], category: row["category"] ?? "", reasons: row["reasons"] ?? "",
                                          listedOn: Day(stored: row["listed_on"]) ?? Day.today, placeCode: row["code"], source: row["source"])
                entry.id = row["id"]
                entry.withdrawnOn = (row["valid_to"] as String?).flatMap(Day.init(stored:))
                return entry
            }
        }
    }

    /// The vanished names, in order of listing.
    public func vanishedNames() throws -> [VanishedName] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.*, (SELECT code FROM place_code pc WHERE pc.place_id = l.place_id ORDER BY pc.valid_to IS NULL DESC LIMIT 1) AS code
                FROM name_listing l WHERE list = 'vanished' ORDER BY listed_on, id
                """).map { row in
                var entry = VanishedName(name: row["name"], formerLocation: row["former_location"] ?? "", cause: row["cause"] ?? "",
                                         vanishedOn: (row["vanished_on"] as String?).flatMap(Day.init(stored:)), placeCode: row["code"],
                                         listedOn: Day(stored: row["listed_on"]) ?? Day.today, source: row["source"])
                entry.id = row["id"]
                return entry
            }
        }
    }

    /// A list as CSV (RFC 4180, UTF-8, header line), for exchange.
    public func exportCSV(_ list: List) throws -> String {
        func field(_ value: String?) -> String {
            guard let value else { return "" }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }
        var lines: [String]
        switch list {
        case .protected:
            lines = ["id,name,code,category,reasons,listed_on,withdrawn_on,source"]
            for e in try protectedNames() {
                lines.append([e.id.map(String.init), e.name, e.placeCode, e.category, e.reasons, e.listedOn.description,
                              e.withdrawnOn?.description, e.source].map(field).joined(separator: ","))
            }
        case .vanished:
            lines = ["id,name,code,former_location,cause,vanished_on,listed_on,source"]
            for e in try vanishedNames() {
                lines.append([e.id.map(String.init), e.name, e.placeCode, e.formerLocation, e.cause, e.vanishedOn?.description,
                              e.listedOn.description, e.source].map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func place(_ db: Database, code: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT place_id FROM place_code WHERE code = ? ORDER BY valid_to IS NULL DESC LIMIT 1",
                                          arguments: [code]) else {
            throw GazetteerError.notFound("no place has code \(code)")
        }
        return id
    }
}
