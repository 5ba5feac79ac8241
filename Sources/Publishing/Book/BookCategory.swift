import Gazetteer
import Pinyin

/// The category a book entry is printed with: from the generic term of its name (通名), else its level.
///
/// ```swift
/// BookCategory.of(name: "万州区", level: .county)            // "市辖区"
/// BookCategory.of(name: "石柱土家族自治县", level: .county)   // "自治县"
/// BookCategory.of(name: "高笋塘街道", level: .township)      // "街道"
/// ```
enum BookCategory {
    /// The category of a name at a level.
    static func of(name: String, level: PlaceLevel, romanization: Romanization? = nil) -> String {
        let parts = (romanization ?? Romanizer.shared.romanize(name)).parts
        let generic = parts.last(where: { $0.role == .generic })?.text ?? ""
        let ethnic = parts.contains { $0.role == .ethnonym }
        switch level {
        case .country:
            return "国家"
        case .province:
            switch generic {
            case "省": return "省"
            case "市": return "直辖市"
            case "自治区": return "自治区"
            case "特别行政区": return "特别行政区"
            default: return "省级行政区"
            }
        case .prefecture:
            // 直辖市 group their counties under two codes that are no divisions of their own.
            if name == "市辖区" || name == "县" { return "\(name)（区划代码分组）" }
            switch generic {
            case "市": return "地级市"
            case "地区": return "地区"
            case "自治州": return "自治州"
            case "盟": return "盟"
            default: return "地级行政区"
            }
        case .county:
            switch generic {
            case "区": return "市辖区"
            case "县": return "县"
            case "自治县": return "自治县"
            case "市": return "县级市"
            case "旗": return "旗"
            case "自治旗": return "自治旗"
            case "林区": return "林区"
            case "特区": return "特区"
            default: return "县级行政区"
            }
        case .township:
            switch generic {
            case "街道", "街道办事处": return "街道"
            case "镇": return ethnic ? "民族镇" : "镇"
            case "乡": return ethnic ? "民族乡" : "乡"
            case "苏木": return ethnic ? "民族苏木" : "苏木"
            default:
                if name.hasSuffix("街道") { return "街道" }
                if name.hasSuffix("镇") { return "镇" }
                if name.hasSuffix("乡") { return ethnic ? "民族乡" : "乡" }
                if name.hasSuffix("开发区") || name.hasSuffix("园区") { return "开发区（乡级）" }
                return "乡级行政区"
            }
        case .village:
            return "村级单位"
        case .feature:
            return "地物"
        }
    }
}
