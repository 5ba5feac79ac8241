import Foundation

/// The OpenAPI 3.0 definition of the whole service: OGC API – Features and the gazetteer API.
struct OpenAPIDocument {
    static let mediaType = "application/vnd.oai.openapi+json;version=3.0"

    let serverURL: String
    let collections: [String]

    private typealias Object = [String: Any]

    private static func parameter(_ name: String, in location: String = "query", _ description: String, schema: Object,
                                  required: Bool = false, explode: Bool? = nil, style: String? = nil) -> Object {
        var p: Object = ["name": name, "in": location, "description": description, "required": required || location == "path", "schema": schema]
        if let explode { p["explode"] = explode }
        if let style { p["style"] = style }
        return p
    }

    private static var string: Object { ["type": "string"] }
    private static var day: Object { ["type": "string", "description": "YYYY, YYYY-MM or YYYY-MM-DD"] }
    private static var code: Object { ["type": "string", "pattern": "^([0-9]{6}|[0-9]{9}|[0-9]{12})$"] }
    private static let levels = ["country", "province", "prefecture", "county", "township", "village", "feature"]

    private static func ref(_ name: String) -> Object { ["$ref": "#/components/parameters/\(name)"] }

    private static func response(_ description: String, _ mediaTypes: [String], schema: Object = ["type": "object"]) -> Object {
        var content: Object = [:]
        for type in mediaTypes { content[type] = ["schema": schema] }
        return ["description": description, "content": content]
    }

    private static var problem: Object {
        response("Problem details (RFC 9457)", ["application/problem+json"], schema: ["$ref": "#/components/schemas/Problem"])
    }

