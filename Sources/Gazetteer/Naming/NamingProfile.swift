import Foundation

/// The rules and lists that proposed names are checked against: which rules run and how
/// severe their findings are, the pinyin confusions of near-homophones, the names of people,
/// foreign names, the negative lists, and per category the generic terms and lengths.
///
/// A profile file is JSON; everything in it is optional and overrides ``standard`` (lists
/// replace the default list; a category's settings replace that category's defaults field by
/// field). `quhua naming rules --profile-json` prints the complete effective profile to start from:
///
/// ```json
/// {
///   "name": "Chongqing 2025",
///   "rules": { "name.near-homophone": { "severity": "error" }, "name.rare-character": { "enabled": false } },
///   "confusions": [["zh", "z"], ["n", "l"], ["an", "ang"]],
///   "negativeLists": [{ "kind": "exaggerated", "severity": "error", "words": ["天下第一", "至尊"] }],
///   "categories": { "housing-estate": { "maxLength": 8 } }
/// }
/// ```
///
/// ```swift
/// let profile = try NamingProfile.load(from: URL(fileURLWithPath: "naming.json"))
/// ```
public struct NamingProfile: Sendable, Codable, Equatable {
    /// Switches a rule on or off and sets its severity.
    public struct RuleSettings: Sendable, Codable, Equatable {
        public var enabled: Bool?
        public var severity: NameFindingSeverity?

        public init(enabled: Bool? = nil, severity: NameFindingSeverity? = nil) {
            self.enabled = enabled
            self.severity = severity
        }
    }

    /// A list of words the name must not contain, of one kind, with the severity of a match.
    public struct WordList: Sendable, Codable, Equatable {
        /// What the words are, for messages: exaggerated, foreign-flavoured, feudal …
        public var kind: String
        /// Default: the severity of `name.negative-word`.
        public var severity: NameFindingSeverity?
        public var words: [String]

        public init(kind: String, severity: NameFindingSeverity? = nil, words: [String]) {
            self.kind = kind
            self.severity = severity
            self.words = words
        }
    }

    /// The settings of one category; missing fields keep the defaults.
    public struct CategorySettings: Sendable, Codable, Equatable {
        /// Generic terms that fit the category.
        public var generics: [String]?
        /// Further endings that do not fit it, besides the generic terms of other categories (中心 for a housing estate).
        public var misfits: [String]?
        /// Shortest and longest name in characters, generic term included.
        public var minLength: Int?
        public var maxLength: Int?

        public init(generics: [String]? = nil, misfits: [String]? = nil, minLength: Int? = nil, maxLength: Int? = nil) {
            self.generics = generics
            self.misfits = misfits
            self.minLength = minLength
            self.maxLength = maxLength
        }
    }

    /// A name for reports.
    public var name: String
    /// Per-rule settings by rule id (``NameRule``).
    public var rules: [String: RuleSettings]
    /// Pairs of pinyin spellings people confuse: initials (`zh`/`z`) or syllable endings
    /// (`an`/`ang`). Two names whose syllables agree after folding each pair are near-homophones.
    public var confusions: [[String]]
    /// Names of people that place names must not use (matched anywhere in the name).
    public var personNames: [String]
    /// Famous persons: a road or street named by such a name, or by its given name (孙中山 → 中山路), is flagged.
    public var famousPersons: [String]
    /// Foreign place and person names (matched anywhere in the name).
    public var foreignNames: [String]
    /// Characters typical of transliterations of foreign names (斯, 尼, 维 …).
    public var transliterationCharacters: String
    /// How many of ``transliterationCharacters`` in a row make a name look foreign.
    public var transliterationRun: Int
    /// The negative lists.
    public var negativeLists: [WordList]
    /// Category settings by category raw value (`housing-estate`, `village` …).
    public var categories: [String: CategorySettings]

    // MARK: - Reading

    /// Whether the rule runs.
    public func isEnabled(_ rule: NameRule) -> Bool { rules[rule.rawValue]?.enabled ?? true }

