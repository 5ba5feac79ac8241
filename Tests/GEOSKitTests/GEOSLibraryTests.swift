import Testing
@testable import GEOSKit

@Suite struct GEOSLibraryTests {
    @Test func runtimeVersionIsAtLeast311() {
        #expect(GEOSLibrary.runtimeVersion.hasPrefix("3."))
        #expect(GEOSLibrary.supports(major: 3, minor: 11))
        #expect(!GEOSLibrary.supports(major: 99, minor: 0))
    }
}
