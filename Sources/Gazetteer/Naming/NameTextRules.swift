/// The naming rules that judge a name on its own, without the gazetteer: person names, foreign
/// names, negative lists, the generic term, rare characters and length.
///
/// ```swift
/// let findings = NameTextRules(profile: .standard).findings(for: "威尼斯花园", category: .housingEstate)
/// findings.map(\.rule)   // ["name.foreign"]
/// ```
public struct NameTextRules: Sendable {
    public let profile: NamingProfile
    /// The characters a name's Chinese characters should come from (``CharacterRepertoire/gb2312``).
    public let repertoire: CharacterRepertoire

    public init(profile: NamingProfile, repertoire: CharacterRepertoire = .gb2312) {
        self.profile = profile
        self.repertoire = repertoire
    }

    /// Every finding of the enabled rules about `name` alone.
    ///
    /// - Parameters:
    ///   - name: The proposed name, generic term included.
    ///   - category: What it names; `nil` skips the generic-term and length rules.
    public func findings(for name: String, category: NameCategory?) -> [NameFinding] {
        var found: [NameFinding] = []
        if profile.isEnabled(.person) { found += persons(name, category) }
        if profile.isEnabled(.foreign) { found += foreign(name, category) }
        if profile.isEnabled(.negativeWord) { found += negative(name) }
        if let category {
            if profile.isEnabled(.genericMisfit) || profile.isEnabled(.genericMissing) { found += generic(name, category) }
            if profile.isEnabled(.length) { found += length(name, category) }
        }
        if profile.isEnabled(.rareCharacter) { found += rare(name) }
        return found
    }

    // MARK: - Rules

    func persons(_ name: String, _ category: NameCategory?) -> [NameFinding] {
        var found: [NameFinding] = []
        for person in profile.personNames where !person.isEmpty && name.contains(person) {
            found.append(NameFinding(rule: NameRule.person.rawValue, severity: profile.severity(.person),
                                     message: "“\(name)” uses the name of a person, \(person); place names are not given after persons", matched: person))
        }
        let roadTerms = category.map { profile.generics(of: $0) } ?? []
        let isRoad = category == .road || (category == nil && ["路", "街", "大道", "大街"].contains { name.hasSuffix($0) })
        let specific = NameSpecific.strip(name, generics: isRoad ? (roadTerms.isEmpty ? NameCategory.road.genericTerms : roadTerms) : [])
        for person in profile.famousPersons where !person.isEmpty {
            let given = person.count >= 3 ? String(person.dropFirst()) : nil
            if name.contains(person) {
                found.append(NameFinding(rule: NameRule.person.rawValue, severity: profile.severity(.person),
                                         message: "“\(name)” uses the name of \(person)", matched: person))
            } else if isRoad, let given, specific == given {
                found.append(NameFinding(rule: NameRule.person.rawValue, severity: profile.severity(.person),
                                         message: "“\(name)” is built from \(given), part of the name of \(person), and a road term", matched: given))
            }
        }
        return found
    }

    func foreign(_ name: String, _ category: NameCategory?) -> [NameFinding] {
        var found: [NameFinding] = []
        for foreign in profile.foreignNames where !foreign.isEmpty && name.contains(foreign) {
            found.append(NameFinding(rule: NameRule.foreign.rawValue, severity: profile.severity(.foreign),
                                     message: "“\(name)” uses the foreign name \(foreign)", matched: foreign))
        }
        guard found.isEmpty else { return found }
        let typical = Set(profile.transliterationCharacters)
        var run = "", longest = ""
        for character in name {
            if typical.contains(character) { run.append(character) } else { run = "" }
            if run.count > longest.count { longest = run }
        }
        if longest.count >= profile.transliterationRun {
            found.append(NameFinding(rule: NameRule.foreign.rawValue, severity: profile.severity(.foreign),
                                     message: "“\(name)” reads like a transliterated foreign name (\(longest))", matched: longest))
        }
        return found
    }

