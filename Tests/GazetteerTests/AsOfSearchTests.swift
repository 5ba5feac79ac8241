import Foundation
import Testing
@testable import Gazetteer

/// Search as of a day: only names valid that day, each place shown with its code, name and
/// parent of that day, today's beside them.
@Suite struct AsOfSearchTests {
    private func search(_ text: String, at day: String, limit: Int = 20) throws -> [SearchHit] {
        try NameSearch(store: try Fixture.store()).search(SearchQuery(text, at: try Day(parsing: day), limit: limit))
    }

    /// No hit is a name valid only before or only after the day.
    private func expectValid(_ hits: [SearchHit], on day: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for hit in hits {
            #expect(hit.matchedPeriod.from.map { $0 <= day } ?? true, "\(hit.matchedName) \(hit.matchedPeriod) starts after \(day)",
                    sourceLocation: sourceLocation)
            #expect(hit.matchedPeriod.to.map { $0 > day } ?? true, "\(hit.matchedName) \(hit.matchedPeriod) ended by \(day)",
                    sourceLocation: sourceLocation)
            #expect(hit.onDay?.day.description == day, sourceLocation: sourceLocation)
        }
    }

    /// 长安 on 1990-01-01 is 610121 长安县 of 西安市 (now 610116 长安区, a district since 2002).
    @Test func changanIn1990() throws {
        let hits = try search("长安", at: "1990-01-01")
        expectValid(hits, on: "1990-01-01")
        let changan = try #require(hits.first { $0.placeCode == "610116" }, "\(hits.map(\.placeName))")
        #expect(changan.onDay?.code == "610121")
        #expect(changan.onDay?.name == "长安县")
        #expect(changan.onDay?.level == .county)
        #expect(changan.onDay?.parent == SearchHit.PlaceReference(code: "610100", name: "西安市"))
        #expect(changan.now == SearchHit.PlaceReference(code: "610116", name: "长安区"))
        #expect(changan.codeThen == "610121")
        #expect(!hits.contains { $0.onDay?.code == "610116" || $0.onDay?.name == "长安区" && $0.onDay?.code != "130102" })
        // The only other county then named 长安: 130102 长安区 of 石家庄市 (since 1983).
        #expect(hits.prefix(2).compactMap(\.onDay?.code).sorted() == ["130102", "610121"])
        // The short name 长安 (areacity, undated) belongs to 长安区 and takes its period.
        let today = try NameSearch(store: try Fixture.store()).search(SearchQuery("长安"))
        #expect(today.contains { $0.placeCode == "610116" })
    }

    /// 六安 on 1995-01-01 is 六安地区 (now the prefecture-level 341500 六安市, created in 2000).
    @Test func luanIn1995() throws {
        let hits = try search("六安", at: "1995-01-01")
        expectValid(hits, on: "1995-01-01")
        let first = try #require(hits.first)
        #expect(first.onDay?.name == "六安地区")
        #expect(first.onDay?.code == "342400")
        #expect(first.onDay?.level == .prefecture)
        #expect(first.onDay?.parent?.name == "安徽省")
        #expect(first.now == SearchHit.PlaceReference(code: "341500", name: "六安市"))
        #expect(!hits.contains { $0.onDay?.code == "341500" })
        // The county-level 六安市 (342401, 1979–1999) was there too.
        #expect(hits.contains { $0.onDay?.code == "342401" && $0.onDay?.name == "六安市" && $0.now == nil })
    }

    /// Undated names take the period of what they name; `--within` on a day tests the code of that day.
    @Test func undatedNamesAndWithinOnADay() throws {
        // 万州 (areacity short name of 万州区, named so since 1998-05-22) did not exist in 1990.
        let wanzhou = try search("万州", at: "1990-06-30")
        #expect(!wanzhou.contains { $0.placeCode == "500101" }, "\(wanzhou.map(\.matchedName))")
        let short = try #require(try search("万州", at: "2020").first { $0.placeCode == "500101" })
        #expect(short.matchedPeriod.from == "1998-05-22")
        // 重庆市 was 510200 in 四川省 in 1990.
        var query = SearchQuery("重庆市", within: "510000", at: try Day(parsing: "1990"))
        let chongqing = try #require(try NameSearch(store: try Fixture.store()).search(query).first)
        #expect(chongqing.onDay?.code == "510200")
        #expect(chongqing.onDay?.level == .prefecture)
        #expect(chongqing.onDay?.parent?.name == "四川省")
        #expect(chongqing.now?.code == "500000")
        query.within = "500000"
        #expect(try NameSearch(store: try Fixture.store()).search(query).isEmpty)
    }

    /// Exhaustive, from the 44 public yearly tables: every county-level name of a year's table,
    /// searched as of 31 December of that year (the day the table describes), finds that year's
    /// code, and no hit is a name valid only later (or only earlier).
    ///
    /// The rule for names the table lists more than once (城区, 郊区, 市辖区, 东区 …, at any
    /// level): each of the year's codes is among the exact hits. For every other name the first
    /// hit is the year's entry, matched exactly, with the table's name as the name of the day.
    @Test func everyCountyOfEveryYearlyTableAsOfItsYear() throws {
        let search = NameSearch(store: try Fixture.store())
        var checked = 0, sharedChecked = 0
        var failures: [String] = []
        for year in 1981...2024 {
            let day = try Day(parsing: String(year))
            let text = try String(contentsOf: Fixture.areacodes.appendingPathComponent("data/\(year).txt"), encoding: .utf8)
            let entries = text.split(separator: "\n").compactMap { line -> (code: String, name: String)? in
                let parts = line.split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else { return nil }
                return (String(parts[0]), String(parts[1]).trimmingCharacters(in: .whitespaces))
            }
            #expect(entries.count > 2500, "\(year)")
            var listed: [String: Int] = [:]
            for entry in entries { listed[entry.name, default: 0] += 1 }
            var countyCodes: [String: [String]] = [:]
            for entry in entries where !entry.code.hasSuffix("00") { countyCodes[entry.name, default: []].append(entry.code) }
            for (name, codes) in countyCodes.sorted(by: { $0.key < $1.key }) {
                let shared = (listed[name] ?? 0) > 1
                let hits = try search.search(SearchQuery(name, at: day, limit: shared ? min(1000, 2 * (listed[name] ?? 0) + 20) : 5))
                checked += codes.count
                if shared { sharedChecked += codes.count }
                for hit in hits where !hit.matchedPeriod.contains(day) {
                    failures.append("\(year) \(name): hit \(hit.matchedName) \(hit.matchedPeriod) (\(hit.placeName)) not valid on \(day)")
                }
                if shared {
                    let exact = Set(hits.filter { $0.match == .exact }.compactMap(\.onDay?.code))
                    for code in codes where !exact.contains(code) {
                        failures.append("\(year) \(code) \(name): not among the exact hits \(exact.sorted())")
                    }
                } else if let code = codes.first {
                    let first = hits.first
                    if first?.onDay?.code != code || first?.onDay?.name != name || first?.match != .exact {
                        failures.append("\(year) \(code) \(name): first hit \(first.map { "\($0.onDay?.label ?? "-") (\($0.match.rawValue) \($0.matchedName))" } ?? "none")")
                    }
                }
            }
        }
        print("as-of search: 44 yearly tables, \(checked) county-level entries checked (\(sharedChecked) under names listed more than once), \(failures.count) failures")
        #expect(checked > 100_000)
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(40).joined(separator: "\n"))")
    }
}

