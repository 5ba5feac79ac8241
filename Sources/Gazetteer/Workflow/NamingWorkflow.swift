import Foundation
import GRDB

/// Records naming decisions: application, review, approval or rejection, announcement, filing.
///
/// Every step is checked against the case's state (an invalid step is refused with the steps
/// that are allowed), written in one transaction with its audit entry, and kept in the case's
/// step history. Announcing an approved case changes the gazetteer through a change event: a
/// rename ends the place's current standard name and starts the new one; a new name creates
/// the place under its parent.
///
/// Filing an application also checks the proposed name (``NameCheck``, with ``namingProfile``)
/// and stores the report with the case (``checks(of:)``) for its reviewers. The findings never
/// stop an application from being filed, errors included: whether a name that breaks a rule is
/// refused is the reviewers' decision, recorded with `reject`.
///
/// ```swift
/// let workflow = NamingWorkflow(store: store)
/// let id = try workflow.apply(NamingApplication(action: .rename, proposedName: "新名区", applicant: "某区人民政府",
///                                               appliedOn: try Day(parsing: "2025-01-10"), placeCode: "500101"), actor: "li")
/// try workflow.advance(id, .review, on: try Day(parsing: "2025-02-01"), actor: "li")
/// try workflow.advance(id, .approve, on: try Day(parsing: "2025-03-01"), reference: "渝府〔2025〕1号", actor: "li")
/// try workflow.advance(id, .announce, on: try Day(parsing: "2025-03-15"), reference: "公告第1号", actor: "li")
/// ```
public struct NamingWorkflow: Sendable {
    public let store: GazetteerStore
    /// The rules proposed names are checked by when an application is filed.
    public let namingProfile: NamingProfile

    public init(store: GazetteerStore, namingProfile: NamingProfile = .standard) {
        self.store = store
        self.namingProfile = namingProfile
    }

