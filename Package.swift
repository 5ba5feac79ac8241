// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "quhua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quhua", targets: ["QuhuaCLI"]),
        .library(name: "GEOSKit", targets: ["GEOSKit"]),
        .library(name: "CRS", targets: ["CRS"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries, found with pkg-config.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),

        // Libraries.
        .target(name: "GEOSKit", dependencies: ["CGEOS"]),
        .target(name: "CRS", dependencies: ["CPROJ"]),

        // The `quhua` executable.
        .executableTarget(
            name: "QuhuaCLI",
            dependencies: [
                "GEOSKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Tests.
        .testTarget(name: "GEOSKitTests", dependencies: ["GEOSKit"]),
        .testTarget(name: "CRSTests", dependencies: ["CRS"], exclude: ["Reference"]),
    ],
    swiftLanguageModes: [.v6]
)
