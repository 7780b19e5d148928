#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where log and metric lines go: standard error in production, a ``LineBuffer`` in tests.
public protocol LineSink: Sendable {
    /// Writes one complete line; `line` carries no trailing newline.
    func writeLine(_ line: String)
}

/// Writes each line to file descriptor 2 with a single unbuffered `write`, so lines from
/// different threads never interleave and nothing is lost if the process dies right after.
public struct StandardErrorSink: LineSink {
    public init() {}

    public func writeLine(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return  // stderr is gone; there is nowhere left to report that
                }
            }
        }
    }
}

/// Collects lines in memory, for tests and for callers that want to inspect what was logged.
///
/// ```swift
/// let buffer = LineBuffer()
/// let output = LogOutput(sink: buffer)
/// Metrics(output: output).recordCounter(endpoint: "users").flush()
/// buffer.lines   // ["INFO METRIC: {\"type\": \"counter\", ...}"]
/// ```
public final class LineBuffer: LineSink {
    private let storage = LockedValue<[String]>([])

    public init() {}

    public func writeLine(_ line: String) { storage.withLock { $0.append(line) } }

    /// Every line written so far, in order.
    public var lines: [String] { storage.current }

    /// All lines joined with newlines, convenient for `contains` checks.
    public var text: String { lines.joined(separator: "\n") }
}
