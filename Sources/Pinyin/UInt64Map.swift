/// A small open-addressing hash map from `UInt64` keys to `Int32` values, for
/// the lexicon's hot lookups (trie edges, name hashes): no per-lookup hashing of the
/// standard library's seeded kind, and compact storage.
struct UInt64Map: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Key 0 marks an empty slot, so it is stored as 1 (hash keys are 0 or 1 with
    /// negligible probability; trie keys never are).
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        let key = Self.stored(key)
        var i = slot(key)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    func contains(_ key: UInt64) -> Bool { value(key) != nil }

    mutating func set(_ key: UInt64, _ value: Int32) {
        let key = Self.stored(key)
        if (count + 1) * 2 > keys.count { grow() }
        var i = slot(key)
        while true {
            if keys[i] == key { values[i] = value; return }
            if keys[i] == 0 {
                keys[i] = key
                values[i] = value
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != 0 { set(k, v) }
    }
}
