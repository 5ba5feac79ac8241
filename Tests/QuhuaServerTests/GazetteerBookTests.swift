import Foundation
import Gazetteer
import Publishing
import Testing

/// The standard gazetteer book, made from the shipped GeoData (the fixture holds the whole
/// history, Chongqing's townships and the prefecture polygons).
@Suite("Gazetteer book") struct GazetteerBookTests {
    private static func store() throws -> GazetteerStore { try ServerFixture.built().services.store }

    private static let chongqing: Result<BookContent, any Error> = Result {
        try GazetteerBook(store: try store(), within: "500000", day: Day.today).compile()
    }

    /// The township rows of the areacity table for Chongqing: 12-digit code → full name.
    private static func townshipRows() throws -> [String: String] {
        let text = try String(contentsOf: ServerFixture.geoData.appendingPathComponent("areacity/ok_data_level4.csv"), encoding: .utf8)
        var rows: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            guard fields.count >= 8, fields[2] == "3", fields[0].hasPrefix("50") else { continue }
            rows[fields[6]] = fields[7]
        }
        return rows
    }

    @Test func chongqingTodayListsEveryCountyAndEveryTownshipExactlyOnce() throws {
        let book = try Self.chongqing.get()
        let entries = book.entries
        // Every county-level division of the gazetteer's own tree, once, each opening its chapter.
        let tree = try DivisionTree(store: try Self.store(), at: Day.today, rootCode: "500000")
        let treeCounties = tree.nodes.filter { $0.level == .county }.map(\.code)
        let bookCounties = entries.filter { $0.level == .county }.map(\.code)
        #expect(treeCounties.count == 38)
        #expect(bookCounties == treeCounties)
        #expect(book.chapters.filter { $0.code != "500000" }.map(\.code) == treeCounties)
        for chapter in book.chapters where chapter.code != "500000" {
            #expect(chapter.entries.first?.code == chapter.code)
            #expect(chapter.entries.dropFirst().allSatisfy { $0.level == .township && $0.code.hasPrefix(chapter.code) })
        }
        // Every township row of the table, once, under its own name.
        let rows = try Self.townshipRows()
        let townships = entries.filter { $0.level == .township }
        #expect(rows.count == 1021)
        #expect(townships.count == rows.count)
        #expect(Set(townships.map(\.code)).count == townships.count)
        for entry in townships {
            #expect(rows[entry.code] == entry.name, "\(entry.code) \(entry.name)")
        }
        // The region's own entry, and nothing else, besides the counties and townships.
        #expect(entries.count == 1 + 38 + 1021)
        #expect(Set(entries.map(\.placeID)).count == entries.count)
        // The index holds every entry once, sorted by pinyin.
        let index = book.index
        #expect(index.count == entries.count)
        #expect(zip(index, index.dropFirst()).allSatisfy { $0.entry.sortKey <= $1.entry.sortKey })
    }

    @Test func entriesCarryPinyinCategoryLocationAndNoInventedMeaning() throws {
        let entries = try Self.chongqing.get().entries
        let wanzhou = try #require(entries.first { $0.code == "500101" })
        #expect(wanzhou.name == "万州区")
        #expect(wanzhou.pinyin == "Wànzhōu Qū")
        #expect(wanzhou.category == "市辖区")
        #expect(wanzhou.categoryCode == "213")
        #expect(wanzhou.parents.first?.hasPrefix("500000 重庆市") == true)
        #expect(wanzhou.centroid == nil)   // no county polygons are stored
        let centre = try #require(entries.first { $0.code == "500000" }?.centroid)   // the municipality's own polygon
        #expect(centre.x > 105 && centre.x < 110 && centre.y > 28 && centre.y < 32)
        let gaosuntang = try #require(entries.first { $0.code == "500101001000" })
        #expect(gaosuntang.category == "街道")
        #expect(gaosuntang.parents.first == "500101 万州区")
        #expect(gaosuntang.otherNames.contains("简称 高笋塘"))
        #expect(entries.contains { $0.category == "镇" } && entries.contains { $0.category == "乡" })
        #expect(entries.first { $0.code == "500240" }?.category == "自治县")
        // No naming case records a meaning or origin in the shipped data: the fields stay empty.
        #expect(entries.allSatisfy { $0.meaning == nil && $0.origin == nil })
    }

    @Test func wanzhouShowsItsNineteenNinetyTwoAndNineteenNinetyEightEventsWithDocuments() throws {
        let wanzhou = try #require(try Self.chongqing.get().entries.first { $0.code == "500101" })
        let reorganised = try #require(wanzhou.history.first { $0.date == "1992-12-11" })
        #expect(reorganised.type == .reorganized)
        #expect(reorganised.documentNumbers.contains("国函〔1992〕194号"))
        #expect(!reorganised.ownEvent)   // 万县市 and 万县 became 龙宝区, 天城区, 五桥区: the predecessors' event
        let renamed = try #require(wanzhou.history.first { $0.date == "1998-05-22" })
        #expect(renamed.type == .renamed && renamed.ownEvent)
        #expect(renamed.text.contains("万县区 → 万州区"))
        #expect(renamed.documentNumbers == ["国函〔1998〕37号"])
        let html = BookHTML(content: try Self.chongqing.get()).render()
        #expect(html.contains("国函〔1992〕194号") && html.contains("国函〔1998〕37号"))
    }

    @Test func htmlHasOneArticlePerEntryAnIndexAsLongAndAMapPerCounty() throws {
        let book = try Self.chongqing.get()
        let html = BookHTML(content: book).render()
        func count(_ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }
        #expect(count("<article class=\"entry ") == book.entries.count)
        #expect(count("<li class=\"index-entry\"") == book.entries.count)
        #expect(count("<section class=\"chapter\"") == book.chapters.count)
        #expect(html.contains("id=\"chapter-500101\"") && html.contains("id=\"entry-500101001000\"") && html.contains("id=\"view-500101\""))
        #expect(html.contains("@page") && html.contains("size: A4") && html.contains("break-before: page"))
        // Every county has a map framed by the polygon that holds it (the shipped layer's polygon
        // of Chongqing is the whole municipality), and says that no county polygon is stored.
        let maps = book.chapters.compactMap(\.map)
        #expect(maps.count == 38)
        #expect(maps.allSatisfy { !$0.showsOwnPolygon && $0.caption.contains("no county polygon") })
        #expect(maps.allSatisfy { $0.frameCode == "500000" && $0.caption.contains("500000 重庆市") })
        #expect(count("<svg ") == 38)
    }

    @Test func anUnknownCodeOrADayWithoutTheRegionIsRefused() throws {
        let store = try Self.store()
        #expect(throws: GazetteerBookError.unknownDivision(code: "500199", day: Day.today)) {
            try GazetteerBook(store: store, within: "500199", day: Day.today).compile()
        }
        let before = try Day(parsing: "1990-01-01")
        #expect(throws: GazetteerBookError.unknownDivision(code: "500000", day: before)) {
            try GazetteerBook(store: store, within: "500000", day: before).compile()
        }
    }

    @Test func aCountyBookIsOneChapterAndTheWriterLeavesNothingHalfWritten() throws {
        let book = try GazetteerBook(store: try Self.store(), within: "500101", day: Day.today).compile()
        #expect(book.chapters.map(\.code) == ["500101"])
        let parent = ServerFixture.temporaryDirectory("book")
        let folder = parent.appendingPathComponent("wanzhou")
        let written = try BookWriter(pdf: false).write(book, to: folder)
        #expect(written.pdf == nil && written.pdfSkipped != nil)
        #expect(written.htmlBytes > 10_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["wanzhou"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["index.html"])
        // Writing again replaces the file in place.
        _ = try BookWriter(pdf: false).write(book, to: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["wanzhou"])
    }

    @Test func aFailingChromiumLeavesNothingBehindAndAMissingOneIsNoError() throws {
        let book = try GazetteerBook(store: try Self.store(), within: "500101", day: Day.today).compile()
        let parent = ServerFixture.temporaryDirectory("book-failing")
        let fake = parent.appendingPathComponent("fake-chromium")
        try "#!/bin/sh\nexit 1\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let folder = parent.appendingPathComponent("wanzhou")
        #expect(throws: GazetteerBookError.self) {
            try BookWriter(pdf: true, printer: ChromiumPrinter(executable: fake)).write(book, to: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["fake-chromium"])
        #expect(ChromiumPrinter.find(environment: ["PATH": parent.appendingPathComponent("empty").path]) == nil)
        #expect(ChromiumPrinter.find(environment: ["QUHUA_CHROMIUM": fake.path])?.executable == fake)
    }
}
