import Foundation
import Register

/// Plain-text forms of the register's records, for `--format text`.
enum RegisterText {
    static func importSummary(_ s: ImportSummary) -> String {
        let i = s.inspection
        guard s.created else {
            return "inspection \(i.id) of \(i.date) (\(i.source)) is already registered from the same files: nothing changed\n"
        }
        var out = "inspection \(i.id) of \(i.date), agreement \(i.agreement), tolerance \(i.tolerance) m, \(i.crs)\n"
        out += "  lines:   \(s.linesAdded.count) added, \(s.linesChanged.count) changed, \(s.linesEnded.count) ended, \(s.linesUnchanged) unchanged\n"
        out += "  markers: \(s.markersAdded.count) added, \(s.markersChanged.count) changed, \(s.markersEnded.count) ended, \(s.markersUnchanged) unchanged\n"
        for (title, items) in [("lines changed", s.linesChanged), ("lines ended", s.linesEnded),
                               ("markers changed", s.markersChanged), ("markers ended (missing)", s.markersEnded)]
            where !items.isEmpty {
            out += "  \(title): \(items.joined(separator: ", "))\n"
        }
        if !s.markersAdded.isEmpty, s.markersAdded.count <= 20 { out += "  markers added: \(s.markersAdded.joined(separator: ", "))\n" }
        return out
    }

    static func version(_ v: MarkerVersionRecord) -> String {
        let period = "\(v.validFrom) – \(v.validTo.map(\.description) ?? "now")"
        let source: String
        switch v.reason {
        case .inspection: source = "inspection \(v.inspectionID.map(String.init) ?? "?") of \(v.inspectionDate.map(\.description) ?? "?")"
        case .ended: source = "ended by inspection \(v.inspectionID.map(String.init) ?? "?") of \(v.inspectionDate.map(\.description) ?? "?")"
        case .replaced: source = "replaced by work order \(v.workOrderID.map(String.init) ?? "?")"
        }
        return "  \(period)  \(v.status.rawValue)  \(v.position)  line \(v.line ?? "?")  (\(source))\n"
    }

    static func markerHistory(_ h: MarkerHistory) -> String {
        let m = h.marker
        var out = "marker \(m.label)" + (m.type.isEmpty ? "" : " (type \(m.type))")
            + ", line \(m.version.line ?? "?"), installed \(m.installed), now \(m.version.status.rawValue) at \(m.version.position) (\(m.version.crs))\n"
        out += "versions:\n" + h.versions.map(version).joined()
        if !h.observations.isEmpty {
            out += "patrols:\n"
            for o in h.observations {
                out += "  \(o.date)  patrol \(o.patrolID) by \(o.patroller): \(o.condition.rawValue)"
                if let d = o.displacement, let t = o.tolerance {
                    out += String(format: ", measured %.3f m from the register (tolerance %.2f m%@)", d, t, o.beyondTolerance == true ? ", BEYOND" : ", within")
                }
                out += o.note.map { " — \($0)" } ?? ""
                out += "\n"
            }
        }
        if !h.workOrders.isEmpty { out += "work orders:\n" + h.workOrders.map { workOrder($0).indented }.joined() }
        if !h.disputes.isEmpty { out += "disputes on line \(m.version.line ?? "?"):\n" + h.disputes.map { dispute($0).indented }.joined() }
        if !h.responsibilities.isEmpty { out += "responsible:\n" + responsibilities(h.responsibilities).indented }
        return out
    }

    static func lineHistory(_ h: LineHistory) -> String {
        let v = h.line.version
        var out = "line \(h.line.id): \(v.level.rawValue) line \(v.leftCode ?? "?") | \(v.rightCode ?? "?"), agreement \(v.agreement), "
            + "last inspected \(h.line.lastInspected), now \(v.status.rawValue)\n"
        out += "versions:\n"
        for version in h.versions {
            out += "  \(version.validFrom) – \(version.validTo.map(\.description) ?? "now")  \(version.status.rawValue)  "
                + "inspection \(version.inspectionID) (\(version.reason.rawValue))  \(version.wkt.count) characters of WKT\n"
        }
        out += "inspections: " + h.inspections.map { "\($0.date) (\($0.agreement))" }.joined(separator: ", ") + "\n"
        out += "markers (\(h.markers.count)): " + h.markers.map { "\($0.label)\($0.version.status == .active ? "" : " [\($0.version.status.rawValue)]")" }
            .joined(separator: ", ") + "\n"
        if !h.events.isEmpty { out += "events:\n" + h.events.map { "  \($0.date)  \($0.kind.rawValue)\($0.note.map { " — \($0)" } ?? "")\n" }.joined() }
        if !h.disputes.isEmpty { out += "disputes:\n" + h.disputes.map { dispute($0).indented }.joined() }
        if !h.responsibilities.isEmpty { out += "responsible:\n" + responsibilities(h.responsibilities).indented }
        return out
    }

