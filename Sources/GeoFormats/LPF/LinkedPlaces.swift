import Foundation
import GEOSKit

/// A time span in Linked Places Format: a start and an optional end, as ISO 8601 dates or years.
public struct LPFTimespan: Sendable, Hashable {
    /// The first day (`in`), or `nil` when unknown.
    public var start: String?
    /// The day it ended (`in`), or `nil` when it has not ended.
    public var end: String?

    /// Creates a time span.
    public init(start: String?, end: String?) {
        self.start = start
        self.end = end
    }
}

/// A name of a place with its language and the time it was in use.
public struct LPFName: Sendable, Hashable {
    /// The name as written.
    public var toponym: String
    /// A BCP 47 language tag, for example `zh` or `zh-Latn-pinyin`.
    public var language: String
    /// When the name was in use.
    public var when: [LPFTimespan]

    /// Creates a name.
    public init(toponym: String, language: String, when: [LPFTimespan] = []) {
        self.toponym = toponym
        self.language = language
        self.when = when
    }
}

/// A place type (`types` in LPF): an identifier and a label.
public struct LPFType: Sendable, Hashable {
    public var identifier: String
    public var label: String

    /// Creates a type.
    public init(identifier: String, label: String) {
        self.identifier = identifier
        self.label = label
    }
}

/// A relation to another place, typically its parent (`gvp:broaderPartitive`), with its time.
public struct LPFRelation: Sendable, Hashable {
    public var relationType: String
    /// The `@id` of the other place.
    public var relationTo: String
    public var label: String
    public var when: [LPFTimespan]

    /// Creates a relation.
    public init(relationType: String = "gvp:broaderPartitive", relationTo: String, label: String, when: [LPFTimespan] = []) {
        self.relationType = relationType
        self.relationTo = relationTo
        self.label = label
        self.when = when
    }
}

/// One place in Linked Places Format (LPF v1.1), the interchange format of the World
/// Historical Gazetteer and other historical-gazetteer platforms.
public struct LinkedPlace {
    /// The place's URI (`@id`).
    public var id: String
    /// The title (the current or latest standard name).
    public var title: String
    /// ISO 3166 country codes.
    public var countryCodes: [String]
    /// When the place existed.
    public var when: [LPFTimespan]
    public var names: [LPFName]
    public var types: [LPFType]
    public var relations: [LPFRelation]
    /// The geometry in WGS 84 longitude/latitude, when one is known.
    public var geometry: Geometry?

    /// Creates a place.
    public init(id: String, title: String, countryCodes: [String] = [], when: [LPFTimespan] = [], names: [LPFName] = [],
                types: [LPFType] = [], relations: [LPFRelation] = [], geometry: Geometry? = nil) {
        self.id = id
        self.title = title
        self.countryCodes = countryCodes
        self.when = when
        self.names = names
        self.types = types
        self.relations = relations
        self.geometry = geometry
    }
}

/// Writes places as a Linked Places Format (v1.1) FeatureCollection, GeoJSON-LD.
///
/// Each place carries its names and its relations (parents) with the time spans they held,
/// so a historical-gazetteer platform can show what a place was called, and what it belonged
/// to, at any date. Geometries are written as GeoJSON (right-hand rule), `null` when unknown.
///
/// ```swift
/// let place = LinkedPlace(id: "urn:quhua:place:42", title: "万州区",
///                         names: [LPFName(toponym: "万县市", language: "zh", when: [LPFTimespan(start: "1992-12-11", end: "1998-05-22")])])
/// try LinkedPlacesWriter().write([place], to: URL(fileURLWithPath: "places.lpf.json"))
/// ```
public struct LinkedPlacesWriter: Sendable {
    /// The JSON-LD context of LPF v1.1.
    public static let context = "https://raw.githubusercontent.com/LinkedPasts/linked-places-format/main/linkedplaces-context-v1.1.jsonld"

    /// Creates a writer.
    public init() {}