    /// Files an application; the case starts as `applied`, and the name check's report is stored with it.
    ///
    /// - Returns: The case id.
    /// - Throws: ``GazetteerError/notFound(_:)`` when the place (rename) or parent (new name)
    ///   does not exist; ``GazetteerError/invalidInput(source:line:message:)`` for a missing name or field.
    public func apply(_ application: NamingApplication, actor: String) throws -> Int64 {
        let name = application.proposedName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw GazetteerError.invalidInput(source: "naming apply", line: nil, message: "the proposed name is empty") }
        guard !application.applicant.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw GazetteerError.invalidInput(source: "naming apply", line: nil, message: "the applicant is missing")
        }
        let romanization = application.romanization ?? store.searchKeys?.romanization(of: name)
        return try store.write { db in
            var placeID: Int64?
            var parentID: Int64?
            var level: PlaceLevel?
            switch application.action {
            case .rename:
                guard let code = application.placeCode else {
                    throw GazetteerError.invalidInput(source: "naming apply", line: nil, message: "a rename needs the code of the place")
                }
                placeID = try Self.currentPlace(db, code: code, on: application.appliedOn)
                let current = try PlaceSQL.fact(db, table: "name", column: "text", placeID: placeID ?? 0, at: application.appliedOn,
                                                extra: "AND type = 'standard'")
                if current == name { throw GazetteerError.conflict("the place is already named \(name)") }
            case .name:
                guard let parent = application.parentCode else {
                    throw GazetteerError.invalidInput(source: "naming apply", line: nil, message: "a new name needs the code of the parent place")
                }
                parentID = try Self.currentPlace(db, code: parent, on: application.appliedOn)
                level = application.level ?? .feature
                guard let level, [.township, .village, .feature].contains(level) else {
                    throw GazetteerError.invalidInput(source: "naming apply", line: nil, message: "a new place here is a township, village or feature")
                }
                if let code = application.placeCode,
                   try Int.fetchOne(db, sql: "SELECT count(*) FROM place_code WHERE code = ? AND valid_to IS NULL", arguments: [code]) ?? 0 > 0 {
                    throw GazetteerError.conflict("code \(code) is in use")
                }
            }
            try db.execute(sql: """
                INSERT INTO naming_case (state, action, place_id, parent_id, proposed_name, romanization, meaning, origin, applicant,
                                         authority, applied_on, level, kind, code, note)
                VALUES ('applied', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [application.action.rawValue, placeID, parentID, name, romanization, application.meaning, application.origin,
                                 application.applicant, application.authority, application.appliedOn.description, level?.rawValue,
                                 level.map(Self.kind(for:))?.rawValue,
                                 application.action == .name ? application.placeCode : nil, application.note])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO naming_step (case_id, at, actor, from_state, to_state, note) VALUES (?, ?, ?, NULL, 'applied', ?)",
                           arguments: [id, AuditRecord.timestamp(), actor, application.note])
            if let report = try checkName(db, application, name: name, placeID: placeID, parentID: parentID, level: level) {
                try NamingCheckRecords.store(report, caseID: id, in: db)
            }
            let created = try Self.fetch(db, id: id)
            return (id, AuditRecord(actor: actor, action: "naming.apply", target: "naming_case \(id)", before: nil, after: created))
        }
    }

    /// Moves a case one step.
    ///
    /// - Parameters:
    ///   - id: The case.
    ///   - step: review, approve, reject, announce or file.
    ///   - day: The day of the step.
    ///   - reference: approve: the decision's document number; reject: the reason; announce: the
    ///     announcement's reference; file: the filing reference.
    ///   - note: Kept with the step.
    /// - Returns: The case after the step.
    /// - Throws: ``GazetteerError/invalidTransition(caseID:from:to:allowed:)`` when the step is not
    ///   allowed from the case's state; ``GazetteerError/notFound(_:)`` for an unknown case;
    ///   ``GazetteerError/conflict(_:)`` for a date before the previous step.
    @discardableResult
    public func advance(_ id: Int64, _ step: NamingCase.Step, on day: Day, reference: String? = nil, note: String? = nil,
                        actor: String) throws -> NamingCase {
        try store.write { db in
            let before = try Self.fetch(db, id: id)
            guard before.state.next.contains(step) else {
                throw GazetteerError.invalidTransition(caseID: id, from: before.state.rawValue, to: step.target.rawValue,
                                                       allowed: before.state.next.map(\.rawValue))
            }
            let last = [before.appliedOn, before.decidedOn, before.announcedOn].compactMap { $0 }.max() ?? before.appliedOn
            guard day.description >= last else {
                throw GazetteerError.conflict("naming case \(id): \(step.rawValue) on \(day) is before the previous step (\(last))")
            }
            var assignments = ["state = :state"]
            switch step {
            case .review: break
            case .approve, .reject:
                assignments += ["decided_on = :day", "decision_document = :reference"]
                if step == .approve, reference == nil {
                    throw GazetteerError.invalidInput(source: "naming approve", line: nil, message: "give the decision's document number")
                }
            case .announce:
                guard let reference else {
                    throw GazetteerError.invalidInput(source: "naming announce", line: nil, message: "give the announcement's reference")
                }
                let eventID = try announce(db, before, on: day, reference: reference, actor: actor)
                assignments += ["announced_on = :day", "announcement_ref = :reference", "event_id = :event",
                                "place_id = COALESCE(place_id, (SELECT place_id FROM change_participant WHERE event_id = :event LIMIT 1))"]
                try db.execute(sql: "UPDATE naming_case SET event_id = ? WHERE id = ?", arguments: [eventID, id])
            case .file:
                assignments += ["filed_on = :day", "filing_ref = :reference"]
            }
            let eventID = try Int64.fetchOne(db, sql: "SELECT event_id FROM naming_case WHERE id = ?", arguments: [id])
            try db.execute(sql: "UPDATE naming_case SET \(assignments.joined(separator: ", ")) WHERE id = :id",
                           arguments: ["state": step.target.rawValue, "day": day.description, "reference": reference, "event": eventID, "id": id])
            try db.execute(sql: "INSERT INTO naming_step (case_id, at, actor, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, AuditRecord.timestamp(), actor, before.state.rawValue, step.target.rawValue, note ?? reference])
            let after = try Self.fetch(db, id: id)
            return (after, AuditRecord(actor: actor, action: "naming.\(step.rawValue)", target: "naming_case \(id)", before: before, after: after))
        }
    }

    /// The cases, newest first, optionally in one state.
    public func list(state: NamingCase.State? = nil) throws -> [NamingCase] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM naming_case WHERE (? IS NULL OR state = ?) ORDER BY id DESC",
                             arguments: [state?.rawValue, state?.rawValue]).map(NamingCase.init(row:))
        }
    }

    /// One case.
    public func get(_ id: Int64) throws -> NamingCase {
        try store.read { db in try Self.fetch(db, id: id) }
    }

    /// The name checks stored with a case, oldest first (one, made when the application was filed).
    public func checks(of id: Int64) throws -> [NameCheckReport] {
        try store.read { db in
            _ = try Self.fetch(db, id: id)
            return try NamingCheckRecords.reports(of: id, in: db)
        }
    }

    /// The steps a case went through, oldest first.
    public func steps(of id: Int64) throws -> [NamingStep] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM naming_step WHERE case_id = ? ORDER BY id", arguments: [id]).map(NamingStep.init(row:))
        }
    }

    /// Checks the proposed name of an application within the parent of the place (rename) or the
    /// given parent (new place); `nil` when the place has no parent to compare within.
    private func checkName(_ db: Database, _ application: NamingApplication, name: String, placeID: Int64?, parentID: Int64?,
                           level: PlaceLevel?) throws -> NameCheckReport? {
        let day = application.appliedOn
        let unitID: Int64
        let checkedLevel: PlaceLevel
        if let parentID {
            unitID = parentID
            checkedLevel = level ?? .feature
        } else if let placeID, let parent = try Int64.fetchOne(db, sql: """
            SELECT parent_id FROM hierarchy WHERE child_id = :id
              AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)
            ORDER BY valid_to IS NULL DESC, id DESC LIMIT 1
            """, arguments: ["id": placeID, "day": day.description]) {
            unitID = parent
            checkedLevel = PlaceLevel(rawValue: try String.fetchOne(db, sql: "SELECT level FROM place WHERE id = ?", arguments: [placeID]) ?? "") ?? .feature
        } else {
            return nil
        }
        guard let unitCode = try PlaceSQL.fact(db, table: "place_code", column: "code", placeID: unitID, at: day, extra: "") else { return nil }
        var category = application.category ?? NameCategory.infer(from: name)
        if let inferred = category, inferred.level != checkedLevel { category = application.category }
        let checker = NameCheck(store: store, profile: namingProfile)
        return try checker.check(NameProposal(name: name, within: unitCode, category: category, day: day), in: db, strictScope: false,
                                 excludingPlaceID: placeID, levelOverride: checkedLevel)
    }

    static func kind(for level: PlaceLevel) -> PlaceKind {
        switch level {
        case .township: .township
        case .village: .village
        default: .feature
        }
    }

    static func fetch(_ db: Database, id: Int64) throws -> NamingCase {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM naming_case WHERE id = ?", arguments: [id]) else {
            throw GazetteerError.notFound("naming case \(id)")
        }
        return NamingCase(row: row)
    }

    /// The place with `code` (a code or a place id) valid on `day`.
    static func currentPlace(_ db: Database, code: String, on day: Day) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: """
            SELECT place_id FROM place_code WHERE code = :code
              AND (valid_from IS NULL OR valid_from <= :day) AND (valid_to IS NULL OR valid_to > :day)
            ORDER BY valid_to IS NULL DESC LIMIT 1
            """, arguments: ["code": code, "day": day.description]) {
            return id
        }
        throw GazetteerError.notFound("no place has code \(code) on \(day)")
    }

    /// Makes the announced decision part of the gazetteer: a change event with its document.
    private func announce(_ db: Database, _ namingCase: NamingCase, on day: Day, reference: String, actor: String) throws -> Int64 {
        let now = AuditRecord.timestamp()
        let verb = namingCase.action == .rename ? "更名" : "命名"
        var lines: [String] = ["\(verb)：\(namingCase.proposedName)" + (namingCase.romanization.map { "（\($0)）" } ?? "")]
        if let meaning = namingCase.meaning { lines.append("含义：" + meaning) }
        if let origin = namingCase.origin { lines.append("由来：" + origin) }
        lines.append("申请人：" + namingCase.applicant)
        if let authority = namingCase.authority { lines.append("审批机关：" + authority) }
        lines.append("公告：" + reference)
        let body = lines.joined(separator: "\n")
        try db.execute(sql: "INSERT INTO document (title, number, date, citation, body) VALUES (?, ?, ?, ?, ?)",
                       arguments: ["地名\(verb)（naming case \(namingCase.id)）",
                                   namingCase.decisionDocument, namingCase.decidedOn, reference, body])
        let documentID = db.lastInsertedRowID
        var names: [Int64] = []
        let placeID: Int64
        let type: ChangeType
        var detail: String?
        switch namingCase.action {
        case .rename:
            guard let id = namingCase.placeID else { throw GazetteerError.notFound("the place of naming case \(namingCase.id)") }
            placeID = id
            guard let current = try Row.fetchOne(db, sql: """
                SELECT id, text, valid_from FROM name WHERE place_id = ? AND type = 'standard' AND valid_to IS NULL ORDER BY id DESC LIMIT 1
                """, arguments: [id]) else { throw GazetteerError.notFound("a current standard name of place \(id)") }
            if let from: String = current["valid_from"], from >= day.description {
                throw GazetteerError.conflict("the current name \(current["text"] as String) starts on \(from), not before \(day)")
            }
            try db.execute(sql: "UPDATE name SET valid_to = ? WHERE id = ?", arguments: [day.description, current["id"] as Int64])
            let parts = NameParts(namingCase.proposedName)
            try db.execute(sql: """
                INSERT INTO name (place_id, text, type, language, script, specific, generic, romanization, valid_from, note)
                VALUES (?, ?, 'standard', 'zh', 'Hans', ?, ?, ?, ?, ?)
                """, arguments: [id, namingCase.proposedName, parts.specific, parts.generic.isEmpty ? nil : parts.generic,
                                 namingCase.romanization, day.description, "naming case \(namingCase.id)"])
            names.append(db.lastInsertedRowID)
            type = .renamed
            detail = "\(current["text"] as String) → \(namingCase.proposedName)"
        case .name:
            guard let parentID = namingCase.parentID else { throw GazetteerError.notFound("the parent of naming case \(namingCase.id)") }
            let level = namingCase.level ?? .feature
            try db.execute(sql: "INSERT INTO place (kind, level, category, status, valid_from, note) VALUES (?, ?, ?, 'current', ?, ?)",
                           arguments: [namingCase.kind?.rawValue ?? "feature", level.rawValue, level.categoryCode, day.description,
                                       "naming case \(namingCase.id)"])
            placeID = db.lastInsertedRowID
            if let code = namingCase.code {
                let scheme = code.count == 12 && code.allSatisfy(\.isASCIIDigit) ? "STATS12" : "OTHER"
                try db.execute(sql: "INSERT INTO place_code (place_id, scheme, code, valid_from) VALUES (?, ?, ?, ?)",
                               arguments: [placeID, scheme, code, day.description])
            }
            let parts = NameParts(namingCase.proposedName)
            try db.execute(sql: """
                INSERT INTO name (place_id, text, type, language, script, specific, generic, romanization, valid_from, note)
                VALUES (?, ?, 'standard', 'zh', 'Hans', ?, ?, ?, ?, ?)
                """, arguments: [placeID, namingCase.proposedName, parts.specific, parts.generic.isEmpty ? nil : parts.generic,
                                 namingCase.romanization, day.description, "naming case \(namingCase.id)"])
            names.append(db.lastInsertedRowID)
            try db.execute(sql: "INSERT INTO hierarchy (child_id, parent_id, valid_from) VALUES (?, ?, ?)",
                           arguments: [placeID, parentID, day.description])
            type = .established
        }
        try db.execute(sql: "INSERT INTO change_event (type, effective_date, date_precision, detail, recorded_at) VALUES (?, ?, 'day', ?, ?)",
                       arguments: [type.rawValue, day.description, detail, now])
        let eventID = db.lastInsertedRowID
        let code = try PlaceSQL.fact(db, table: "place_code", column: "code", placeID: placeID, at: day, extra: "")
        try db.execute(sql: "INSERT INTO change_participant (event_id, place_id, role, code, name) VALUES (?, ?, ?, ?, ?)",
                       arguments: [eventID, placeID, type == .renamed ? "subject" : "successor", code, namingCase.proposedName])
        try db.execute(sql: "INSERT INTO event_document (event_id, document_id, position) VALUES (?, ?, 0)", arguments: [eventID, documentID])
        let indexer = SearchIndexer(db: db, keys: store.searchKeys)
        try indexer.refresh(placeIDs: [placeID])
        try indexer.add(nameIDs: names)
        return eventID
    }
}
