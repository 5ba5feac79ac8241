import Foundation
import Gazetteer
import GRDB

extension RegisterStore {
    /// The upkeep report on a day, per division code on the lines' sides.
    ///
    /// For each division: its lines, their standing markers by current condition (the latest patrol
    /// condition since the marker's current version began, intact when never reported), the markers
    /// whose patrol is overdue, the open work orders (as of the day: not yet verified or cancelled) on
    /// those markers, the open or mediating disputes on those lines, and the overdue inspections.
    ///
    /// ```swift
    /// let report = try store.report(division: "610100", at: try Day.register("2024-01-01"))
    /// print(report.divisions[0].conditions["moved"] ?? 0)
    /// ```
    /// - Parameters:
    ///   - division: Only this division code; `nil` for every code.
    ///   - day: The day.
    ///   - rules: The schedule rules for overdue patrols and inspections.
    /// - Throws: ``RegisterError/invalidValue(field:value:expected:)`` for a code on no line.
    public func report(division: String? = nil, at day: Day, rules: ScheduleRules = .standard) throws -> RegisterReport {
        try read { db in
            let due = try Self.due(at: day, rules: rules, db)
            let overdue = Set(due.patrols.filter(\.overdue).map(\.marker))
            let lateInspections = Set(due.inspections.filter(\.overdue).map(\.line))
            let lines = try String.fetchAll(db, sql: "SELECT id FROM line ORDER BY id").compactMap { try Self.line($0, existingOn: day, db) }
                .filter { $0.version.status == .active }
            var codes = Set<String>()
            for line in lines { for code in [line.version.leftCode, line.version.rightCode].compactMap({ $0 }) { codes.insert(code) } }
            if let division, !codes.contains(division) {
                throw RegisterError.invalidValue(field: "--division", value: division, expected: "a division code on a side of a registered line")
            }
            var states: [MarkerState] = []
            for label in try String.fetchAll(db, sql: "SELECT label FROM marker ORDER BY label") {
                guard let marker = try Self.marker(label, existingOn: day, db), marker.version.status == .active else { continue }
                let condition = try String.fetchOne(db, sql: """
                    SELECT o.condition FROM observation o JOIN patrol p ON p.id = o.patrol_id
                    WHERE o.marker = ? AND p.date <= ? AND p.date >= ? ORDER BY p.date DESC, o.id DESC LIMIT 1
                    """, arguments: [label, day.description, marker.version.validFrom.description])
                states.append(MarkerState(marker: label, line: marker.version.line, position: marker.version.position,
                                          condition: condition.flatMap(MarkerCondition.init(rawValue:)) ?? .intact,
                                          patrolOverdue: overdue.contains(label)))
            }
            let orders = try Int64.fetchAll(db, sql: "SELECT id FROM work_order ORDER BY id").map { try Self.workOrder(id: $0, db) }
                .filter { order in order.steps.last(where: { $0.date <= day }).map { $0.state.isOpen } ?? false }
            let disputes = try Int64.fetchAll(db, sql: "SELECT id FROM dispute ORDER BY id").map { try Self.dispute(id: $0, db) }
                .filter { dispute in dispute.steps.last(where: { $0.date <= day }).map { $0.status.isOpen } ?? false }

            var summaries: [DivisionSummary] = []
            for code in codes.sorted() where division == nil || code == division {
                let own = lines.filter { $0.version.leftCode == code || $0.version.rightCode == code }.map(\.id)
                let ownSet = Set(own)
                let markers = states.filter { $0.line.map(ownSet.contains) ?? false }
                let labels = Set(markers.map(\.marker))
                var conditions = Dictionary(uniqueKeysWithValues: MarkerCondition.allCases.map { ($0.rawValue, 0) })
                for m in markers { conditions[m.condition.rawValue, default: 0] += 1 }
                summaries.append(DivisionSummary(
                    code: code, lines: own, markers: markers.count, conditions: conditions,
                    patrolsOverdue: markers.filter(\.patrolOverdue).map(\.marker),
                    openWorkOrders: orders.filter { labels.contains($0.marker) }.map(\.id),
                    openDisputes: disputes.filter { ownSet.contains($0.line) }.map(\.id),
                    inspectionsOverdue: own.filter(lateInspections.contains)))
            }
            let shown = Set(summaries.flatMap(\.lines))
            return RegisterReport(at: day, division: division, divisions: summaries, lines: lines.filter { shown.contains($0.id) },
                                  markers: states.filter { $0.line.map(shown.contains) ?? false }, crs: lines.first?.version.crs)
        }
    }
}
