import Foundation
import Gazetteer

/// A photo file checked by its magic bytes and hashed, ready to be stored by content.
struct PhotoFile {
    var path: String
    var data: Data
    var sha256: String
    var mediaType: String
    var fileExtension: String

    /// Reads and checks a photo.
    ///
    /// - Throws: ``RegisterError/unreadableFile(file:reason:)``; ``RegisterError/notAnImage(file:)``
    ///   unless the bytes begin like a JPEG, PNG, WebP or HEIC file.
    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegisterError.unreadableFile(file: path, reason: "no such file, or not readable")
        }
        guard let (mediaType, ext) = Self.kind(of: data) else { throw RegisterError.notAnImage(file: path) }
        self.path = path
        self.data = data
        self.mediaType = mediaType
        self.fileExtension = ext
        sha256 = SHA256.hex(of: [UInt8](data))
    }

    /// Checks a photo sent as bytes; `name` stands for the file in errors and as its original name.
    ///
    /// - Throws: ``RegisterError/notAnImage(file:)`` unless the bytes begin like a JPEG, PNG, WebP or HEIC file.
    init(upload: PhotoUpload) throws {
        let data = Data(upload.data)
        guard let (mediaType, ext) = Self.kind(of: data) else { throw RegisterError.notAnImage(file: upload.name) }
        path = upload.name
        self.data = data
        self.mediaType = mediaType
        fileExtension = ext
        sha256 = SHA256.hex(of: upload.data)
    }

    /// The media type and extension from the magic bytes, `nil` for anything else.
    static func kind(of data: Data) -> (String, String)? {
        let b = [UInt8](data.prefix(16))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return ("image/jpeg", "jpg") }
        if b.count >= 8, b[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return ("image/png", "png") }
        if b.count >= 12, b[0..<4].elementsEqual(Array("RIFF".utf8)), b[8..<12].elementsEqual(Array("WEBP".utf8)) {
            return ("image/webp", "webp")
        }
        if b.count >= 12, b[4..<8].elementsEqual(Array("ftyp".utf8)) {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return ("image/heic", "heic") }
        }
        return nil
    }

    /// The stored file's name.
    var fileName: String { "\(sha256).\(fileExtension)" }

    /// Stores the photo as `<sha256>.<ext>` in `folder`, unless a file of that name exists:
    /// a stored photo is never overwritten.
    func store(in folder: String) throws {
        let manager = FileManager.default
        let target = (folder as NSString).appendingPathComponent(fileName)
        if manager.fileExists(atPath: target) { return }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = (folder as NSString).appendingPathComponent(".\(sha256).\(UUID().uuidString).part")
            try data.write(to: URL(fileURLWithPath: temporary))
            do { try manager.moveItem(atPath: temporary, toPath: target) } catch {
                try? manager.removeItem(atPath: temporary)
                if !manager.fileExists(atPath: target) { throw error }
            }
        } catch {
            throw RegisterError.unreadableFile(file: target, reason: "cannot store the photo: \(error.localizedDescription)")
        }
    }
}
