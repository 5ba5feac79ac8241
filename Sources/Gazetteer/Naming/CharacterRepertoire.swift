#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The set of characters a name's characters are checked against for `name.rare-character`.
///
/// The national standard character table (通用规范汉字表, 2013, 8,105 characters) is not shipped;
/// it is approximated by the 6,763 Chinese characters of GB 2312-80, read once through the C
/// library's `iconv` (EUC-CN, rows 16–87), which every Linux and macOS system has. A character
/// outside GB 2312 is usually outside the table's first level as well, but GB 2312 lacks some
/// characters the table has (it is older and smaller), so a few legitimate place-name characters
/// are flagged too: the finding is a warning for a reviewer, not a verdict.
///
/// ```swift
/// CharacterRepertoire.gb2312.contains("碚")     // true
/// CharacterRepertoire.gb2312.contains("䶮")     // false
/// ```
public struct CharacterRepertoire: Sendable {
    /// The Unicode scalar values in the repertoire.
    public let scalars: Set<UInt32>
    /// What the repertoire is, for messages.
    public let label: String

    /// Whether `character` (one Chinese character) is in the repertoire.
    public func contains(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalars.contains($0.value) }
    }

    /// The Chinese characters of GB 2312-80; empty when `iconv` has no GB 2312 converter.
    public static let gb2312 = CharacterRepertoire(scalars: decodeGB2312(), label: "GB 2312")

    /// Decodes every two-byte EUC-CN code of the Chinese-character rows (0xB0A1 … 0xF7FE) one by one;
    /// codes without a character are skipped.
    static func decodeGB2312() -> Set<UInt32> {
        let converter = iconv_open("UTF-8", "GB2312")
        guard Int(bitPattern: converter) != -1 else { return [] }
        defer { iconv_close(converter) }
        var result = Set<UInt32>()
        var input: [CChar] = [0, 0]
        var output = [CChar](repeating: 0, count: 8)
        for high in 0xB0...0xF7 {
            for low in 0xA1...0xFE {
                input[0] = CChar(bitPattern: UInt8(high))
                input[1] = CChar(bitPattern: UInt8(low))
                let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
                    output.withUnsafeMutableBufferPointer { outBuffer in
                        var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                        var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                        var inLeft = 2, outLeft = outBuffer.count
                        let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                        return status == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
                    }
                }
                guard let written, written > 0 else {
                    _ = iconv(converter, nil, nil, nil, nil)
                    continue
                }
                let bytes = output.prefix(written).map { UInt8(bitPattern: $0) }
                for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars { result.insert(scalar.value) }
            }
        }
        return result
    }
}
