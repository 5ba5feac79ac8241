import CRS
import GEOSKit

/// Compares a new survey of boundary lines and markers with the record of the last joint inspection.
///
/// The new survey is first checked with the rules of `quhua validate` (``SurveyValidator``); then
/// markers are paired (``MarkerMatcher``) and lines are paired by id, else by their pair of
/// divisions, and compared (``LineComparator``). A survey measured in another CRS than the record
/// is transformed into the record's metric CRS first.
///
/// ```swift
/// let context = try GEOSContext()
/// let loader = SurveyLoader(profile: profile)
/// let record = try loader.load(recordFiles, context: context)
/// let survey = try loader.load(surveyFiles, context: context)
/// let report = try Inspector(profile: profile, settings: settings).inspect(before: record, after: survey)
/// ```
public struct Inspector {
    /// The validation rules, field mapping and marker convention.
    public var profile: Profile
    /// Tolerances and dates.
    public var settings: InspectionSettings

    /// Creates an inspector.
    ///
    /// - Parameters:
    ///   - profile: the validation profile applied to the new survey.
    ///   - settings: the inspection tolerances and dates.
    public init(profile: Profile = .standard, settings: InspectionSettings = .standard) {
        self.profile = profile
        self.settings = settings
    }

    /// Inspects a new survey against the record.
    ///
    /// - Parameters:
    ///   - before: the record: the agreed lines and the marker register.
    ///   - after: the new survey of the same lines.
    ///   - progress: called with a short note before each stage.
    /// - Returns: the report; lines without counterpart are listed in it, not thrown.
    /// - Throws: ``InspectionError/emptyEpoch(epoch:)`` when either side has no lines and no markers;
    ///   ``InspectionError/invalidSetting(_:)`` for bad settings; a `CRSError` when the survey cannot be
    ///   transformed into the record's CRS; a `GEOSError` when GEOS fails.
    public func inspect(before: Survey, after: Survey, progress: ((String) -> Void)? = nil) throws -> InspectionReport {
        let settings = try self.settings.validated()
        guard !before.lines.isEmpty || !before.markers.isEmpty else { throw InspectionError.emptyEpoch(epoch: "record") }
        guard !after.lines.isEmpty || !after.markers.isEmpty else { throw InspectionError.emptyEpoch(epoch: "survey") }

        let transformed = after.metricCRS != before.metricCRS || after.context !== before.context
        let survey = transformed ? try Self.move(after, into: before) : after

        progress?("validating the new survey")
        let validation = try SurveyValidator(profile: profile).validate(survey)

        progress?("comparing markers")
        let matcher = MarkerMatcher(tolerance: settings.markerTolerance, searchRadius: settings.markerSearchRadius)
        let markers = matcher.compare(before: try before.markers.map(Self.record), after: try survey.markers.map(Self.record))

        progress?("comparing lines")
        let comparator = LineComparator(tolerance: settings.lineTolerance, unchangedDistance: settings.unchangedDistance)
        let (pairs, missingIndices, newIndices) = try Self.pairLines(before.lines, survey.lines, searchRadius: settings.markerSearchRadius)
        var lines: [LineInspection] = []
        var problems: [String] = []
        var missing = missingIndices, new = newIndices
        for (b, a, pairing) in pairs {
            let old = before.lines[b], now = survey.lines[a]
            let comparison: LineComparison
            do {
                comparison = try comparator.compare(before: old.geometry, after: now.geometry)
            } catch let error as InspectionError {
                problems.append("line \(old.label) could not be compared with \(now.label): \(error)")
                missing.append(b)
                new.append(a)
                continue
            }
            var named = comparison
            named.areas = comparison.areas.map { $0.naming(left: old.leftCode, right: old.rightCode) }
            let afterSides = comparison.reversed ? (now.rightCode, now.leftCode) : (now.leftCode, now.rightCode)
            let differ = afterSides.0 != nil && afterSides.1 != nil && (afterSides.0 != old.leftCode || afterSides.1 != old.rightCode)
            lines.append(LineInspection(
                beforeIndex: b, afterIndex: a, id: old.id ?? now.id, afterID: now.id == old.id ? nil : now.id,
                leftCode: old.leftCode ?? afterSides.0, rightCode: old.rightCode ?? afterSides.1,
                beforeReference: old.reference, afterReference: now.reference, pairing: pairing,
                divisionsDiffer: differ, comparison: named))
        }
        func unpaired(_ lines: [BoundaryLine], _ i: Int) throws -> UnpairedLine {
            UnpairedLine(index: i, id: lines[i].id, leftCode: lines[i].leftCode, rightCode: lines[i].rightCode,
                         reference: lines[i].reference, length: try lines[i].geometry.length)
        }
        return InspectionReport(
            before: before, after: survey, settings: settings, validation: validation, markers: markers,
            lines: lines.sorted { $0.beforeIndex < $1.beforeIndex },
            missingLines: try missing.sorted().map { try unpaired(before.lines, $0) },
            newLines: try new.sorted().map { try unpaired(survey.lines, $0) },
            problems: problems, transformed: transformed)
    }

