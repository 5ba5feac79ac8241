/// The pinyin keys under which a place name should be found: every plausible toneless
/// reading of the whole name and of the name without its generic term, and the
/// initials of each. The most likely key comes first.
///
/// ```swift
/// let keys = Romanizer.shared.searchKeys(for: "长沙县")
/// keys.full.first        // "changshaxian"
/// keys.full.contains("changsha")    // true
/// keys.full.contains("zhangsha")    // true: 长 can be read zhǎng
/// keys.initials.first    // "csx"
/// ```
public struct SearchKeys: Sendable, Hashable {
    /// Full keys, lower-case ASCII letters and digits, without separators.
    public var full: [String]
    /// Initials keys: the first letter of every syllable.
    public var initials: [String]

    /// The most keys of each kind made for one name.
    public static let limit = 64

    /// Creates keys from lists (duplicates are the caller's business).
    public init(full: [String], initials: [String]) {
        self.full = full
        self.initials = initials
    }
}

/// Makes `SearchKeys` from a romanisation: enumerates the readings of polyphonic
/// characters in order of how many characters leave their chosen reading.
struct SearchKeyBuilder {
    let lexicon: Lexicon
    /// The most readings of one name form (whole, or without the generic) enumerated.
    static let readingsPerForm = 24

    func keys(for romanization: Romanization) -> SearchKeys {
        var full = OrderedSet()
        var initials = OrderedSet()

        // The official form first (it may come from a minority language).
        full.insert(romanization.searchKey)
        let specificParts = romanization.parts.filter { $0.role == .specific || $0.role == .number || $0.role == .latin }
        let hasGeneric = specificParts.count < romanization.parts.count
        if hasGeneric {
            full.insert(Orthography.key(specificParts.map(\.ascii).joined()))
        }

        for form in hasGeneric ? [romanization.parts, specificParts] : [romanization.parts] {
            for reading in readings(of: form) {
                full.insert(reading.key)
                initials.insert(reading.initials)
                if reading.key.contains("u"), reading.hasUmlaut {
                    full.insert(reading.keyWithV)
                }
            }
        }
        return SearchKeys(full: Array(full.items.prefix(SearchKeys.limit)),
                          initials: Array(initials.items.prefix(SearchKeys.limit)))
    }

    private struct Reading {
        var key = ""
        var keyWithV = ""
        var initials = ""
        var hasUmlaut = false
    }

    /// The readings of a list of parts, the chosen one first, then those where one
    /// character takes another reading, then two, … up to `readingsPerForm`.
    private func readings(of parts: [NamePart]) -> [Reading] {
        // One slot per syllable: its alternatives (toneless letters), chosen first.
        var slots: [[String]] = []
        var literal: [Int: String] = [:]   // slot index -> digits or Latin text
        for part in parts {
            if part.syllables.isEmpty {
                let key = Orthography.key(part.text)
                if !key.isEmpty {
                    literal[slots.count] = key
                    slots.append([key])
                }
                continue
            }
            let scalars = part.text.unicodeScalars.map(\.value)
            for (k, syllable) in part.syllables.enumerated() {
                var options = [syllable.letters]
                if part.role == .specific, k < scalars.count {
                    for alt in lexicon.readings(of: scalars[k]) where !options.contains(alt.letters) {
                        options.append(alt.letters)
                    }
                }
                slots.append(options)
            }
        }
        var out: [Reading] = []
        var choice = [Int](repeating: 0, count: slots.count)
        let polyphonic = slots.indices.filter { slots[$0].count > 1 }
        func emit() {
            var r = Reading()
            for (i, options) in slots.enumerated() {
                let letters = options[choice[i]]
                if let text = literal[i] {
                    r.key += text
                    r.keyWithV += text
                    r.initials += text
                    continue
                }
                if letters.contains("v") { r.hasUmlaut = true }
                r.key += Orthography.asciiLetters(letters)
                r.keyWithV += letters
                if let first = letters.first { r.initials.append(first) }
            }
            out.append(r)
        }
        // Readings with exactly `deviations` characters off their chosen reading.
        func walk(from start: Int, deviations: Int) {
            if out.count >= Self.readingsPerForm { return }
            if deviations == 0 { emit(); return }
            guard start < polyphonic.count else { return }
            for p in start..<polyphonic.count {
                let slot = polyphonic[p]
                for option in 1..<slots[slot].count {
                    choice[slot] = option
                    walk(from: p + 1, deviations: deviations - 1)
                    choice[slot] = 0
                    if out.count >= Self.readingsPerForm { return }
                }
            }
        }
        for deviations in 0...polyphonic.count {
            walk(from: 0, deviations: deviations)
            if out.count >= Self.readingsPerForm { break }
        }
        return out
    }
}

/// Insertion-ordered set of strings.
struct OrderedSet {
    private(set) var items: [String] = []
    private var seen: Set<String> = []

    mutating func insert(_ s: String) {
        guard !s.isEmpty, seen.insert(s).inserted else { return }
        items.append(s)
    }
}
