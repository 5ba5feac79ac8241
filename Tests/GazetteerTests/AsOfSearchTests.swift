import Foundation
import XCTest
@testable import Gazetteer

/// Search as of a day: only names valid that day, each place shown with its code, name and
/// parent of that day, today's beside them.
final class AsOfSearchTests: XCTestCase {
    private func search(_ text: String, at day: String, limit: Int = 20) throws -> [SearchHit] {
        try NameSearch(store: try Fixture.store()).search(SearchQuery(text, at: try Day(parsing: day), limit: limit))
    }

    /// No hit is a name valid only before or only after the day.
    private func assertValid(_ hits: [SearchHit], on day: String, file: StaticString = #filePath, line: UInt = #line) {
        for hit in hits {
            XCTAssertTrue(hit.matchedPeriod.from.map { $0 <= day } ?? true, "\(hit.matchedName) \(hit.matchedPeriod) starts after \(day)", file: file, line: line)
            XCTAssertTrue(hit.matchedPeriod.to.map { $0 > day } ?? true, "\(hit.matchedName) \(hit.matchedPeriod) ended by \(day)", file: file, line: line)
            XCTAssertEqual(hit.onDay?.day.description, day, file: file, line: line)
        }
    }

    /// 长安 on 1990-01-01 is 610121 长安县 of 西安市 (now 610116 长安区, a district since 2002).
    func testChanganIn1990() throws {
        let hits = try search("长安", at: "1990-01-01")
        assertValid(hits, on: "1990-01-01")
        let changan = try XCTUnwrap(hits.first { $0.placeCode == "610116" }, "\(hits.map(\.placeName))")
        XCTAssertEqual(changan.onDay?.code, "610121")
        XCTAssertEqual(changan.onDay?.name, "长安县")
        XCTAssertEqual(changan.onDay?.level, .county)
        XCTAssertEqual(changan.onDay?.parent, SearchHit.PlaceReference(code: "610100", name: "西安市"))
        XCTAssertEqual(changan.now, SearchHit.PlaceReference(code: "610116", name: "长安区"))
        XCTAssertEqual(changan.codeThen, "610121")
        XCTAssertFalse(hits.contains { $0.onDay?.code == "610116" || $0.onDay?.name == "长安区" && $0.onDay?.code != "130102" })
        // The only other county then named 长安: 130102 长安区 of 石家庄市 (since 1983).
        XCTAssertEqual(hits.prefix(2).compactMap(\.onDay?.code).sorted(), ["130102", "610121"])
        // The short name 长安 (areacity, undated) belongs to 长安区 and takes its period.
        let today = try NameSearch(store: try Fixture.store()).search(SearchQuery("长安"))
        XCTAssertTrue(today.contains { $0.placeCode == "610116" })
    }

    /// 六安 on 1995-01-01 is 六安地区 (now the prefecture-level 341500 六安市, created in 2000).
    func testLuanIn1995() throws {
        let hits = try search("六安", at: "1995-01-01")
        assertValid(hits, on: "1995-01-01")
        let first = try XCTUnwrap(hits.first)
        XCTAssertEqual(first.onDay?.name, "六安地区")
        XCTAssertEqual(first.onDay?.code, "342400")
        XCTAssertEqual(first.onDay?.level, .prefecture)
        XCTAssertEqual(first.onDay?.parent?.name, "安徽省")
        XCTAssertEqual(first.now, SearchHit.PlaceReference(code: "341500", name: "六安市"))
        XCTAssertFalse(hits.contains { $0.onDay?.code == "341500" })
        // The county-level 六安市 (342401, 1979–1999) was there too.
        XCTAssertTrue(hits.contains { $0.onDay?.code == "342401" && $0.onDay?.name == "六安市" && $0.now == nil })
    }

