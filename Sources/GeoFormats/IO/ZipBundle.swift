import Foundation
import ZIPFoundation

/// Zip archives of a few files held in memory (a Shapefile bundle, a KMZ).
enum ZipBundle {
    /// Writes `entries` (name, bytes) as a deflated zip at `url`.
    static func write(_ entries: [(name: String, bytes: [UInt8])], to url: URL) throws {
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for (name, bytes) in entries {
                let data = Data(bytes)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
        } catch {
            throw GeoFormatError(file: url.relativePath, problem: "cannot write the zip archive: \(error)")
        }
    }

    /// The entries of the zip at `url`, by name (files only).
    static func read(_ url: URL) throws -> [(name: String, bytes: [UInt8])] {
        let file = url.relativePath
        _ = try FileInput.contents(of: url)   // existence and readability, with the usual messages
        do {
            let archive = try Archive(url: url, accessMode: .read)
            var result: [(String, [UInt8])] = []
            for entry in archive where entry.type == .file {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                result.append((entry.path, [UInt8](data)))
            }
            return result
        } catch {
            throw GeoFormatError(file: file, problem: "not a readable zip archive: \(error)")
        }
    }
}
