import Testing
@testable import Pinyin

/// Numbers (Chinese numerals in pinyin, Arabic digits kept) and traditional characters.
@Suite struct NumberAndScriptTests {
    @Test(arguments: [
        ("五指山市", "Wuzhishan Shi"),
        ("三门峡市", "Sanmenxia Shi"),
        ("二道江区", "Erdaojiang Qu"),
        ("八五〇农场", "Bawuling Nongchang"),
        // areacity writes this name with a full-width digit zero inside the numeral.
        ("八五０农场", "Bawuling Nongchang"),
        ("经5路", "Jing 5 Lu"),
        ("１２３号", "123 Hao"),
    ])
    func numbers(name: String, expected: String) {
        #expect(ascii(name) == expected)
    }

    @Test(arguments: [
        ("萬縣", "万县"),
        ("瀋陽市", "沈阳市"),
        ("臺北市", "台北市"),
        ("廣東省", "广东省"),
        ("烏魯木齊", "乌鲁木齐"),
        ("乾縣", "乾县"),
        ("ＡＢＣ　路", "ABC 路"),
    ])
    func traditionalFoldsToSimplified(traditional: String, simplified: String) {
        #expect(ChineseScript.simplified(traditional) == simplified)
    }

    @Test func romanisationFoldsTraditionalFirst() {
        #expect(ascii("瀋陽市") == "Shenyang Shi")
        #expect(ascii("乾縣") == "Qian Xian")
        #expect(ascii("烏魯木齊市") == "Urumqi Shi")
        let r = romanizer.romanize("廣州市")
        #expect(r.name == "廣州市")
        #expect(r.simplified == "广州市")
        #expect(r.ascii == "Guangzhou Shi")
    }
}
