import Foundation
import Hummingbird
import NIOCore

/// Building responses: JSON from `Encodable` values or ready text, HTML pages.
enum Reply {
    static let jsonType = "application/json"
    static let geoJSONType = "application/geo+json"
    static let htmlType = "text/html; charset=utf-8"

    /// Encodes `value` as JSON.
    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, contentType: String = jsonType) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = try encoder.encode(value)
        var buffer = ByteBuffer()
        buffer.writeBytes(data)
        return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
    }

    /// Bytes with their media type; `immutable` for content-addressed bytes, which never change.
    static func bytes(_ data: Data, contentType: String, immutable: Bool = false) -> Response {
        var headers: HTTPFields = [.contentType: contentType]
        if immutable { headers[.cacheControl] = "public, max-age=31536000, immutable" }
        var buffer = ByteBuffer()
        buffer.writeBytes(data)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }

    /// Ready text with its media type.
    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

/// The representation a client asked for: `f=` first, then the `Accept` header, JSON by default.
enum Representation: String {
    case json, html, lpf

    static func of(_ request: Request, _ query: QueryParameters, allowed: Set<Representation>) throws -> Representation {
        if let f = query["f"] {
            guard let value = Representation(rawValue: f), allowed.contains(value) else {
                throw Problem.badParameter("f", "f must be one of \(allowed.map(\.rawValue).sorted().joined(separator: ", ")), not “\(f)”")
            }
            return value
        }
        if allowed.contains(.html), let accept = request.headers[.accept] {
            let html = accept.range(of: "text/html")?.lowerBound
            let json = [accept.range(of: "json")?.lowerBound].compactMap { $0 }.first
            if let html, json.map({ html < $0 }) ?? true { return .html }
        }
        return .json
    }
}

/// Absolute links: the configured public URL, else the scheme-less `Host` of the request.
struct LinkBase {
    let root: String

    init(_ request: Request, publicURL: String?) {
        if let publicURL {
            root = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        } else {
            let host = request.head.authority ?? "127.0.0.1"
            root = "http://" + host
        }
    }

    func url(_ path: String, _ query: [(String, String)] = []) -> String {
        guard !query.isEmpty else { return root + path }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+,/?#")
        let text = query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }.joined(separator: "&")
        return root + path + "?" + text
    }
}

/// One OGC API link.
struct Link: Encodable {
    var href: String
    var rel: String
    var type: String
    var title: String?
}
