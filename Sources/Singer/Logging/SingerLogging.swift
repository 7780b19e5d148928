import Logging

/// Process-wide logging setup for connectors: the stderr output, a bootstrap that is safe to call
/// more than once, and the log level read from config or environment.
///
/// ```swift
/// let level = try SingerLogging.level(config: config.values, environment: env, prefix: "TAP_SALESFORCE")
/// SingerLogging.bootstrap(level: level)
/// Logger(label: "tap-salesforce").info("Syncing stream Account")   // stderr: INFO Syncing stream Account
/// ```
public enum SingerLogging {
    /// The one stderr destination of the process. stderr and swift-log's `LoggingSystem` are
    /// process-wide already, so this is the single shared instance they map to.
    public static let output = LogOutput(sink: StandardErrorSink())

    private static let isBootstrapped = LockedValue(false)

    /// Sets the level of ``output`` and, on the first call only, points swift-log at it
    /// (`LoggingSystem.bootstrap` may run once per process; later calls just change the level).
    public static func bootstrap(level: Logger.Level = .info) {
        output.level = level
        let shouldBootstrap = isBootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        if shouldBootstrap {
            LoggingSystem.bootstrap { _ in SingerLogHandler(output: output) }
        }
    }

    /// Parses a Python-style level name, case-insensitively: `debug`, `info`, `warning` (or
    /// `warn`), `error`, `critical` (or `fatal`). `nil` for anything else.
    public static func level(named name: String) -> Logger.Level? {
        switch name.strippingSurroundingWhitespace().lowercased() {
        case "debug": .debug
        case "info": .info
        case "warning", "warn": .warning
        case "error": .error
        case "critical", "fatal": .critical
        default: nil
        }
    }

    /// The level to run at: `<PREFIX>_LOGLEVEL`, else `LOGLEVEL`, else config `log_level`, else
    /// info. The environment wins so a single run can be turned to debug without editing config.
    public static func level(
        config: JSONObject, environment: [String: String], prefix: String
    ) throws(ConfigError) -> Logger.Level {
        let candidates: [(source: String, value: String?)] = [
            ("environment variable \(prefix)_LOGLEVEL", environment["\(prefix)_LOGLEVEL"]),
            ("environment variable LOGLEVEL", environment["LOGLEVEL"]),
            ("setting log_level", config["log_level"]?.stringValue),
        ]
        for candidate in candidates {
            guard let name = candidate.value, !name.isEmpty else { continue }
            guard let level = level(named: name) else {
                throw .invalidLogLevel(source: candidate.source, value: name)
            }
            return level
        }
        return .info
    }
}