    /// Writes `places` to `url` (temporary file, then renamed).
    ///
    /// - Parameter precision: decimal places for coordinates, or `nil` for full precision.
    /// - Throws: ``GeoFormatError`` naming the file, the place and the problem.
    @discardableResult
    public func write(_ places: [LinkedPlace], to url: URL, precision: Int? = nil) throws -> WriteReport {
        let output = AtomicOutput()
        let out = try BufferedOutput(try output.temporary(for: url))
        try out.write(Self.head)
        for (k, place) in places.enumerated() {
            try out.write((k > 0 ? ",\n" : "") + (try Self.feature(place, number: k + 1, source: url.relativePath, precision: precision)))
        }
        try out.write(Self.tail)
        try out.close()
        try output.commit()
        return WriteReport(files: [url])
    }

    /// The whole LPF document as text, for answers that are not files (the server's `f=lpf`).
    ///
    /// - Parameter source: names the document in errors.
    /// - Throws: ``GeoFormatError`` naming the source, the place and the problem.
    public func document(_ places: [LinkedPlace], precision: Int? = nil, source: String = "Linked Places") throws -> String {
        var text = Self.head
        for (k, place) in places.enumerated() {
            text += (k > 0 ? ",\n" : "") + (try Self.feature(place, number: k + 1, source: source, precision: precision))
        }
        return text + Self.tail
    }

    private static var head: String {
        "{\"type\":\"FeatureCollection\",\"@context\":\(NumberText.jsonString(context)),\"features\":[\n"
    }

    private static let tail = "\n]}\n"

    /// One place as an LPF feature.
    static func feature(_ place: LinkedPlace, number: Int, source: String, precision: Int?) throws -> String {
        var text = "{\"@id\":\(NumberText.jsonString(place.id)),\"type\":\"Feature\""
        text += ",\"properties\":{\"title\":\(NumberText.jsonString(place.title)),\"ccodes\":[\(place.countryCodes.map(NumberText.jsonString).joined(separator: ","))]}"
        if !place.when.isEmpty { text += ",\"when\":" + Self.when(place.when) }
        text += ",\"names\":[" + place.names.map { n in
            "{\"toponym\":\(NumberText.jsonString(n.toponym)),\"lang\":\(NumberText.jsonString(n.language))" + (n.when.isEmpty ? "" : ",\"when\":" + Self.when(n.when)) + "}"
        }.joined(separator: ",") + "]"
        text += ",\"types\":[" + place.types.map { "{\"identifier\":\(NumberText.jsonString($0.identifier)),\"label\":\(NumberText.jsonString($0.label))}" }.joined(separator: ",") + "]"
        text += ",\"relations\":[" + place.relations.map { r in
            "{\"relationType\":\(NumberText.jsonString(r.relationType)),\"relationTo\":\(NumberText.jsonString(r.relationTo)),\"label\":\(NumberText.jsonString(r.label))"
                + (r.when.isEmpty ? "" : ",\"when\":" + Self.when(r.when)) + "}"
        }.joined(separator: ",") + "]"
        text += ",\"geometry\":"
        if let g = place.geometry {
            do {
                GeoJSONGeometryText.append(try Shape(g).orientingRings(exteriorCounterClockwise: true), precision: precision, to: &text)
            } catch {
                throw GeoFormatError(file: source, feature: number, problem: "cannot write the geometry of \(place.title): \(error)")
            }
        } else {
            text += "null"
        }
        return text + "}"
    }

    /// An LPF `when` object: `{"timespans":[{"start":{"in":…},"end":{"in":…}}]}`.
    ///
    /// A span without a known start says it started no later than its end (`"latest"`).
    static func when(_ spans: [LPFTimespan]) -> String {
        let items = spans.map { s -> String in
            var item = "{"
            if let start = s.start {
                item += "\"start\":{\"in\":\(NumberText.jsonString(start))}"
            } else if let end = s.end {
                item += "\"start\":{\"latest\":\(NumberText.jsonString(end))}"
            }
            if let end = s.end { item += (item.count > 1 ? "," : "") + "\"end\":{\"in\":\(NumberText.jsonString(end))}" }
            return item + "}"
        }
        return "{\"timespans\":[" + items.joined(separator: ",") + "]}"
    }
}
