// swift-tools-version:6.3
import PackageDescription

let package = Package(
    name: "singer-swift",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Singer", targets: ["Singer"]),
        .library(name: "HTTP", targets: ["HTTP"]),
        .library(name: "Postgres", targets: ["Postgres"]),
        .executable(name: "singer", targets: ["singer"]),
        .executable(name: "target-postgres", targets: ["target-postgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The core: JSON, Singer messages, schema, catalog, state, CLI conventions, logging.
        // It knows nothing of HTTP, PostgreSQL or any vendor.
        .target(
            name: "Singer",
            dependencies: [
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // System libraries, wrapped by the small Swift layers below them.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // HTTP over libcurl: streaming bodies, timeouts, retries with backoff. No Singer, no vendors.
        .target(
            name: "HTTP",
            dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")]
        ),

        // PostgreSQL over libpq: connections, parameterised queries, transactions, COPY FROM STDIN.
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")]
        ),

        // target-postgres: Singer streams into PostgreSQL tables, COPY and merge, state after commit.
        .target(name: "TargetPostgres", dependencies: ["Singer", "Postgres"]),
        .executableTarget(name: "target-postgres", dependencies: ["TargetPostgres", "Singer"]),

        // Commands on Singer streams: validate, generate a sample stream, benchmark the reader.
        .target(name: "SingerTools", dependencies: ["Singer"]),
        .executableTarget(
            name: "singer",
            dependencies: ["SingerTools", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "SingerTests", dependencies: ["Singer"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        // The throwaway PostgreSQL that scripts/test starts, as the test targets reach it.
        .target(name: "PostgresTestSupport", dependencies: ["Postgres"], path: "Tests/PostgresTestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresTestSupport"]),
        .testTarget(name: "TargetPostgresTests", dependencies: ["TargetPostgres", "Singer", "Postgres", "PostgresTestSupport"]),
    ]
)
