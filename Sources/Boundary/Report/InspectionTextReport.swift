import Foundation

/// A joint inspection for a terminal: the two epochs, the summary, each line, the markers that
/// moved, went missing or are new, and the new survey's validation findings.
///
/// ```swift
/// print(InspectionTextReport.render(report, colour: isatty(1) != 0))
/// ```
public enum InspectionTextReport {
    /// Renders the report; `colour` adds ANSI colours to verdicts and severities.
    public static func render(_ report: InspectionReport, colour: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func verdict(_ v: LineVerdict) -> String {
            let text = v.words.padding(toLength: 16, withPad: " ", startingAt: 0)
            switch v {
            case .unchanged: return paint(text, "32")
            case .withinTolerance: return paint(text, "33")
            case .changed: return paint(text, "31")
            }
        }
        let s = report.settings, sum = report.summary
        let before = report.before, after = report.after
        var out = "Joint inspection\n"
        out += "  record  \(InspectionReport.origin(before)) (\(InspectionReport.fileList(before))): \(before.lines.count) lines, \(before.markers.count) markers, \(before.divisions.count) divisions, in \(before.inputCRS)"
        out += s.recordDate.map { ", dated \($0)" } ?? ""
        out += "\n  survey  \(InspectionReport.origin(after)) (\(InspectionReport.fileList(after))): \(after.lines.count) lines, \(after.markers.count) markers, \(after.divisions.count) divisions, in \(after.inputCRS)"
        out += s.surveyDate.map { ", dated \($0)" } ?? ""
        out += "\n  measured in \(before.metricCRS)\(report.transformed ? " (the survey was transformed into it)" : "")\n"
        if let note = before.measurementNote { out += "  note: \(note)\n" }
        out += "  tolerances: markers \(InspectionFormat.m(s.markerTolerance)) (search radius \(InspectionFormat.m(s.markerSearchRadius))), lines \(InspectionFormat.m(s.lineTolerance)), unchanged up to \(InspectionFormat.m(s.unchangedDistance))\n"
        if let next = s.nextInspection {
            out += "  next joint inspection due \(paint(next.description, "1")) (\(s.intervalYears) years after the survey of \(s.surveyDate?.description ?? "?"))\n"
        } else {
            out += "  next joint inspection: give the survey date (--survey-date or inspection.surveyDate in the profile) to compute it\n"
        }

        out += "\nSummary\n"
        out += "  lines    \(report.lines.count) compared: \(sum.unchangedLines) unchanged, \(sum.withinToleranceLines) within tolerance, \(paint("\(sum.changedLines) changed", sum.changedLines > 0 ? "31" : "32")); \(sum.missingLines) missing, \(sum.newLines) new\n"
        out += "  markers  \(report.markers.matches.count) matched: \(sum.intactMarkers) intact, \(paint("\(sum.movedMarkers) moved", sum.movedMarkers > 0 ? "31" : "32")); \(sum.missingMarkers) missing, \(sum.newMarkers) new, \(sum.typeChangedMarkers) with a new type\n"
        out += "  area     \(InspectionFormat.area(sum.areaChangingHands)) would change hands\n"
        let bySeverity = Severity.allCases.reversed().compactMap { sev in report.validation.countsBySeverity[sev].map { "\($0) \(sev.rawValue)\($0 == 1 ? "" : "s")" } }
        out += "  due      next joint inspection \(s.nextInspection?.description ?? "unknown (no survey date)")\n"
        out += "  survey   \(sum.findings == 0 ? "passes every validation rule" : "\(sum.findings) validation finding\(sum.findings == 1 ? "" : "s") (\(bySeverity.joined(separator: ", ")))")\n"

        out += "\nLines\n"
        out += "  line      left|right        verdict            Hausdorff      Fréchet  stretches  markers intact/moved/missing/new\n"
        for l in report.lines {
            let c = l.comparison
            let counts = report.markerCounts(onLine: l.id)
            let name = (l.id ?? "#\(l.beforeReference.index)").padding(toLength: 8, withPad: " ", startingAt: 0)
            let pair = "\(l.leftCode ?? "?")|\(l.rightCode ?? "?")".padding(toLength: 17, withPad: " ", startingAt: 0)
            out += "  \(name)  \(pair) \(verdict(c.verdict)) \(pad(InspectionFormat.m(c.hausdorff), 12)) \(pad(InspectionFormat.m(c.frechet), 12)) \(pad(String(c.afterStretches.count), 10))  \(counts.intact)/\(counts.moved)/\(counts.missing)/\(counts.new)\n"
            var notes: [String] = []
            if let a = l.afterID { notes.append("the survey calls it \(a)") }
            if l.pairing == .divisions { notes.append("paired by its divisions") }
            if c.reversed { notes.append("surveyed in the opposite direction") }
            if l.divisionsDiffer { notes.append("the survey names other divisions on its sides") }
            if !notes.isEmpty { out += "            (\(notes.joined(separator: "; ")))\n" }
            for st in c.afterStretches {
                out += "            stretch  \(InspectionFormat.chainage(st.from))–\(InspectionFormat.chainage(st.to)) m along the survey line (record \(InspectionFormat.chainage(min(st.fromOnOther, st.toOnOther)))–\(InspectionFormat.chainage(max(st.fromOnOther, st.toOnOther))) m), \(InspectionFormat.chainage(st.length)) m long, up to \(InspectionFormat.m(st.maximumOffset)) off at \(InspectionFormat.at(st.maximumOffsetAt.x, st.maximumOffsetAt.y))\n"
            }
            for st in c.beforeStretches where c.afterStretches.isEmpty {
                out += "            stretch  \(InspectionFormat.chainage(st.from))–\(InspectionFormat.chainage(st.to)) m of the record line has no survey line within \(InspectionFormat.m(c.tolerance)) (up to \(InspectionFormat.m(st.maximumOffset)))\n"
            }
            for face in c.areas where face.area >= 0.5 {
                out += "            area     \(InspectionFormat.area(face.area)) \(face.side.rawValue) of the agreed line: \(face.fromCode ?? face.side.rawValue) loses it to \(face.toCode ?? "the other side")\n"
            }
            if c.areas.count > 1 {
                out += "            net      \(l.leftCode ?? "left") \(c.netGainOfLeft >= 0 ? "gains" : "loses") \(InspectionFormat.area(abs(c.netGainOfLeft)))\n"
            }
        }
        for l in report.missingLines { out += "  \(paint("missing", "31"))   \(l.label): in the record, not in the survey (\(InspectionFormat.chainage(l.length)) m)\n" }
        for l in report.newLines { out += "  \(paint("new", "33"))       \(l.label): in the survey, not in the record (\(InspectionFormat.chainage(l.length)) m)\n" }
        for p in report.problems { out += "  \(paint("problem", "31"))   \(p)\n" }

        out += "\nMarkers\n"
        let displaced = report.markers.matches.filter { $0.distance > s.unchangedDistance }
        if displaced.isEmpty && report.markers.missing.isEmpty && report.markers.new.isEmpty && report.markers.typeChanged.isEmpty {
            out += "  every marker of the record is in place\n"
        }
        for m in displaced.sorted(by: { $0.distance > $1.distance }) {
            let status = m.isMoved ? paint("moved  ", "31") : paint("intact ", "32")
            out += "  \(status)  \(m.before.label.padding(toLength: 10, withPad: " ", startingAt: 0)) line \(m.before.lineID ?? "?")  dx \(InspectionFormat.signed(m.dx))  dy \(InspectionFormat.signed(m.dy))  \(InspectionFormat.m(m.distance)) toward \(InspectionFormat.azimuth(m.azimuth))"
            if let dh = m.dh, abs(dh) > 0.0005 { out += "  dH \(InspectionFormat.signed(dh))" }
            if m.method == .position { out += "  (matched by position\(m.numberChanged ? ", survey number \(m.after.label)" : ""))" }
            out += "\n"
        }
        for m in report.markers.typeChanged {
            out += "  \(paint("type   ", "33"))  \(m.before.label) is \(m.after.label) in the survey (type \"\(m.before.type)\" → \"\(m.after.type)\")\n"
        }
        for m in report.markers.missing {
            out += "  \(paint("missing", "31"))  \(m.label.padding(toLength: 10, withPad: " ", startingAt: 0)) line \(m.lineID ?? "?")  last at \(InspectionFormat.at(m.x, m.y))\n"
        }
        for m in report.markers.new {
            out += "  \(paint("new    ", "33"))  \(m.label.padding(toLength: 10, withPad: " ", startingAt: 0)) line \(m.lineID ?? "?")  at \(InspectionFormat.at(m.x, m.y))\n"
        }

        out += "\nValidation of the survey (the rules of quhua validate, profile: \(report.validation.profile.name))\n"
        let findings = report.validation.sortedFindings
        if findings.isEmpty { out += "  no findings\n" }
        for f in findings {
            let code = f.severity == .error ? "31" : f.severity == .warning ? "33" : "36"
            out += "  \(paint(f.severity.rawValue, code))  \(f.ruleID)  \(f.message)\n"
        }
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
