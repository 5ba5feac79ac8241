import Foundation
import GRDB

/// Writes and reads the name checks stored with naming cases (tables `naming_check` and `naming_finding`).
enum NamingCheckRecords {
    static func store(_ report: NameCheckReport, caseID: Int64, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO naming_check (case_id, checked_at, day, profile, category, within_code, within_name, compared, pinyin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [caseID, AuditRecord.timestamp(), report.day.description, report.profile, report.category?.rawValue,
                             report.within.code, report.within.name, report.compared, report.pinyin])
        let checkID = db.lastInsertedRowID
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for finding in report.findings {
            let conflicts = String(decoding: try encoder.encode(finding.conflicts), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO naming_finding (check_id, case_id, rule, severity, message, matched, conflicts) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [checkID, caseID, finding.rule, finding.severity.rawValue, finding.message, finding.matched, conflicts])
        }
    }

    static func reports(of caseID: Int64, in db: Database) throws -> [NameCheckReport] {
        let decoder = JSONDecoder()
        return try Row.fetchAll(db, sql: "SELECT * FROM naming_check WHERE case_id = ? ORDER BY id", arguments: [caseID]).map { row in
            let findings = try Row.fetchAll(db, sql: "SELECT * FROM naming_finding WHERE check_id = ? ORDER BY id", arguments: [row["id"] as Int64])
                .map { finding in
                    let conflicts: String = finding["conflicts"]
                    return NameFinding(rule: finding["rule"], severity: NameFindingSeverity(rawValue: finding["severity"]) ?? .error,
                                       message: finding["message"],
                                       conflicts: (try? decoder.decode([ConflictingName].self, from: Data(conflicts.utf8))) ?? [],
                                       matched: finding["matched"])
                }
            let day: String = row["day"]
            return NameCheckReport(name: try String.fetchOne(db, sql: "SELECT proposed_name FROM naming_case WHERE id = ?", arguments: [caseID]) ?? "",
                                   category: (row["category"] as String?).flatMap(NameCategory.init(rawValue:)),
                                   within: ConflictingName(name: row["within_name"] ?? "", code: row["within_code"]),
                                   day: Day(stored: day) ?? Day.today, pinyin: row["pinyin"] ?? "", compared: row["compared"],
                                   profile: row["profile"], findings: findings)
        }
    }
}
