import Foundation
import GEOSKit
import GeoFormats
import Gazetteer
import Hummingbird
import Publishing

/// OGC API – Features Part 1: landing page, conformance, API definition, collections, items.
struct OGCRoutes {
    let services: QuhuaServices

    static let conformance = [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    ]

    func register(_ routes: RouteRegistrar) {
        routes.get("/") { request, _ in try landing(request) }
        routes.get("/conformance") { request, _ in try conformance(request) }
        routes.get("/api") { request, _ in try api(request) }
        routes.get("/collections") { request, _ in try collections(request) }
        routes.get("/collections/:collectionId") { request, context in
            try collection(request, id: try context.parameters.require("collectionId"))
        }
        routes.get("/collections/:collectionId/items") { request, context in
            try items(request, id: try context.parameters.require("collectionId"))
        }
        routes.get("/collections/:collectionId/items/:featureId") { request, context in
            let raw = try context.parameters.require("featureId")
            return try item(request, id: try context.parameters.require("collectionId"), featureID: raw.removingPercentEncoding ?? raw)
        }
    }

    // MARK: - Landing, conformance, API

    private func landing(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["f"])
        let base = LinkBase(request, publicURL: services.configuration.publicURL)
        let links = [
            Link(href: base.url("/", [("f", "json")]), rel: "self", type: "application/json", title: "this document"),
            Link(href: base.url("/", [("f", "html")]), rel: "alternate", type: "text/html", title: "this document as HTML"),
            Link(href: base.url("/api"), rel: "service-desc", type: OpenAPIDocument.mediaType, title: "the API definition (OpenAPI 3.0)"),
            Link(href: base.url("/api", [("f", "html")]), rel: "service-doc", type: "text/html", title: "the API documentation"),
            Link(href: base.url("/conformance"), rel: "conformance", type: "application/json", title: "conformance classes"),
            Link(href: base.url("/collections"), rel: "data", type: "application/json", title: "the feature collections"),
            Link(href: base.url("/app/"), rel: "related", type: "text/html", title: "the web app"),
        ]
        let title = "quhua: divisions, boundaries and place names"
        let description = "OGC API – Features for administrative divisions as of any day since 1981, boundary lines and markers; a gazetteer API (search, places, history, tree, reverse, romanize)."
        if try Representation.of(request, query, allowed: [.json, .html]) == .html {
            let list = links.map { "<li><a href=\"\(HTMLPage.escape($0.href))\">\(HTMLPage.escape($0.title ?? $0.rel))</a></li>" }.joined()
            return Reply.text(HTMLPage.render(title: title, body: "<p>\(HTMLPage.escape(description))</p><ul>\(list)</ul>", jsonLink: "/?f=json"),
                              contentType: Reply.htmlType)
        }
        struct Landing: Encodable { var title: String; var description: String; var links: [Link] }
        return try Reply.json(Landing(title: title, description: description, links: links))
    }

    private func conformance(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["f"])
        if try Representation.of(request, query, allowed: [.json, .html]) == .html {
            let list = Self.conformance.map { "<li><code>\(HTMLPage.escape($0))</code></li>" }.joined()
            return Reply.text(HTMLPage.render(title: "Conformance", body: "<ul>\(list)</ul>", jsonLink: "/conformance?f=json"), contentType: Reply.htmlType)
        }
        struct Conformance: Encodable { var conformsTo: [String] }
        return try Reply.json(Conformance(conformsTo: Self.conformance))
    }

    private func api(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["f"])
        let base = LinkBase(request, publicURL: services.configuration.publicURL)
        let document = OpenAPIDocument(serverURL: base.root, collections: try FeatureCollections(services: services).all(extents: false).map(\.id))
        if try Representation.of(request, query, allowed: [.json, .html]) == .html {
            return Reply.text(HTMLPage.render(title: "quhua API", body: document.html(), jsonLink: "/api?f=json"), contentType: Reply.htmlType)
        }
        return Reply.text(try document.json(), contentType: OpenAPIDocument.mediaType)
    }

    // MARK: - Collections

    private func collectionJSON(_ info: FeatureCollections.Info, base: LinkBase) -> String {
        var text = "{\"id\":\(Self.string(info.id)),\"title\":\(Self.string(info.title)),\"description\":\(Self.string(info.description))"
        text += ",\"itemType\":\"feature\",\"crs\":[\(Self.string(FeatureCollections.crs84))]"
        var extent: [String] = []
        if let e = info.extent {
            extent.append("\"spatial\":{\"bbox\":[[\(e.minX),\(e.minY),\(e.maxX),\(e.maxY)]],\"crs\":\(Self.string(FeatureCollections.crs84))}")
        }
        if let t = info.temporal {
            extent.append("\"temporal\":{\"interval\":[[\(t.start.map { Self.string($0 + "T00:00:00Z") } ?? "null"),\(t.end.map { Self.string($0 + "T00:00:00Z") } ?? "null")]]}")
        }
        if !extent.isEmpty { text += ",\"extent\":{" + extent.joined(separator: ",") + "}" }
        let path = "/collections/\(info.id)"
        let links = [
            Link(href: base.url(path, [("f", "json")]), rel: "self", type: "application/json", title: info.title),
            Link(href: base.url(path, [("f", "html")]), rel: "alternate", type: "text/html", title: info.title + " as HTML"),
            Link(href: base.url(path + "/items", [("f", "json")]), rel: "items", type: "application/geo+json", title: "the features"),
            Link(href: base.url(path + "/items", [("f", "html")]), rel: "items", type: "text/html", title: "the features as HTML"),
        ]
        text += ",\"links\":" + Self.links(links) + "}"
        return text
    }

    private func collections(_ request: Request) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["f"])
        let base = LinkBase(request, publicURL: services.configuration.publicURL)
        let all = try FeatureCollections(services: services).all()
        if try Representation.of(request, query, allowed: [.json, .html]) == .html {
            let rows = all.map { ($0.title, "<a href=\"/collections/\($0.id)/items?f=html\">\(HTMLPage.escape($0.id))</a> — \(HTMLPage.escape($0.description))") }
            return Reply.text(HTMLPage.render(title: "Collections", body: HTMLPage.table(rows), jsonLink: "/collections?f=json"), contentType: Reply.htmlType)
        }
        let links = [
            Link(href: base.url("/collections", [("f", "json")]), rel: "self", type: "application/json", title: "the collections"),
            Link(href: base.url("/collections", [("f", "html")]), rel: "alternate", type: "text/html", title: "the collections as HTML"),
        ]
        let body = "{\"links\":\(Self.links(links)),\"collections\":[" + all.map { collectionJSON($0, base: base) }.joined(separator: ",") + "]}"
        return Reply.text(body, contentType: Reply.jsonType)
    }

    private func collection(_ request: Request, id: String) throws -> Response {
        let query = try QueryParameters(request)
        try query.allowOnly(["f"])
        let info = try FeatureCollections(services: services).info(id)
        if try Representation.of(request, query, allowed: [.json, .html]) == .html {
            let body = "<p>\(HTMLPage.escape(info.description))</p><p><a href=\"/collections/\(id)/items?f=html\">the features</a></p>"
            return Reply.text(HTMLPage.render(title: info.title, body: body, jsonLink: "/collections/\(id)?f=json"), contentType: Reply.htmlType)
        }
        return Reply.text(collectionJSON(info, base: LinkBase(request, publicURL: services.configuration.publicURL)), contentType: Reply.jsonType)
    }

    // MARK: - Items

    private func items(_ request: Request, id: String) throws -> Response {
        let query = try QueryParameters(request)
        let collections = FeatureCollections(services: services)
        let info = try collections.info(id, extents: false)
        try query.allowOnly(Set(["f", "limit", "offset", "bbox", "datetime"]).union(info.filters))
        let format = try Representation.of(request, query, allowed: [.json, .html])
        let limit = try query.integer("limit", default: 10, range: 1...10_000, clampAbove: true)
        let offset = try query.integer("offset", default: 0, range: 0...Int(Int32.max))
        let bbox = try query.bbox()
        let day = try query.datetime() ?? Day.today
        let level = try query.choice("level", PlaceLevel.self)
        let parent = try query.code("parent")
        let page = try collections.page(id, day: day, bbox: bbox, level: level, parent: parent, offset: offset, limit: limit)

        let base = LinkBase(request, publicURL: services.configuration.publicURL)
        let path = "/collections/\(id)/items"
        var kept = query.values.filter { $0.key != "offset" && $0.key != "f" && $0.key != "limit" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        kept.append(("limit", String(limit)))
        func link(_ rel: String, offset: Int, f: String, type: String, title: String) -> Link {
            Link(href: base.url(path, kept + (offset > 0 ? [("offset", String(offset))] : []) + [("f", f)]), rel: rel, type: type, title: title)
        }
        var links = [
            link("self", offset: offset, f: "json", type: "application/geo+json", title: "this page"),
            link("alternate", offset: offset, f: "html", type: "text/html", title: "this page as HTML"),
            Link(href: base.url("/collections/\(id)"), rel: "collection", type: "application/json", title: info.title),
        ]
        if offset + page.features.count < page.matched {
            links.append(link("next", offset: offset + limit, f: "json", type: "application/geo+json", title: "next page"))
        }
        if offset > 0 {
            links.append(link("prev", offset: max(0, offset - limit), f: "json", type: "application/geo+json", title: "previous page"))
        }

        if format == .html {
            return Reply.text(itemsHTML(info: info, page: page, offset: offset, links: links, day: day), contentType: Reply.htmlType)
        }
        var body = "{\"type\":\"FeatureCollection\",\"numberMatched\":\(page.matched),\"numberReturned\":\(page.features.count)"
        body += ",\"timeStamp\":\(Self.string(Self.timestamp()))"
        body += ",\"links\":" + Self.links(links) + ",\"features\":["
        for (index, feature) in page.features.enumerated() {
            if index > 0 { body += "," }
            body += feature.geoJSON()
        }
        body += "]}"
        return Reply.text(body, contentType: Reply.geoJSONType)
    }

    private func item(_ request: Request, id: String, featureID: String) throws -> Response {
        let query = try QueryParameters(request)
        let collections = FeatureCollections(services: services)
        _ = try collections.info(id, extents: false)
        try query.allowOnly(["f", "datetime"])
        let format = try Representation.of(request, query, allowed: [.json, .html])
        let day = try query.datetime() ?? Day.today
        let feature = try collections.feature(id, featureID: featureID, day: day)
        let base = LinkBase(request, publicURL: services.configuration.publicURL)
        let path = "/collections/\(id)/items/\(featureID.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? featureID)"
        let extra: [(String, String)] = query["datetime"].map { [("datetime", $0)] } ?? []
        let links = [
            Link(href: base.url(path, extra + [("f", "json")]), rel: "self", type: "application/geo+json", title: "this feature"),
            Link(href: base.url(path, extra + [("f", "html")]), rel: "alternate", type: "text/html", title: "this feature as HTML"),
            Link(href: base.url("/collections/\(id)"), rel: "collection", type: "application/json", title: "the collection"),
        ]
        if format == .html {
            let rows = feature.properties.map { ($0.key, HTMLPage.escape($0.value.description)) }
            return Reply.text(HTMLPage.render(title: "\(id) \(featureID)", body: HTMLPage.table(rows), jsonLink: links[0].href), contentType: Reply.htmlType)
        }
        return Reply.text(feature.geoJSON(extraMembers: "\"links\":" + Self.links(links)), contentType: Reply.geoJSONType)
    }

    private func itemsHTML(info: FeatureCollections.Info, page: PublishedPage, offset: Int, links: [Link], day: Day) -> String {
        let columns = page.features.first?.properties.map(\.key) ?? []
        var table = "<table><tr><th>id</th>" + columns.map { "<th>\(HTMLPage.escape($0))</th>" }.joined() + "</tr>"
        for feature in page.features {
            let href = feature.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? feature.id
            table += "<tr><td><a href=\"/collections/\(info.id)/items/\(HTMLPage.escape(href))?f=html\">\(HTMLPage.escape(feature.id))</a></td>"
            table += feature.properties.map { "<td>\(HTMLPage.escape($0.value.description))</td>" }.joined() + "</tr>"
        }
        table += "</table>"
        let navigation = links.filter { $0.rel == "next" || $0.rel == "prev" }
            .map { "<a href=\"\(HTMLPage.escape($0.href.replacingOccurrences(of: "f=json", with: "f=html")))\">\($0.rel == "next" ? "next page" : "previous page")</a>" }
            .joined(separator: " · ")
        let summary = "<p>\(page.matched) features\(info.id == "divisions" ? " on \(day)" : ""); \(page.features.count) shown from \(offset + 1). \(navigation)</p>"
        return HTMLPage.render(title: info.title, body: summary + table, jsonLink: links[0].href)
    }

    // MARK: - JSON pieces

    static func string(_ text: String) -> String { GeoJSONText.string(text) }

    static func links(_ links: [Link]) -> String {
        "[" + links.map { link in
            var text = "{\"href\":\(string(link.href)),\"rel\":\(string(link.rel)),\"type\":\(string(link.type))"
            if let title = link.title { text += ",\"title\":\(string(title))" }
            return text + "}"
        }.joined(separator: ",") + "]"
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
