/// Small HTML pages for the OGC API resources (`f=html`): readable in a browser, linking the
/// JSON and the web app.
enum HTMLPage {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
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

    /// A page with a title, a body (already HTML) and a link to the JSON of the same resource.
    static func render(title: String, body: String, jsonLink: String?) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · quhua</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
        table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.2rem .6rem;text-align:left;vertical-align:top}
        nav a{margin-right:1rem}code{background:#f4f4f4;padding:0 .2rem}</style></head>
        <body><nav><a href="/">quhua</a><a href="/collections?f=html">collections</a><a href="/app/">web app</a><a href="/api">API (OpenAPI)</a>\
        \(jsonLink.map { "<a href=\"\(escape($0))\">JSON</a>" } ?? "")</nav>
        <h1>\(escape(title))</h1>
        \(body)
        </body></html>
        """
    }

    /// A two-column table of names and values (values already HTML).
    static func table(_ rows: [(String, String)]) -> String {
        "<table>" + rows.map { "<tr><th>\(escape($0.0))</th><td>\($0.1)</td></tr>" }.joined() + "</table>"
    }
}
