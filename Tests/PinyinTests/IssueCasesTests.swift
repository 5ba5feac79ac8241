import Testing
@testable import Pinyin

/// The cases named in issue 5, checked by hand against GB/T 16159 and the official forms.
@Suite struct IssueCasesTests {
    @Test func shippedLexiconLoads() throws {
        let r = try Romanizer.standard()
        #expect(r.loadError == nil)
        #expect(Romanizer.shared.loadError == nil)
    }

    @Test(arguments: [
        ("西安市", "Xi'an Shi"),
        ("渝中区", "Yuzhong Qu"),
        ("酉阳土家族苗族自治县", "Youyang Tujiazu Miaozu Zizhixian"),
        ("六安市", "Lu'an Shi"),
        ("蚌埠市", "Bengbu Shi"),
        ("厦门市", "Xiamen Shi"),
        ("长沙市", "Changsha Shi"),
        ("乐清市", "Yueqing Shi"),
        ("铅山县", "Yanshan Xian"),
        ("单县", "Shan Xian"),
        ("重庆市", "Chongqing Shi"),
        ("东阿县", "Dong'e Xian"),
    ])
    func officialForms(name: String, expected: String) {
        #expect(ascii(name) == expected)
    }

    @Test(arguments: [
        ("乌鲁木齐", "Ürümqi", "Wulumuqi"),
        ("呼和浩特", "Hohhot", "Huhehaote"),
        ("拉萨", "Lhasa", "Lasa"),
        ("日喀则", "Xigazê", "Rikaze"),
    ])
    func minorityLanguageNames(name: String, official: String, pinyin: String) {
        let r = romanizer.romanize(name)
        #expect(r.display() == official)
        #expect(r.pinyin() == pinyin)
        #expect(r.usesMinorityForm)
        let keys = romanizer.searchKeys(for: name)
        #expect(keys.full.contains(pinyin.lowercased()))
        #expect(keys.full.contains(Orthography.key(official)))
    }

    @Test func searchKeyAndInitials() {
        let r = romanizer.romanize("西安市")
        #expect(r.searchKey == "xianshi")
        #expect(r.initials == "xas")
        let keys = romanizer.searchKeys(for: "西安市")
        #expect(keys.full.first == "xianshi")
        #expect(keys.full.contains("xian"))
        #expect(keys.initials.contains("xas"))
        #expect(keys.initials.contains("xa"))
    }

    @Test func traditionalFoldedFirst() {
        #expect(ChineseScript.simplified("萬縣") == "万县")
        #expect(ascii("萬縣") == "Wan Xian")
        #expect(ascii("廈門市") == "Xiamen Shi")
    }
}
