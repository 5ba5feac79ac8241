extension NamingProfile {
    /// The default profile, after the 2022 Regulations on Place Names (地名管理条例) and the
    /// civil-affairs practice of clearing up 大、洋、怪、重 names: every rule on with its default
    /// severity, the common pinyin confusions of southern Mandarin, short lists of persons and
    /// foreign names, and the negative lists. Lists are examples to extend, not a complete register.
    public static var standard: NamingProfile {
        NamingProfile(
            name: "quhua default (2022 Regulations on Place Names)",
            rules: [:],
            confusions: [["zh", "z"], ["ch", "c"], ["sh", "s"], ["n", "l"], ["f", "h"], ["an", "ang"], ["en", "eng"], ["in", "ing"]],
            personNames: ["毛泽东", "周恩来", "刘少奇", "朱德", "邓小平", "陈云", "任弼时"],
            famousPersons: ["孙中山", "鲁迅", "雷锋", "张自忠", "左权", "杨靖宇", "赵一曼", "黄继光", "邱少云", "刘伯承", "聂荣臻"],
            foreignNames: [
                "维加斯", "曼哈顿", "威尼斯", "巴黎", "伦敦", "纽约", "罗马", "米兰", "柏林", "维也纳", "佛罗伦萨", "普罗旺斯",
                "托斯卡纳", "地中海", "加州", "夏威夷", "比佛利", "香榭丽舍", "枫丹白露", "塞纳", "莱茵", "温莎", "剑桥", "牛津",
                "华盛顿", "洛杉矶", "旧金山", "悉尼", "墨尔本", "多伦多", "温哥华", "哈佛", "迪拜", "阿尔卑斯", "爱琴海",
                "马尔代夫", "巴厘岛", "凡尔赛", "波尔多", "莫斯科",
            ],
            transliterationCharacters: "斯尼维威尔亚莎娜蒂菲顿曼伦诺塞克罗普奥拉丽特茨基夫",
            transliterationRun: 3,
            negativeLists: [
                WordList(kind: "exaggerated", severity: .error,
                         words: ["天下第一", "世界之最", "宇宙", "环球", "寰宇", "至尊", "帝王", "皇家", "皇城", "帝都", "帝豪", "霸王", "巨无霸", "国际城"]),
                WordList(kind: "foreign-flavoured", severity: .error,
                         words: ["欧陆", "欧洲", "欧式", "欧美", "美式", "英伦", "北欧", "法兰西", "意大利", "西班牙", "澳洲", "新加坡"]),
                WordList(kind: "feudal-flavoured", severity: .warning, words: ["皇", "帝", "御", "宫", "府邸", "王府", "贵族", "宰相", "状元府"]),
            ],
            categories: [
                "housing-estate": CategorySettings(misfits: ["广场", "中心", "大厦"]),
                "village": CategorySettings(misfits: ["区", "社区", "街道"]),
                "community": CategorySettings(misfits: ["区", "村"]),
            ])
    }
}
