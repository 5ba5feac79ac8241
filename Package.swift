// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "quhua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quhua", targets: ["QuhuaCLI"]),
        .library(name: "GEOSKit", targets: ["GEOSKit"]),
        .library(name: "Pinyin", targets: ["Pinyin"]),
        .library(name: "Gazetteer", targets: ["Gazetteer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // System libraries, found with pkg-config.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),

        // Libraries.
        .target(name: "GEOSKit", dependencies: ["CGEOS"]),
        .target(name: "Pinyin", resources: [.copy("Resources/pinyin-lexicon.txt")]),
        .target(
            name: "Gazetteer",
            dependencies: [
                "Pinyin",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        // The `quhua` executable.
        .executableTarget(
            name: "QuhuaCLI",
            dependencies: [
                "GEOSKit",
                "Pinyin",
                "Gazetteer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests.
        .testTarget(name: "GEOSKitTests", dependencies: ["GEOSKit"]),
        .testTarget(name: "PinyinTests", dependencies: ["Pinyin"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer"]),
    ],
    swiftLanguageModes: [.v6]
)
