// Search benchmark: 1,000,000 generated names built from real name parts, 1,000 queries of
// each search mode, p50/p99 latency of NameSearch against a naive LIKE '%…%' scan on the
// same database in the same run; and the import time of the full areacodes history.
//
//   usage: bench-gazetteer-search GEODATA WORKDIR [NAMES] [QUERIES] [LIKE-QUERIES]
import Foundation
import GeoFormats
import Gazetteer
import GRDB
import Pinyin

struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        var x = state
        x ^= x >> 33
        x = x &* 0xff51afd7ed558ccd
        x ^= x >> 33
        return x
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bench: \(message)\n".utf8))
    exit(1)
}

@MainActor
func runBenchmark() throws {
    let arguments = CommandLine.arguments
    guard arguments.count >= 3 else { fail("usage: bench-gazetteer-search GEODATA WORKDIR [NAMES] [QUERIES] [LIKE-QUERIES]") }
    let geoData = URL(fileURLWithPath: arguments[1])
    let work = URL(fileURLWithPath: arguments[2])
    let nameCount = arguments.count > 3 ? Int(arguments[3]) ?? 1_000_000 : 1_000_000
    let queryCount = arguments.count > 4 ? Int(arguments[4]) ?? 1000 : 1000
    let likeCount = arguments.count > 5 ? Int(arguments[5]) ?? 100 : 100
    try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    var random = Generator(state: 20_260_101)

    func seconds(_ start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    // 1. The full history, imported into a fresh database (the import-time figure), three times.
    var importTimes: [Double] = []
    for round in 1...3 {
        let path = work.appendingPathComponent("history-\(round).sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try GazetteerStore(path: path)
        let start = ContinuousClock.now
        _ = try AreaCodesImporter(directory: geoData.appendingPathComponent("areacodes")).run(into: store, actor: "bench")
        importTimes.append(seconds(start))
    }
    print("areacodes history import (parse, resolve 43 diffs, check result.csv, write, index): " +
          importTimes.map { String(format: "%.2f s", $0) }.joined(separator: ", "))

    // 2. The benchmark database: the history plus NAMES generated village names.
    let databasePath = work.appendingPathComponent("bench.sqlite").path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
    try FileManager.default.copyItem(atPath: work.appendingPathComponent("history-1.sqlite").path, toPath: databasePath)
    let store = try GazetteerStore(path: databasePath)
    let reader = try DatabaseQueue(path: databasePath, configuration: { var c = Configuration(); c.readonly = true; return c }())

    // Real parts: township short names (areacity) and real generic terms of villages and features.
    let areacity = try String(contentsOf: geoData.appendingPathComponent("areacity/ok_data_level4.csv"), encoding: .utf8)
    var specifics: [String] = []
    var seen: Set<String> = []
    for row in try CSVReader.rows(in: areacity).dropFirst() where row.fields.count >= 8 && row.fields[2] == "3" {
        let short = row.fields[3]
        if short.count >= 2, short.count <= 4, short.unicodeScalars.allSatisfy({ $0.value >= 0x4E00 && $0.value <= 0x9FFF }), seen.insert(short).inserted {
            specifics.append(short)
        }
    }
    let generics = ["村", "社区", "新村", "组", "坝", "湾", "坪", "沟", "寨", "屯", "庄", "营", "铺", "岭", "桥", "山", "河", "塘", "街", "巷", "垭", "坡", "冲", "岗"]
    let qualifiers = ["东", "西", "南", "北", "上", "下", "新", "老", "大", "小", "前", "后", "中", "石", "高"]
    let counties = try reader.read { db in
        try String.fetchAll(db, sql: "SELECT code FROM place_code WHERE scheme = 'GB2260' AND valid_to IS NULL AND code NOT LIKE '%00'")
    }
    var generated: [String] = []
    generated.reserveCapacity(nameCount)
    var csv = "name,code,parent,level\n"
    csv.reserveCapacity(nameCount * 40)
    var perCounty: [String: Int] = [:]
    for _ in 0..<nameCount {
        let a = specifics.randomElement(using: &random) ?? "测试"
        let generic = generics.randomElement(using: &random) ?? "村"
        let roll = Int.random(in: 0..<10, using: &random)
        let name: String
        if roll < 5 {
            name = a + generic
        } else if roll < 8 {
            let q = qualifiers.randomElement(using: &random) ?? "新"
            name = Bool.random(using: &random) ? q + a + generic : a + q + generic
        } else {
            let b = specifics.randomElement(using: &random) ?? "测试"
            name = String(a.prefix(2)) + String(b.suffix(1)) + generic
        }
        let county = counties.randomElement(using: &random) ?? "500101"
        let sequence = (perCounty[county] ?? 0) + 1
        perCounty[county] = sequence
        let code = county + "9" + String(format: "%05d", sequence)
        generated.append(name)
        csv += "\(name),\(code),\(county),village\n"
    }
    let csvURL = work.appendingPathComponent("villages.csv")
    try csv.write(to: csvURL, atomically: true, encoding: .utf8)
    let sizeBefore = try databaseBytes(reader)
    var start = ContinuousClock.now
    let report = try NameCSVImporter(file: csvURL, mapping: CSVColumnMapping()).run(into: store, actor: "bench")
    let importSeconds = seconds(start)
    let sizeAfter = try databaseBytes(reader)
    print("generated \(nameCount) village names from \(specifics.count) real township names and \(generics.count) generic terms; " +
          "CSV import with index build: \(String(format: "%.1f s", importSeconds)), " +
          "\(String(format: "%.0f", Double(nameCount) / importSeconds)) names/s, " +
          "\((sizeAfter - sizeBefore) / max(1, nameCount)) bytes per name, peak RSS \(peakRSSMegabytes()) MB (\(report))")

    // 3. Queries of every mode.
    let keys = PinyinSearchKeys.standard
    var traditional: [Character: Character] = [:]
    let variants = try String(contentsOf: geoData.appendingPathComponent("unihan/Unihan_Variants-subset.txt"), encoding: .utf8)
    for line in variants.split(separator: "\n") where line.contains("kTraditionalVariant") {
        let fields = line.split(separator: "\t")
        guard fields.count == 3, let from = UInt32(fields[0].dropFirst(2), radix: 16),
              let to = fields[2].split(separator: " ").first.flatMap({ UInt32($0.dropFirst(2), radix: 16) }),
              let f = Unicode.Scalar(from), let t = Unicode.Scalar(to), f != t else { continue }
        traditional[Character(f)] = Character(t)
    }
    func sample() -> String { generated.randomElement(using: &random) ?? "高笋塘村" }
    func piece(_ name: String, length: Int, atStart: Bool) -> String {
        let characters = Array(name)
        guard characters.count > length else { return name }
        let offset = atStart ? 0 : Int.random(in: 1...(characters.count - length), using: &random)
        return String(characters[offset..<(offset + length)])
    }
    func withoutGeneric(_ name: String) -> String {
        let parts = NameParts(name)
        return parts.generic.isEmpty ? name : parts.specific
    }
    func typo(_ key: String) -> String {
        var letters = Array(key)
        guard letters.count > 4 else { return key }
        let i = Int.random(in: 2..<(letters.count - 1), using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: letters.swapAt(i, i + 1)
        case 1: letters.remove(at: i)
        default: letters[i] = letters[i] == "a" ? "e" : "a"
        }
        return String(letters)
    }
    let modes: [(name: String, latin: Bool, make: () -> String)] = [
        ("exact", false, { sample() }),
        ("without suffix", false, { withoutGeneric(sample()) }),
        ("prefix, 1 char", false, { piece(sample(), length: 1, atStart: true) }),
        ("prefix, 2 chars", false, { piece(sample(), length: 2, atStart: true) }),
        ("prefix, 3 chars", false, { piece(sample(), length: 3, atStart: true) }),
        ("substring, 1 char", false, { piece(sample(), length: 1, atStart: false) }),
        ("substring, 2 chars", false, { piece(sample(), length: 2, atStart: false) }),
        ("substring, 3 chars", false, { piece(sample(), length: 3, atStart: false) }),
        ("traditional", false, {
            for _ in 0..<50 {
                let name = sample()
                let converted = String(name.map { traditional[$0] ?? $0 })
                if converted != name { return converted }
            }
            return sample()
        }),
        ("pinyin, no spaces", true, { keys?.searchKeys(for: sample()).full.first ?? "gaosuntang" }),
        ("pinyin, with spaces", true, { keys?.romanizer.romanize(sample()).ascii.lowercased() ?? "gao sun tang" }),
        ("initials", true, { keys?.searchKeys(for: sample()).initials.first ?? "gst" }),
        ("typo (Latin)", true, { typo(keys?.searchKeys(for: sample()).full.first ?? "gaosuntang") }),
    ]

    let search = NameSearch(store: store)
    func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
    func ms(_ value: Double) -> String { String(format: value < 10 ? "%.3f" : "%.1f", value * 1000) }

    print("")
    print("| mode | queries | p50 ms | p99 ms | found | LIKE queries | LIKE p50 ms | LIKE p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for mode in modes {
        let queries = (0..<queryCount).map { _ in mode.make() }
        for query in queries.prefix(20) { _ = try? search.search(SearchQuery(query)) }   // warm-up
        var times: [Double] = []
        var found = 0
        for query in queries {
            start = ContinuousClock.now
            let hits = try search.search(SearchQuery(query, limit: 20))
            times.append(seconds(start))
            if !hits.isEmpty { found += 1 }
        }
        var likeTimes: [Double] = []
        try reader.read { db in
            for query in queries.prefix(likeCount) {
                start = ContinuousClock.now
                if mode.latin {
                    let key = query.lowercased().filter { $0.isLetter }
                    _ = try Int64.fetchAll(db, sql: "SELECT doc FROM search_latin WHERE key LIKE ? LIMIT 20", arguments: ["%\(key)%"])
                } else {
                    _ = try Int64.fetchAll(db, sql: "SELECT place_id FROM name WHERE text LIKE ? LIMIT 20", arguments: ["%\(query)%"])
                }
                likeTimes.append(seconds(start))
            }
        }
        print("| \(mode.name) | \(queries.count) | \(ms(percentile(times, 0.5))) | \(ms(percentile(times, 0.99))) | \(found * 100 / max(1, queries.count)) % | \(likeTimes.count) | \(ms(percentile(likeTimes, 0.5))) | \(ms(percentile(likeTimes, 0.99))) |")
    }
    let size = try databaseBytes(reader)
    print("")
    print("database: \(size / 1_000_000) MB with \(try reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_doc") ?? 0 }) indexed names")

}

/// The bytes of the database's pages in use, as of the last commit (WAL frames included).
func databaseBytes(_ reader: DatabaseQueue) throws -> Int {
    try reader.read { db in
        let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
        let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
        return (pages - free) * size
    }
}

/// The process's peak resident memory.
func peakRSSMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

do {
    try runBenchmark()
} catch {
    fail("\(error)")
}
