/// The kind of place a proposed name is for, after the place-name categories of GB/T 18521,
/// with the generic terms (通名) that fit it and the unit within which its names must be unique.
///
/// ```swift
/// NameCategory.infer(from: "龙凤镇")        // .town
/// NameCategory.road.genericTerms.first     // "大道"
/// NameCategory.village.scope               // .township: villages are unique within their township
/// ```
public enum NameCategory: String, Sendable, Codable, CaseIterable {
    /// A township (乡, 民族乡, 苏木).
    case township
    /// A town (镇).
    case town
    /// A sub-district (街道), the township-level unit of a city.
    case subdistrict
    /// A village (村, 嘎查).
    case village
    /// A residents' community (社区).
    case community
    /// A road or street (路, 街, 大道, 巷 …).
    case road
    /// A bridge (桥).
    case bridge
    /// A square (广场).
    case square
    /// A housing estate (小区, 花园, 苑 …).
    case housingEstate = "housing-estate"
    /// A building (大厦, 中心 …).
    case building
    /// A mountain or hill (山, 峰, 岭 …).
    case mountain
    /// A river or stream (河, 江, 溪 …).
    case river
    /// A lake or reservoir (湖, 水库 …).
    case lake

    /// The unit within which names of this category must be unique.
    public enum Scope: String, Sendable, Codable {
        /// Unique within the county (townships, towns, sub-districts; bridges, mountains, rivers, lakes).
        case county
        /// Unique within the township (villages, communities; roads, squares, housing estates, buildings).
        case township
    }

    /// The level of the places this category names, as stored in the gazetteer.
    public var level: PlaceLevel {
        switch self {
        case .township, .town, .subdistrict: .township
        case .village, .community: .village
        default: .feature
        }
    }

    /// Whether names of this category are compared within a county or within a township.
    public var scope: Scope {
        switch self {
        case .township, .town, .subdistrict, .bridge, .mountain, .river, .lake: .county
        case .village, .community, .road, .square, .housingEstate, .building: .township
        }
    }

    /// The categories whose names compete with this one's for uniqueness: the township-level
    /// units among themselves, villages with communities, features of the same category.
    public var competitors: Set<NameCategory> {
        switch self {
        case .township, .town, .subdistrict: [.township, .town, .subdistrict]
        case .village, .community: [.village, .community]
        default: [self]
        }
    }

    /// The Chinese name of the category, for messages.
    public var chinese: String {
        switch self {
        case .township: "乡"
        case .town: "镇"
        case .subdistrict: "街道"
        case .village: "村"
        case .community: "社区"
        case .road: "道路街巷"
        case .bridge: "桥梁"
        case .square: "广场"
        case .housingEstate: "居民区（住宅区）"
        case .building: "建筑物"
        case .mountain: "山"
        case .river: "河流"
        case .lake: "湖泊水库"
        }
    }

    /// The generic terms that fit the category, longest first (the defaults of ``NamingProfile``).
    public var genericTerms: [String] {
        switch self {
        case .township: ["民族乡", "苏木", "乡"]
        case .town: ["镇"]
        case .subdistrict: ["街道办事处", "街道"]
        case .village: ["村委会", "嘎查", "村"]
        case .community: ["居委会", "社区"]
        case .road: ["胡同", "大道", "大街", "路", "街", "巷", "道", "弄"]
        case .bridge: ["立交桥", "大桥", "桥"]
        case .square: ["广场"]
        case .housingEstate: ["小区", "花园", "家园", "公寓", "新村", "山庄", "苑", "园", "庭", "府", "居", "城", "里", "湾", "邸"]
        case .building: ["大厦", "大楼", "中心", "广场", "楼"]
        case .mountain: ["山脉", "山", "峰", "岭", "岩", "梁", "坡"]
        case .river: ["河", "江", "溪", "沟", "涧", "水"]
        case .lake: ["水库", "湖", "塘", "潭", "池", "海"]
        }
    }

    /// The category a name's generic term suggests: 镇 → town, 街道 → sub-district, 村 → village,
    /// 社区 → community, 路/街 → road …; `nil` when the ending says nothing.
    ///
    /// Only unambiguous endings are used (a name ending in 城 or 园 could be many things).
    public static func infer(from name: String) -> NameCategory? {
        let endings: [(String, NameCategory)] = [
            ("街道办事处", .subdistrict), ("街道", .subdistrict), ("民族乡", .township), ("苏木", .township),
            ("居委会", .community), ("社区", .community), ("村委会", .village), ("嘎查", .village),
            ("立交桥", .bridge), ("大桥", .bridge), ("水库", .lake), ("广场", .square), ("小区", .housingEstate),
            ("大道", .road), ("大街", .road), ("胡同", .road),
            ("乡", .township), ("镇", .town), ("村", .village), ("路", .road), ("街", .road), ("巷", .road),
            ("桥", .bridge), ("山", .mountain), ("河", .river), ("江", .river), ("湖", .lake),
        ]
        return endings.first { name.hasSuffix($0.0) && name.count > $0.0.count }?.1
    }
}
