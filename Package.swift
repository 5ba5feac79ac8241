// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "quhua",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quhua", targets: ["QuhuaCLI"]),
        .library(name: "GEOSKit", targets: ["GEOSKit"]),
        .library(name: "CRS", targets: ["CRS"]),
        .library(name: "GeoFormats", targets: ["GeoFormats"]),
        .library(name: "Boundary", targets: ["Boundary"]),
        .library(name: "Pinyin", targets: ["Pinyin"]),
        .library(name: "Gazetteer", targets: ["Gazetteer"]),
        .library(name: "Publishing", targets: ["Publishing"]),
        .library(name: "Register", targets: ["Register"]),
        .library(name: "QuhuaServer", targets: ["QuhuaServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // System libraries, found with pkg-config.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),

        // Libraries.
        .target(name: "GEOSKit", dependencies: ["CGEOS"]),
        .target(name: "CRS", dependencies: ["CPROJ", "GEOSKit"]),
        .target(
            name: "GeoFormats",
            dependencies: [
                "GEOSKit", "CRS",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // Readers and writers walk millions of coordinates; unoptimised they make the test suite crawl.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Leaflet, vendored once for the web app and the standalone HTML reports.
        .target(name: "LeafletAssets", resources: [.copy("leaflet")]),
        .target(name: "Boundary", dependencies: ["GEOSKit", "GeoFormats", "CRS", "LeafletAssets"]),
        .target(
            name: "Pinyin",
            resources: [.copy("Resources/pinyin-lexicon.txt")],
            // Romanising tens of thousands of names per import; unoptimised it dominates debug runs.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "Gazetteer",
            dependencies: [
                "Pinyin",
                "GEOSKit",
                // Polygon layers and place-name records are read through GeoFormats (GeoJSON, TopoJSON,
                // GeoPackage, Shapefile …) and put into longitude/latitude through CRS.
                "GeoFormats", "CRS",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The C API, for bulk inserts (RowInserter).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            // Imports walk every name of 44 yearly tables and 43,000 townships; the first use of
            // `quhua` (and the test suite) builds the database in a debug build too.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),

        // The boundary upkeep register: lines and markers under care, patrols, work orders, disputes.
        .target(
            name: "Register",
            dependencies: [
                // Gazetteer for `Day` (the same `--at` days as every other verb) and `SHA256` (photo hashes).
                "Boundary", "GeoFormats", "GEOSKit", "CRS", "Gazetteer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),

        // What quhua publishes, for every face: the divisions of a day and a survey's lines and
        // markers as feature layers, pages of features, Linked Places.
        .target(name: "Publishing", dependencies: ["GEOSKit", "CRS", "GeoFormats", "Boundary", "Gazetteer", "Register", "Pinyin"]),

        // `quhua serve`: OGC API - Features, the gazetteer API and the web app (Hummingbird 2).
        .target(
            name: "QuhuaServer",
            dependencies: [
                "Publishing", "Gazetteer", "Register", "Pinyin", "GeoFormats", "GEOSKit", "LeafletAssets",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Public")]
        ),

        // The `quhua` executable.
        .executableTarget(
            name: "QuhuaCLI",
            dependencies: [
                "GEOSKit", "CRS", "GeoFormats", "Boundary", "Pinyin", "Gazetteer", "Publishing", "QuhuaServer", "Register",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Benchmarks (Tools/bench/…), built in release by their run scripts.
        .executableTarget(
            name: "bench-geos-overhead",
            dependencies: ["GEOSKit", "GeoFormats"],
            path: "Tools/bench/geos-overhead/Sources"
        ),

        // Benchmark driver for the coverage check (Tools/bench/coverage/run.sh); not a product.
        .executableTarget(
            name: "quhua-bench-coverage",
            dependencies: ["Boundary", "GEOSKit", "GeoFormats"],
            path: "Tools/bench/coverage/Sources"
        ),

        // The sample surveys in GeoData/samples, built from cn-atlas (`swift run quhua-samples`).
        .executableTarget(
            name: "quhua-samples",
            dependencies: ["GEOSKit", "CRS"],
            path: "Tools/samples"
        ),

        // Gazetteer search benchmark (Tools/bench/search/run.sh); not a product.
        .executableTarget(
            name: "bench-gazetteer-search",
            dependencies: ["Gazetteer", "GeoFormats", "Pinyin", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tools/bench/search/Sources"
        ),

        // Tests.
        .testTarget(name: "GEOSKitTests", dependencies: ["GEOSKit", "GeoFormats"]),
        .testTarget(name: "CRSTests", dependencies: ["CRS", "GEOSKit"], exclude: ["Reference"]),
        .testTarget(name: "PinyinTests", dependencies: ["Pinyin"]),
        .testTarget(name: "GeoFormatsTests", dependencies: ["GeoFormats", "GEOSKit", "CRS"], exclude: ["Fuzz"]),
        .testTarget(name: "BoundaryTests", dependencies: ["Boundary", "GEOSKit", "GeoFormats", "CRS"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer", "GeoFormats", "GEOSKit", "CRS"]),
        // Runs the built `quhua` executable: every verb, the exit codes 0/1/2/3.
        .testTarget(name: "QuhuaCLITests"),
        .testTarget(name: "RegisterTests", dependencies: ["Register", "Gazetteer", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "QuhuaServerTests",
            dependencies: [
                "QuhuaServer", "Publishing", "Gazetteer", "Register",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
