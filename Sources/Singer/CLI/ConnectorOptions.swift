import ArgumentParser

/// The options every connector shares, whatever else it parses: what ``ConnectorRunner`` needs to
/// answer `--about` and `--version` and to load `--config`. ``TapOptions`` and ``TargetOptions``
/// conform; a connector with extra arguments conforms by forwarding to its `@OptionGroup`.
public protocol ConnectorOptions: ParsableArguments {
    /// The `--config` values in order: file paths or `ENV`.
    var configPaths: [String] { get }
    var about: Bool { get }
    var aboutFormat: AboutFormat { get }
    var version: Bool { get }

    /// Rewrites spellings ArgumentParser cannot express before parsing (see ``TapOptions``).
    static func normalizedArguments(_ arguments: [String]) -> [String]
}

extension ConnectorOptions {
    public static func normalizedArguments(_ arguments: [String]) -> [String] { arguments }

    /// ArgumentParser's `parse` applied to ``normalizedArguments(_:)``.
    public static func parseNormalized(_ arguments: [String]) throws -> Self {
        try parse(normalizedArguments(arguments))
    }
}

/// `--about [--format …]` and `--version`, which every tap and target answers the same way.
public struct InformationOptions: ParsableArguments, Sendable {
    @Flag(help: "Print name, version, capabilities and settings, then exit.")
    public var about = false

    @Option(name: .customLong("format"), help: "Format of --about: text, json or markdown.")
    public var aboutFormat: AboutFormat = .text

    @Flag(help: "Print the version and exit.")
    public var version = false

    public init() {}
}

/// The `--about` output formats: plain text (default), the SDK's JSON, or a Markdown table.
public enum AboutFormat: String, Sendable, CaseIterable, ExpressibleByArgument {
    case text, json, markdown
}