    /// A marker as the matcher sees it.
    static func record(_ marker: Marker) throws -> MarkerRecord {
        let point = try marker.position.type == .point ? marker.position : try marker.position.part(0)
        guard let c = try point.coordinates().first else {
            throw InspectionError.invalidSetting("marker \(marker.label) has no position")
        }
        return MarkerRecord(number: marker.number, type: marker.type, lineID: marker.lineID, x: c.x, y: c.y,
                            elevation: marker.elevation, reference: marker.reference)
    }

    /// Pairs lines: by id where an id occurs once on each side, then by the pair of divisions, nearest
    /// first where several lines separate the same two divisions.
    static func pairLines(_ before: [BoundaryLine], _ after: [BoundaryLine], searchRadius: Double)
        throws -> (pairs: [(Int, Int, LineInspection.Pairing)], missing: [Int], new: [Int]) {
        var pairs: [(Int, Int, LineInspection.Pairing)] = []
        var usedBefore = Set<Int>(), usedAfter = Set<Int>()
        let beforeByID = Dictionary(grouping: before.indices.filter { before[$0].id != nil }, by: { before[$0].id ?? "" })
        let afterByID = Dictionary(grouping: after.indices.filter { after[$0].id != nil }, by: { after[$0].id ?? "" })
        for (id, b) in beforeByID where b.count == 1 {
            guard let a = afterByID[id], a.count == 1 else { continue }
            pairs.append((b[0], a[0], .id))
            usedBefore.insert(b[0]); usedAfter.insert(a[0])
        }
        let beforeByPair = Dictionary(grouping: before.indices.filter { !usedBefore.contains($0) && before[$0].codePair != nil }, by: { before[$0].codePair ?? "" })
        let afterByPair = Dictionary(grouping: after.indices.filter { !usedAfter.contains($0) && after[$0].codePair != nil }, by: { after[$0].codePair ?? "" })
        for (key, bs) in beforeByPair.sorted(by: { $0.key < $1.key }) {
            guard let as_ = afterByPair[key] else { continue }
            var candidates: [(Double, Int, Int)] = []
            for b in bs {
                guard let eb = try before[b].geometry.envelope?.expanded(by: searchRadius) else { continue }
                for a in as_ {
                    guard let ea = try after[a].geometry.envelope, ea.intersects(eb) else { continue }
                    candidates.append((try before[b].geometry.hausdorffDistance(to: after[a].geometry), b, a))
                }
            }
            candidates.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
            for (_, b, a) in candidates where !usedBefore.contains(b) && !usedAfter.contains(a) {
                pairs.append((b, a, .divisions))
                usedBefore.insert(b); usedAfter.insert(a)
            }
        }
        return (pairs, before.indices.filter { !usedBefore.contains($0) }, after.indices.filter { !usedAfter.contains($0) })
    }

    /// The survey with every geometry in the record's metric CRS and GEOS context.
    static func move(_ survey: Survey, into record: Survey) throws -> Survey {
        let context = record.context
        let transform = survey.metricCRS == record.metricCRS ? nil : try CoordinateTransform(from: survey.metricCRS, to: record.metricCRS)
        func moved(_ g: Geometry) throws -> Geometry {
            let here = g.context === context ? g : try context.geometry(wkb: try g.wkb())
            return try transform?.transform(here) ?? here
        }
        let lines = try survey.lines.map { l in
            try BoundaryLine(id: l.id, leftCode: l.leftCode, rightCode: l.rightCode, geometry: try moved(l.geometry), reference: l.reference)
        }
        let markers = try survey.markers.map { m in
            Marker(number: m.number, type: m.type, lineID: m.lineID, position: try moved(m.position), elevation: m.elevation, reference: m.reference)
        }
        let divisions = try survey.divisions.map { d in
            Division(code: d.code, name: d.name, geometry: try moved(d.geometry), reference: d.reference)
        }
        let moved = Survey(context: context, lines: lines, markers: markers, divisions: divisions, emptyFeatures: survey.emptyFeatures,
                           files: survey.files, inputCRS: survey.inputCRS, metricCRS: record.metricCRS)
        moved.measurementNote = record.measurementNote
        return moved
    }
}
