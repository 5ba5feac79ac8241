import Foundation

/// Writes dBASE III tables for Shapefiles: field names of at most 10 bytes (shortened uniquely),
/// text of at most 254 bytes, numbers as `N` fields sized to the data, booleans as `L`.
struct DBFWriter {
    struct Field {
        var source: String
        var name: [UInt8]
        var type: UInt8
        var length: Int
        var decimals: Int
        var fieldType: FieldType
    }

    let encoding: TextEncoding
    let file: String

    /// Field definitions for a layer, with warnings for names and values that had to change.
    func fields(for layer: FeatureLayer, warnings: inout [String]) throws -> [Field] {
        var used = Set<[UInt8]>()
        var result: [Field] = []
        for name in layer.fields {
            let bytes = try encode(name, what: "field name \"\(name)\"")
            var short = Self.truncate(bytes, to: 10, encoding: encoding)
            if used.contains(short.map { Self.upper($0) }) || short.isEmpty {
                var k = 1
                repeat {
                    let suffix = Array("_\(k)".utf8)
                    short = Self.truncate(bytes, to: 10 - suffix.count, encoding: encoding) + suffix
                    k += 1
                } while used.contains(short.map { Self.upper($0) })
            }
            used.insert(short.map { Self.upper($0) })
            let shortName = (try? encoding.decode(short)) ?? String(decoding: short, as: UTF8.self)
            if short != bytes {
                warnings.append("DBF field name \"\(name)\" is longer than 10 bytes in \(encoding) or clashes; written as \"\(shortName)\"")
            }
            let type = layer.fieldType(name)
            var field = Field(source: name, name: short, type: UInt8(ascii: "C"), length: 1, decimals: 0, fieldType: type)
            switch type {
            case .boolean:
                field.type = UInt8(ascii: "L")
            case .integer:
                field.type = UInt8(ascii: "N")
                let widest = layer.features.compactMap { f -> Int? in
                    if case let .integer(i)? = f.properties[name] { return String(i).count }
                    return nil
                }.max() ?? 1
                field.length = min(max(widest, 1), 18)
                if widest > 18 { field.type = UInt8(ascii: "C"); field.length = 20; field.fieldType = .text }
            case .real:
                field.type = UInt8(ascii: "N")
                var intDigits = 1, decimals = 0
                for f in layer.features {
                    let d: Double
                    switch f.properties[name] {
                    case let .double(v)?: d = v
                    case let .integer(i)?: d = Double(i)
                    default: continue
                    }
                    guard d.isFinite else { continue }
                    let text = String(d)
                    if text.contains("e") {
                        decimals = 15
                        intDigits = max(intDigits, String(Int64(abs(d).rounded(.down).clamped(to: 0...9e17))).count + (d < 0 ? 1 : 0))
                        continue
                    }
                    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
                    intDigits = max(intDigits, parts[0].count)
                    if parts.count > 1, parts[1] != "0" { decimals = max(decimals, parts[1].count) }
                }
                decimals = min(decimals, 15)
                field.decimals = decimals
                field.length = min(intDigits + (decimals > 0 ? decimals + 1 : 0), 32)
                if decimals == 0 { field.decimals = 1; field.length = min(intDigits + 2, 32) }   // stays a real on read
            case .text:
                var widest = 1
                var tooLong = 0
                for f in layer.features {
                    guard let v = f.properties[name], v != .null else { continue }
                    let n = try encode(v.description, what: "a value of \(name)").count
                    if n > 254 { tooLong += 1 }
                    widest = max(widest, min(n, 254))
                }
                field.length = widest
                if tooLong > 0 { warnings.append("\(tooLong) value(s) of \(name) are longer than 254 bytes and were shortened") }
            }
            result.append(field)
        }
        return result
    }