    static func patrol(_ p: PatrolRecord) -> String {
        var out = "patrol \(p.id) on \(p.date) by \(p.patroller)" + (p.position.map { " at \($0)" } ?? "")
            + (p.clientID.map { " (client id \($0))" } ?? "") + "\n"
        for o in p.observations {
            out += "  \(o.marker): \(o.condition.rawValue)"
            if let d = o.displacement, let t = o.tolerance {
                out += String(format: ", %.3f m from the registered position, %@ the %.2f m tolerance", d,
                              o.beyondTolerance == true ? "beyond" : "within", t)
            }
            out += (o.note.map { " — \($0)" } ?? "") + "\n"
        }
        for photo in p.photos { out += "  photo \(photo.originalName) → photos/\(photo.fileName)\n" }
        return out
    }

    static func workOrder(_ o: WorkOrderRecord) -> String {
        var out = "work order \(o.id): marker \(o.marker), from patrol \(o.patrolID), \(o.state.rawValue)"
            + (o.assignee.map { ", assigned to \($0)" } ?? "") + "\n"
        for s in o.steps {
            out += "  \(s.date)  \(s.state.rawValue) by \(s.actor)" + (s.assignee.map { " → \($0)" } ?? "")
                + (s.replacedAt.map { ", replaced at \($0)" } ?? "") + (s.note.map { " — \($0)" } ?? "") + "\n"
        }
        return out
    }

    static func dispute(_ d: DisputeRecord) -> String {
        var out = "dispute \(d.id) on line \(d.line)"
            + (d.fromMarker.map { " from \($0) to \(d.toMarker ?? "?")" } ?? "") + ": \(d.status.rawValue), "
            + "parties \(d.parties.joined(separator: "; ")), opened \(d.opened)" + (d.title.map { " — \($0)" } ?? "") + "\n"
        for s in d.steps {
            out += "  \(s.date)  \(s.status.rawValue) by \(s.actor)" + (s.note.map { " — \($0)" } ?? "")
                + (s.documents.isEmpty ? "" : " [\(s.documents.joined(separator: "; "))]") + "\n"
        }
        return out
    }

    static func responsibilities(_ records: [ResponsibilityRecord]) -> String {
        records.map { r in
            "#\(r.id)  \(r.validFrom) – \(r.validTo.map(\.description) ?? "now")  \(r.caretakerName) (\(r.caretaker), \(r.level.rawValue)): \(r.target)"
                + (r.note.map { " — \($0)" } ?? "") + "\n"
        }.joined()
    }

    static func due(_ d: DueReport, all: Bool) -> String {
        var out = "Due on \(d.at) (inspections every \(d.rules.inspectionIntervalYears) years):\n\njoint inspections:\n"
        for i in d.inspections {
            out += "  line \(i.line): due \(i.due)\(i.overdue ? " OVERDUE" : "") — \(i.reason)\n"
        }
        let patrols = all ? d.patrols : d.patrols.filter(\.overdue)
        let overdue = d.patrols.filter(\.overdue).count
        out += "\npatrols: \(overdue) of \(d.patrols.count) standing markers overdue\n"
        for p in patrols {
            out += "  \(p.marker) (line \(p.line ?? "?")): due \(p.due)\(p.overdue ? " OVERDUE" : ""), every \(p.intervalMonths) month(s)"
                + " (\(p.level?.rawValue ?? "nobody responsible")), last visit \(p.since)\n"
        }
        return out
    }
}

private extension String {
    /// Every line indented by two spaces.
    var indented: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}
