import Gazetteer
import Pinyin

/// The search-key provider handed to the gazetteer: the Pinyin module's romanizer.
enum SearchKeys {
    /// `nil` (with a warning) when the pinyin lexicon cannot be loaded: Latin search then
    /// finds only names stored in Latin script, and traditional characters are not folded.
    static let provider: (any SearchKeyProvider)? = {
        if let error = Romanizer.shared.loadError {
            Terminal.note("warning: pinyin lexicon unavailable (\(error)); pinyin search is off")
        }
        return PinyinSearchKeys.standard
    }()
}
