import Foundation
import Testing
@testable import Pinyin

/// Loading the compiled lexicon: the shipped one, a custom one, and bad files.
@Suite struct LexiconLoadingTests {
    private func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("quhua-pinyin-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func missingFileThrowsUnreadable() {
        let url = URL(fileURLWithPath: "/nonexistent/quhua/pinyin-lexicon.txt")
        #expect(throws: PinyinError.self) { try Romanizer(contentsOf: url) }
        do {
            _ = try Romanizer(contentsOf: url)
        } catch {
            if case .unreadable(let path, _) = error { #expect(path == url.path) } else { Issue.record("\(error)") }
        }
    }

    @Test func malformedFileThrowsWithTheLine() throws {
        let url = try temporaryFile("# test\n@readings\n中\tzhong1\n@words\n中国\tzhong1\t3\n")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Romanizer(contentsOf: url)
            Issue.record("expected a malformed-lexicon error")
        } catch {
            #expect(error == .malformed(path: url.path, line: 5, reason: "中国 has 2 characters but 1 syllables"))
            #expect(error.message.contains("build-lexicon.py"))
        }
    }

    @Test func unknownSectionIsRejected() throws {
        let url = try temporaryFile("@nonsense\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: PinyinError.self) { try Romanizer(contentsOf: url) }
    }

    @Test func customLexiconIsUsed() throws {
        let url = try temporaryFile("""
            @readings
            长\tzhang3 chang2
            沙\tsha1
            市\tshi4
            @words
            长沙\tchang2 sha1\t5
            @names
            长沙

            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try Romanizer(contentsOf: url)
        #expect(r.romanize("长沙市").ascii == "Changsha Shi")
        #expect(r.romanize("长").ascii == "Zhang")
    }

    @Test func emptyLexiconKeepsCharacters() {
        let r = Romanizer(lexicon: .empty, loadError: nil)
        let result = r.romanize("西安市")
        #expect(result.parts.map(\.role) == [.unromanized])
        #expect(result.display() == "西安市")
    }

    @Test func shippedLexiconIsFound() throws {
        let url = try LexiconLocator.locate()
        #expect(url.lastPathComponent == "pinyin-lexicon.txt")
    }

    @Test func romanizerIsSharedAcrossTasks() async {
        let names = ["西安市", "六安市", "重庆市", "乌鲁木齐市", "酉阳土家族苗族自治县"]
        let expected = names.map { romanizer.romanize($0).ascii }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for round in 0..<8 {
                for (i, name) in names.enumerated() {
                    group.addTask { (round * names.count + i, Romanizer.shared.romanize(name).ascii) }
                }
            }
            var out: [Int: String] = [:]
            for await (i, s) in group { out[i] = s }
            return out
        }
        for (i, s) in results { #expect(s == expected[i % names.count]) }
    }
}
