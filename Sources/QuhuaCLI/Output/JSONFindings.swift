import Boundary
import Foundation
import GEOSKit

/// Findings as JSON: `{"schema": "quhua.findings/1", "summary": {...}, "findings": [...]}`.
///
/// Each finding has `rule`, `severity`, `features` (layer, index, key), `location` (a GeoJSON
/// geometry or null), `value`, `tolerance` and `message`.
enum JSONFindings {
    struct Document: Encodable {
        let schema = "quhua.findings/1"
        let summary: [String: Int]
        let findings: [Item]
    }

    struct Item: Encodable {
        let rule: String
        let severity: String
        let features: [FeatureReference]
        let location: RawJSON?
        let value: Double?
        let tolerance: Double?
        let message: String
    }

    /// Pre-rendered JSON inserted as is.
    struct RawJSON: Encodable {
        let text: String
        func encode(to encoder: Encoder) throws {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            var c = encoder.singleValueContainer()
            try c.encode(AnyJSON(object))
        }
    }

    static func render(_ findings: [Finding], context: GEOSContext) throws -> String {
        let items = try findings.map { f in
            Item(rule: f.ruleID, severity: f.severity.rawValue, features: f.features,
                 location: try f.location(in: context).map { RawJSON(text: try $0.geoJSON()) },
                 value: f.value, tolerance: f.tolerance, message: f.message)
        }
        let summary = Dictionary(grouping: findings, by: \.ruleID).mapValues(\.count)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(summary: summary, findings: items))
        return String(decoding: data, as: UTF8.self)
    }
}

/// Re-encodes a `JSONSerialization` object holding a GeoJSON geometry.
struct AnyJSON: Encodable {
    let value: Any
    init(_ value: Any) { self.value = value }
    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch value {
        case let n as NSNumber:
            try c.encode(n.doubleValue)   // GeoJSON geometries hold numbers only
        case let s as String: try c.encode(s)
        case let a as [Any]: try c.encode(a.map(AnyJSON.init))
        case let d as [String: Any]: try c.encode(d.mapValues(AnyJSON.init))
        default: try c.encodeNil()
        }
    }
}
