import Testing
@testable import Pinyin

/// Search keys: every plausible reading, with and without the generic term, and initials.
@Suite struct SearchKeysTests {
    @Test func chosenReadingComesFirstAndOthersFollow() {
        let keys = romanizer.searchKeys(for: "长沙县")
        #expect(keys.full.first == "changshaxian")
        #expect(keys.full.contains("changsha"))
        #expect(keys.full.contains("zhangshaxian"))
        #expect(keys.full.contains("zhangsha"))
        #expect(keys.initials.first == "csx")
        #expect(keys.initials.contains("cs"))
        #expect(keys.initials.contains("zsx"))
    }

    @Test(arguments: [
        ("六安市", "luanshi", "liuanshi"),
        ("重庆市", "chongqingshi", "zhongqingshi"),
        ("厦门市", "xiamenshi", "shamenshi"),
        ("乐清市", "yueqingshi", "leqingshi"),
        ("蚌埠市", "bengbushi", "bangbushi"),
    ])
    func polyphonicNamesAreFoundUnderEveryReading(name: String, official: String, other: String) {
        let keys = romanizer.searchKeys(for: name)
        #expect(keys.full.first == official)
        #expect(keys.full.contains(other))
    }

    @Test func genericTermIsOptional() {
        let keys = romanizer.searchKeys(for: "酉阳土家族苗族自治县")
        #expect(keys.full.first == "youyangtujiazumiaozuzizhixian")
        #expect(keys.full.contains("youyang"))
        #expect(keys.initials.contains("yy"))
    }

    @Test func minorityNamesKeepTheirPinyinKey() {
        let keys = romanizer.searchKeys(for: "呼和浩特市")
        #expect(keys.full.prefix(2) == ["hohhotshi", "hohhot"])
        #expect(keys.full.contains("huhehaoteshi"))
        #expect(keys.full.contains("huhehaote"))
        #expect(keys.initials.contains("hhht"))
    }

    @Test func keysAreLowerCaseASCIIWithinTheLimit() {
        for name in ["乐都区", "长乐市", "重庆市", "朝阳区", "都昌县", "单县", "行唐县", "大城县"] {
            let keys = romanizer.searchKeys(for: name)
            #expect(!keys.full.isEmpty)
            #expect(keys.full.count <= SearchKeys.limit)
            #expect(Set(keys.full).count == keys.full.count)
            for key in keys.full + keys.initials {
                #expect(key.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }, "\(key)")
            }
        }
    }

    @Test func romanizationKeyMatchesTheASCIIForm() {
        let r = romanizer.romanize("西安市")
        #expect(r.searchKey == "xianshi")
        #expect(r.initials == "xas")
        #expect(romanizer.romanize("乌鲁木齐市").searchKey == "urumqishi")
        #expect(romanizer.romanize("乌鲁木齐市").initials == "wlmqs")
    }
}
