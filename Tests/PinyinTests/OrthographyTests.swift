import Testing
@testable import Pinyin

/// GB/T 16159 writing rules: apostrophes, capitals, tone marks, ü, ASCII folding.
@Suite struct OrthographyTests {
    private func syllables(_ numbered: String) -> ArraySlice<Syllable> {
        numbered.split(separator: " ").compactMap { Syllable(numbered: $0) }[...]
    }

    @Test(arguments: [
        ("xi1 an1", "Xi'an"),
        ("dong1 e1", "Dong'e"),
        ("tian1 an1 men2", "Tian'anmen"),
        ("hai3 ou1", "Hai'ou"),
        ("an1 shan1", "Anshan"),
        ("e2 mei2", "Emei"),
        ("xian1", "Xian"),
        ("chang2 sha1", "Changsha"),
    ])
    func apostropheBeforeAOEInsideAWord(numbered: String, expected: String) {
        #expect(Orthography.word(syllables(numbered), tones: false, ascii: true) == expected)
    }

    @Test(arguments: [
        ("xi1 an1", "Xī'ān"),
        ("liu2 zhou1", "Liúzhōu"),
        ("gui4 yang2", "Guìyáng"),
        ("lv3 liang2", "Lǚliáng"),
        ("lve4", "Lüè"),
        ("xiong2 an1", "Xióng'ān"),
        ("hou4", "Hòu"),
        ("er2", "Ér"),
        ("zi5", "Zi"),
        ("lao0 ting2", "Laotíng"),
    ])
    func toneMarksFollowThePlacementRule(numbered: String, expected: String) {
        #expect(Orthography.word(syllables(numbered), tones: true, ascii: false) == expected)
    }

    @Test func umlautIsKeptInDisplayAndDroppedInASCII() {
        let r = romanizer.romanize("吕梁市")
        #expect(r.display() == "Lüliang Shi")
        #expect(r.display(tones: true) == "Lǚliáng Shì")
        #expect(r.ascii == "Luliang Shi")
        let keys = romanizer.searchKeys(for: "吕梁市")
        #expect(keys.full.contains("luliangshi"))
        #expect(keys.full.contains("lvliangshi"))
    }

    @Test func foldToASCIIDropsDiacritics() {
        #expect(Orthography.foldToASCII("Ürümqi") == "Urumqi")
        #expect(Orthography.foldToASCII("Xigazê") == "Xigaze")
        #expect(Orthography.key("Xi'an Shi") == "xianshi")
        #expect(Orthography.key("Jing 5 Lu") == "jing5lu")
    }

    @Test func numberedSyllablesParse() {
        #expect(Syllable(numbered: "zhong1") == Syllable(letters: "zhong", tone: 1))
        #expect(Syllable(numbered: "lao") == Syllable(letters: "lao", tone: 0))
        #expect(Syllable(numbered: "7") == nil)
        #expect(Syllable(letters: "lv", tone: 4).description == "lv4")
    }
}
