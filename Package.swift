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
        .executable(name: "tap-salesforce", targets: ["tap-salesforce"]),
        .executable(name: "tap-zuora", targets: ["tap-zuora"]),
        .executable(name: "tap-marketo", targets: ["tap-marketo"]),
        .executable(name: "sandbox", targets: ["sandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // RS256 for the Salesforce JWT bearer flow (_CryptoExtras holds RSA).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // The vendor sandboxes' HTTP server; without its optional traits to keep the build small.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Beneath Hummingbird; named because SandboxKit uses their types directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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

        // tap-salesforce: auth, discovery, REST and Bulk 2.0 sync of a Salesforce org.
        .target(
            name: "TapSalesforce",
            dependencies: [
                "Singer", "HTTP",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "tap-salesforce", dependencies: ["TapSalesforce", "Singer"]),

        // tap-zuora: AQuA and REST export syncs of a Zuora tenant.
        .target(name: "TapZuora", dependencies: ["Singer", "HTTP", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "tap-zuora", dependencies: ["TapZuora", "Singer"]),

        // tap-marketo: bulk lead and activity exports and the asset APIs of a Marketo instance.
        .target(name: "TapMarketo", dependencies: ["Singer", "HTTP", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(name: "tap-marketo", dependencies: ["TapMarketo", "Singer"]),

        // Vendor API emulators for tests and the demo, written from the vendors' documentation.
        // SandboxKit is what every sandbox shares: the server, seeded randomness, fault scenarios.
        .target(
            name: "SandboxKit",
            dependencies: [
                "Singer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SalesforceSandbox",
            dependencies: [
                "SandboxKit", "Singer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["README.md"]
        ),
        .target(
            name: "ZuoraSandbox",
            dependencies: ["SandboxKit", "Singer", .product(name: "Hummingbird", package: "hummingbird")],
            exclude: ["README.md"]
        ),
        .target(
            name: "MarketoSandbox",
            dependencies: ["SandboxKit", "Singer", .product(name: "Hummingbird", package: "hummingbird")],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "sandbox",
            dependencies: [
                "SandboxKit", "SalesforceSandbox", "ZuoraSandbox", "MarketoSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(name: "SingerTests", dependencies: ["Singer", "SingerTools"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        // The throwaway PostgreSQL that scripts/test starts, as the test targets reach it.
        .target(name: "PostgresTestSupport", dependencies: ["Postgres"], path: "Tests/PostgresTestSupport"),
        // A loopback HTTP client for the sandbox tests of every vendor.
        .target(name: "SandboxTestSupport", dependencies: ["HTTP", "Singer"], path: "Tests/SandboxTestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresTestSupport"]),
        .testTarget(name: "TargetPostgresTests", dependencies: ["TargetPostgres", "Singer", "Postgres", "PostgresTestSupport"]),
        .testTarget(
            name: "SalesforceSandboxTests",
            dependencies: [
                "SalesforceSandbox", "SandboxKit", "SandboxTestSupport", "HTTP", "Singer",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "TapZuoraTests",
            dependencies: ["TapZuora", "ZuoraSandbox", "SandboxKit", "SandboxTestSupport", "Singer", "HTTP", "TargetPostgres", "Postgres", "PostgresTestSupport"]
        ),
        .testTarget(
            name: "TapMarketoTests",
            dependencies: ["TapMarketo", "MarketoSandbox", "SandboxKit", "SandboxTestSupport", "Singer", "HTTP", "TargetPostgres", "Postgres", "PostgresTestSupport"]
        ),
        .testTarget(
            name: "TapSalesforceTests",
            dependencies: [
                "TapSalesforce", "SalesforceSandbox", "SandboxKit", "Singer", "HTTP", "TargetPostgres", "Postgres",
                "PostgresTestSupport", "SandboxTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
    ]
)
