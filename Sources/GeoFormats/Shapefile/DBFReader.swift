import Foundation

/// A dBASE III table as Shapefiles carry it: field descriptors and records.
struct DBFTable {
    struct Field {
        var name: String
        var type: UInt8
        var length: Int
        var decimals: Int
        var offset: Int

        var fieldType: FieldType {
            switch type {
            case UInt8(ascii: "N"): return decimals == 0 && length < 19 ? .integer : .real
            case UInt8(ascii: "F"): return .real
            case UInt8(ascii: "L"): return .boolean
            default: return .text
            }
        }
    }

    var fields: [Field]
    var records: [[PropertyValue]]
    /// The encoding the text was read in.
    var encoding: TextEncoding

    /// The encoding a DBF language driver id (header byte 29) stands for, when it names one quhua knows.
    static func encoding(languageDriver: UInt8) -> TextEncoding? {
        switch languageDriver {
        case 0x4D, 0x7A: return .gbk        // CP936 Chinese (GBK / PRC)
        case 0x57, 0x03: return .latin1     // ANSI / Windows 1252 (GDAL's default without .cpg)
        default: return nil
        }
    }

    /// Reads a whole table.
    ///
    /// - Parameters:
    ///   - encoding: the text encoding, or `nil` to use the language driver id and then detect.
    ///   - file: the path for error messages.
    static func read(_ b: [UInt8], encoding: TextEncoding?, file: String) throws -> DBFTable {
        guard b.count >= 32 else { throw GeoFormatError(file: file, problem: "too short for a dBASE header (\(b.count) bytes; is it truncated?)") }
        let recordCount = Int(Bytes.uint32LE(b, 4))
        let headerLength = Int(Bytes.uint16LE(b, 8))
        let recordLength = Int(Bytes.uint16LE(b, 10))
        guard headerLength >= 33, headerLength <= b.count else {
            throw GeoFormatError(file: file, problem: "the header claims \(headerLength) bytes but the file has \(b.count) (truncated or not a dBASE file)")
        }
        var raw: [(name: [UInt8], type: UInt8, length: Int, decimals: Int)] = []
        var at = 32
        while at + 32 <= headerLength, b[at] != 0x0D {
            let nameBytes = Array(b[at..<(at + 11)].prefix { $0 != 0 })
            raw.append((nameBytes, b[at + 11], Int(b[at + 16]), Int(b[at + 17])))
            at += 32
        }
        let fieldWidth = raw.reduce(0) { $0 + $1.length }
        guard recordLength == fieldWidth + 1 else {
            throw GeoFormatError(file: file, problem: "wrong record length: the header says \(recordLength) bytes, the fields add up to \(fieldWidth + 1)")
        }
        let needed = headerLength + recordCount * recordLength
        guard b.count >= needed else {
            let whole = (b.count - headerLength) / max(recordLength, 1)
            throw GeoFormatError(file: file, feature: whole + 1,
                                 problem: "the file is truncated: the header promises \(recordCount) records of \(recordLength) bytes (\(needed) bytes), the file has \(b.count)")
        }

        let languageDriver = b[29]
        let chosen: TextEncoding
        if let encoding {
            chosen = encoding
        } else if let byDriver = Self.encoding(languageDriver: languageDriver) {
            chosen = byDriver
        } else {
            chosen = TextEncoding.detect(b[headerLength..<needed])
        }

        func text(_ bytes: ArraySlice<UInt8>, record: Int?) throws -> String {
            do {
                return try chosen.decode(bytes)
            } catch {
                throw GeoFormatError(file: file, feature: record, problem: "text is not \(chosen): \(error.problem) (use --encoding)")
            }
        }

        var fields: [Field] = []
        var offset = 1
        for f in raw {
            var name = try text(f.name[...], record: nil).trimmingCharacters(in: .whitespaces)
            if name.isEmpty { name = "FIELD\(fields.count + 1)" }
            fields.append(Field(name: name, type: f.type, length: f.length, decimals: f.decimals, offset: offset))
            offset += f.length
        }

        var records: [[PropertyValue]] = []
        records.reserveCapacity(recordCount)
        let space = UInt8(ascii: " ")
        for r in 0..<recordCount {
            let start = headerLength + r * recordLength
            var row: [PropertyValue] = []
            row.reserveCapacity(fields.count)
            for f in fields {
                var lo = start + f.offset
                var hi = lo + f.length
                let isText = f.type == UInt8(ascii: "C")
                while lo < hi, !isText, b[lo] == space || b[lo] == 0 { lo += 1 }
                while hi > lo, b[hi - 1] == space || b[hi - 1] == 0 { hi -= 1 }
                if lo == hi || (isText && b[lo..<hi].allSatisfy({ $0 == space })) { row.append(.null); continue }
                let slice = b[lo..<hi]
                switch f.type {
                case UInt8(ascii: "N"), UInt8(ascii: "F"):
                    if slice.allSatisfy({ $0 == UInt8(ascii: "*") }) { row.append(.null); continue }
                    let s = String(decoding: slice, as: UTF8.self)
                    if f.fieldType == .integer, let v = Int64(s) {
                        row.append(.integer(v))
                    } else if let v = Double(s) {
                        row.append(f.fieldType == .integer && v == v.rounded() && abs(v) < 9e18 ? .integer(Int64(v)) : .double(v))
                    } else {
                        throw GeoFormatError(file: file, feature: r + 1, problem: "field \(f.name): \"\(s)\" is not a number")
                    }
                case UInt8(ascii: "L"):
                    switch slice.first {
                    case UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: "Y"), UInt8(ascii: "y"): row.append(.bool(true))
                    case UInt8(ascii: "F"), UInt8(ascii: "f"), UInt8(ascii: "N"), UInt8(ascii: "n"): row.append(.bool(false))
                    default: row.append(.null)
                    }
                case UInt8(ascii: "D"):
                    let s = String(decoding: slice, as: UTF8.self)
                    if s.count == 8, s.allSatisfy(\.isNumber) {
                        row.append(.string("\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))"))
                    } else {
                        row.append(.string(s))
                    }
                default:
                    row.append(.string(try text(slice, record: r + 1)))
                }
            }
            records.append(row)
        }
        return DBFTable(fields: fields, records: records, encoding: chosen)
    }
}
