/// Picks the reading of every character of a run of Han characters: each character's
/// place-name default, overridden by the longest lexicon word covering it (then the
/// heavier, then the earlier). The same rule as `predict` in Tools/pinyin/lexicon_model.py,
/// which decides which words the lexicon keeps.
struct ReadingModel {
    let lexicon: Lexicon

    func readings(_ run: ArraySlice<UInt32>) -> [Syllable] {
        let base = run.startIndex
        let n = run.count
        var out: [Syllable] = []
        out.reserveCapacity(n)
        for v in run {
            out.append(lexicon.defaultReading(of: v) ?? Syllable(letters: "", tone: 0))
        }
        guard n >= 2, lexicon.longestWord >= 2 else { return out }
        var bestLength: [Int] = []
        var bestWeight: [Int32] = []
        for a in 0..<(n - 1) {
            guard let first = lexicon.trieChild(0, run[base + a]),
                  let second = lexicon.trieChild(first, run[base + a + 1]) else { continue }
            _ = second
            if bestLength.isEmpty {
                bestLength = [Int](repeating: 1, count: n)
                bestWeight = [Int32](repeating: 0, count: n)
            }
            var node: Int32 = 0
            var b = a
            while b < n, b - a < lexicon.longestWord, let next = lexicon.trieChild(node, run[base + b]) {
                node = next
                b += 1
                let length = b - a
                guard length >= 2, let word = lexicon.wordIndex(at: node) else { continue }
                let weight = lexicon.wordWeights[word]
                let reading = lexicon.words[word]
                for i in a..<b where length > bestLength[i] || (length == bestLength[i] && weight > bestWeight[i]) {
                    bestLength[i] = length
                    bestWeight[i] = weight
                    out[i] = reading[i - a]
                }
            }
        }
        return out
    }
}
