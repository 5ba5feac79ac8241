import Foundation
import GRDB
import Pinyin

/// Checks a proposed name against the naming rules: the names already used within the unit
/// where names must be unique (same name, same sound, nearly the same sound), and the rules about
/// the name itself (``NameTextRules``).
///
/// The names compared are the standard names, valid on the day, of the places directly under
/// the unit at the level of the proposed name: the townships, towns and sub-districts of a county;
/// the villages and communities of a township; the features of a county or township that end in a
/// generic term of the same category.
///
/// ```swift
/// let check = NameCheck(store: store)
/// let report = try check.check(NameProposal(name: "解放杯街道", within: "500103"))
/// report.findings.map(\.rule)              // ["name.homophone"]
/// report.findings[0].conflicts[0].code     // "500103003000" (解放碑街道)
/// ```
public struct NameCheck: Sendable {
    public let store: GazetteerStore
    public let profile: NamingProfile
    public let romanizer: Romanizer
    let text: NameTextRules

    /// - Parameters:
    ///   - store: The gazetteer whose names count.
    ///   - profile: The rules and lists (default ``NamingProfile/standard``).
    ///   - romanizer: The pinyin readings compared (default the Pinyin module's shared romanizer).
    public init(store: GazetteerStore, profile: NamingProfile = .standard, romanizer: Romanizer = .shared) {
        self.store = store
        self.profile = profile
        self.romanizer = romanizer
        self.text = NameTextRules(profile: profile)
    }

    /// Checks one proposed name.
    ///
    /// - Returns: The report: the category used, the names compared, the findings (errors first).
    /// - Throws: ``GazetteerError/notFound(_:)`` when no place has the `within` (or `renaming`) code
    ///   on the day; ``GazetteerError/invalidInput(source:line:message:)`` for an empty name, or a unit
    ///   of the wrong level for the category (a village checked within a county).
    public func check(_ proposal: NameProposal) throws -> NameCheckReport {
        try store.read { db in try check(proposal, in: db, strictScope: true, excludingPlaceID: nil, levelOverride: nil) }
    }

    // MARK: - Internal

    /// The check inside an open database access (the naming workflow runs it in its write transaction).
    ///
    /// - Parameters:
    ///   - strictScope: refuse a unit whose level does not fit the category; the workflow
    ///     passes `false` and compares with whatever the parent holds.
    ///   - levelOverride: the level of the place named; default: the category's, else the level under the unit.
    func check(_ proposal: NameProposal, in db: Database, strictScope: Bool, excludingPlaceID: Int64?, levelOverride: PlaceLevel?) throws -> NameCheckReport {
        let name = proposal.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw GazetteerError.invalidInput(source: "naming check", line: nil, message: "the proposed name is empty") }
        let day = proposal.day ?? Day.today
        let category = proposal.category ?? NameCategory.infer(from: name)
        let unitID = try NamingWorkflow.currentPlace(db, code: proposal.within, on: day)
        let unitName = try PlaceSQL.fact(db, table: "name", column: "text", placeID: unitID, at: day, extra: "AND type = 'standard'") ?? proposal.within
        let levelText = try String.fetchOne(db, sql: "SELECT level FROM place WHERE id = ?", arguments: [unitID]) ?? ""
        let unitLevel = PlaceLevel(rawValue: levelText)
        let level = levelOverride ?? category?.level ?? Self.childLevel(of: unitLevel)
        if strictScope, let category {
            let expected: Set<PlaceLevel> = category.level == .feature ? [.county, .township] : [category.scope == .county ? .county : .township]
            guard let unitLevel, expected.contains(unitLevel) else {
                throw GazetteerError.invalidInput(source: "naming check", line: nil, message: """
                    \(category.rawValue) names are unique within a \(category.scope.rawValue); \(proposal.within) \(unitName) is a \(levelText) \
                    (give --within the code of the \(category.scope.rawValue))
                    """)
            }
        }
        var excluded = excludingPlaceID
        if let renaming = proposal.renaming { excluded = try NamingWorkflow.currentPlace(db, code: renaming, on: day) }

        let competitorGenerics = (category?.competitors ?? Set(NameCategory.allCases.filter { $0.level == level }))
            .flatMap { profile.generics(of: $0) }
        var existing = try Self.names(db, under: unitID, level: level, on: day).filter { $0.placeID != excluded }
        if level == .feature, let category {
            let own = profile.generics(of: category)
            existing = existing.filter { candidate in candidate.name == name || own.contains { candidate.name.hasSuffix($0) } }
        }

