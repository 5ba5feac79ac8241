/// The generic terms (通名) that end a place name, with their fixed readings and written
/// forms, and the ethnonyms of autonomous-area names. These are grammar, not lexicon:
/// GB/T 16159 writes each generic term apart from the specific part (Xi'an Shi,
/// Yuzhong Qu), a compound generic as one word (Zizhixian), and ethnonyms each as
/// their own word (Tujiazu Miaozu).
struct GenericTerm: Sendable {
    enum Kind: Sendable { case administrative, natural }

    let chinese: [UInt32]
    let syllables: [Syllable]
    /// Syllable counts of the written words: [2, 3] writes 特别行政区 as "Tebie Xingzhengqu".
    let wordLengths: [Int]
    let kind: Kind
    /// Ethnonyms may stand before it (自治县, 乡, 镇 …).
    let allowsEthnonyms: Bool
    /// Ethnonyms without 族 may stand before it (伊犁哈萨克自治州): the autonomous terms.
    let allowsBareEthnonyms: Bool
    /// A compound whose first character often ends the specific instead (金林区 is
    /// Jinlin Qu, not Jin Linqu): without a known name to decide, the shorter term wins.
    let isWeak: Bool
    /// 右翼 / 左翼 may stand before it (banners of Inner Mongolia; also allowed before
    /// the autonomous terms: 喀喇沁左翼蒙古族自治县).
    let isBanner: Bool

    init(_ chinese: String, _ readings: String, words: [Int]? = nil, kind: Kind = .administrative,
         ethnic: Bool = false, autonomous: Bool = false, banner: Bool = false, weak: Bool = false) {
        self.chinese = chinese.unicodeScalars.map(\.value)
        self.syllables = readings.split(separator: " ").compactMap { Syllable(numbered: $0) }
        self.wordLengths = words ?? [self.syllables.count]
        self.kind = kind
        self.allowsEthnonyms = ethnic || autonomous
        self.allowsBareEthnonyms = autonomous
        self.isBanner = banner
        self.isWeak = weak
    }
}

/// An ethnonym as it appears in the name of an autonomous area or ethnic township.
struct Ethnonym: Sendable {
    let chinese: [UInt32]
    let syllables: [Syllable]
    /// The romanisation used in place names when it is not the pinyin (GB/T 3304): Uygur.
    let form: String?

    init(_ chinese: String, _ readings: String, _ form: String? = nil) {
        self.chinese = chinese.unicodeScalars.map(\.value)
        self.syllables = readings.split(separator: " ").compactMap { Syllable(numbered: $0) }
        self.form = form
    }
}

enum GenericTerms {
    /// Administrative generic terms, longest first.
    static let administrative: [GenericTerm] = [
        GenericTerm("特别行政区", "te4 bie2 xing2 zheng4 qu1", words: [2, 3]),
        GenericTerm("民族苏木", "min2 zu2 su1 mu4", autonomous: true),
        GenericTerm("自治区", "zi4 zhi4 qu1", autonomous: true),
        GenericTerm("自治州", "zi4 zhi4 zhou1", autonomous: true),
        GenericTerm("自治县", "zi4 zhi4 xian4", autonomous: true),
        GenericTerm("自治旗", "zi4 zhi4 qi2", autonomous: true, banner: true),
        GenericTerm("联合旗", "lian2 he2 qi2", banner: true),
        GenericTerm("民族乡", "min2 zu2 xiang1", autonomous: true),
        GenericTerm("民族镇", "min2 zu2 zhen4", autonomous: true),
        GenericTerm("开发区", "kai1 fa1 qu1"),
        GenericTerm("街道", "jie1 dao4"),
        GenericTerm("社区", "she4 qu1"),
        GenericTerm("地区", "di4 qu1"),
        GenericTerm("林区", "lin2 qu1", weak: true),
        GenericTerm("特区", "te4 qu1"),
        GenericTerm("新区", "xin1 qu1"),
        GenericTerm("矿区", "kuang4 qu1"),
        GenericTerm("农场", "nong2 chang3"),
        GenericTerm("林场", "lin2 chang3"),
        GenericTerm("牧场", "mu4 chang3"),
        GenericTerm("苏木", "su1 mu4", ethnic: true),
        GenericTerm("嘎查", "ga2 cha2"),
        GenericTerm("前旗", "qian2 qi2", banner: true),
        GenericTerm("中旗", "zhong1 qi2", banner: true),
        GenericTerm("后旗", "hou4 qi2", banner: true),
        GenericTerm("左旗", "zuo3 qi2", banner: true),
        GenericTerm("右旗", "you4 qi2", banner: true),
        GenericTerm("省", "sheng3"),
        GenericTerm("市", "shi4"),
        GenericTerm("县", "xian4"),
        GenericTerm("区", "qu1", ethnic: true),
        GenericTerm("旗", "qi2", banner: true),
        GenericTerm("盟", "meng2"),
        GenericTerm("镇", "zhen4", ethnic: true),
        GenericTerm("乡", "xiang1", ethnic: true),
        GenericTerm("村", "cun1"),
    ]

