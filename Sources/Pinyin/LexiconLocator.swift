import Foundation

/// Finds the shipped `pinyin-lexicon.txt` without trapping: SwiftPM's generated
/// `Bundle.module` stops the process when the resource bundle is missing, so the same
/// places are searched here and a missing file becomes a `PinyinError`.
enum LexiconLocator {
    static let fileName = "pinyin-lexicon.txt"
    static let bundleNames = ["quhua_Pinyin.resources", "quhua_Pinyin.bundle"]

    /// Candidate paths, in order: `$QUHUA_PINYIN_LEXICON`; the resource bundle next to
    /// the executable (as SwiftPM lays it out for `swift build`, `swift test` and an
    /// installed copy of the folder); the bundle inside the main bundle's resources;
    /// and the source tree the module was built from.
    static func candidates() -> [URL] {
        var urls: [URL] = []
        if let env = ProcessInfo.processInfo.environment["QUHUA_PINYIN_LEXICON"], !env.isEmpty {
            urls.append(URL(fileURLWithPath: env))
        }
        var folders: [URL] = [Bundle.main.bundleURL]
        if let resources = Bundle.main.resourceURL { folders.append(resources) }
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        let arguments = ProcessInfo.processInfo.arguments
        if let first = arguments.first, first.contains("/") {
            folders.append(URL(fileURLWithPath: first).resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for folder in folders {
            for bundle in bundleNames {
                urls.append(folder.appendingPathComponent(bundle).appendingPathComponent(fileName))
                urls.append(folder.appendingPathComponent(bundle).appendingPathComponent("Contents/Resources").appendingPathComponent(fileName))
            }
        }
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Resources").appendingPathComponent(fileName)
        urls.append(source)
        return urls
    }

    static func locate() throws(PinyinError) -> URL {
        let all = candidates()
        for url in all where FileManager.default.isReadableFile(atPath: url.path) {
            return url
        }
        throw .lexiconNotFound(searched: all.map(\.path))
    }
}
