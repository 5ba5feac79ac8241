/// How to treat a name that ends in a natural-feature term such as 山 or 江.
public enum FeatureHint: String, Sendable, CaseIterable {
    /// Split the term off unless the whole name is a known division name (黄山 the
    /// city stays Huangshan; an unknown 某某山 becomes Moumou Shan).
    case automatic
    /// The name is a mountain, river, lake …: always split the term off (黄山 → Huang Shan).
    case naturalFeature
    /// The name is a settlement or division: never split a natural-feature term off.
    case settlement
}

/// Splits a run of Han characters into specific part, ethnonyms, qualifiers and generic
/// term (GB/T 16159 §6.4: specific and generic written apart; a compound generic written
/// as one word; only the last generic of the name is split off, so 黑龙江省 is
/// Heilongjiang Sheng).
struct NameSegmenter {
    struct Piece {
        var range: Range<Int>          // offsets within the run
        var role: NamePart.Role
        var fixed: [Syllable]?         // readings that do not come from the reading model
        var official: String?
        var wordLengths: [Int]?
    }

    let lexicon: Lexicon

    func segment(_ run: ArraySlice<UInt32>, hint: FeatureHint) -> [Piece] {
        let chars = Array(run)
        // A name that is nothing but a generic term (矿区, 开发区) is written as one word.
        if chars.count >= 2, let term = GenericTerms.administrative.first(where: { $0.chinese == chars }) {
            return [Piece(range: 0..<chars.count, role: .specific, fixed: term.syllables)]
        }
        var fallback: [Piece]?
        for term in GenericTerms.administrative where ends(chars, with: term.chinese) {
            guard let pieces = split(chars, generic: term) else { continue }
            if let specific = pieces.first(where: { $0.role == .specific }),
               lexicon.isKnownName(ScalarHash.of(chars[specific.range])) {
                return withMinorityForm(pieces, chars: chars, generic: term)
            }
            if fallback == nil, !term.isWeak { fallback = withMinorityForm(pieces, chars: chars, generic: term) }
        }
        if let fallback { return fallback }

        let whole = ScalarHash.of(chars[...])
        let splitNatural: Bool
        switch hint {
        case .automatic: splitNatural = !lexicon.isKnownName(whole) && lexicon.minorityForms(whole) == nil
        case .naturalFeature: splitNatural = true
        case .settlement: splitNatural = false
        }
        if splitNatural {
            for term in GenericTerms.natural where chars.count > term.chinese.count && ends(chars, with: term.chinese) {
                let cut = chars.count - term.chinese.count
                let pieces = [
                    Piece(range: 0..<cut, role: .specific),
                    Piece(range: cut..<chars.count, role: .generic, fixed: term.syllables, wordLengths: term.wordLengths),
                ]
                return withMinorityForm(pieces, chars: chars, generic: term)
            }
        }
        return withMinorityForm([Piece(range: 0..<chars.count, role: .specific)], chars: chars, generic: nil)
    }

    /// The pieces for one candidate generic term, or nil if nothing would be left for
    /// the specific part.
    private func split(_ chars: [UInt32], generic term: GenericTerm) -> [Piece]? {
        var end = chars.count - term.chinese.count
        var tail: [Piece] = [
            Piece(range: end..<chars.count, role: .generic, fixed: term.syllables, wordLengths: term.wordLengths)
        ]
        if term.allowsEthnonyms {
            while let (length, piece) = ethnonym(endingAt: end, in: chars, bareAllowed: term.allowsBareEthnonyms || tail.count > 1) {
                tail.insert(piece, at: 0)
                end -= length
            }
        }
        if term.isBanner || term.allowsBareEthnonyms {
            for wing in GenericTerms.bannerWings where end > wing.chinese.count && ends(chars[..<end], with: wing.chinese) {
                tail.insert(Piece(range: (end - wing.chinese.count)..<end, role: .qualifier, fixed: wing.syllables), at: 0)
                end -= wing.chinese.count
                break
            }
        }
        let hasEthnonym = tail.contains { $0.role == .ethnonym }
        if end == 0 { return hasEthnonym ? tail : nil }
        return [Piece(range: 0..<end, role: .specific)] + tail
    }

    /// An ethnonym (with 族, or bare where allowed) that ends at `end`.
    private func ethnonym(endingAt end: Int, in chars: [UInt32], bareAllowed: Bool) -> (Int, Piece)? {
        guard end > 0 else { return nil }
        let hasZu = chars[end - 1] == GenericTerms.zuScalar
        let nameEnd = hasZu ? end - 1 : end
        guard hasZu || bareAllowed else { return nil }
        for e in GenericTerms.ethnonyms where nameEnd >= e.chinese.count && ends(chars[..<nameEnd], with: e.chinese) {
            if !hasZu && e.chinese.count < 2 { continue }
            let length = e.chinese.count + (hasZu ? 1 : 0)
            let syllables = e.syllables + (hasZu ? [GenericTerms.zu] : [])
            let official = e.form.map { hasZu ? $0 + "zu" : $0 }
            return (length, Piece(range: (end - length)..<end, role: .ethnonym, fixed: syllables, official: official))
        }
        return nil
    }

    /// Gives the specific part its minority-language form when the lexicon has one for
    /// this specific (and, where the form is restricted, this generic term).
    private func withMinorityForm(_ pieces: [Piece], chars: [UInt32], generic: GenericTerm?) -> [Piece] {
        guard let index = pieces.firstIndex(where: { $0.role == .specific }) else { return pieces }
        let hash = ScalarHash.of(chars[pieces[index].range])
        guard let forms = lexicon.minorityForms(hash) else { return pieces }
        let genericHash = generic.map { ScalarHash.of($0.chinese[...]) }
        guard let form = forms.first(where: { $0.generics.isEmpty || (genericHash.map($0.generics.contains) ?? false) }) else {
            return pieces
        }
        var out = pieces
        out[index].official = form.official
        return out
    }

    private func ends(_ chars: some Collection<UInt32>, with suffix: [UInt32]) -> Bool {
        guard chars.count >= suffix.count else { return false }
        return chars.suffix(suffix.count).elementsEqual(suffix)
    }
}
