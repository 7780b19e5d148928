import ArgumentParser

/// The command line every tap accepts, compatible with singer-python and the Singer SDK.
/// Use it in a tap's command with `@OptionGroup`, or directly with ``ConnectorRunner``.
///
/// `--test` takes an optional value, which ArgumentParser cannot express, so the spellings
/// `--test=schema`, `--test schema` and `--test=all` are rewritten by ``normalizedArguments(_:)``
/// (applied by ``ConnectorRunner`` and by `TapOptions.parse`) into the flags `--test-schema` and
/// `--test`. A command embedding these options should parse `TapOptions.normalizedArguments(...)`.
///
/// ```swift
/// let options = try TapOptions.parse(["-c", "base.json", "-c", "ENV", "--properties", "catalog.json"])
/// options.configPaths   // ["base.json", "ENV"]
/// options.catalogPath   // "catalog.json"
/// try TapOptions.parse(["--config", "c.json", "--test=schema"]).testMode   // .schema
/// ```
public struct TapOptions: ConnectorOptions, Sendable {
    @Option(name: [.short, .customLong("config")], help: ArgumentHelp(
        "A JSON config file, or ENV to read <TAP_NAME>_<SETTING> variables; repeat to merge in order.",
        valueName: "file"))
    public var configPaths: [String] = []

    @Flag(name: [.short, .long], help: "Print the catalog of available streams and exit.")
    public var discover = false

    @Option(name: .customLong("catalog"), help: ArgumentHelp("Catalog selecting the streams to sync.", valueName: "file"))
    public var catalogFile: String?

    @Option(name: [.short, .customLong("properties")], help: ArgumentHelp(
        "Legacy name for --catalog, as older taps call it.", valueName: "file"))
    public var propertiesFile: String?

    @Option(name: [.short, .customLong("state")], help: ArgumentHelp("State to resume from.", valueName: "file"))
    public var statePath: String?

    @OptionGroup public var information: InformationOptions

    public var about: Bool { information.about }
    public var aboutFormat: AboutFormat { information.aboutFormat }
    public var version: Bool { information.version }

    @Flag(name: .customLong("test"), help: "Check the connection: sync at most one record per stream (--test=schema: SCHEMA messages only).")
    public var testAll = false

    @Flag(name: .customLong("test-schema"), help: .hidden)
    public var testSchema = false

    public init() {}

    /// The catalog to sync with, from `--catalog` or `--properties`.
    public var catalogPath: String? { catalogFile ?? propertiesFile }

    /// What `--test` asked for, if anything.
    public var testMode: TestMode? {
        if testSchema { return .schema }
        return testAll ? .all : nil
    }

    public func validate() throws {
        if catalogFile != nil && propertiesFile != nil {
            throw ValidationError("--catalog and --properties were both given; pass only one (--properties is the legacy name of --catalog)")
        }
    }

    /// Parses `arguments` (the process's when `nil`) after ``normalizedArguments(_:)``.
    /// Shadows `ParsableArguments.parse` so that `TapOptions.parse(["--test=schema"])` works.
    public static func parse(_ arguments: [String]? = nil) throws -> TapOptions {
        try parseNormalized(arguments ?? Array(CommandLine.arguments.dropFirst()))
    }

    /// Rewrites `--test=schema` and `--test schema` into `--test-schema`, and `--test=all` into
    /// `--test`; arguments after `--` are left alone.
    public static func normalizedArguments(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                result += arguments[(index - 1)...]
                break
            }
            if argument.hasPrefix("--test="), let mode = TestMode(rawValue: String(argument.dropFirst("--test=".count))) {
                result.append(mode.flag)
            } else if argument == "--test", index < arguments.endIndex, let mode = TestMode(rawValue: arguments[index]) {
                result.append(mode.flag)
                index += 1
            } else {
                result.append(argument)
            }
        }
        return result
    }
}

/// What `--test` checks: a connection test syncing one record per stream, or SCHEMA messages only.
public enum TestMode: String, Sendable, CaseIterable {
    case all, schema

    var flag: String { self == .schema ? "--test-schema" : "--test" }
}