    /// The whole `.dbf` file.
    func table(_ layer: FeatureLayer, fields: [Field]) throws -> [UInt8] {
        let recordLength = 1 + fields.reduce(0) { $0 + $1.length }
        let headerLength = 32 + 32 * fields.count + 1
        guard recordLength <= 65535 else {
            throw GeoFormatError(file: file, problem: "the records would be \(recordLength) bytes long; dBASE allows 65535 (too many or too wide fields)")
        }
        var out: [UInt8] = []
        out.reserveCapacity(headerLength + recordLength * layer.features.count + 1)
        let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        out += [0x03, UInt8((now.year ?? 2000) - 1900), UInt8(now.month ?? 1), UInt8(now.day ?? 1)]
        Bytes.appendInt32LE(Int32(layer.features.count), &out)
        Bytes.appendUInt16LE(UInt16(headerLength), &out)
        Bytes.appendUInt16LE(UInt16(recordLength), &out)
        out += [UInt8](repeating: 0, count: 17)
        out.append(languageDriver)
        out += [0, 0]
        for f in fields {
            out += f.name + [UInt8](repeating: 0, count: 11 - f.name.count)
            out.append(f.type)
            out += [0, 0, 0, 0]
            out.append(UInt8(f.length))
            out.append(UInt8(f.decimals))
            out += [UInt8](repeating: 0, count: 14)
        }
        out.append(0x0D)
        let space = UInt8(ascii: " ")
        for (k, feature) in layer.features.enumerated() {
            out.append(space)
            for f in fields {
                let value = feature.properties[f.source] ?? .null
                var cell: [UInt8]
                switch (f.type, value) {
                case (_, .null):
                    cell = []
                case (UInt8(ascii: "L"), .bool(let b)):
                    cell = [UInt8(ascii: b ? "T" : "F")]
                case (UInt8(ascii: "N"), _):
                    guard let d = value.doubleValue, d.isFinite else { cell = []; break }
                    let text: String
                    if f.decimals == 0, case let .integer(i) = value {
                        text = String(i)
                    } else {
                        text = String(format: "%.\(f.decimals)f", d)
                    }
                    if text.utf8.count > f.length {
                        throw GeoFormatError(file: file, feature: k + 1, problem: "value \(text) of \(f.source) does not fit its \(f.length)-character DBF field")
                    }
                    cell = [UInt8](repeating: space, count: f.length - text.utf8.count) + Array(text.utf8)
                default:
                    cell = Self.truncate(try encode(value.description, what: "\(f.source) of feature \(k + 1)"), to: f.length, encoding: encoding)
                }
                out += cell
                if cell.count < f.length { out += [UInt8](repeating: space, count: f.length - cell.count) }
            }
        }
        out.append(0x1A)
        return out
    }

    var languageDriver: UInt8 {
        switch encoding {
        case .gbk: return 0x4D
        case .latin1: return 0x57
        case .utf8: return 0x00
        }
    }

    /// The `.cpg` text: `UTF-8`, `936` (GBK, as ArcGIS and GDAL read it) or `ISO-8859-1`.
    var codePage: String {
        switch encoding {
        case .utf8: return "UTF-8"
        case .gbk: return "936"
        case .latin1: return "ISO-8859-1"
        }
    }

    private func encode(_ text: String, what: String) throws -> [UInt8] {
        do {
            return try encoding.encode(text)
        } catch {
            throw GeoFormatError(file: file, problem: "\(what) cannot be written in \(encoding): \(error.problem)")
        }
    }

    private static func upper(_ b: UInt8) -> UInt8 { b >= 0x61 && b <= 0x7A ? b - 0x20 : b }

    /// At most `limit` bytes, cut at a character boundary of the encoding.
    static func truncate(_ bytes: [UInt8], to limit: Int, encoding: TextEncoding) -> [UInt8] {
        if bytes.count <= limit { return bytes }
        var end = limit
        switch encoding {
        case .utf8:
            while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        case .gbk:
            // Walk characters from the start: a lead byte ≥ 0x81 starts a two-byte (or four-byte) character.
            var i = 0
            while i < bytes.count {
                let width = bytes[i] < 0x81 ? 1 : (i + 1 < bytes.count && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 ? 4 : 2)
                if i + width > limit { break }
                i += width
            }
            end = i
        case .latin1:
            break
        }
        return Array(bytes[..<end])
    }
}

extension Double {
    func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
