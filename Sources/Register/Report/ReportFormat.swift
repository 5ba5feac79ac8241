import Foundation

/// The forms a ``RegisterReport`` is written in.
public enum RegisterReportFormat: String, Sendable, CaseIterable, Codable {
    case text, csv, json, html
}

extension RegisterReport {
    /// The report as text, CSV (one row per division), JSON or a self-contained HTML page with a map.
    ///
    /// ```swift
    /// let html = try store.report(at: day).rendered(as: .html)
    /// ```
    public func rendered(as format: RegisterReportFormat) -> String {
        switch format {
        case .text: return text
        case .csv: return csv
        case .json: return json
        case .html: return RegisterReportHTML(report: self).page
        }
    }

    /// The report as pretty-printed JSON.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
    }

    /// One row per division: code, lines, markers, a column per condition, overdue patrols, open
    /// work orders, open disputes, overdue inspections.
    public var csv: String {
        let conditions = MarkerCondition.allCases.map(\.rawValue)
        var rows = [(["division", "lines", "markers"] + conditions
                     + ["patrols_overdue", "open_work_orders", "open_disputes", "inspections_overdue"]).joined(separator: ",")]
        for d in divisions {
            let fields = [d.code, String(d.lines.count), String(d.markers)] + conditions.map { String(d.conditions[$0] ?? 0) }
                + [String(d.patrolsOverdue.count), String(d.openWorkOrders.count), String(d.openDisputes.count),
                   String(d.inspectionsOverdue.count)]
            rows.append(fields.joined(separator: ","))
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// A plain-text table per division.
    public var text: String {
        var out = "Boundary upkeep report on \(at)" + (division.map { " for \($0)" } ?? "") + "\n"
        for d in divisions {
            out += "\n\(d.code): \(d.lines.count) line(s) (\(d.lines.joined(separator: ", "))), \(d.markers) marker(s)\n"
            let counts = MarkerCondition.allCases.map { "\($0.rawValue) \(d.conditions[$0.rawValue] ?? 0)" }
            out += "  condition:           \(counts.joined(separator: ", "))\n"
            out += "  patrols overdue:     \(d.patrolsOverdue.count)" + list(d.patrolsOverdue) + "\n"
            out += "  open work orders:    \(d.openWorkOrders.count)" + list(d.openWorkOrders.map(String.init)) + "\n"
            out += "  open disputes:       \(d.openDisputes.count)" + list(d.openDisputes.map(String.init)) + "\n"
            out += "  inspections overdue: \(d.inspectionsOverdue.count)" + list(d.inspectionsOverdue) + "\n"
        }
        return out
    }

    private func list(_ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        let shown = items.prefix(8).joined(separator: ", ")
        return " (\(shown)\(items.count > 8 ? ", …" : ""))"
    }
}
