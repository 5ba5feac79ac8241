/// Splits a Chinese place name into its specific part (专名) and generic part (通名).
///
/// 渝中区 → 渝中 + 区; 酉阳土家族苗族自治县 → 酉阳 + 土家族苗族自治县;
/// 新疆维吾尔自治区 → 新疆 + 维吾尔自治区. The specific part is what people type when they
/// leave the generic suffix out, so search indexes it.
///
/// ```swift
/// let parts = NameParts("渝中区")
/// parts.specific   // "渝中"
/// parts.generic    // "区"
/// ```
public struct NameParts: Sendable, Hashable {
    /// The name without its generic part; the whole name when no generic part is recognised.
    public let specific: String
    /// The generic part, empty when none is recognised.
    public let generic: String

    /// Generic terms, longest first so that 自治县 wins over 县.
    static let generics: [String] = [
        "特别行政区", "街道办事处", "民族苏木", "自治区", "自治州", "自治县", "自治旗", "民族乡",
        "地区", "林区", "矿区", "特区", "街道", "苏木", "嘎查", "社区", "居委会", "村委会", "办事处",
        "省", "市", "县", "区", "旗", "盟", "镇", "乡", "村",
    ]

    /// Autonomous-area generics, before which ethnic names are part of the generic.
    static let autonomous: Set<String> = ["自治区", "自治州", "自治县", "自治旗", "民族乡", "民族苏木"]

    /// The 55 minority nationalities and the bare forms used in region names.
    static let ethnicNames: [String] = [
        "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族",
        "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族",
        "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族",
        "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族",
        "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族",
        "珞巴族", "基诺族", "各族", "维吾尔",
    ].sorted { $0.count > $1.count }

    /// Splits `name`.
    ///
    /// - Parameter name: A Chinese place name, simplified or traditional.
    public init(_ name: String) {
        for generic in NameParts.generics where name.hasSuffix(generic) && name.count > generic.count {
            var specific = String(name.dropLast(generic.count))
            var fullGeneric = generic
            if NameParts.autonomous.contains(generic) {
                var stripped = true
                while stripped {
                    stripped = false
                    for ethnic in NameParts.ethnicNames where specific.hasSuffix(ethnic) && specific.count > ethnic.count {
                        specific.removeLast(ethnic.count)
                        fullGeneric = ethnic + fullGeneric
                        stripped = true
                        break
                    }
                }
            }
            self.specific = specific
            self.generic = fullGeneric
            return
        }
        specific = name
        generic = ""
    }
}
