import Foundation

/// Reads standard input line by line in large blocks (faster than `readLine` for bulk).
struct LineReader {
    private var buffer: [UInt8] = []
    private var start = 0
    private var finished = false
    private let fd: Int32

    init(fileDescriptor: Int32 = 0) { self.fd = fileDescriptor }

    /// The next line without its line break (a trailing `\r` is dropped too); nil at end.
    mutating func next() -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return line
            }
            if finished {
                guard start < buffer.count else { return nil }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = 1 << 16
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: chunk))
            let n = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.read(fd, base + old, chunk)
            }
            buffer.removeLast(chunk - max(n, 0))
            if n <= 0 { finished = true }
        }
    }
}
