import Foundation
import Pinyin

/// Turns one romanised name into one output line for `quhua romanize`.
struct RomanizeRenderer {
    let romanizer: Romanizer
    let format: Romanize.Format
    let tones: Bool
    let ascii: Bool
    let feature: FeatureHint

    func line(for rawName: String) -> String {
        let name = trimmed(rawName)
        if name.isEmpty { return "\n" }
        let r = romanizer.romanize(name, as: feature)
        switch format {
        case .text:
            let form = tones ? r.display(tones: true) : (ascii ? r.ascii : r.display())
            return form + "\n"
        case .keys:
            return r.searchKey + "\t" + r.initials + "\n"
        case .json:
            return json(r) + "\n"
        }
    }

    /// The name without leading and trailing spaces and tabs (ASCII or ideographic).
    private func trimmed(_ s: String) -> String {
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" }
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return s }
        var sub = Substring(s).unicodeScalars
        while let c = sub.first, isSpace(c) { sub.removeFirst() }
        while let c = sub.last, isSpace(c) { sub.removeLast() }
        return String(sub)
    }

    private func json(_ r: Romanization) -> String {
        let object = RomanizationRecord(r, keys: romanizer.searchKeys(for: r.name), tones: tones)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Collects output and writes it to standard output in large blocks.
final class BufferedOutput {
    private var buffer: [UInt8] = []
    private let threshold = 1 << 16

    init() { buffer.reserveCapacity(threshold + 4096) }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= threshold { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(1, base + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