        let specific = NameSpecific.strip(name, generics: competitorGenerics)
        let sound = NameSound(specific: specific, romanizer: romanizer)
        var findings = text.findings(for: name, category: category)
        findings += compare(name: name, specific: specific, sound: sound, with: existing, generics: competitorGenerics, unit: unitName)
        let order = Dictionary(uniqueKeysWithValues: NameRule.allCases.enumerated().map { ($1.rawValue, $0) })
        findings = findings.enumerated().sorted { a, b in
            (a.element.severity == .error ? 0 : 1, order[a.element.rule] ?? 99, a.offset)
                < (b.element.severity == .error ? 0 : 1, order[b.element.rule] ?? 99, b.offset)
        }.map(\.element)
        return NameCheckReport(name: name, category: category, within: ConflictingName(name: unitName, code: proposal.within),
                               day: day, pinyin: sound.text, compared: existing.count, profile: profile.name, findings: findings)
    }

    /// The findings of the duplicate, homophone and near-homophone rules.
    func compare(name: String, specific: String, sound: NameSound, with existing: [ExistingName], generics: [String], unit: String) -> [NameFinding] {
        var exact: [ConflictingName] = [], sameSpecific: [ConflictingName] = [], homophones: [ConflictingName] = [], near: [ConflictingName] = []
        let folded = sound.folded(by: profile.confusions)
        for candidate in existing {
            if candidate.name == name {
                exact.append(ConflictingName(name: candidate.name, code: candidate.code))
                continue
            }
            let theirSpecific = NameSpecific.strip(candidate.name, generics: generics)
            if theirSpecific == specific {
                sameSpecific.append(ConflictingName(name: candidate.name, code: candidate.code))
                continue
            }
            let theirSound = NameSound(specific: theirSpecific, romanizer: romanizer)
            guard !theirSound.syllables.isEmpty, theirSound.syllables.count == sound.syllables.count else { continue }
            if theirSound == sound {
                homophones.append(ConflictingName(name: candidate.name, code: candidate.code, pinyin: theirSound.text))
            } else if theirSound.folded(by: profile.confusions) == folded {
                near.append(ConflictingName(name: candidate.name, code: candidate.code, pinyin: theirSound.text))
            }
        }
        func list(_ names: [ConflictingName]) -> String {
            names.prefix(5).map { "\($0.name) (\($0.code ?? "no code"))" }.joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        }
        var found: [NameFinding] = []
        if profile.isEnabled(.duplicate), !exact.isEmpty {
            found.append(NameFinding(rule: NameRule.duplicate.rawValue, severity: profile.severity(.duplicate),
                                     message: "“\(name)” is already used within \(unit): \(list(exact))", conflicts: exact, matched: name))
        }
        if profile.isEnabled(.duplicate), !sameSpecific.isEmpty {
            found.append(NameFinding(rule: NameRule.duplicate.rawValue, severity: profile.severity(.duplicate),
                                     message: "the specific part “\(specific)” is already used within \(unit): \(list(sameSpecific))",
                                     conflicts: sameSpecific, matched: specific))
        }
        if profile.isEnabled(.homophone), !homophones.isEmpty {
            found.append(NameFinding(rule: NameRule.homophone.rawValue, severity: profile.severity(.homophone),
                                     message: "“\(specific)” (\(sound.text)) sounds the same as \(list(homophones)) within \(unit)",
                                     conflicts: homophones, matched: specific))
        }
        if profile.isEnabled(.nearHomophone), !near.isEmpty {
            found.append(NameFinding(rule: NameRule.nearHomophone.rawValue, severity: profile.severity(.nearHomophone),
                                     message: "“\(specific)” (\(sound.text)) sounds nearly the same as "
                                         + near.prefix(5).map { "\($0.name) (\($0.code ?? "no code"), \($0.pinyin ?? ""))" }.joined(separator: ", ")
                                         + " within \(unit)",
                                     conflicts: near, matched: specific))
        }
        return found
    }

    /// A name already used under the unit.
    struct ExistingName {
        var placeID: Int64
        var name: String
        var code: String?
    }

    /// The level of the places directly under a unit of `level`.
    static func childLevel(of level: PlaceLevel?) -> PlaceLevel {
        switch level {
        case .county: .township
        case .township: .village
        default: .feature
        }
    }

    /// The standard names, valid on `day`, of the places of `level` directly under `parentID`, with their codes of that day.
    static func names(_ db: Database, under parentID: Int64, level: PlaceLevel, on day: Day) throws -> [ExistingName] {
        try Row.fetchAll(db, sql: """
            SELECT p.id,
              (SELECT n.text FROM name n WHERE n.place_id = p.id AND n.type = 'standard'
                 AND (n.valid_from IS NULL OR n.valid_from <= :day) AND (n.valid_to IS NULL OR n.valid_to > :day) ORDER BY n.id LIMIT 1) AS name,
              (SELECT c.code FROM place_code c WHERE c.place_id = p.id
                 AND (c.valid_from IS NULL OR c.valid_from <= :day) AND (c.valid_to IS NULL OR c.valid_to > :day)
                 ORDER BY c.scheme = 'GB2260' DESC, c.scheme = 'STATS12' DESC, c.id LIMIT 1) AS code
            FROM hierarchy h JOIN place p ON p.id = h.child_id
            WHERE h.parent_id = :parent AND p.level = :level
              AND (h.valid_from IS NULL OR h.valid_from <= :day) AND (h.valid_to IS NULL OR h.valid_to > :day)
              AND (p.valid_from IS NULL OR p.valid_from <= :day) AND (p.valid_to IS NULL OR p.valid_to > :day)
            ORDER BY code, p.id
            """, arguments: ["parent": parentID, "level": level.rawValue, "day": day.description]).compactMap { row in
            guard let name: String = row["name"] else { return nil }
            return ExistingName(placeID: row["id"], name: name, code: row["code"])
        }
    }
}
