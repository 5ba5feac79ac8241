import Gazetteer

/// The search-key provider handed to the gazetteer.
///
/// `nil` until the Pinyin module is part of the build: then Latin search finds only names
/// stored in Latin script, and traditional characters are not folded.
enum SearchKeys {
    static let provider: (any SearchKeyProvider)? = nil
}
