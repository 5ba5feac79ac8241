import Foundation

/// What an import did: whether it changed the database, and how many rows of each kind it wrote.
///
/// ```swift
/// let report = try AreaCodesImporter(directory: dir).run(into: store, actor: "li")
/// print(report)   // "areacodes: 8512 places, 11031 names, … (1.42 s)"
/// ```
public struct ImportReport: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The source key, for example `areacodes`.
    public var source: String
    /// `false` when the same data had been imported before and nothing was written.
    public var changed: Bool
    /// Rows written per kind (`places`, `names`, `events` …), in a stable order.
    public var counts: [Count]
    /// Wall-clock time of the import, in seconds.
    public var seconds: Double
    /// A sentence for people, for example why nothing changed.
    public var note: String?

    /// One count of the report.
    public struct Count: Sendable, Codable, Equatable {
        public var kind: String
        public var value: Int
    }

    /// The count for `kind`, zero when absent.
    public func count(_ kind: String) -> Int { counts.first { $0.kind == kind }?.value ?? 0 }

    public var description: String {
        let parts = counts.map { "\($0.value) \($0.kind)" }.joined(separator: ", ")
        let time = String(format: "%.2f s", seconds)
        if !changed { return "\(source): unchanged (\(note ?? "already imported")), \(time)" }
        return "\(source): \(parts) (\(time))" + (note.map { "; \($0)" } ?? "")
    }
}

/// Progress of a long import, for a progress line on a terminal.
public struct ImportProgress: Sendable {
    /// What is being done, for example `reading tables` or `writing names`.
    public var stage: String
    /// Units done so far.
    public var done: Int
    /// Units in all, when known.
    public var total: Int?
}

/// A callback receiving import progress. It is called on the importing thread.
public typealias ImportProgressHandler = @Sendable (ImportProgress) -> Void

/// A 64-bit FNV-1a hash of file contents, used to recognise data imported before.
struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    mutating func add(_ text: String) { add(text.utf8) }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Reads a whole file as UTF-8 text, with a clear error when it cannot.
func readText(_ url: URL) throws -> String {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
        throw GazetteerError.invalidInput(source: url.path, line: nil, message: "cannot read the file: \(error.localizedDescription)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw GazetteerError.invalidInput(source: url.path, line: nil, message: "the file is not UTF-8 text")
    }
    return text
}
