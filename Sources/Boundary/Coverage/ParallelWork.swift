import Dispatch
import Foundation

/// Runs a job on several threads, each with its own state (its own GEOS context, typically).
///
/// Work is handed out in chunks from a shared counter so that a slow chunk does not hold the
/// other workers back. Results and the first error are gathered under a lock.
enum ParallelWork {
    /// Runs `body(worker)` once on each of `workers` threads and returns the results in worker order.
    ///
    /// - Throws: the first error any worker threw (the others run to completion).
    static func run<Result: Sendable>(workers: Int, _ body: @Sendable (Int) throws -> Result) throws -> [Result] {
        let count = max(1, workers)
        if count == 1 { return [try body(0)] }
        let results = Locked<[Result?]>(Array(repeating: nil, count: count))
        let failure = Locked<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            do {
                let r = try body(worker)
                results.withLock { $0[worker] = r }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0.compactMap { $0 } }
    }
}

/// Hands out the indices `0..<count` in chunks to whichever worker asks next.
final class ChunkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private let chunk: Int

    init(count: Int, chunk: Int) {
        self.count = count
        self.chunk = max(1, chunk)
    }

    /// The next chunk of indices, or `nil` when all have been handed out.
    func take() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        let start = next
        next = min(count, next + chunk)
        return start..<next
    }
}

/// A value guarded by a lock, shared between workers.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// A raw buffer that workers write at disjoint indices (each index written by one worker only).
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}