    /// Undated names take the period of what they name; `--within` on a day tests the code of that day.
    func testUndatedNamesAndWithinOnADay() throws {
        // 万州 (areacity short name of 万州区, named so since 1998-05-22) did not exist in 1990.
        let wanzhou = try search("万州", at: "1990-06-30")
        XCTAssertFalse(wanzhou.contains { $0.placeCode == "500101" }, "\(wanzhou.map(\.matchedName))")
        let short = try XCTUnwrap(try search("万州", at: "2020").first { $0.placeCode == "500101" })
        XCTAssertEqual(short.matchedPeriod.from, "1998-05-22")
        // 重庆市 was 510200 in 四川省 in 1990.
        var query = SearchQuery("重庆市", within: "510000", at: try Day(parsing: "1990"))
        let chongqing = try XCTUnwrap(try NameSearch(store: try Fixture.store()).search(query).first)
        XCTAssertEqual(chongqing.onDay?.code, "510200")
        XCTAssertEqual(chongqing.onDay?.level, .prefecture)
        XCTAssertEqual(chongqing.onDay?.parent?.name, "四川省")
        XCTAssertEqual(chongqing.now?.code, "500000")
        query.within = "500000"
        XCTAssertTrue(try NameSearch(store: try Fixture.store()).search(query).isEmpty)
    }

    /// Exhaustive, from the 44 public yearly tables: every county-level name of a year's table,
    /// searched as of 31 December of that year (the day the table describes), finds that year's
    /// code, and no hit is a name valid only later (or only earlier).
    ///
    /// The rule for names the table lists more than once (城区, 郊区, 市辖区, 东区 …, at any
    /// level): each of the year's codes is among the exact hits. For every other name the first
    /// hit is the year's entry, matched exactly, with the table's name as the name of the day.
    func testEveryCountyOfEveryYearlyTableAsOfItsYear() throws {
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
            XCTAssertGreaterThan(entries.count, 2500, "\(year)")
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
        XCTAssertGreaterThan(checked, 100_000)
        XCTAssertTrue(failures.isEmpty, "\(failures.count) failures:\n" + failures.prefix(40).joined(separator: "\n"))
    }
}

/// `quhua search --at` through the built executable.
final class AsOfSearchCLITests: XCTestCase {
    private func quhua() throws -> URL {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("quhua"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("quhua"),
            Fixture.packageRoot.appendingPathComponent(".build/debug/quhua"),
        ].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the quhua executable is not built next to the tests (run swift build): looked in \(candidates.map(\.path))")
        }
        return found
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try quhua()
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

    func testChanganIn1990() throws {
        let text = try run(["search", "长安", "--at", "1990-01-01"])
        XCTAssertEqual(text.status, 0, text.output)
        let lines = text.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("610121 长安县 (now 610116 长安区)  county, in 610100 西安市") }, text.output)
        XCTAssertFalse(lines.contains { $0.hasPrefix("610116") }, text.output)

        let json = try run(["search", "长安", "--at", "1990-01-01", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.output)
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(json.output.utf8))
        let changan = try XCTUnwrap(hits.first { $0.placeCode == "610116" })
        XCTAssertEqual(changan.codeThen, "610121")
        XCTAssertEqual(changan.onDay?.code, "610121")
        XCTAssertEqual(changan.onDay?.name, "长安县")
        XCTAssertEqual(changan.now?.name, "长安区")
    }

    func testLuanIn1995() throws {
        let text = try run(["search", "六安", "--at", "1995-01-01"])
        XCTAssertEqual(text.status, 0, text.output)
        let first = text.output.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(first.hasPrefix("342400 六安地区 (now 341500 六安市)  prefecture, in 340000 安徽省"), text.output)
        XCTAssertFalse(text.output.split(separator: "\n").contains { $0.hasPrefix("341500") }, text.output)

        let json = try run(["search", "六安", "--at", "1995-01-01", "--format", "json"])
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(json.output.utf8))
        XCTAssertEqual(hits.first?.codeThen, "342400")
        XCTAssertEqual(hits.first?.onDay?.name, "六安地区")
        XCTAssertEqual(hits.first?.now, SearchHit.PlaceReference(code: "341500", name: "六安市"))
    }
}
