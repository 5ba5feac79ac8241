import Testing
@testable import Pinyin

/// Specific and generic parts written apart; only the last generic term is split off;
/// compound generic terms written as one word; autonomous names in several parts.
@Suite struct SegmentationTests {
    @Test(arguments: [
        ("北京市", "Beijing Shi"),
        ("河北省", "Hebei Sheng"),
        ("黑龙江省", "Heilongjiang Sheng"),
        ("渝中区", "Yuzhong Qu"),
        ("单县", "Shan Xian"),
        ("东华门街道", "Donghuamen Jiedao"),
        ("浦东新区", "Pudong Xinqu"),
        ("神农架林区", "Shennongjia Linqu"),
        ("万柏林区", "Wanbailin Qu"),
        ("金林区", "Jinlin Qu"),
        ("六枝特区", "Liuzhi Tequ"),
        ("香港特别行政区", "Xianggang Tebie Xingzhengqu"),
        ("四子王旗", "Siziwang Qi"),
        ("矿区", "Kuangqu"),
    ])
    func administrativeGenericTerms(name: String, expected: String) {
        #expect(ascii(name) == expected)
    }

    @Test(arguments: [
        ("酉阳土家族苗族自治县", "Youyang Tujiazu Miaozu Zizhixian"),
        ("广西壮族自治区", "Guangxi Zhuangzu Zizhiqu"),
        ("宁夏回族自治区", "Ningxia Huizu Zizhiqu"),
        ("新疆维吾尔自治区", "Xinjiang Uygur Zizhiqu"),
        ("伊犁哈萨克自治州", "Ili Kazak Zizhizhou"),
        ("延边朝鲜族自治州", "Yanbian Chaoxianzu Zizhizhou"),
        ("镇宁布依族苗族自治县", "Zhenning Buyeizu Miaozu Zizhixian"),
        ("积石山保安族东乡族撒拉族自治县", "Jishishan Bonanzu Dongxiangzu Salarzu Zizhixian"),
        ("海西蒙古族藏族自治州", "Haixi Mongolzu Zangzu Zizhizhou"),
        ("喀喇沁左翼蒙古族自治县", "Harqin Zuoyi Mongolzu Zizhixian"),
        ("科尔沁右翼前旗", "Horqin Youyi Qianqi"),
        ("鄂伦春自治旗", "Oroqen Zizhiqi"),
        ("鄂温克族自治旗", "Ewenkizu Zizhiqi"),
        ("莫力达瓦达斡尔族自治旗", "Morin Dawa Daurzu Zizhiqi"),
        ("杜拉尔鄂温克民族乡", "Dula'er Ewenki Minzuxiang"),
        ("三都水族自治县", "Sandu Suizu Zizhixian"),
    ])
    func multiPartAutonomousNames(name: String, expected: String) {
        #expect(ascii(name) == expected)
    }

    @Test func autonomousCountyParts() {
        let parts = romanizer.romanize("酉阳土家族苗族自治县").parts
        #expect(parts.map(\.text) == ["酉阳", "土家族", "苗族", "自治县"])
        #expect(parts.map(\.role) == [.specific, .ethnonym, .ethnonym, .generic])
        #expect(parts.map { $0.written(tones: true) } == ["Yǒuyáng", "Tǔjiāzú", "Miáozú", "Zìzhìxiàn"])
    }

    @Test func naturalFeatureTermsAreGenericUnlessTheNameIsADivision() {
        #expect(ascii("洞庭湖") == "Dongting Hu")
        #expect(ascii("崇明岛") == "Chongming Dao")
        #expect(ascii("渤海湾") == "Bohai Wan")
        // 黄山 is also a city: as a bare name it stays one word, unless told it is the mountain.
        #expect(ascii("黄山") == "Huangshan")
        #expect(ascii("黄山市") == "Huangshan Shi")
        #expect(romanizer.romanize("黄山", as: .naturalFeature).ascii == "Huang Shan")
        #expect(romanizer.romanize("洞庭湖", as: .settlement).ascii == "Dongtinghu")
        #expect(romanizer.romanize("长江", as: .naturalFeature).ascii == "Chang Jiang")
    }

    @Test func generalRestrictionOfMinorityForms() {
        // 兴安 is Hinggan only in 兴安盟; 兴安县 (Guangxi) is pinyin.
        #expect(ascii("兴安盟") == "Hinggan Meng")
        #expect(ascii("兴安县") == "Xing'an Xian")
    }

    @Test func bracketsAndNonChineseParts() {
        #expect(ascii("开发区（黄梅街道）") == "Kaifaqu (Huangmei Jiedao)")
        let parts = romanizer.romanize("经5路").parts
        #expect(parts.map(\.role) == [.specific, .number, .specific])
    }
}