    func negative(_ name: String) -> [NameFinding] {
        var found: [NameFinding] = []
        for list in profile.negativeLists {
            // A word inside a longer listed word of the same list is reported once, as the longer word.
            let hits = list.words.filter { !$0.isEmpty && name.contains($0) }
            for word in hits where !hits.contains(where: { $0 != word && $0.contains(word) }) {
                found.append(NameFinding(rule: NameRule.negativeWord.rawValue, severity: list.severity ?? profile.severity(.negativeWord),
                                         message: "“\(name)” contains \(word), on the \(list.kind) negative list", matched: word))
            }
        }
        return found
    }

    func generic(_ name: String, _ category: NameCategory) -> [NameFinding] {
        let own = profile.generics(of: category)
        if own.contains(where: { name.hasSuffix($0) && name.count > $0.count }) { return [] }
        if let term = profile.misfits(of: category).first(where: { name.hasSuffix($0) }) {
            guard profile.isEnabled(.genericMisfit) else { return [] }
            let owner = NameCategory.allCases.first { $0 != category && profile.generics(of: $0).contains(term) }
            return [NameFinding(rule: NameRule.genericMisfit.rawValue, severity: profile.severity(.genericMisfit),
                                message: "“\(name)” ends in \(term)" + (owner.map { ", a generic term of a \($0.chinese) (\($0.rawValue))," } ?? ",")
                                    + " not in a generic term of a \(category.chinese) (\(category.rawValue)): \(own.prefix(6).joined(separator: ", "))",
                                matched: term)]
        }
        guard profile.isEnabled(.genericMissing) else { return [] }
        return [NameFinding(rule: NameRule.genericMissing.rawValue, severity: profile.severity(.genericMissing),
                            message: "“\(name)” does not end in a generic term of a \(category.chinese) (\(category.rawValue)): \(own.prefix(6).joined(separator: ", "))")]
    }

    func length(_ name: String, _ category: NameCategory) -> [NameFinding] {
        let range = profile.lengthRange(of: category)
        guard !range.contains(name.count) else { return [] }
        let side = name.count < range.lowerBound ? "shorter than \(range.lowerBound)" : "longer than \(range.upperBound)"
        return [NameFinding(rule: NameRule.length.rawValue, severity: profile.severity(.length),
                            message: "“\(name)” has \(name.count) characters, \(side) (\(category.rawValue) names: \(range.lowerBound)–\(range.upperBound))")]
    }

    func rare(_ name: String) -> [NameFinding] {
        guard !repertoire.scalars.isEmpty else { return [] }
        var rare = ""
        for character in name where character.unicodeScalars.contains(where: { SearchText.isHan($0) && $0 != "〇" }) && !repertoire.contains(character) {
            if !rare.contains(character) { rare.append(character) }
        }
        guard !rare.isEmpty else { return [] }
        return [NameFinding(rule: NameRule.rareCharacter.rawValue, severity: profile.severity(.rareCharacter),
                            message: "“\(name)” has characters outside \(repertoire.label) (standing in for the national standard character table): \(rare.map(String.init).joined(separator: " "))",
                            matched: rare)]
    }
}

/// The specific part (专名) of a name: the name without its generic term and the ethnonyms before it.
enum NameSpecific {
    /// Strips the longest of `generics` that ends `name` (or, when none does, the generic term
    /// ``NameParts`` recognises), then any ethnonyms (太和土家族乡 → 太和).
    static func strip(_ name: String, generics: [String]) -> String {
        var specific = name
        if let term = generics.sorted(by: { $0.count > $1.count }).first(where: { name.hasSuffix($0) && name.count > $0.count }) {
            specific = String(name.dropLast(term.count))
        } else {
            specific = NameParts(name).specific
        }
        var stripped = true
        while stripped {
            stripped = false
            for ethnic in NameParts.ethnicNames where specific.hasSuffix(ethnic) && specific.count > ethnic.count {
                specific.removeLast(ethnic.count)
                stripped = true
                break
            }
        }
        return specific
    }
}
