import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// The joint inspections and patrols due on a day, by the ``ScheduleRules``.
    ///
    /// ```swift
    /// let due = try store.due(at: try Day.register("2025-01-01"))
    /// due.inspections.first { $0.line == "0005" }?.due   // 2024-07-30 after a flood on 2023-07-30
    /// ```
    /// - Parameters:
    ///   - day: The day to look at.
    ///   - rules: The intervals.
    public func due(at day: Day, rules: ScheduleRules = .standard) throws -> DueReport {
        try read { db in try Self.due(at: day, rules: rules, db) }
    }

    static func due(at day: Day, rules: ScheduleRules, _ db: Database) throws -> DueReport {
        let events = try lineEvents(line: nil, db)
        var inspections: [InspectionDue] = []
        for id in try String.fetchAll(db, sql: "SELECT id FROM line ORDER BY id") {
            guard let line = try Self.line(id, existingOn: day, db), line.version.status == .active else { continue }
            let last = line.lastInspected
            var due = last.adding(years: rules.inspectionIntervalYears)
            var reason = "\(rules.inspectionIntervalYears) years after the inspection of \(last)"
            var cause: LineEventRecord?
            for event in events where event.line == id && event.date > last && event.date <= day {
                let sooner = event.date.adding(years: rules.eventWindowYears)
                if sooner < due {
                    (due, cause) = (sooner, event)
                    reason = "\(rules.eventWindowYears) year(s) after the \(event.kind.rawValue) of \(event.date)"
                }
            }
            inspections.append(InspectionDue(line: id, lastInspected: last, due: due, event: cause, overdue: due < day, reason: reason))
        }
        var patrols: [PatrolDue] = []
        for label in try String.fetchAll(db, sql: "SELECT label FROM marker ORDER BY label") {
            guard let marker = try Self.marker(label, existingOn: day, db), marker.version.status == .active else { continue }
            let last = try String.fetchOne(db, sql: """
                SELECT max(p.date) FROM observation o JOIN patrol p ON p.id = o.patrol_id WHERE o.marker = ? AND p.date <= ?
                """, arguments: [label, day.description]).map(Day.register)
            let since = max(last ?? marker.version.validFrom, marker.version.validFrom)
            let levels = try responsible(for: label, at: day, db).map(\.level)
            let level = levels.min { $0.patrolIntervalMonths < $1.patrolIntervalMonths }
            let months = level?.patrolIntervalMonths ?? rules.unassignedIntervalMonths
            let due = since.adding(months: months)
            patrols.append(PatrolDue(marker: label, line: marker.version.line, lastPatrolled: last, since: since, level: level,
                                     intervalMonths: months, due: due, overdue: due < day))
        }
        return DueReport(at: day, rules: rules, inspections: inspections, patrols: patrols)
    }
}
