import ArgumentParser

/// The command line every target accepts: singer-io's `-c/--config` plus the Singer SDK's
/// repeated `--config`, `--config ENV`, `--input`, `--about` and `--version`.
///
/// ```swift
/// let options = try TargetOptions.parse(["--config", "target.json", "--input", "messages.jsonl"])
/// options.inputPath   // "messages.jsonl" (stdin when nil)
/// ```
public struct TargetOptions: ConnectorOptions, Sendable {
    @Option(name: [.short, .customLong("config")], help: ArgumentHelp(
        "A JSON config file, or ENV to read <TARGET_NAME>_<SETTING> variables; repeat to merge in order.",
        valueName: "file"))
    public var configPaths: [String] = []

    @Option(name: .customLong("input"), help: ArgumentHelp("Read Singer messages from this file instead of stdin.", valueName: "file"))
    public var inputPath: String?

    @OptionGroup public var information: InformationOptions

    public var about: Bool { information.about }
    public var aboutFormat: AboutFormat { information.aboutFormat }
    public var version: Bool { information.version }

    public init() {}
}