    private static func operation(_ id: String, _ summary: String, tag: String, parameters: [Object], ok: Object,
                                  errors: [String] = ["400", "404"], security: Bool = false, body: Object? = nil) -> Object {
        var responses: Object = ["200": ok]
        if body != nil { responses = ["201": ok] }
        for status in errors { responses[status] = problem }
        var op: Object = ["operationId": id, "summary": summary, "tags": [tag], "parameters": parameters, "responses": responses]
        if security {
            op["security"] = [["bearer": [String]()]]
            responses["401"] = problem
            responses["403"] = problem
            op["responses"] = responses
        }
        if let body { op["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]] }
        return op
    }

    private var paths: Object {
        let json = ["application/json"]
        let feature = ["application/geo+json", "text/html"]
        let f = Self.ref("f")
        var paths: Object = [
            "/": ["get": Self.operation("landingPage", "Landing page", tag: "Capabilities", parameters: [f], ok: Self.response("The landing page", ["application/json", "text/html"]), errors: ["400"])],
            "/conformance": ["get": Self.operation("getConformance", "Conformance classes", tag: "Capabilities", parameters: [f], ok: Self.response("The conformance classes", ["application/json", "text/html"]), errors: ["400"])],
            "/api": ["get": Self.operation("getAPI", "This API definition", tag: "Capabilities", parameters: [f], ok: Self.response("The OpenAPI document", [Self.mediaType, "text/html"]), errors: ["400"])],
            "/collections": ["get": Self.operation("getCollections", "The feature collections", tag: "Capabilities", parameters: [f], ok: Self.response("The collections", ["application/json", "text/html"]), errors: ["400"])],
        ]
        for id in collections {
            var itemParameters = [Self.ref("limit"), Self.ref("offset"), Self.ref("bbox"), Self.ref("datetime"), f]
            if id == "divisions" {
                itemParameters += [Self.parameter("level", "Only divisions at this level on the day", schema: ["type": "string", "enum": Self.levels]),
                                   Self.parameter("parent", "Only divisions whose parent on the day has this code", schema: Self.code)]
            }
            paths["/collections/\(id)"] = ["get": Self.operation("describe-\(id)", "The \(id) collection", tag: "Data", parameters: [f], ok: Self.response("The collection", ["application/json", "text/html"]))]
            paths["/collections/\(id)/items"] = ["get": Self.operation("get-\(id)-items", "Features of \(id)", tag: "Data", parameters: itemParameters,
                                                                       ok: Self.response("A page of features", feature, schema: ["$ref": "#/components/schemas/FeatureCollection"]))]
            paths["/collections/\(id)/items/{featureId}"] = ["get": Self.operation("get-\(id)-item", "One feature of \(id)", tag: "Data",
                parameters: [Self.parameter("featureId", in: "path", "The feature id", schema: Self.string), Self.ref("datetime"), f],
                ok: Self.response("The feature", feature))]
        }
        let q = Self.parameter("q", "Characters (any part of a name), pinyin with or without spaces, initials, traditional characters or a romanised name", schema: Self.string, required: true)
        let at = Self.parameter("at", "The day to answer as of", schema: Self.day)
        paths["/search"] = ["get": Self.operation("search", "Search place names, current and historical", tag: "Gazetteer", parameters: [
            q, at,
            Self.parameter("level", "Only places at this level", schema: ["type": "string", "enum": Self.levels]),
            Self.parameter("within", "Only places under this division", schema: Self.code),
            Self.parameter("status", "current, former or all", schema: ["type": "string", "enum": ["current", "former", "all"]]),
            Self.parameter("limit", "At most this many (1–1000, default 20)", schema: ["type": "integer", "minimum": 1, "maximum": 1000]),
        ], ok: Self.response("The matches, best first, each with why it matched", json), errors: ["400"])]
        paths["/autocomplete"] = ["get": Self.operation("autocomplete", "Type-ahead suggestions (at most 10)", tag: "Gazetteer", parameters: [
            q, Self.parameter("limit", "At most this many (1–10)", schema: ["type": "integer", "minimum": 1, "maximum": 10]),
        ], ok: Self.response("Suggestions", json), errors: ["400"])]
        let placeFormat = Self.parameter("f", "json, or lpf for Linked Places Format", schema: ["type": "string", "enum": ["json", "lpf"]])
        paths["/places/{ref}"] = ["get": Self.operation("getPlace", "A place by code or name: its codes, names, parents over time, events, GB/T 18521 category and place-name record (meaning, origin, history, locations, sources, attachments)", tag: "Gazetteer",
            parameters: [Self.parameter("ref", in: "path", "A 6-, 9- or 12-digit code, or a name", schema: Self.string), at, placeFormat], ok: Self.response("The place", json + ["application/ld+json"]))]
        paths["/places/id/{id}"] = ["get": Self.operation("getPlaceById", "A place by its place id", tag: "Gazetteer",
            parameters: [Self.parameter("id", in: "path", "The place id", schema: ["type": "integer"]), at, placeFormat], ok: Self.response("The place", json + ["application/ld+json"]))]
        paths["/places/{ref}/attachments/{sha256}"] = ["get": Self.operation("getPlaceAttachment", "An attachment of a place's record (photo, scan …): its bytes, with their media type", tag: "Gazetteer",
            parameters: [Self.parameter("ref", in: "path", "A code or a name", schema: Self.string),
                         Self.parameter("sha256", in: "path", "The SHA-256 of the bytes, 64 hex digits", schema: ["type": "string", "pattern": "^[0-9a-fA-F]{64}$"])],
            ok: Self.response("The bytes", ["application/octet-stream", "image/*", "application/pdf"], schema: ["type": "string", "format": "binary"]))]
        paths["/places/{ref}/history"] = ["get": Self.operation("getHistory", "The change events around a place and the places they connect", tag: "Gazetteer",
            parameters: [Self.parameter("ref", in: "path", "A code or a name", schema: Self.string), placeFormat], ok: Self.response("The history", json + ["application/ld+json"]))]
        paths["/tree"] = ["get": Self.operation("getTree", "The division tree on a day", tag: "Gazetteer", parameters: [
            at, Self.parameter("root", "Only this division and those under it", schema: Self.code),
        ], ok: Self.response("The tree", json))]
        paths["/reverse"] = ["get": Self.operation("reverse", "The divisions containing a point on a day", tag: "Gazetteer", parameters: [
            Self.parameter("lon", "Longitude (WGS 84)", schema: ["type": "number", "minimum": -180, "maximum": 180], required: true),
            Self.parameter("lat", "Latitude (WGS 84)", schema: ["type": "number", "minimum": -90, "maximum": 90], required: true), at,
        ], ok: Self.response("The containing divisions, deepest first, and the level the answer stops at with the reason",
                             json, schema: ["$ref": "#/components/schemas/ReverseAnswer"]), errors: ["400", "404"])]
        paths["/romanize"] = ["get": Self.operation("romanize", "GB/T 16159 romanisation of a place name", tag: "Gazetteer", parameters: [
            Self.parameter("name", "The name in Chinese characters", schema: Self.string, required: true),
        ], ok: Self.response("The romanisation", json), errors: ["400"])]
        paths["/whoami"] = ["get": Self.operation("whoami", "The actor and role of the bearer token", tag: "Access", parameters: [],
                                                  ok: Self.response("The grant", json), errors: [], security: true)]
        let application: Object = ["type": "object", "required": ["action", "proposedName", "applicant", "appliedOn"], "properties": [
            "action": ["type": "string", "enum": ["name", "rename"]], "proposedName": Self.string, "applicant": Self.string,
            "appliedOn": Self.day, "placeCode": Self.string, "parentCode": Self.string, "level": ["type": "string", "enum": Self.levels],
            "romanization": Self.string, "meaning": Self.string, "origin": Self.string, "authority": Self.string, "note": Self.string,
            "category": ["type": "string", "enum": ["township", "town", "subdistrict", "village", "community", "road", "bridge", "square", "housing-estate", "building", "mountain", "river", "lake"]],
        ]]
        paths["/naming/cases"] = [
            "get": Self.operation("listNamingCases", "Naming cases (one window: application → review → approval → announcement → filing)", tag: "Naming",
                                  parameters: [Self.parameter("state", "Only cases in this state", schema: ["type": "string", "enum": ["applied", "under_review", "approved", "rejected", "announced", "filed"]])],
                                  ok: Self.response("The cases", json), errors: ["400"]),
            "post": Self.operation("applyForName", "Apply for a name or a rename (editor); the answer carries the name check stored with the case", tag: "Naming", parameters: [],
                                   ok: Self.response("The new case", json), errors: ["400", "409", "413", "415"], security: true, body: application),
        ]
        paths["/naming/cases/{id}"] = ["get": Self.operation("getNamingCase", "A naming case and its steps", tag: "Naming",
            parameters: [Self.parameter("id", in: "path", "The case id", schema: ["type": "integer"])], ok: Self.response("The case", json))]
        paths["/naming/cases/{id}/steps"] = ["post": Self.operation("advanceNamingCase", "Move a case on: review, approve, reject, announce, file (editor)", tag: "Naming",
            parameters: [Self.parameter("id", in: "path", "The case id", schema: ["type": "integer"])],
            ok: Self.response("The case after the step", json), errors: ["400", "404", "409", "413", "415"], security: true,
            body: ["type": "object", "required": ["step", "date"], "properties": [
                "step": ["type": "string", "enum": ["review", "approve", "reject", "announce", "file"]], "date": Self.day,
                "reference": Self.string, "note": Self.string, "code": Self.string]])]
        let listEntry: Object = ["type": "object"]
        paths["/lists/protected"] = [
            "get": Self.operation("listProtected", "The historical-name protection list", tag: "Naming", parameters: [], ok: Self.response("The list", json), errors: []),
            "post": Self.operation("addProtected", "Add a name to the protection list (editor)", tag: "Naming", parameters: [],
                                   ok: Self.response("The entry", json), errors: ["400", "413", "415"], security: true, body: listEntry),
        ]
        paths["/lists/vanished"] = [
            "get": Self.operation("listVanished", "Vanished names", tag: "Naming", parameters: [], ok: Self.response("The list", json), errors: []),
            "post": Self.operation("addVanished", "Add a vanished name (editor)", tag: "Naming", parameters: [],
                                   ok: Self.response("The entry", json), errors: ["400", "413", "415"], security: true, body: listEntry),
        ]
        paths["/audit"] = ["get": Self.operation("getAudit", "The audit log, newest first (admin)", tag: "Access",
            parameters: [Self.parameter("limit", "At most this many (1–1000)", schema: ["type": "integer", "minimum": 1, "maximum": 1000])],
            ok: Self.response("The entries", json), errors: ["400"], security: true)]
        if collections.contains("register-markers") { registerPaths(into: &paths, at: at) }
        return paths
    }

    /// The upkeep register's operations (when the server serves one).
    private func registerPaths(into paths: inout Object, at: Object) {
        let json = ["application/json"]
        let id = { (description: String) in Self.parameter("id", in: "path", description, schema: ["type": "integer"]) }
        let lonLat: Object = ["type": "object", "required": ["lon", "lat"], "properties": [
            "lon": ["type": "number", "minimum": -180, "maximum": 180], "lat": ["type": "number", "minimum": -90, "maximum": 90], "h": ["type": "number"]]]
        let conditions = ["intact", "damaged", "tilted", "buried", "moved", "missing"]
        paths["/register/lines"] = ["get": Self.operation("listRegisterLines", "Boundary lines under care, as of a day", tag: "Register",
            parameters: [at], ok: Self.response("The lines", json), errors: ["400"])]
        paths["/register/lines/{id}"] = ["get": Self.operation("getRegisterLine", "A line's versions, inspections, events, disputes and caretakers", tag: "Register",
            parameters: [Self.parameter("id", in: "path", "The line id", schema: Self.string)], ok: Self.response("The line's history", json))]
        paths["/register/markers"] = ["get": Self.operation("findRegisterMarkers", "Markers nearest to a position, or by number", tag: "Register", parameters: [
            Self.parameter("near", "longitude,latitude (WGS 84)", schema: Self.string, explode: false, style: "form"),
            Self.parameter("number", "A marker number or its beginning", schema: Self.string),
            Self.parameter("limit", "At most this many (1–100, default 10)", schema: ["type": "integer", "minimum": 1, "maximum": 100]), at,
        ], ok: Self.response("The markers, with position, distance and latest condition", json), errors: ["400"])]
        paths["/register/markers/{label}"] = ["get": Self.operation("getRegisterMarker", "A marker's versions, patrols, work orders, disputes and caretakers", tag: "Register",
            parameters: [Self.parameter("label", in: "path", "The marker number with its type letter", schema: Self.string)], ok: Self.response("The marker's history", json))]
        paths["/register/patrols"] = [
            "get": Self.operation("listPatrols", "Patrols, newest first", tag: "Register", parameters: [
                Self.parameter("marker", "Only patrols that saw this marker", schema: Self.string),
                Self.parameter("limit", "At most this many (1–1000, default 100)", schema: ["type": "integer", "minimum": 1, "maximum": 1000]),
            ], ok: Self.response("The patrols", json), errors: ["400"]),
            "post": Self.operation("addPatrol", "Record a patrol (patroller); the same clientId again returns the stored patrol (200)", tag: "Register",
                parameters: [], ok: Self.response("The patrol", json), errors: ["400", "404", "409", "413", "415"], security: true,
                body: ["type": "object", "required": ["date", "observations"], "properties": [
                    "clientId": Self.string, "date": Self.day, "patroller": Self.string, "position": lonLat, "note": Self.string,
                    "observations": ["type": "array", "minItems": 1, "items": ["type": "object", "required": ["marker", "condition"], "properties": [
                        "marker": Self.string, "condition": ["type": "string", "enum": conditions], "note": Self.string, "position": lonLat]]],
                    "photos": ["type": "array", "items": ["type": "object", "required": ["data"], "properties": [
                        "name": Self.string, "data": ["type": "string", "format": "byte"]]]],
                ]]),
        ]
        paths["/register/patrols/{id}"] = ["get": Self.operation("getPatrol", "A patrol", tag: "Register", parameters: [id("The patrol id")], ok: Self.response("The patrol", json))]
        paths["/register/orders"] = [
            "get": Self.operation("listWorkOrders", "Work orders", tag: "Register",
                parameters: [Self.parameter("open", "Only open ones", schema: ["type": "boolean"])], ok: Self.response("The work orders", json), errors: ["400"]),
            "post": Self.operation("openWorkOrder", "Open a work order from a patrol finding (editor)", tag: "Register", parameters: [],
                ok: Self.response("The work order", json), errors: ["400", "404", "413", "415"], security: true,
                body: ["type": "object", "required": ["patrol", "marker", "date"], "properties": [
                    "patrol": ["type": "integer"], "marker": Self.string, "date": Self.day, "note": Self.string]]),
        ]
        paths["/register/orders/{id}"] = ["get": Self.operation("getWorkOrder", "A work order and its steps", tag: "Register", parameters: [id("The work order id")], ok: Self.response("The work order", json))]
        paths["/register/orders/{id}/steps"] = ["post": Self.operation("advanceWorkOrder", "Assign, finish, verify or cancel a work order (editor)", tag: "Register",
            parameters: [id("The work order id")], ok: Self.response("The work order after the step", json), errors: ["400", "404", "409", "413", "415"], security: true,
            body: ["type": "object", "required": ["state", "date"], "properties": [
                "state": ["type": "string", "enum": ["assigned", "done", "verified", "cancelled"]], "date": Self.day, "note": Self.string,
                "assignee": Self.string, "replacedAt": lonLat]])]
        paths["/register/disputes"] = ["get": Self.operation("listDisputes", "Boundary disputes", tag: "Register", parameters: [
            Self.parameter("line", "Only on this line", schema: Self.string), Self.parameter("open", "Only open ones", schema: ["type": "boolean"]),
        ], ok: Self.response("The disputes", json), errors: ["400"])]
        paths["/register/due"] = ["get": Self.operation("getDue", "Joint inspections and patrols due", tag: "Register", parameters: [at],
            ok: Self.response("What is due", json), errors: ["400"])]
        paths["/register/report"] = ["get": Self.operation("getRegisterReport", "Upkeep per division: markers by condition, patrols overdue, open work orders, disputes", tag: "Register", parameters: [
            Self.parameter("division", "Only this division code", schema: Self.string), at,
            Self.parameter("f", "json (default), csv, text or html (a page with a map)", schema: ["type": "string", "enum": ["json", "csv", "text", "html"]]),
        ], ok: Self.response("The report", ["application/json", "text/csv", "text/plain", "text/html"]), errors: ["400"])]
    }

    private var components: Object {
        [
            "parameters": [
                "f": Self.parameter("f", "The representation: json or html", schema: ["type": "string", "enum": ["json", "html"]]),
                "limit": Self.parameter("limit", "At most this many features (default 10; above 10000 means 10000)",
                                        schema: ["type": "integer", "minimum": 1, "maximum": 10000, "default": 10], explode: false, style: "form"),
                "offset": Self.parameter("offset", "Skip this many features (paging)", schema: ["type": "integer", "minimum": 0, "default": 0]),
                "bbox": Self.parameter("bbox", "Only features whose extent meets this box: minLon,minLat,maxLon,maxLat (CRS84)",
                                       schema: ["type": "array", "minItems": 4, "maxItems": 6, "items": ["type": "number"]], explode: false, style: "form"),
                "datetime": Self.parameter("datetime", "An instant or interval (RFC 3339, .. for an open end); divisions are shown as of the instant, or the interval's last day",
                                           schema: Self.string, explode: false, style: "form"),
            ],
            "schemas": [
                "Problem": ["type": "object", "properties": [
                    "type": Self.string, "title": Self.string, "status": ["type": "integer"], "detail": Self.string, "instance": Self.string]],
                "ReverseAnswer": Self.reverseAnswer,
                "FeatureCollection": ["type": "object", "required": ["type", "features"], "properties": [
                    "type": ["type": "string", "enum": ["FeatureCollection"]], "features": ["type": "array", "items": ["type": "object"]],
                    "numberMatched": ["type": "integer"], "numberReturned": ["type": "integer"], "timeStamp": ["type": "string", "format": "date-time"],
                    "links": ["type": "array", "items": ["type": "object"]]]],
            ],
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "A token from `quhua token add`"]],
        ]
    }

