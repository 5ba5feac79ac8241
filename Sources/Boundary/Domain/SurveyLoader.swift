import CRS
import Foundation
import GEOSKit
import GeoFormats

/// One file of a survey to read, with its role when the user gave it.
public struct SurveyInput: Sendable {
    /// The path.
    public var path: String
    /// What it holds; `nil` to decide from the file name or the geometry.
    public var role: SurveyLayerRole?

    /// Creates an input.
    public init(path: String, role: SurveyLayerRole? = nil) {
        self.path = path
        self.role = role
    }
}

/// Reads survey files into a ``Survey``: decides each file's role, maps attributes by the profile,
/// finds the CRS, and projects everything once into a 3° Gauss-Krüger zone for measuring.
///
/// ```swift
/// let context = try GEOSContext()
/// let survey = try SurveyLoader().load([
///     SurveyInput(path: "lines.geojson"), SurveyInput(path: "markers.csv"), SurveyInput(path: "divisions.geojson"),
/// ], context: context)
/// ```
public struct SurveyLoader {
    /// Attribute mapping and marker conventions.
    public var profile: Profile
    /// The CRS of every file, overriding what the files declare.
    public var crs: CoordinateReferenceSystem?
    /// The text encoding of Shapefile DBF and CSV files; `nil` to use a Shapefile's `.cpg` or detect it.
    public var encoding: TextEncoding?

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - profile: the attribute mapping and marker conventions to read with.
    ///   - crs: a CRS for every file, overriding what they declare (`--crs`).
    ///   - encoding: the text encoding of DBF and CSV files (`--encoding`), `nil` to detect it.
    public init(profile: Profile = .standard, crs: CoordinateReferenceSystem? = nil, encoding: TextEncoding? = nil) {
        self.profile = profile
        self.crs = crs
        self.encoding = encoding
    }

