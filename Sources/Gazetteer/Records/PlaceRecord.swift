import Foundation

/// The place-name record of a place as the place-name census keeps it: category, meaning
/// (含义), origin (来历), history (沿革), locations, cited sources and attachments.
///
/// It is part of ``PlaceDetails`` (`details.record`) whenever anything of it is stored.
///
/// ```swift
/// let details = try PlaceLookup(store: store).details(of: place.id)
/// print(details.record?.meaning ?? "—")
/// print(details.record?.locations.first?.summary ?? "no location")
/// ```
public struct PlaceRecord: Sendable, Codable, Equatable {
    /// The place's GB/T 18521 category with its name, when it has one.
    public var category: PlaceCategory?
    /// The meaning of the name (含义).
    public var meaning: String?
    /// Where the name comes from (来历).
    public var origin: String?
    /// The history of the place and its name (沿革).
    public var history: String?
    /// A free note.
    public var note: String?
    /// When the current text was written (UTC, ISO 8601), `nil` when no text is stored.
    public var changedAt: String?
    /// Who wrote the current text.
    public var changedBy: String?
    /// How many versions of the text are stored, the current one included; earlier ones are kept.
    public var versions: Int
    /// Where the place is: points, lines or polygons.
    public var locations: [PlaceLocation]
    /// The sources the record cites.
    public var citations: [PlaceCitation]
    /// Photos and other files, by SHA-256.
    public var attachments: [AttachmentInfo]

    /// Whether the record holds anything beyond the category.
    public var isEmpty: Bool {
        versions == 0 && locations.isEmpty && citations.isEmpty && attachments.isEmpty
    }
}

/// The descriptive text of a record, as written by an edit or an import; `nil` fields are not given.
///
/// ```swift
/// let text = RecordText(meaning: "因山形如龙得名", origin: nil, history: "1952年设乡", note: nil)
/// ```
public struct RecordText: Sendable, Codable, Equatable {
    /// 含义.
    public var meaning: String?
    /// 来历.
    public var origin: String?
    /// 沿革.
    public var history: String?
    /// A free note.
    public var note: String?

    /// Creates a text; empty strings count as not given.
    public init(meaning: String? = nil, origin: String? = nil, history: String? = nil, note: String? = nil) {
        func clean(_ value: String?) -> String? {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        self.meaning = clean(meaning)
        self.origin = clean(origin)
        self.history = clean(history)
        self.note = clean(note)
    }

    /// Whether no field is given.
    public var isEmpty: Bool { meaning == nil && origin == nil && history == nil && note == nil }

    /// This text with the fields `other` gives put over it.
    public func updated(with other: RecordText) -> RecordText {
        RecordText(meaning: other.meaning ?? meaning, origin: other.origin ?? origin,
                   history: other.history ?? history, note: other.note ?? note)
    }
}

/// A stored location of a place: its geometry type, bounding box and a short summary.
public struct PlaceLocation: Sendable, Codable, Equatable {
    /// The location's row id.
    public var id: Int64
    /// The OGC geometry type: `Point`, `LineString`, `Polygon` or a multi type.
    public var geometryType: String
    /// The SRID (4326: longitude/latitude).
    public var srid: Int
    /// `[minLon, minLat, maxLon, maxLat]`.
    public var bbox: [Double]
    /// For a point, `[lon, lat]`.
    public var point: [Double]?
    /// One line for people: `Point 106.551200, 29.563000` or `LineString 105.9–106.4 E, 29.1–29.6 N`.
    public var summary: String
    /// When the location is valid.
    public var period: Period
    /// The source key it came from.
    public var source: String?
}

/// A source cited by a place-name record, with the document and page.
public struct PlaceCitation: Sendable, Codable, Equatable {
    /// The data set's key in `source`, when the citation is one.
    public var source: String?
    /// The document or book cited.
    public var document: String?
    /// The page, section or entry.
    public var page: String?
    /// A free note.
    public var note: String?
    /// When it was recorded.
    public var addedAt: String
    /// Who recorded it.
    public var addedBy: String

    /// `重庆市地名志, p. 123 [areacity]`.
    public var label: String {
        var parts: [String] = []
        if let document { parts.append(document) }
        if let page { parts.append("p. \(page)") }
        if let source { parts.append("[\(source)]") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}

/// A source to cite, as an edit gives it: a `source` key and/or a document, with page and note.
public struct RecordCitation: Sendable, Codable, Equatable {
    /// A key of `source` (created when new).
    public var sourceKey: String?
    /// The document or book cited.
    public var document: String?
    /// The page, section or entry.
    public var page: String?
    /// A free note.
    public var note: String?

    /// Creates a citation.
    public init(sourceKey: String? = nil, document: String? = nil, page: String? = nil, note: String? = nil) {
        self.sourceKey = sourceKey
        self.document = document
        self.page = page
        self.note = note
    }
}

/// An attachment of a place: a file kept inside the database by the SHA-256 of its bytes.
public struct AttachmentInfo: Sendable, Codable, Equatable {
    /// The SHA-256 of the bytes, 64 lower-case hex digits.
    public var sha256: String
    /// The size in bytes.
    public var size: Int
    /// The media type, for example `image/jpeg`.
    public var mediaType: String
    /// What the file shows.
    public var caption: String?
    /// The file's name as it was given.
    public var fileName: String?
    /// When it was attached.
    public var addedAt: String
    /// Who attached it.
    public var addedBy: String
}

/// The bytes of a stored attachment with their media type.
public struct AttachmentContent: Sendable, Equatable {
    /// The SHA-256 of the bytes.
    public var sha256: String
    /// The media type.
    public var mediaType: String
    /// The bytes.
    public var data: Data
}

/// One version of a record's text, with who wrote it and when it was replaced.
public struct RecordVersion: Sendable, Codable, Equatable {
    /// The text of this version.
    public var text: RecordText
    /// When it was written.
    public var changedAt: String
    /// Who wrote it.
    public var changedBy: String
    /// When a newer version replaced it; `nil` for the current one.
    public var replacedAt: String?
}
