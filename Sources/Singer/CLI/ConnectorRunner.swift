#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a connector the way every tap and target should behave: parse the command line, answer
/// `--help`, `--version` and `--about`, load and validate `--config`, set the log level and the
/// secrets to mask, run the connector, and turn any error into CRITICAL lines on stderr and an
/// exit status (2 for usage and config errors, 1 for everything else).
///
/// ``runConnector(_:options:_:)`` is the one-line main built on it; construct a runner directly
/// in tests to capture output and get the status back instead of exiting.
///
/// ```swift
/// let buffer = LineBuffer()
/// let runner = ConnectorRunner(description: description, environment: [:], output: LogOutput(sink: buffer))
/// let status = await runner.run(TapOptions.self, arguments: ["--config", "missing.json"]) { _, _ in }
/// // status == .usage; buffer.lines.last == "CRITICAL config file 'missing.json' does not exist"
/// ```
public struct ConnectorRunner: Sendable {
    public var description: ConnectorDescription
    public var environment: [String: String]
    /// Where log lines and the final CRITICAL lines go.
    public var output: LogOutput
    /// Where `--help`, `--version` and `--about` text goes (stdout by default).
    public var standardOutput: @Sendable (String) -> Void
    /// The `.env` file consulted for `--config ENV`.
    public var dotEnvPath: String?

    public init(
        description: ConnectorDescription, environment: [String: String] = ProcessEnvironment.current,
        output: LogOutput = SingerLogging.output, standardOutput: @escaping @Sendable (String) -> Void = { print($0) },
        dotEnvPath: String? = ".env"
    ) {
        self.description = description
        self.environment = environment
        self.output = output
        self.standardOutput = standardOutput
        self.dotEnvPath = dotEnvPath
    }

    /// Runs `body` with the parsed options and validated config; returns the exit status.
    public func run<Options: ConnectorOptions>(
        _ optionsType: Options.Type, arguments: [String], body: (Options, Config) async throws -> Void
    ) async -> SingerExitStatus {
        let options: Options
        do {
            options = try Options.parseNormalized(arguments)
        } catch {
            if Options.exitCode(for: error) == .success {  // --help
                standardOutput(withConnectorName(Options.fullMessage(for: error)))
                return .success
            }
            output.sink.writeLine(withConnectorName("USAGE: " + Options.usageString()))
            output.sink.writeLine("See '\(description.name) --help' for more information.")
            output.writeCritical(Options.message(for: error))
            return .usage
        }
        if options.version {
            standardOutput(description.versionLine)
            return .success
        }
        if options.about {
            standardOutput(AboutDocument(description: description).render(options.aboutFormat))
            return .success
        }
        do {
            let loader = ConfigLoader(description: description, environment: environment, dotEnvPath: dotEnvPath)
            let merged = try loader.merge(options.configPaths)
            // Before validation, so nothing reported from here on can leak a secret.
            output.redactor.register(config: merged.values, secretSettings: description.secretSettingNames)
            let config = try loader.validate(merged)
            output.level = try SingerLogging.level(
                config: config.values, environment: environment, prefix: description.environmentPrefix)
            try await body(options, config)
            return .success
        } catch {
            return report(error)
        }
    }

    /// ArgumentParser names a `ParsableArguments` type after itself (`tap`); show the executable's name.
    private func withConnectorName(_ help: String) -> String {
        guard let usage = help.firstRange(of: "USAGE: ") else { return help }
        let rest = help[usage.upperBound...]
        let nameEnd = rest.firstIndex { $0 == " " || $0 == "\n" } ?? rest.endIndex
        return String(help[..<usage.upperBound]) + description.name + String(rest[nameEnd...])
    }

    /// Writes `error` as CRITICAL lines (secrets masked) and returns the status it deserves.
    @discardableResult
    public func report(_ error: any Error) -> SingerExitStatus {
        output.writeCritical(Self.message(for: error))
        return Self.exitStatus(for: error)
    }

    /// 2 for usage and config errors, the error's own status if it has one, 1 otherwise.
    public static func exitStatus(for error: any Error) -> SingerExitStatus {
        (error as? any ExitStatusProviding)?.exitStatus ?? .failure
    }

    /// The text reported for `error`; errors that do not describe themselves get their type name,
    /// the closest Swift has to the stack trace best practice asks for on unexpected errors.
    public static func message(for error: any Error) -> String {
        if let described = error as? any CustomStringConvertible { return described.description }
        return "\(type(of: error)): \(String(reflecting: error))"
    }

    /// Ignores SIGPIPE, so writing to a closed stdout fails with `EPIPE` (reported as
    /// ``DownstreamClosedError``) instead of killing the process without a word.
    public static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}

/// The whole `main` of a connector executable: ignores SIGPIPE, bootstraps logging to stderr,
/// runs `body` through ``ConnectorRunner`` with the process's arguments and environment, flushes
/// stdout and exits with 0, 1 or 2.
///
/// ```swift
/// // Sources/tap-salesforce/main.swift
/// import Singer
/// import TapSalesforce
///
/// await runConnector(TapSalesforce.description, options: TapOptions.self) { options, config in
///     try await TapSalesforce(config: config).run(options)
/// }
/// ```
public func runConnector<Options: ConnectorOptions>(
    _ description: ConnectorDescription, options: Options.Type,
    _ body: (Options, Config) async throws -> Void
) async -> Never {
    ConnectorRunner.ignoreBrokenPipeSignal()
    SingerLogging.bootstrap(level: .info)
    let runner = ConnectorRunner(description: description)
    var status = await runner.run(Options.self, arguments: Array(CommandLine.arguments.dropFirst()), body: body)
    // Buffered Singer messages must reach the reader; a reader that went away is a failure.
    if fflush(nil) != 0, status == .success {
        status = runner.report(OutputWriteError.forWrite(errno: errno))
    }
    exit(status.rawValue)
}