    /// The answer of `/reverse`: the point, the day, the containing divisions and where the answer stops.
    private static var reverseAnswer: Object {
        let polygonLevels = ["province", "prefecture", "county", "township"]
        let place: Object = ["type": "object", "description": "The division with its code and name on the day asked", "properties": [
            "id": ["type": "integer"], "kind": Self.string, "level": ["type": "string", "enum": Self.levels], "status": Self.string,
            "code": Self.string, "name": Self.string, "period": ["type": "object"]]]
        let hit: Object = ["type": "object", "required": ["place", "ancestry", "polygonLevel", "boundarySource", "boundaryPeriod"], "properties": [
            "place": place,
            "ancestry": ["type": "array", "description": "The chain of parents on that day, nearest first", "items": ["type": "object"]],
            "polygonLevel": ["type": "string", "enum": polygonLevels,
                             "description": "The level the containing polygon fills (重庆市's polygon in a prefecture layer fills the prefecture level)"],
            "boundarySource": ["type": "string", "description": "The source of the polygon"],
            "boundaryPeriod": ["type": "object", "description": "The period the polygon is stored for; an open end is unknown or current",
                               "properties": ["from": Self.string, "to": Self.string]],
            "heldThen": ["type": "array", "items": place,
                         "description": "With at: the places that on that day held part of what the polygon covers now, when the division gained territory since"],
        ]]
        return ["type": "object", "required": ["lon", "lat", "stop", "results"], "properties": [
            "lon": ["type": "number"], "lat": ["type": "number"],
            "at": ["type": "string", "format": "date", "description": "The day asked (absent for today)"],
            "deepestLevel": ["type": "string", "enum": polygonLevels, "nullable": true,
                             "description": "The level of the deepest polygon containing the point; absent when none does"],
            "stop": ["type": "string", "description": "Why the answer stops at that level, in a sentence: “stops at prefecture level: no county or township polygons are stored”, “stops at county level: no township polygon contains the point although township polygons are stored for 3 counties”"],
            "results": ["type": "array", "items": hit, "description": "The containing divisions: the deepest polygon level first"],
        ]]
    }

