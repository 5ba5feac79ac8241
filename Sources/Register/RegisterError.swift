import Foundation

/// Everything that can go wrong in the register, each naming the input at fault.
///
/// Library code throws these and never prints; when one is thrown, nothing was written.
///
/// ```swift
/// do { _ = try store.addPatrol(input, actor: "li") }
/// catch let error as RegisterError { print(error) }   // "unknown marker “0099-001”"
/// ```
public enum RegisterError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A date that does not parse or does not exist: the text as given and why.
    case invalidDate(_ text: String, reason: String)
    /// A date after today: what it dates and the text.
    case futureDate(_ what: String, date: String, today: String)
    /// A date earlier than what it depends on (a patrol before its marker existed, a step before the previous one).
    case dateTooEarly(_ what: String, date: String, earliest: String)
    /// A marker number (with its type letter) that the register does not hold.
    case unknownMarker(String)
    /// A line id that the register does not hold.
    case unknownLine(String)
    /// Text that names neither a marker nor a line of the register.
    case unknownMarkerOrLine(String)
    /// A unit, person, patrol, work order or dispute id that does not exist: the kind and the id.
    case unknownRecord(kind: String, id: String)
    /// A file that is not a JPEG, PNG, WebP or HEIC image.
    case notAnImage(file: String)
    /// A file that cannot be read.
    case unreadableFile(file: String, reason: String)
    /// A survey that cannot be read or holds nothing to register: the folder or file and the problem.
    case invalidSurvey(source: String, problem: String)
    /// A value that is malformed: which option or field, the value, and what is expected.
    case invalidValue(field: String, value: String, expected: String)
    /// A work-order step the order's state does not allow.
    case invalidTransition(order: Int64, from: String, to: String, allowed: [String])
    /// An offline entry resubmitted with the same client id but different content.
    case clientIDConflict(clientID: String, patrol: Int64)
    /// A write that contradicts what is stored (for example an import older than the latest inspection).
    case conflict(String)
    /// The SQLite store failed: what was being done and SQLite's message.
    case database(String)

    public var description: String {
        switch self {
        case let .invalidDate(text, reason): return "invalid date “\(text)”: \(reason)"
        case let .futureDate(what, date, today): return "\(what) date \(date) is in the future (today is \(today))"
        case let .dateTooEarly(what, date, earliest): return "\(what) date \(date) is before \(earliest)"
        case let .unknownMarker(number): return "unknown marker “\(number)”: the register holds no marker with this number"
        case let .unknownLine(id): return "unknown line “\(id)”: the register holds no line with this id"
        case let .unknownMarkerOrLine(text): return "“\(text)” is neither a marker number nor a line id of the register"
        case let .unknownRecord(kind, id): return "unknown \(kind) “\(id)”"
        case let .notAnImage(file): return "\(file): not a photo (JPEG, PNG, WebP or HEIC expected)"
        case let .unreadableFile(file, reason): return "\(file): cannot be read: \(reason)"
        case let .invalidSurvey(source, problem): return "\(source): \(problem)"
        case let .invalidValue(field, value, expected): return "\(field) “\(value)”: expected \(expected)"
        case let .invalidTransition(order, from, to, allowed):
            let next = allowed.isEmpty ? "none (the order is closed)" : allowed.joined(separator: ", ")
            return "work order \(order) is \(from) and cannot become \(to); allowed next: \(next)"
        case let .clientIDConflict(clientID, patrol):
            return "client id \(clientID) was already used for patrol \(patrol) with different content; use a new client id"
        case let .conflict(message): return message
        case let .database(message): return "register database: \(message)"
        }
    }

    public var errorDescription: String? { description }
}