    /// Reads the survey.
    ///
    /// - Parameters:
    ///   - inputs: the files.
    ///   - context: the GEOS context every geometry will live in.
    /// - Throws: ``SurveyLoadError`` naming the file, the feature and the problem: missing or unreadable
    ///   files, unknown formats, empty files, missing columns, wrong geometry types, an unknown or mixed
    ///   CRS, coordinates outside the Gauss-Krüger zone.
    public func load(_ inputs: [SurveyInput], context: GEOSContext) throws -> Survey {
        guard !inputs.isEmpty else { throw SurveyLoadError(problem: "no survey files given") }
        var layers: [(input: SurveyInput, layer: FeatureLayer, role: SurveyLayerRole, crs: CoordinateReferenceSystem?)] = []
        for input in inputs {
            let layer = try SurveyLayerReader.read(input.path, profile: profile, encoding: encoding, context: context)
            if layer.features.isEmpty {
                throw SurveyLoadError(file: input.path, problem: "holds no features; a survey file must hold at least one line, marker or division")
            }
            let role = try input.role ?? Self.role(of: input.path, layer: layer)
            var declared: CoordinateReferenceSystem?
            if let text = layer.crs {
                do { declared = try CoordinateReferenceSystem(parsing: text) } catch {
                    if crs == nil { throw SurveyLoadError(file: input.path, problem: "declares CRS \"\(text)\", which quhua does not know: \(error)") }
                }
            }
            layers.append((input, layer, role, declared))
        }
        let inputCRS = try resolveCRS(layers.map { ($0.input.path, $0.crs, $0.layer) })

        // One metric CRS for the whole survey, from the middle of its extent.
        var extent: Envelope?
        for l in layers { for f in l.layer.features { if let e = try f.geometry?.envelope { extent = extent.map { $0.union(e) } ?? e } } }
        var toMetres: CoordinateTransform
        var note: String?
        do {
            if inputCRS.isGeographic, let e = extent {
                // The zone of the middle longitude, when the whole extent fits in its domain.
                let zone = try GaussKrugerZone.bestZone(forLongitudesFrom: e.minX, to: e.maxX)
                toMetres = try CoordinateTransform(from: inputCRS, to: .cgcs2000GaussKruger(zone, withZonePrefix: false))
            } else {
                toMetres = try CoordinateTransform.toMetres(from: inputCRS, aroundLongitude: 0)
            }
        } catch {
            // A layer wider than one zone (a whole country) is measured in Web Mercator, whose scale
            // grows with latitude: tolerances are then only approximate, and the report says so.
            do { toMetres = try CoordinateTransform(from: inputCRS, to: .webMercator) } catch {
                throw SurveyLoadError(problem: "cannot choose a CRS in metres to measure in: \(error)")
            }
            let span = extent.map { String(format: " (%.2f°E to %.2f°E)", $0.minX, $0.maxX) } ?? ""
            note = "the data spans more than one 3° Gauss-Krüger zone\(span); measured in Web Mercator, where lengths grow by 1/cos(latitude), so tolerances in metres are approximate"
        }

        var lines: [BoundaryLine] = [], markers: [Marker] = [], divisions: [Division] = []
        var empty: [FeatureReference] = []
        var files: [SurveyFile] = []
        for l in layers {
            let path = l.input.path
            let fields = l.layer.fields
            let fm = profile.fields
            func text(_ f: Feature, _ field: String?) -> String? {
                guard let field, let v = f.properties[field]?.stringValue?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
                return v
            }
            // A column the file lacks is noted, not refused: a plain GIS layer still gets every
            // geometry and coverage check, and the attribute rules report the file once.
            var missing: [String] = []
            func pick(_ candidates: [String], _ key: String) -> String? {
                let name = FieldMapping.pick(candidates, in: fields)
                if name == nil { missing.append(key) }
                return name
            }
            let keyField: String?
            switch l.role {
            case .lines: keyField = pick(fm.lineID, "lineID")
            case .markers: keyField = pick(fm.markerNumber, "markerNumber")
            case .divisions:
                // Without a code column, the features' own ids (GeoJSON `id`) serve as codes.
                let ids = l.layer.features.allSatisfy { $0.id?.stringValue.map { !$0.isEmpty } ?? false }
                keyField = ids ? FieldMapping.pick(fm.divisionCode, in: fields) : pick(fm.divisionCode, "divisionCode")
            }
            let leftField = l.role == .lines ? pick(fm.lineLeft, "lineLeft") : nil
            let rightField = l.role == .lines ? pick(fm.lineRight, "lineRight") : nil
            let lineField = l.role == .markers ? pick(fm.markerLine, "markerLine") : nil
            let typeField = FieldMapping.pick(fm.markerType, in: fields)
            let hField = FieldMapping.pick(fm.markerH, in: fields), nameField = FieldMapping.pick(fm.divisionName, in: fields)
            let first = l.role == .lines ? lines.count : l.role == .markers ? markers.count : divisions.count

            for (i, feature) in l.layer.features.enumerated() {
                let ref = FeatureReference(layer: l.layer.name, index: i + 1, key: text(feature, keyField) ?? feature.id?.stringValue,
                                           name: text(feature, nameField))
                guard let raw = feature.geometry, try !raw.isEmpty else {
                    empty.append(ref)
                    continue
                }
                let type = try raw.type
                let geometry: Geometry
                do { geometry = try toMetres.transform(raw) } catch {
                    throw SurveyLoadError(file: path, feature: i + 1, problem: "cannot be projected to \(toMetres.target): \(error)")
                }
                switch l.role {
                case .lines:
                    guard type == .lineString || type == .multiLineString else {
                        throw SurveyLoadError(file: path, feature: i + 1, problem: "is a \(type); a lines file holds LineStrings")
                    }
                    let single = try geometry.partCount == 1 && type == .multiLineString ? geometry.part(0).clone() : geometry
                    lines.append(try BoundaryLine(id: text(feature, keyField), leftCode: text(feature, leftField),
                                                  rightCode: text(feature, rightField), geometry: single, reference: ref))
                case .markers:
                    guard type == .point || type == .multiPoint else {
                        throw SurveyLoadError(file: path, feature: i + 1, problem: "is a \(type); a markers file holds Points")
                    }
                    let single = try geometry.partCount == 1 && type == .multiPoint ? geometry.part(0).clone() : geometry
                    let z = try single.type == .point ? try single.coordinates().first?.z : nil
                    markers.append(Marker(number: text(feature, keyField) ?? "", type: text(feature, typeField) ?? "",
                                          lineID: text(feature, lineField), position: single,
                                          elevation: hField.flatMap { feature.properties[$0]?.doubleValue } ?? z, reference: ref))
                case .divisions:
                    guard type == .polygon || type == .multiPolygon else {
                        throw SurveyLoadError(file: path, feature: i + 1, problem: "is a \(type); a divisions file holds Polygons")
                    }
                    let code: String
                    if let given = text(feature, keyField) ?? feature.id?.stringValue, !given.isEmpty {
                        code = given
                    } else if keyField == nil {
                        code = "#\(i + 1)"     // a layer without codes: the feature number stands in
                    } else {
                        throw SurveyLoadError(file: path, feature: i + 1, problem: "has no division code (field \(keyField ?? "?"))")
                    }
                    divisions.append(Division(code: code, name: text(feature, nameField), geometry: geometry, reference: ref))
                }
            }
            let end = l.role == .lines ? lines.count : l.role == .markers ? markers.count : divisions.count
            files.append(SurveyFile(path: path, role: l.role, layer: l.layer.name, featureCount: l.layer.features.count,
                                    declaredCRS: l.layer.crs, missingColumns: missing, items: first..<end))
        }
        let survey = Survey(context: context, lines: lines, markers: markers, divisions: divisions, emptyFeatures: empty,
                            files: files, inputCRS: inputCRS, metricCRS: toMetres.target)
        survey.measurementNote = note
        return survey
    }

