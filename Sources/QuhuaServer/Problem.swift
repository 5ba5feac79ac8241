import Foundation
import Gazetteer
import GeoFormats
import Hummingbird
import Register
import NIOCore

/// An error answered as RFC 9457 problem details (`application/problem+json`).
///
/// ```swift
/// throw Problem(.badRequest, "bad bbox", detail: "bbox takes 4 numbers, got 3")
/// ```
public struct Problem: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// A short summary of the kind of problem.
    public var title: String
    /// What went wrong with this request, for the person reading it.
    public var detail: String
    /// Extra headers (`Allow` for 405, `WWW-Authenticate` for 401).
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ title: String, detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers
    }

    /// A bad query parameter value: 400.
    public static func badParameter(_ name: String, _ detail: String) -> Problem {
        Problem(.badRequest, "Invalid parameter \(name)", detail: detail)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var members: [(String, String)] = [
            ("type", "about:blank"), ("title", title), ("status", String(status.code)), ("detail", detail),
            ("instance", request.uri.description),
        ]
        if status.code == 500 { members[4] = ("instance", request.uri.path) }
        let body = "{" + members.map { key, value in
            key == "status" ? "\"status\":\(value)" : "\(GeoJSONText.string(key)):\(GeoJSONText.string(value))"
        }.joined(separator: ",") + "}\n"
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}

extension Problem {
    /// The problem a library error stands for: what the client got wrong is a 4xx, what the
    /// server failed at a 500 (with the message, which names no secret).
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as GazetteerError:
            switch error {
            case .notFound: return Problem(.notFound, "Not found", detail: error.description)
            case .invalidDate: return Problem(.badRequest, "Invalid date", detail: error.description)
            case .invalidInput: return Problem(.badRequest, "Invalid input", detail: error.description)
            case .ambiguous: return Problem(.conflict, "Ambiguous", detail: error.description)
            case .invalidTransition: return Problem(.conflict, "Step not allowed", detail: error.description)
            case .conflict: return Problem(.conflict, "Conflict", detail: error.description)
            case .database: return Problem(.internalServerError, "Database error", detail: error.description)
            }
        case let error as RegisterError:
            switch error {
            case .unknownMarker, .unknownLine, .unknownMarkerOrLine, .unknownRecord:
                return Problem(.notFound, "Not found", detail: error.description)
            case .invalidTransition: return Problem(.conflict, "Step not allowed", detail: error.description)
            case .clientIDConflict, .conflict: return Problem(.conflict, "Conflict", detail: error.description)
            case .database: return Problem(.internalServerError, "Database error", detail: error.description)
            case .unreadableFile: return Problem(.internalServerError, "Storage error", detail: error.description)
            default: return Problem(.badRequest, "Invalid input", detail: error.description)
            }
        case is NIOTooManyBytesError:
            return Problem(.contentTooLarge, "Content too large", detail: "the request body is larger than the server accepts")
        case let error as HTTPError:
            let detail = error.body ?? error.status.reasonPhrase
            return Problem(error.status, error.status.reasonPhrase, detail: detail, headers: error.headers)
        case let error as GeoFormatError:
            return Problem(.internalServerError, "Stored data unreadable", detail: error.description)
        default:
            return Problem(.internalServerError, "Internal error", detail: String(describing: error))
        }
    }
}
