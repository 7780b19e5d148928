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

/// The `--about` output formats: plain text (default), the SDK's JSON, or a Markdown table.
public enum AboutFormat: String, Sendable, CaseIterable, ExpressibleByArgument {
    case text, json, markdown
}
