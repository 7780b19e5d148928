/// The exit codes every connector uses: 0 success, 1 runtime failure, 2 usage or config error.
public enum SingerExitStatus: Int32, Sendable, Hashable {
    case success = 0
    /// Bad data, an API error after retries, a lost connection, a closed pipe.
    case failure = 1
    /// Wrong arguments, a missing or invalid setting, an unreadable input file.
    case usage = 2
}

/// An error that knows which exit status it deserves; errors without it exit with 1.
public protocol ExitStatusProviding: Error {
    var exitStatus: SingerExitStatus { get }
}

/// A command-line misuse found after parsing, e.g. syncing without `--catalog`. Exits 2.
///
/// ```swift
/// guard let catalogPath = options.catalogPath else {
///     throw UsageError("sync needs --catalog (or --properties); run with --discover to create one")
/// }
/// ```
public struct UsageError: ExitStatusProviding, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
    public var exitStatus: SingerExitStatus { .usage }
}

/// stdout was closed by whoever reads it (the target or `head` exited). Writers of Singer
/// messages throw it on `EPIPE`; it exits 1 with a message saying so.
public struct DownstreamClosedError: ExitStatusProviding, Sendable, Hashable, CustomStringConvertible {
    public init() {}
    public var description: String {
        "downstream closed the pipe: stdout was closed by the reading process (target or next command); "
            + "check its error output for why it stopped"
    }
    public var exitStatus: SingerExitStatus { .failure }
}
