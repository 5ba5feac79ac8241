import Foundation

/// `map` on several threads, for pure work over many independent items.
enum ParallelMap {
    /// `items.map(transform)`, computed by `workers` threads that each take every `workers`-th
    /// item; the result is in the order of `items`. `transform` must not touch shared mutable state.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], workers: Int,
                                                      _ transform: @Sendable (Item) -> Result) -> [Result] {
        let count = items.count
        guard workers > 1, count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) {
                slots.store(transform(items[index]), at: index)
            }
        }
        return slots.collect()
    }

    /// Result slots that workers fill at disjoint indices (each index written by one worker only,
    /// all writes finished before `collect`, which `concurrentPerform` guarantees by returning).
    private final class Slots<Result>: @unchecked Sendable {
        private let base: UnsafeMutablePointer<Result?>
        private let count: Int

        init(count: Int) {
            self.count = count
            base = UnsafeMutablePointer<Result?>.allocate(capacity: count)
            base.initialize(repeating: nil, count: count)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        func store(_ value: Result, at index: Int) { base[index] = value }

        func collect() -> [Result] { UnsafeBufferPointer(start: base, count: count).compactMap { $0 } }
    }
}