/// `quhua search --at` through the built executable, on the shared gazetteer (read only).
@Suite struct AsOfSearchCLITests {
    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let executable = try #require(QuhuaExecutable.url, QuhuaExecutable.skipReason)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + ["--db", try Fixture.store().path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    // Skipped, with QuhuaExecutable.skipReason in the output, when the quhua executable is not built.
    @Test(.enabled(if: QuhuaExecutable.isBuilt, QuhuaExecutable.skipReason))
    func changanIn1990() throws {
        let text = try run(["search", "长安", "--at", "1990-01-01"])
        #expect(text.status == 0, "\(text.output)")
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("610121 长安县 (now 610116 长安区)  county, in 610100 西安市") }, "\(text.output)")
        #expect(!lines.contains { $0.hasPrefix("610116") }, "\(text.output)")

        let json = try run(["search", "长安", "--at", "1990-01-01", "--format", "json"])
        #expect(json.status == 0, "\(json.output)")
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(json.output.utf8))
        let changan = try #require(hits.first { $0.placeCode == "610116" })
        #expect(changan.codeThen == "610121")
        #expect(changan.onDay?.code == "610121")
        #expect(changan.onDay?.name == "长安县")
        #expect(changan.now?.name == "长安区")
    }

    // Skipped, with QuhuaExecutable.skipReason in the output, when the quhua executable is not built.
    @Test(.enabled(if: QuhuaExecutable.isBuilt, QuhuaExecutable.skipReason))
    func luanIn1995() throws {
        let text = try run(["search", "六安", "--at", "1995-01-01"])
        #expect(text.status == 0, "\(text.output)")
        let first = text.output.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("342400 六安地区 (now 341500 六安市)  prefecture, in 340000 安徽省"), "\(text.output)")
        #expect(!text.output.split(separator: "\n").contains { $0.hasPrefix("341500") }, "\(text.output)")

        let json = try run(["search", "六安", "--at", "1995-01-01", "--format", "json"])
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(json.output.utf8))
        #expect(hits.first?.codeThen == "342400")
        #expect(hits.first?.onDay?.name == "六安地区")
        #expect(hits.first?.now == SearchHit.PlaceReference(code: "341500", name: "六安市"))
    }
}
