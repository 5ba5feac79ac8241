import Foundation
import Testing
@testable import Pinyin

/// Checks on the real names shipped in GeoData/.
@Suite struct RealDataTests {
    struct AreaRow {
        let level: Int
        let name: String
        let pinyin: [String]
        let full: String
    }

    /// GeoData/areacity/ok_data_level4.csv: id,pid,deep,name,pinyin_prefix,pinyin,ext_id,ext_name.
    static let areacity: [AreaRow] = {
        let url = repositoryRoot.appendingPathComponent("GeoData/areacity/ok_data_level4.csv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var rows: [AreaRow] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard f.count == 8, let level = Int(f[2]) else { continue }
            rows.append(AreaRow(level: level, name: f[3], pinyin: f[5].split(separator: " ").map(String.init), full: f[7]))
        }
        return rows
    }()

    @Test func areacityIsRead() {
        #expect(Self.areacity.count == 43118)
    }

    @Test func everyDivisionNameIsRomanisedInASCII() {
        var failures: [String] = []
        for row in Self.areacity {
            let r = romanizer.romanize(row.full)
            let ascii = r.ascii
            if ascii.isEmpty || !ascii.utf8.allSatisfy({ $0 < 0x80 })
                || r.parts.contains(where: { $0.role == .unromanized }) {
                failures.append("\(row.full) → \(ascii)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    /// The shipped lexicon was built from these names, so it must reproduce their curated
    /// readings (county level and above); the few it cannot are conflicts between rows.
    @Test func countyLevelReadingsMatchAreacity() {
        var wrong: [String] = []
        var checked = 0
        for row in Self.areacity where row.level <= 2 && row.full.hasPrefix(row.name) && row.name.count == row.pinyin.count {
            let syllables = romanizer.romanize(row.full).parts.flatMap(\.syllables).prefix(row.name.count)
            let got = syllables.map { $0.letters == "v" ? "v" : $0.letters }
            let expected = row.pinyin.map { $0 == "lue" ? "lve" : $0 == "nue" ? "nve" : $0.replacingOccurrences(of: "ü", with: "v") }
            checked += 1
            if Array(got) != expected { wrong.append("\(row.full): \(expected.joined(separator: " ")) → \(got.joined(separator: " "))") }
        }
        #expect(checked > 3500)
        #expect(wrong.count <= 5, "\(wrong)")
    }

    /// Where areacity's full name is its name plus a plain generic term, the specific part
    /// quhua finds is areacity's name.
    @Test func specificPartsMatchAreacitySplit() {
        let plain: Set<String> = ["镇", "乡", "街道", "县", "市", "区", "旗", "盟", "省"]
        var total = 0
        var differ: [String] = []
        for row in Self.areacity where row.full.hasPrefix(row.name) && plain.contains(String(row.full.dropFirst(row.name.count))) {
            total += 1
            let specific = romanizer.romanize(row.full).parts.first { $0.role == .specific }?.text
            if specific != row.name { differ.append("\(row.full): \(specific ?? "-")") }
        }
        #expect(total > 35000)
        #expect(Double(differ.count) / Double(total) < 0.005, "\(differ.count) of \(total): \(differ.prefix(20))")
    }

    /// Rows of minority-names.tsv sourced from GeoNames agree with the GeoNames record,
    /// and the romaniser writes them that way.
    @Test func minorityFormsAgreeWithGeoNames() throws {
        let geonames = try String(contentsOf: repositoryRoot.appendingPathComponent("GeoData/geonames-cn/geonames_cities15000_CN.tsv"), encoding: .utf8)
        var standardName: [String: String] = [:]
        for line in geonames.split(whereSeparator: \.isNewline).dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count > 2 { standardName[String(f[0])] = String(f[1]) }
        }
        let tsv = try String(contentsOf: repositoryRoot.appendingPathComponent("GeoData/minority-names/minority-names.tsv"), encoding: .utf8)
        var checked = 0
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5 else { Issue.record("bad line \(line)"); continue }
            if f[4].hasPrefix("geonames:") {
                let id = String(f[4].dropFirst("geonames:".count))
                let name = try #require(standardName[id], "GeoNames \(id) not in GeoData")
                #expect(Orthography.foldToASCII(name).replacingOccurrences(of: " ", with: "")
                        == Orthography.foldToASCII(f[1]).replacingOccurrences(of: " ", with: ""), "\(f[0])")
                checked += 1
            }
            let generic = f[3].split(separator: ",").first.map(String.init) ?? ""
            #expect(romanizer.romanize(f[0] + generic).parts.first?.written() == f[1], "\(f[0])")
        }
        #expect(checked >= 10)
    }
}
