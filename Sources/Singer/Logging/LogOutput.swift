import Logging

/// The destination shared by a connector's log handlers and metrics: a sink, the current level
/// and the secret redactor applied to every line.
///
/// One instance (``SingerLogging/output``) serves the process; tests build their own around a
/// ``LineBuffer``.
///
/// ```swift
/// let output = LogOutput(sink: LineBuffer(), level: .debug)
/// output.write(level: .info, message: "Syncing stream Account")   // "INFO Syncing stream Account"
/// ```
public final class LogOutput: Sendable {
    public let sink: any LineSink
    public let redactor: SecretRedactor
    private let currentLevel: LockedValue<Logger.Level>

    public init(sink: any LineSink, level: Logger.Level = .info, redactor: SecretRedactor = SecretRedactor()) {
        self.sink = sink
        self.redactor = redactor
        currentLevel = LockedValue(level)
    }

    /// The least severe level written; handlers without their own level follow it.
    public var level: Logger.Level {
        get { currentLevel.current }
        set { currentLevel.withLock { $0 = newValue } }
    }

    /// Whether a message at `level` would be written.
    public func isEnabled(_ level: Logger.Level) -> Bool { level >= self.level }

    /// Writes `LEVEL message` after redacting secrets; the caller has already checked the level.
    public func write(level: Logger.Level, message: String) {
        sink.writeLine(Self.pythonName(of: level) + " " + redactor.redact(message))
    }

    /// Writes each line of `message` at CRITICAL, whatever the level, as singer-python's
    /// `handle_top_exception` does, so the last lines of stderr say what failed.
    public func writeCritical(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines where !line.isEmpty { write(level: .critical, message: String(line)) }
    }

    /// The Python logging name singer-python prints for a level (`warning` → `WARNING`).
    public static func pythonName(of level: Logger.Level) -> String {
        switch level {
        case .trace, .debug: "DEBUG"
        case .info, .notice: "INFO"
        case .warning: "WARNING"
        case .error: "ERROR"
        case .critical: "CRITICAL"
        }
    }
}
