import Foundation
@testable import Pinyin

/// The shipped romaniser (tests of loading itself are in IssueCasesTests).
let romanizer = Romanizer.shared

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func ascii(_ name: String) -> String { romanizer.romanize(name).ascii }