    /// The one CRS of the survey: the override, else what the files declare (they must agree),
    /// else CGCS2000 longitude/latitude when every coordinate looks like degrees.
    private func resolveCRS(_ layers: [(String, CoordinateReferenceSystem?, FeatureLayer)]) throws -> CoordinateReferenceSystem {
        if let crs { return crs }
        let declared = layers.compactMap { l in l.1.map { (l.0, $0) } }
        if let first = declared.first {
            if let other = declared.first(where: { $0.1 != first.1 }) {
                throw SurveyLoadError(file: other.0, problem: "mixed CRS: this file is in \(other.1) but \(first.0) is in \(first.1); convert them to one CRS or give --crs")
            }
            return first.1
        }
        for (path, _, layer) in layers {
            for (i, f) in layer.features.enumerated() {
                guard let e = try f.geometry?.envelope else { continue }
                if e.minX < -180 || e.maxX > 180 || e.minY < -90 || e.maxY > 90 {
                    throw SurveyLoadError(file: path, feature: i + 1, problem: "coordinates in metres but no file declares a CRS; give one with --crs (for example --crs CGCS2000-GK3-CM108)")
                }
            }
        }
        return .cgcs2000
    }

    /// The role of a file, from its name, else from its first geometry.
    static func role(of path: String, layer: FeatureLayer) throws -> SurveyLayerRole {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent.lowercased()
        let hints: [(SurveyLayerRole, [String])] = [
            (.markers, ["marker", "界桩", "桩", "point"]),
            (.lines, ["line", "界线", "boundar"]),
            (.divisions, ["division", "polygon", "区划", "prefecture", "count", "region", "area", "政区"]),
        ]
        for (role, words) in hints where words.contains(where: { name.contains($0) }) { return role }
        for f in layer.features {
            switch try f.geometry?.type {
            case .point?, .multiPoint?: return .markers
            case .lineString?, .multiLineString?: return .lines
            case .polygon?, .multiPolygon?: return .divisions
            default: continue
            }
        }
        throw SurveyLoadError(file: path, problem: "cannot tell whether it holds lines, markers or divisions; name it with --lines, --markers or --divisions")
    }
}
