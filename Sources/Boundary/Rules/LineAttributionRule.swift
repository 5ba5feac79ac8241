import Foundation
import GEOSKit

/// `line.attribution`: a line's id and left and right division codes present, different, well-formed,
/// known, and on the right sides.
public struct LineAttributionRule: SurveyRule {
    public static let definition = RuleDefinition(
        id: "line.attribution", severity: .error,
        summary: "A line's id and its left and right division codes: present, the id unique, the two codes different and well-formed (6 digits, GB/T 2260), each a division of the survey (a code outside the survey is accepted only on the survey's outer edge), and the left code really on the left.",
        tolerances: [
            ToleranceDefinition("sideOffset", 5, "m", "How far to the left and right of the line's middle the division on each side is looked up."),
            ToleranceDefinition("edgeDistance", 1, "m", "A line this close to the outline of all divisions is on the survey's outer edge."),
        ])
    let severity: Severity
    let sideOffset: Double
    let edgeDistance: Double
    static let codePattern = #"^[1-9][0-9]{5}$"#

    public init(profile: Profile) {
        severity = profile.severity(for: Self.definition)
        sideOffset = profile.tolerance("sideOffset", of: Self.definition)
        edgeDistance = profile.tolerance("edgeDistance", of: Self.definition)
    }

    public func check(_ survey: PreparedSurvey) throws -> [Finding] {
        var findings: [Finding] = []
        let context = survey.context
        func add(_ line: BoundaryLine, _ location: Geometry?, _ message: String, others: [FeatureReference] = []) throws {
            findings.append(try Finding(ruleID: Self.definition.id, severity: severity, features: [line.reference] + others,
                                        location: location, message: message))
        }
        for (id, indices) in survey.linesByID.sorted(by: { $0.key < $1.key }) where indices.count > 1 {
            let lines = indices.map { survey.survey.lines[$0] }
            try add(lines[0], lines[0].geometry, "line id \(id) is used by \(indices.count) lines", others: lines.dropFirst().map(\.reference))
        }
        // A file without the id or code columns is reported once, not line by line.
        let fm = survey.profile.fields
        for file in survey.survey.files where file.role == .lines {
            let missing = [("lineID", "line id", fm.lineID), ("lineLeft", "left division code", fm.lineLeft),
                           ("lineRight", "right division code", fm.lineRight)].filter { file.missingColumns.contains($0.0) }
            guard !missing.isEmpty else { continue }
            let what = missing.map { "no \($0.1) column (looked for \($0.2.joined(separator: ", ")))" }.joined(separator: " and ")
            let keys = missing.map { "fields.\($0.0)" }.joined(separator: ", ")
            let unchecked = missing.contains { $0.0 != "lineID" } ? "which divisions its \(file.items.count) lines separate" : "the ids of its \(file.items.count) lines"
            findings.append(try Finding(
                ruleID: Self.definition.id, severity: severity, features: [], location: nil,
                message: "\(file.path) has \(what): \(unchecked) cannot be checked, only their geometry; name the columns with \(keys) in the profile, or check geometry only"))
        }
        let hasDivisions = !survey.survey.divisions.isEmpty
        for (i, line) in survey.survey.lines.enumerated() {
            guard let mid = try survey.middle(of: i) else { continue }
            let midPoint = try context.point(mid.point)
            let file = survey.survey.file(of: .lines, index: i)
            if line.id == nil, !(file?.missingColumns.contains("lineID") ?? false) { try add(line, midPoint, "line \(line.label) has no id") }
            if let file, file.missingColumns.contains("lineLeft") || file.missingColumns.contains("lineRight") { continue }
            guard let left = line.leftCode, !left.isEmpty, let right = line.rightCode, !right.isEmpty else {
                let missing = [line.leftCode?.isEmpty ?? true ? "left" : nil, line.rightCode?.isEmpty ?? true ? "right" : nil].compactMap { $0 }
                try add(line, midPoint, "line \(line.label) has no \(missing.joined(separator: " and ")) division code")
                continue
            }
            if left == right {
                try add(line, midPoint, "line \(line.label) has the same division \(left) on both sides")
                continue
            }
            for code in [left, right] where code.range(of: Self.codePattern, options: .regularExpression) == nil {
                try add(line, midPoint, "line \(line.label): \"\(code)\" is not a 6-digit division code")
            }
            guard hasDivisions else { continue }
            let known = [left, right].filter { survey.divisionByCode[$0] != nil }
            if known.isEmpty {
                try add(line, midPoint, "line \(line.label): neither \(left) nor \(right) is a division of the survey")
                continue
            }
            // The outline of all divisions (a union) is built only for a line that needs it.
            if known.count == 1, try !(survey.divisionsOutline().map { try survey.isMostlyAlong(i, $0, within: edgeDistance) } ?? false) {
                let unknown = left == known[0] ? right : left
                try add(line, midPoint, "line \(line.label): \(unknown) is not a division of the survey, and the line is inside the survey area")
                continue
            }
            // Which division lies on each side of the line's middle.
            let l = try context.point(Coordinate(x: mid.point.x - mid.direction.y * sideOffset, y: mid.point.y + mid.direction.x * sideOffset))
            let r = try context.point(Coordinate(x: mid.point.x + mid.direction.y * sideOffset, y: mid.point.y - mid.direction.x * sideOffset))
            let onLeft = try survey.divisionCode(containing: l), onRight = try survey.divisionCode(containing: r)
            if onLeft == right, onRight == left || onRight == nil, known.contains(right) {
                try add(line, midPoint, "line \(line.label): the codes are swapped: \(right) lies on the left and \(left) on the right (walking from the first point to the last)")
            } else if onLeft == nil, onRight == left, known.contains(left) {
                try add(line, midPoint, "line \(line.label): the codes are swapped: \(left) lies on the right of the line")
            }
        }
        return findings
    }
}

