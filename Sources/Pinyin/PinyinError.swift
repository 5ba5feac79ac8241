/// An error from loading the Pinyin module's compiled lexicon.
///
/// Romanising a name never fails; only reading a lexicon file can.
///
/// ```swift
/// do { _ = try Romanizer.standard() } catch { print(error.message) }
/// ```
public enum PinyinError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The shipped lexicon was not found next to the executable or in the build tree.
    case lexiconNotFound(searched: [String])
    /// A lexicon file could not be read.
    case unreadable(path: String, reason: String)
    /// A lexicon file is not in the expected format.
    case malformed(path: String, line: Int, reason: String)

    /// A message a user can act on.
    public var message: String {
        switch self {
        case .lexiconNotFound(let searched):
            return "the pinyin lexicon (pinyin-lexicon.txt) was not found; looked in: "
                + searched.joined(separator: ", ")
                + ". Keep the quhua_Pinyin.resources folder next to the quhua executable, "
                + "or set QUHUA_PINYIN_LEXICON to the file's path."
        case .unreadable(let path, let reason):
            return "cannot read the pinyin lexicon \(path): \(reason)"
        case .malformed(let path, let line, let reason):
            return "the pinyin lexicon \(path) is malformed at line \(line): \(reason). "
                + "Regenerate it with `python3 Tools/pinyin/build-lexicon.py`."
        }
    }

    public var description: String { message }
}
