import Foundation

/// Switches a rule on or off and overrides its severity and tolerances.
public struct RuleSettings: Sendable, Codable, Equatable {
    /// Whether the rule runs (default: yes).
    public var enabled: Bool?
    /// The severity of its findings.
    public var severity: Severity?
    /// Tolerance values by name (see `quhua rules`); always metres or degrees.
    public var tolerances: [String: Double]?

    /// Creates settings.
    public init(enabled: Bool? = nil, severity: Severity? = nil, tolerances: [String: Double]? = nil) {
        self.enabled = enabled
        self.severity = severity
        self.tolerances = tolerances
    }
}

/// The settings of a validation: which rules run, their severities and tolerances, the attribute
/// mapping and the marker numbering convention.
///
/// A profile file is JSON; everything in it is optional and overrides ``standard``:
///
/// ```json
/// {
///   "name": "county survey 2024",
///   "nodeTolerance": 0.001,
///   "rules": {
///     "marker.off-line": { "tolerances": { "maxDistance": 0.2 } },
///     "geometry.spike": { "severity": "error" },
///     "line.pseudo-node": { "enabled": false }
///   },
///   "fields": { "lineLeft": "LEFT_CODE" },
///   "markers": { "axisOrder": "ne" }
/// }
/// ```
public struct Profile: Sendable, Equatable {
    /// A name for reports.
    public var name: String
    /// Line end points closer than this (metres) are the same node of the line network.
    public var nodeTolerance: Double
    /// Per-rule settings by rule id.
    public var rules: [String: RuleSettings]
    /// Which attributes hold codes, ids and numbers.
    public var fields: FieldMapping
    /// The marker numbering convention.
    public var markers: MarkerConvention

    /// The default profile, following boundary-survey practice (GB/T 17796): every rule on, with
    /// the default severities and tolerances of ``RuleCatalogue/definitions``.
    public static var standard: Profile {
        Profile(name: "quhua default (GB/T 17796 practice)", nodeTolerance: 0.001, rules: [:],
                fields: .standard, markers: .standard)
    }

    /// Whether the rule with this id runs.
    public func isEnabled(_ id: String) -> Bool { rules[id]?.enabled ?? true }

    /// The severity of a rule's findings.
    public func severity(for definition: RuleDefinition) -> Severity {
        rules[definition.id]?.severity ?? definition.severity
    }

    /// The value of a rule's tolerance, from the profile or the rule's default.
    public func tolerance(_ name: String, of definition: RuleDefinition) -> Double {
        if let v = rules[definition.id]?.tolerances?[name] { return v }
        return definition.tolerances.first { $0.name == name }?.value ?? 0
    }

    /// Reads a profile file over ``standard``.
    ///
    /// ```swift
    /// let profile = try Profile.load(from: URL(fileURLWithPath: "county.json"))
    /// ```
    /// - Parameter url: a JSON profile.
    /// - Throws: ``ProfileError`` for an unreadable file, bad JSON, an unknown rule id or tolerance name,
    ///   a negative tolerance, or an invalid marker number pattern.
    public static func load(from url: URL) throws -> Profile {
        let path = url.relativePath
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ProfileError(file: path, problem: "cannot be read (no such file, or not readable)")
        }
        return try decode(data, file: path)
    }

    /// Reads profile JSON over ``standard``; `file` names it in errors.
    public static func decode(_ data: Data, file: String? = nil) throws -> Profile {
        let document: ProfileDocument
        do { document = try JSONDecoder().decode(ProfileDocument.self, from: data) } catch {
            throw ProfileError(file: file, problem: "not a valid profile: \(Self.describe(error))")
        }
        var profile = Profile.standard
        if let n = document.name { profile.name = n }
        if let t = document.nodeTolerance {
            guard t >= 0 else { throw ProfileError(file: file, problem: "nodeTolerance must not be negative") }
            profile.nodeTolerance = t
        }
        if let f = document.fields { profile.fields = f }
        if let m = document.markers {
            profile.markers.numberPattern = m.numberPattern ?? profile.markers.numberPattern
            profile.markers.typesBySetSize = m.typesBySetSize ?? profile.markers.typesBySetSize
            if let a = m.axisOrder {
                guard a == "en" || a == "ne" else { throw ProfileError(file: file, problem: "markers.axisOrder must be \"en\" or \"ne\", not \"\(a)\"") }
                profile.markers.axisOrder = a
            }
            _ = try profile.markers.parse("")
        }
        for (id, settings) in document.rules ?? [:] {
            guard let definition = RuleCatalogue.definition(id) else {
                throw ProfileError(file: file, problem: "unknown rule \"\(id)\"; `quhua rules` lists them")
            }
            for (name, value) in settings.tolerances ?? [:] {
                guard definition.tolerances.contains(where: { $0.name == name }) else {
                    let known = definition.tolerances.map(\.name).joined(separator: ", ")
                    throw ProfileError(file: file, problem: "rule \(id) has no tolerance \"\(name)\" (it has: \(known.isEmpty ? "none" : known))")
                }
                guard value.isFinite, value >= 0 else {
                    throw ProfileError(file: file, problem: "rule \(id): tolerance \(name) must be a number ≥ 0")
                }
            }
            profile.rules[id] = settings
        }
        return profile
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c):
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? c.debugDescription : "\(path): \(c.debugDescription)"
        case DecodingError.keyNotFound(let k, _): return "missing \(k.stringValue)"
        default: return "\(error)"
        }
    }

    /// The profile written out in full as JSON: every rule with its severity and tolerances.
    ///
    /// A good starting point for a project's own profile (`quhua rules --profile-json`).
    public func jsonText() throws -> String {
        var rules: [String: RuleSettings] = [:]
        for d in RuleCatalogue.definitions {
            var t: [String: Double] = [:]
            for tol in d.tolerances { t[tol.name] = tolerance(tol.name, of: d) }
            rules[d.id] = RuleSettings(enabled: isEnabled(d.id), severity: severity(for: d), tolerances: t.isEmpty ? nil : t)
        }
        let doc = ProfileDocument(name: name, nodeTolerance: nodeTolerance, rules: rules, fields: fields,
                                  markers: .init(numberPattern: markers.numberPattern, typesBySetSize: markers.typesBySetSize, axisOrder: markers.axisOrder))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(doc), as: UTF8.self)
    }
}

/// A profile file as written: everything optional.
struct ProfileDocument: Codable {
    struct Markers: Codable {
        var numberPattern: String?
        var typesBySetSize: [[String]]?
        var axisOrder: String?
    }
    var name: String?
    var nodeTolerance: Double?
    var rules: [String: RuleSettings]?
    var fields: FieldMapping?
    var markers: Markers?
}
