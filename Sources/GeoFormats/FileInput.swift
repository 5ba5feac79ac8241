import Foundation

/// Reading whole files with errors a user can act on.
enum FileInput {
    /// The bytes of the file at `url`.
    ///
    /// - Throws: ``GeoFormatError`` saying whether the file is missing, a folder, or unreadable.
    static func contents(of url: URL) throws -> Data {
        let path = url.relativePath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw GeoFormatError(file: path, problem: "no such file")
        }
        if isDirectory.boolValue { throw GeoFormatError(file: path, problem: "is a folder, not a file") }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw GeoFormatError(file: path, problem: "cannot be read (\(error.localizedDescription))")
        }
    }
}
