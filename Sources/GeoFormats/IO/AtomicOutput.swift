import Foundation

/// Files written under temporary names beside their targets and renamed into place only when
/// everything was written, so that a failure leaves nothing half-written.
///
/// ```swift
/// let output = AtomicOutput()
/// let temp = try output.temporary(for: target)
/// try data.write(to: temp)
/// try output.commit()          // renames every temporary file to its target
/// ```
final class AtomicOutput {
    private var pending: [(temp: URL, target: URL)] = []
    private var committed = false

    init() {}

    deinit {
        if !committed { abandon() }
    }

    /// A temporary file name in the target's folder (the folder is created when missing).
    func temporary(for target: URL) throws -> URL {
        let folder = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw GeoFormatError(file: target.relativePath, problem: "cannot create the folder \(folder.relativePath): \(error.localizedDescription)")
        }
        let temp = folder.appendingPathComponent(".\(target.lastPathComponent).quhua-\(UUID().uuidString.prefix(8)).tmp")
        pending.append((temp, target))
        return temp
    }

    /// Renames every temporary file onto its target, replacing what was there.
    func commit() throws {
        for (temp, target) in pending {
            if rename(temp.path, target.path) != 0 {
                let reason = String(cString: strerror(errno))
                abandon()
                throw GeoFormatError(file: target.relativePath, problem: "cannot move the finished file into place: \(reason)")
            }
        }
        committed = true
        pending.removeAll()
    }

    /// Removes the temporary files.
    func abandon() {
        for (temp, _) in pending { try? FileManager.default.removeItem(at: temp) }
        pending.removeAll()
    }
}

/// A file written through a buffer, in large blocks.
final class BufferedOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let capacity: Int
    let url: URL

    /// Creates (or truncates) the file at `url`.
    init(_ url: URL, capacity: Int = 1 << 20) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw GeoFormatError(file: url.relativePath, problem: "cannot create the file")
        }
        do {
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw GeoFormatError(file: url.relativePath, problem: "cannot open the file for writing: \(error.localizedDescription)")
        }
        self.url = url
        self.capacity = capacity
        buffer.reserveCapacity(capacity + 4096)
    }

    deinit { try? handle.close() }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= capacity { try flush() }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw GeoFormatError(file: url.relativePath, problem: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    func close() throws {
        try flush()
        do { try handle.close() } catch {
            throw GeoFormatError(file: url.relativePath, problem: "cannot close: \(error.localizedDescription)")
        }
    }
}