    /// The document as JSON.
    func json() throws -> String {
        let document: Object = [
            "openapi": "3.0.3",
            "info": ["title": "quhua", "version": "1.0.0",
                     "description": "OGC API – Features for administrative divisions (as of any day), boundary lines and markers, and the quhua gazetteer API.",
                     "license": ["name": "MIT"]],
            "servers": [["url": serverURL]],
            "tags": [["name": "Capabilities"], ["name": "Data"], ["name": "Gazetteer"], ["name": "Naming"], ["name": "Access"], ["name": "Register"]],
            "paths": paths,
            "components": components,
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// A readable list of the operations.
    func html() -> String {
        var rows: [String] = []
        for (path, value) in paths.sorted(by: { $0.key < $1.key }) {
            guard let operations = value as? Object else { continue }
            for (method, operation) in operations.sorted(by: { $0.key < $1.key }) {
                let summary = (operation as? Object)?["summary"] as? String ?? ""
                rows.append("<tr><td><code>\(method.uppercased())</code></td><td><code>\(HTMLPage.escape(path))</code></td><td>\(HTMLPage.escape(summary))</td></tr>")
            }
        }
        return "<p>The machine-readable definition is <a href=\"/api?f=json\">OpenAPI 3.0 JSON</a>.</p><table>" + rows.joined() + "</table>"
    }
}