    /// Natural-feature generic terms, longest first: split off only when the name is not
    /// a known settlement name (黄山市's 黄山 stays Huangshan; the mountain 黄山 is Huang Shan).
    static let natural: [GenericTerm] = [
        GenericTerm("海峡", "hai3 xia2", kind: .natural),
        GenericTerm("山脉", "shan1 mai4", kind: .natural),
        GenericTerm("水库", "shui3 ku4", kind: .natural),
        GenericTerm("半岛", "ban4 dao3", kind: .natural),
        GenericTerm("群岛", "qun2 dao3", kind: .natural),
        GenericTerm("列岛", "lie4 dao3", kind: .natural),
        GenericTerm("高原", "gao1 yuan2", kind: .natural),
        GenericTerm("盆地", "pen2 di4", kind: .natural),
        GenericTerm("沙漠", "sha1 mo4", kind: .natural),
        GenericTerm("山", "shan1", kind: .natural),
        GenericTerm("江", "jiang1", kind: .natural),
        GenericTerm("河", "he2", kind: .natural),
        GenericTerm("湖", "hu2", kind: .natural),
        GenericTerm("岛", "dao3", kind: .natural),
        GenericTerm("港", "gang3", kind: .natural),
        GenericTerm("湾", "wan1", kind: .natural),
        GenericTerm("海", "hai3", kind: .natural),
        GenericTerm("峡", "xia2", kind: .natural),
        GenericTerm("溪", "xi1", kind: .natural),
        GenericTerm("岭", "ling3", kind: .natural),
        GenericTerm("峰", "feng1", kind: .natural),
        GenericTerm("泉", "quan2", kind: .natural),
        GenericTerm("滩", "tan1", kind: .natural),
    ]

    /// 族, written joined to the ethnonym before it: Tujiazu.
    static let zu = Syllable(letters: "zu", tone: 2)
    static let zuScalar: UInt32 = 0x65CF

    /// The 56 nationalities, longest first. Forms follow GB/T 3304 where it differs from
    /// pinyin (Uygur, Kazak, Mongol …), except 朝鲜, which place names write Chaoxian.
    static let ethnonyms: [Ethnonym] = [
        Ethnonym("柯尔克孜", "ke1 er3 ke4 zi1", "Kirgiz"),
        Ethnonym("乌孜别克", "wu1 zi1 bie2 ke4", "Uzbek"),
        Ethnonym("维吾尔", "wei2 wu2 er3", "Uygur"),
        Ethnonym("哈萨克", "ha1 sa4 ke4", "Kazak"),
        Ethnonym("达斡尔", "da2 wo4 er3", "Daur"),
        Ethnonym("塔吉克", "ta3 ji2 ke4", "Tajik"),
        Ethnonym("俄罗斯", "e2 luo2 si1", "Russ"),
        Ethnonym("鄂温克", "e4 wen1 ke4", "Ewenki"),
        Ethnonym("塔塔尔", "ta3 ta3 er3", "Tatar"),
        Ethnonym("鄂伦春", "e4 lun2 chun1", "Oroqen"),
        Ethnonym("蒙古", "meng2 gu3", "Mongol"),
        Ethnonym("布依", "bu4 yi1", "Buyei"),
        Ethnonym("朝鲜", "chao2 xian3"),
        Ethnonym("土家", "tu3 jia1"),
        Ethnonym("哈尼", "ha1 ni2"),
        Ethnonym("傈僳", "li4 su4"),
        Ethnonym("高山", "gao1 shan1"),
        Ethnonym("拉祜", "la1 hu4"),
        Ethnonym("东乡", "dong1 xiang1"),
        Ethnonym("纳西", "na4 xi1"),
        Ethnonym("景颇", "jing3 po1"),
        Ethnonym("仫佬", "mu4 lao3"),
        Ethnonym("布朗", "bu4 lang3", "Blang"),
        Ethnonym("撒拉", "sa1 la1", "Salar"),
        Ethnonym("毛南", "mao2 nan2"),
        Ethnonym("仡佬", "ge1 lao3"),
        Ethnonym("锡伯", "xi1 bo2", "Xibe"),
        Ethnonym("阿昌", "a1 chang1"),
        Ethnonym("普米", "pu3 mi3"),
        Ethnonym("德昂", "de2 ang2"),
        Ethnonym("保安", "bao3 an1", "Bonan"),
        Ethnonym("裕固", "yu4 gu4", "Yugur"),
        Ethnonym("独龙", "du2 long2", "Derung"),
        Ethnonym("赫哲", "he4 zhe2"),
        Ethnonym("门巴", "men2 ba1", "Monba"),
        Ethnonym("珞巴", "luo4 ba1", "Lhoba"),
        Ethnonym("基诺", "ji1 nuo4"),
        Ethnonym("汉", "han4"),
        Ethnonym("回", "hui2"),
        Ethnonym("藏", "zang4"),
        Ethnonym("苗", "miao2"),
        Ethnonym("彝", "yi2"),
        Ethnonym("壮", "zhuang4"),
        Ethnonym("满", "man3"),
        Ethnonym("侗", "dong4"),
        Ethnonym("瑶", "yao2"),
        Ethnonym("白", "bai2"),
        Ethnonym("傣", "dai3"),
        Ethnonym("黎", "li2"),
        Ethnonym("佤", "wa3", "Va"),
        Ethnonym("畲", "she1"),
        Ethnonym("水", "shui3", "Sui"),
        Ethnonym("土", "tu3"),
        Ethnonym("羌", "qiang1"),
        Ethnonym("怒", "nu4"),
        Ethnonym("京", "jing1", "Gin"),
    ]

    /// 右翼 and 左翼 (right and left wing) before a banner term, each its own word.
    static let bannerWings: [GenericTerm] = [
        GenericTerm("右翼", "you4 yi4"),
        GenericTerm("左翼", "zuo3 yi4"),
    ]
}
