import GEOSKit

/// The version string printed by `quhua --version`, with the GEOS it runs on.
enum QuhuaVersion {
    static let number = "0.1.0"
    static var string: String {
        "quhua \(number) (GEOS \(GEOSLibrary.runtimeVersion))"
    }
}