extension PreparedSurvey {
    /// Whether most vertices of line `i` lie within `distance` of `target`.
    func isMostlyAlong(_ i: Int, _ target: Geometry, within distance: Double) throws -> Bool {
        let prepared = try target.prepared()
        var near = 0, all = 0
        for part in lineParts[i] {
            for c in try part.coordinates() {
                all += 1
                if try prepared.isWithinDistance(distance, of: try context.point(c)) { near += 1 }
            }
        }
        return all > 0 && near * 2 >= all
    }

    /// The point half-way along line `i` (its longest part) and the unit direction of the line there.
    func middle(of i: Int) throws -> (point: Coordinate, direction: Coordinate)? {
        guard let part = try lineParts[i].max(by: { try $0.length < $1.length }) else { return nil }
        let pts = try part.coordinates()
        let total = try part.length
        guard pts.count >= 2, total > 0 else { return nil }
        var walked = 0.0
        for k in 1..<pts.count {
            let d = Plane.distance(pts[k - 1], pts[k])
            if walked + d >= total / 2, d > 0 {
                let t = (total / 2 - walked) / d
                let p = Coordinate(x: pts[k - 1].x + (pts[k].x - pts[k - 1].x) * t, y: pts[k - 1].y + (pts[k].y - pts[k - 1].y) * t)
                return (p, Coordinate(x: (pts[k].x - pts[k - 1].x) / d, y: (pts[k].y - pts[k - 1].y) / d))
            }
            walked += d
        }
        return nil
    }

    /// The code of the division containing `point`, if exactly one does.
    func divisionCode(containing point: Geometry) throws -> String? {
        var codes: [String] = []
        for k in try divisionTree.query(intersecting: point) where try survey.divisions[k].geometry.intersects(point) {
            codes.append(survey.divisions[k].code)
        }
        return codes.count == 1 ? codes[0] : nil
    }
}
