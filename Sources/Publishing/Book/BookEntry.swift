import Foundation
import GEOSKit
import Gazetteer

/// One entry of the standard gazetteer book: a division or township as it was on the book's day.
///
/// Fields the gazetteer does not hold are `nil` or empty and are left out of the page;
/// nothing is invented.
public struct BookEntry: Sendable, Equatable {
    /// One change event of the place, as printed.
    public struct HistoryItem: Sendable, Equatable {
        /// `1998-05-22`, or `1997` when only the year is known.
        public var date: String
        /// The event's type (renamed, merged …).
        public var type: ChangeType
        /// One line in Chinese: what changed, old → new, with the participants' codes and names (`更名：万县区 → 万州区`).
        public var text: String
        /// The approving documents' numbers (文号), the approving one first.
        public var documentNumbers: [String]
        /// Whether the place itself takes part; `false` for an event of a predecessor (前身) it came from.
        public var ownEvent: Bool
    }

    /// The place's id in the gazetteer.
    public var placeID: Int64
    /// The code valid on the book's day (6-digit GB/T 2260, or 9/12-digit statistical code).
    public var code: String
    /// The standard name on the book's day.
    public var name: String
    /// The GB/T 16159 romanisation the Pinyin module gives, with tone marks (`Wànzhōu Qū`).
    public var pinyin: String
    /// The toneless, lower-case key the index is sorted by (`wanzhouqu`).
    public var sortKey: String
    /// Province, prefecture, county or township.
    public var level: PlaceLevel
    /// The category as people read it: 市辖区, 县, 自治县, 镇, 乡, 民族乡, 街道 …
    public var category: String
    /// The GB/T 18521 class code of the level (213 county-level, 214 township-level …).
    public var categoryCode: String?
    /// The chain of parents on the day, nearest first: `500100 市辖区`, `500000 重庆市`.
    public var parents: [String]
    /// The centroid of the place's own stored polygon (x longitude, y latitude), when it has one.
    public var centroid: Coordinate?
    /// Short names (简称) and other current names.
    public var otherNames: [String]
    /// Earlier standard names with their periods (`万县区 (1997-12-20–1998-05-22)`).
    public var formerNames: [String]
    /// The meaning of the name (含义), from the place-name record, else an approved naming case; `nil` when none is recorded.
    public var meaning: String?
    /// The origin of the name (来历), from the place-name record, else an approved naming case; `nil` when none is recorded.
    public var origin: String?
    /// The change events of the place and of the places it came from (one step back), up to the
    /// book's day, oldest first, with their approving documents.
    public var history: [HistoryItem]

    /// The anchor of the entry in the book's HTML: `entry-500101`.
    public var anchor: String { "entry-\(code)" }
}

/// A chapter of the book: a county-level division and its townships, or the region's own entries.
public struct BookChapter: Sendable, Equatable {
    /// The code of the chapter's division (`500101`); the anchor is `chapter-500101`.
    public var code: String
    /// The chapter title: the division's name.
    public var title: String
    /// The division's own entry first (for a county), then its townships in code order.
    public var entries: [BookEntry]
    /// The locator map, when a polygon of the division or of a division above it is stored.
    public var map: LocatorMap?

    /// The anchor of the chapter in the book's HTML: `chapter-500101`.
    public var anchor: String { "chapter-\(code)" }
}

/// The whole book: its region and day, the chapters, and the index by pinyin.
public struct BookContent: Sendable, Equatable {
    /// The region's code and name on the day.
    public var regionCode: String
    public var regionName: String
    /// The day the book describes.
    public var day: Day
    /// The region's own entry and the divisions above county level, then a chapter per county.
    public var chapters: [BookChapter]

    /// Every entry, in chapter order.
    public var entries: [BookEntry] { chapters.flatMap(\.entries) }

    /// Every entry with its chapter, sorted by pinyin (toneless key, then tones, then code).
    public var index: [(entry: BookEntry, chapter: BookChapter)] {
        chapters.flatMap { chapter in chapter.entries.map { (entry: $0, chapter: chapter) } }.sorted { a, b in
            if a.entry.sortKey != b.entry.sortKey { return a.entry.sortKey < b.entry.sortKey }
            if a.entry.pinyin != b.entry.pinyin { return a.entry.pinyin < b.entry.pinyin }
            return a.entry.code < b.entry.code
        }
    }
}
