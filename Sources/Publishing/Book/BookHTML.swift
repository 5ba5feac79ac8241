import Foundation
import Gazetteer

/// Renders a book as one self-contained, printable HTML document.
///
/// A4 pages with print CSS: a title page, a contents list, each chapter on a new page with a
/// running head (the book's title and the page number in the page margins, where the browser
/// supports CSS page-margin boxes), entries as definition lists, an index by pinyin at the end.
/// `index.html#view-500101` shows chapter 500101 alone (for a link or a screenshot of one chapter).
///
/// ```swift
/// let html = BookHTML(content: try GazetteerBook(store: store, within: "500000", day: .today).compile()).render()
/// ```
public struct BookHTML: Sendable {
    public let content: BookContent
    /// When the book was made, printed on the title page (`nil` leaves it out, for reproducible output).
    public var generated: String?

    public init(content: BookContent, generated: String? = nil) {
        self.content = content
        self.generated = generated
    }

    /// The book's title: `重庆市标准地名录`.
    public var title: String { "\(content.regionName)标准地名录" }

    /// The whole document.
    public func render() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="zh-Hans">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="quhua book">
            <title>\(Self.escape(title)) (\(content.day))</title>
            <style>\(BookStyle.css(runningHead: "\(title) · \(content.day)"))</style>
            </head>
            <body>

            """
        out += titlePage()
        out += contents()
        for (number, chapter) in content.chapters.enumerated() {
            out += render(chapter, number: number + 1)
        }
        out += indexSection()
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: - Front matter

    private func titlePage() -> String {
        let entries = content.entries
        let counties = entries.filter { $0.level == .county }.count
        let townships = entries.filter { $0.level == .township }.count
        return """
            <section class="title-page" id="title">
            <p class="series">标准地名录 · Standard Gazetteer</p>
            <h1>\(Self.escape(title))</h1>
            <p class="region">\(Self.escape(content.regionCode)) \(Self.escape(content.regionName))</p>
            <p class="asof">区划截至 <time datetime="\(content.day)">\(content.day)</time></p>
            <p class="figures" data-counties="\(counties)" data-townships="\(townships)" data-entries="\(entries.count)">\
            \(counties) 个县级行政区 · \(townships) 个乡级行政区 · 共 \(entries.count) 条</p>
            <p class="sources">据 quhua 地名库：行政区划代码历史（areacodes, CC0），乡镇街道名录（areacity, MIT），\
            地级区划面（cn-atlas）。拼音按 GB/T 16159。</p>
            \(generated.map { "<p class=\"generated\">生成于 \(Self.escape($0))</p>" } ?? "")
            </section>

            """
    }

    private func contents() -> String {
        var out = "<nav class=\"contents\" id=\"contents\">\n<h2>目录 Contents</h2>\n<ol>\n"
        for chapter in content.chapters {
            out += "<li><a href=\"#\(chapter.anchor)\">\(Self.escape(chapter.code)) \(Self.escape(chapter.title))</a>"
            out += " <span class=\"count\">\(chapter.entries.count) 条</span></li>\n"
        }
        out += "<li><a href=\"#index\">拼音索引 Index by pinyin</a></li>\n</ol>\n</nav>\n"
        return out
    }

    // MARK: - Chapters

    private func render(_ chapter: BookChapter, number: Int) -> String {
        var out = """
            <section class="chapter" id="\(chapter.anchor)" data-code="\(Self.escape(chapter.code))" data-entries="\(chapter.entries.count)">
            <span class="view" id="view-\(Self.escape(chapter.code))"></span><header class="chapter-head"><span class="running">\(Self.escape(title))</span>\
            <h2><span class="number">第 \(number) 章</span> \(Self.escape(chapter.title)) <span class="code">\(Self.escape(chapter.code))</span></h2></header>

            """
        if let map = chapter.map {
            out += "<figure class=\"map\">\n\(map.svg)\n<figcaption>\(Self.escape(map.caption))</figcaption>\n</figure>\n"
        }
        for entry in chapter.entries {
            out += render(entry)
        }
        out += "</section>\n"
        return out
    }

    private func render(_ entry: BookEntry) -> String {
        var out = """
            <article class="entry level-\(entry.level.rawValue)" id="\(entry.anchor)" data-code="\(Self.escape(entry.code))" data-level="\(entry.level.rawValue)">
            <h3><span class="name">\(Self.escape(entry.name))</span> <span class="pinyin" lang="zh-Latn-pinyin">\(Self.escape(entry.pinyin))</span></h3>
            <dl>

            """
        func row(_ term: String, _ value: String, raw: Bool = false) {
            out += "<dt>\(term)</dt><dd>\(raw ? value : Self.escape(value))</dd>\n"
        }
        row("类别", entry.category + (entry.categoryCode.map { "（GB/T 18521 类 \($0)）" } ?? ""))
        row("代码", entry.code)
        var location = entry.parents.isEmpty ? "" : "隶属 " + entry.parents.joined(separator: " ‹ ")
        if let centroid = entry.centroid {
            location += (location.isEmpty ? "" : "；") + String(format: "面中心 %.4f°E, %.4f°N", centroid.x, centroid.y)
        }
        if !location.isEmpty { row("位置", location) }
        if !entry.otherNames.isEmpty { row("其他名称", entry.otherNames.joined(separator: "；")) }
        if !entry.formerNames.isEmpty { row("曾用名", entry.formerNames.joined(separator: "；")) }
        if let meaning = entry.meaning { row("含义", meaning) }
        if let origin = entry.origin { row("来历", origin) }
        if !entry.history.isEmpty {
            var list = "<ol class=\"history\">"
            for item in entry.history {
                list += "<li\(item.ownEvent ? "" : " class=\"lineage\"")><time>\(Self.escape(item.date))</time> "
                list += (item.ownEvent ? "" : "<span class=\"tag\">前身</span> ") + Self.escape(item.text)
                if !item.documentNumbers.isEmpty {
                    list += " <span class=\"document\">\(item.documentNumbers.map(Self.escape).joined(separator: "；"))</span>"
                }
                list += "</li>"
            }
            list += "</ol>"
            row("沿革", list, raw: true)
        }
        out += "</dl>\n</article>\n"
        return out
    }

    // MARK: - Index

    private func indexSection() -> String {
        let index = content.index
        var out = """
            <section class="index" id="index" data-entries="\(index.count)">
            <h2>拼音索引 Index by pinyin</h2>
            <ul class="index-list">

            """
        var letter: Character?
        for (entry, chapter) in index {
            let first = entry.sortKey.first.map { Character($0.uppercased()) } ?? "#"
            if first != letter {
                letter = first
                out += "<li class=\"letter\">\(Self.escape(String(first)))</li>\n"
            }
            out += "<li class=\"index-entry\" data-code=\"\(Self.escape(entry.code))\"><a href=\"#\(entry.anchor)\">"
            out += "<span class=\"pinyin\">\(Self.escape(entry.pinyin))</span> \(Self.escape(entry.name))</a>"
            out += " <span class=\"where\">\(Self.escape(entry.code)) · <a href=\"#\(chapter.anchor)\">\(Self.escape(chapter.title))</a></span></li>\n"
        }
        out += "</ul>\n</section>\n"
        return out
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
