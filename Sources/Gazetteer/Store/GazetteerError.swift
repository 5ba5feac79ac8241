import Foundation

/// Everything that can go wrong in the gazetteer, each with a message a user can act on.
///
/// Library code throws these and never prints. The command line turns them into exit
/// code 3 (unreadable or invalid input).
///
/// ```swift
/// do { _ = try Day(parsing: "1990-13-01") }
/// catch let error as GazetteerError { print(error) }   // "invalid date “1990-13-01”: no such month"
/// ```
public enum GazetteerError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A date that does not exist or lies outside the accepted range.
    case invalidDate(_ text: String, reason: String)
    /// Malformed input data: the file or input name, the 1-based line when known, what is wrong.
    case invalidInput(source: String, line: Int?, message: String)
    /// A code, name or record that is not in the database.
    case notFound(String)
    /// A name that matches several places; the candidates are listed for the user to pick one.
    case ambiguous(String, candidates: [String])
    /// A naming-case step that the workflow does not allow from the case's current state.
    case invalidTransition(caseID: Int64, from: String, to: String, allowed: [String])
    /// A write that would contradict what is stored, for example a name period that ends before it starts.
    case conflict(String)
    /// The SQLite store failed; the message is SQLite's, with what was being done.
    case database(String)

    public var description: String {
        switch self {
        case let .invalidDate(text, reason):
            return "invalid date “\(text)”: \(reason)"
        case let .invalidInput(source, line, message):
            if let line { return "\(source):\(line): \(message)" }
            return "\(source): \(message)"
        case let .notFound(what):
            return "not found: \(what)"
        case let .ambiguous(what, candidates):
            return "“\(what)” matches \(candidates.count) places; give a code instead: \(candidates.prefix(12).joined(separator: ", "))"
                + (candidates.count > 12 ? ", …" : "")
        case let .invalidTransition(caseID, from, to, allowed):
            let options = allowed.isEmpty ? "none (the case is closed)" : allowed.joined(separator: ", ")
            return "naming case \(caseID) is “\(from)” and cannot go to “\(to)”; allowed next steps: \(options)"
        case let .conflict(message):
            return message
        case let .database(message):
            return "database error: \(message)"
        }
    }

    public var errorDescription: String? { description }
}