    /// The severity of a rule's findings.
    public func severity(_ rule: NameRule) -> NameFindingSeverity { rules[rule.rawValue]?.severity ?? rule.defaultSeverity }

    /// The generic terms that fit a category, longest first.
    public func generics(of category: NameCategory) -> [String] {
        (categories[category.rawValue]?.generics ?? category.genericTerms).sorted { $0.count > $1.count }
    }

    /// The endings that do not fit a category: the generic terms of the other categories and the
    /// category's own misfits, minus its own generic terms; longest first.
    public func misfits(of category: NameCategory) -> [String] {
        let own = Set(generics(of: category))
        var terms = Set(categories[category.rawValue]?.misfits ?? [])
        for other in NameCategory.allCases where other != category { terms.formUnion(generics(of: other)) }
        terms.formUnion(["区", "县", "市", "省", "州", "盟", "旗"])
        return terms.subtracting(own).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// The allowed length of names of a category, in characters.
    public func lengthRange(of category: NameCategory) -> ClosedRange<Int> {
        let settings = categories[category.rawValue]
        let defaults = Self.defaultLength(category)
        let low = settings?.minLength ?? defaults.lowerBound
        return low...max(low, settings?.maxLength ?? defaults.upperBound)
    }

    static func defaultLength(_ category: NameCategory) -> ClosedRange<Int> {
        switch category {
        case .township, .town, .subdistrict, .village, .community: 2...8
        case .road, .bridge, .mountain, .river, .lake: 2...10
        case .square, .housingEstate, .building: 3...12
        }
    }

    // MARK: - Loading

    /// Reads a profile file over ``standard``.
    ///
    /// - Parameter url: a JSON profile.
    /// - Throws: ``NamingProfileError`` naming the file and the field: an unreadable file, bad
    ///   JSON, a wrong type, an unknown rule or category, a confusion that is not a pair, a length range
    ///   that is empty.
    public static func load(from url: URL) throws(NamingProfileError) -> NamingProfile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw NamingProfileError(file: url.relativePath, field: nil, problem: "cannot be read (no such file, or not readable)")
        }
        return try decode(data, file: url.relativePath)
    }

    /// Reads profile JSON over ``standard``; `file` names it in errors.
    public static func decode(_ data: Data, file: String? = nil) throws(NamingProfileError) -> NamingProfile {
        let document: Document
        do { document = try JSONDecoder().decode(Document.self, from: data) } catch let error as DecodingError {
            let (field, problem) = describe(error)
            throw NamingProfileError(file: file, field: field, problem: problem)
        } catch {
            throw NamingProfileError(file: file, field: nil, problem: "not a naming profile: \(error)")
        }
        var profile = standard
        if let name = document.name { profile.name = name }
        for (id, settings) in document.rules ?? [:] {
            guard NameRule(rawValue: id) != nil else {
                throw NamingProfileError(file: file, field: "rules.\(id)",
                                         problem: "no such rule; the rules are \(NameRule.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            profile.rules[id] = settings
        }
        if let confusions = document.confusions {
            for (index, pair) in confusions.enumerated()
            where pair.count != 2 || pair.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && $0.isLowercase } }) {
                throw NamingProfileError(file: file, field: "confusions[\(index)]",
                                         problem: "a confusion is a pair of lower-case pinyin spellings, such as [\"zh\", \"z\"]")
            }
            profile.confusions = confusions
        }
        if let names = document.personNames { profile.personNames = names }
        if let names = document.famousPersons { profile.famousPersons = names }
        if let names = document.foreignNames { profile.foreignNames = names }
        if let characters = document.transliterationCharacters { profile.transliterationCharacters = characters }
        if let run = document.transliterationRun {
            guard run >= 2 else { throw NamingProfileError(file: file, field: "transliterationRun", problem: "must be 2 or more") }
            profile.transliterationRun = run
        }
        if let lists = document.negativeLists {
            for (index, list) in lists.enumerated() where list.words.contains(where: \.isEmpty) {
                throw NamingProfileError(file: file, field: "negativeLists[\(index)].words", problem: "a word is empty")
            }
            profile.negativeLists = lists
        }
        for (key, settings) in document.categories ?? [:] {
            guard NameCategory(rawValue: key) != nil else {
                throw NamingProfileError(file: file, field: "categories.\(key)",
                                         problem: "no such category; the categories are \(NameCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var merged = profile.categories[key] ?? CategorySettings()
            if let generics = settings.generics {
                guard !generics.isEmpty, !generics.contains(where: \.isEmpty) else {
                    throw NamingProfileError(file: file, field: "categories.\(key).generics", problem: "give one or more non-empty generic terms")
                }
                merged.generics = generics
            }
            if let misfits = settings.misfits { merged.misfits = misfits }
            if let low = settings.minLength { merged.minLength = low }
            if let high = settings.maxLength { merged.maxLength = high }
            let defaults = defaultLength(NameCategory(rawValue: key) ?? .road)
            let low = merged.minLength ?? defaults.lowerBound, high = merged.maxLength ?? defaults.upperBound
            guard low >= 1 else { throw NamingProfileError(file: file, field: "categories.\(key).minLength", problem: "must be 1 or more") }
            guard high >= low else {
                throw NamingProfileError(file: file, field: "categories.\(key).maxLength", problem: "\(high) is less than minLength \(low)")
            }
            profile.categories[key] = merged
        }
        return profile
    }

    /// The profile written out in full as JSON, every rule with its state and severity and every
    /// category with its generic terms and lengths (`quhua naming rules --profile-json`).
    public func jsonText() throws -> String {
        var full = self
        for rule in NameRule.allCases {
            full.rules[rule.rawValue] = RuleSettings(enabled: isEnabled(rule), severity: severity(rule))
        }
        for category in NameCategory.allCases {
            let range = lengthRange(of: category)
            full.categories[category.rawValue] = CategorySettings(generics: generics(of: category),
                                                                  misfits: categories[category.rawValue]?.misfits ?? [],
                                                                  minLength: range.lowerBound, maxLength: range.upperBound)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(full), as: UTF8.self)
    }

    private static func describe(_ error: DecodingError) -> (String?, String) {
        func path(_ context: DecodingError.Context) -> String? {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .replacingOccurrences(of: ".[", with: "[")
            let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
            return trimmed.isEmpty ? nil : trimmed
        }
        switch error {
        case let .typeMismatch(type, context):
            return (path(context), "expected \(type == String.self ? "text" : type == Int.self ? "a whole number" : "\(type)")")
        case let .valueNotFound(_, context):
            return (path(context), "a value is missing")
        case let .keyNotFound(key, context):
            let parent = path(context)
            return ((parent.map { $0 + "." } ?? "") + key.stringValue, "is missing")
        case let .dataCorrupted(context):
            return (path(context), context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription)
        @unknown default:
            return (nil, "\(error)")
        }
    }

    /// A profile file as written: everything optional.
    struct Document: Codable {
        var name: String?
        var rules: [String: RuleSettings]?
        var confusions: [[String]]?
        var personNames: [String]?
        var famousPersons: [String]?
        var foreignNames: [String]?
        var transliterationCharacters: String?
        var transliterationRun: Int?
        var negativeLists: [WordList]?
        var categories: [String: CategorySettings]?
    }
}

/// A naming profile that cannot be read or makes no sense: the file, the field and what is wrong.
///
/// ```swift
/// do { _ = try NamingProfile.load(from: url) }
/// catch { print(error) }   // "naming.json: categories.village.maxLength: 1 is less than minLength 2"
/// ```
public struct NamingProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The profile file, when the problem is in one.
    public var file: String?
    /// The field, as a path such as `categories.village.maxLength` or `confusions[2]`; `nil` when the whole file is wrong.
    public var field: String?
    /// What is wrong.
    public var problem: String

    public init(file: String?, field: String?, problem: String) {
        self.file = file
        self.field = field
        self.problem = problem
    }

    public var description: String {
        [file, field, problem].compactMap { $0 }.joined(separator: ": ")
    }
}
