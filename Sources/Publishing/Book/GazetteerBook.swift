import Foundation
import GEOSKit
import Gazetteer
import Pinyin

/// The standard gazetteer book (标准地名录) of a region on a day: a chapter per county-level
/// division with its townships, every entry with its standard name, pinyin, category, code,
/// location, meaning and origin where recorded, and history with approving documents; an index
/// by pinyin; a locator map per county where polygons are stored.
///
/// ```swift
/// let book = GazetteerBook(store: store, within: "500000", day: .today)
/// let content = try book.compile()                 // chapters, entries, index
/// let html = BookHTML(content: content).render()   // one printable page
/// let written = try BookWriter().write(content, to: URL(fileURLWithPath: "out/book"))
/// ```
public struct GazetteerBook: Sendable {
    public let store: GazetteerStore
    /// The six-digit code of the region, valid on ``day``.
    public let within: String
    /// The day the book describes.
    public let day: Day

    public init(store: GazetteerStore, within: String, day: Day) {
        self.store = store
        self.within = within
        self.day = day
    }

    /// Reads the region from the gazetteer and lays out the book.
    ///
    /// - Throws: ``GazetteerBookError/unknownDivision(code:day:)`` when no division has the code
    ///   on the day, ``GazetteerBookError/emptyRegion(code:day:)`` when no county-level division
    ///   lies under it then; ``GazetteerError`` when the database cannot be read.
    public func compile() throws -> BookContent {
        let tree: DivisionTree
        do {
            tree = try DivisionTree(store: store, at: day, rootCode: within)
        } catch GazetteerError.notFound {
            throw GazetteerBookError.unknownDivision(code: within, day: day)
        }
        guard let root = tree.nodes.first else { throw GazetteerBookError.unknownDivision(code: within, day: day) }
        let counties = tree.nodes.filter { $0.level == .county }
        guard !counties.isEmpty else { throw GazetteerBookError.emptyRegion(code: within, day: day) }
        let upper = tree.nodes.filter { $0.level < .county }

        let lookup = PlaceLookup(store: store)
        var detailsByID: [Int64: PlaceDetails] = [:]
        func details(_ id: Int64) throws -> PlaceDetails {
            if let known = detailsByID[id] { return known }
            let read = try lookup.details(of: id, at: day)
            detailsByID[id] = read
            return read
        }
        var townshipsOf: [Int64: [PlaceDetails]] = [:]
        for county in counties {
            let children = try details(county.placeID).children.filter { $0.kind == .township && $0.period.contains(day) }
            townshipsOf[county.placeID] = try children.map { try details($0.id) }
        }
        let naming = try namingTexts()
        // Polygons of every place in the book and of every division above them.
        var wanted = Set(detailsByID.keys)
        for (_, value) in detailsByID { for step in value.ancestry { wanted.insert(step.place.id) } }
        for node in upper { wanted.insert(node.placeID) }
        let geometries = try store.geometries(of: Array(wanted), at: day)
        let context = try GEOSContext()
        var centroids: [Int64: Coordinate] = [:]
        for (id, stored) in geometries where stored.srid == 4326 {
            if let geometry = try? context.geometry(wkb: stored.wkb), let point = try? geometry.centroid().coordinates().first {
                centroids[id] = point
            }
        }

        let tracer = HistoryTracer(store: store)
        func entry(_ details: PlaceDetails) throws -> BookEntry {
            // The place's own events and those of the places it came from, one step back.
            let lineage = details.events.isEmpty ? [] : try tracer.trace(placeID: details.summary.id, maxHops: 1).events
            return BookEntryBuilder.entry(details, lineage: lineage, day: day, centroid: centroids[details.summary.id],
                                          naming: naming[details.summary.id])
        }
        var chapters: [BookChapter] = []
        if !upper.isEmpty {
            chapters.append(BookChapter(code: root.code, title: root.name, entries: try upper.map { try entry(try details($0.placeID)) }, map: nil))
        }
        let maps = LocatorMapMaker(geometries: geometries, details: detailsByID, context: context)
        maps.learnParents(from: detailsByID)
        for county in counties {
            let own = try details(county.placeID)
            var entries = [try entry(own)]
            for township in townshipsOf[county.placeID] ?? [] { entries.append(try entry(township)) }
            chapters.append(BookChapter(code: county.code, title: county.name, entries: entries, map: maps.map(for: own)))
        }
        return BookContent(regionCode: root.code, regionName: root.name, day: day, chapters: chapters)
    }

    /// Meaning and origin from the naming cases that were approved (or announced, or filed), the latest per place.
    private func namingTexts() throws -> [Int64: (meaning: String?, origin: String?)] {
        var texts: [Int64: (meaning: String?, origin: String?)] = [:]
        let cases = try NamingWorkflow(store: store).list().sorted { $0.id < $1.id }
        for item in cases where [.approved, .announced, .filed].contains(item.state) {
            guard let place = item.placeID, item.meaning != nil || item.origin != nil else { continue }
            if let decided = item.decidedOn, decided > day.description { continue }
            texts[place] = (item.meaning, item.origin)
        }
        return texts
    }
}

/// Why a book cannot be made or written.
public enum GazetteerBookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No division has the code on the day.
    case unknownDivision(code: String, day: Day)
    /// The division has no county-level division under it on the day.
    case emptyRegion(code: String, day: Day)
    /// The output folder cannot be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownDivision(code, day): "no division has code \(code) on \(day)"
        case let .emptyRegion(code, day): "division \(code) has no county-level divisions under it on \(day)"
        case let .unwritable(path, reason): "cannot write the book to \(path): \(reason)"
        }
    }
}
