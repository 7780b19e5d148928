import Foundation

/// Splits a body that arrives in arbitrary chunks into lines.
///
/// A line may straddle any number of chunks; the splitter keeps only the
/// unfinished tail between calls, so memory stays bounded by the longest
/// line. `\n` and `\r\n` endings are both accepted and removed.
///
/// In ``Mode/csv`` mode a line break inside a double-quoted field does not end
/// the record, because CSV exports (Salesforce Bulk, Zuora) quote fields that
/// contain newlines.
///
/// ```swift
/// var splitter = LineSplitter()
/// try splitter.push(chunk) { line in print(String(decoding: line, as: UTF8.self)) }
/// try splitter.finish { line in … }   // the last line, if it had no newline
/// ```
public struct LineSplitter: Sendable {
    /// How line breaks are recognised.
    public enum Mode: Sendable, Hashable {
        /// Every line break ends a line (JSON lines, plain text).
        case plain
        /// Line breaks inside `"…"` fields belong to the field.
        case csv
    }

    /// How line breaks are recognised.
    public let mode: Mode
    private var pending: [UInt8] = []
    /// Where scanning resumes in `pending`, so each byte is examined once.
    private var scanned = 0
    private var insideQuotes = false

    /// Creates a splitter.
    public init(mode: Mode = .plain) {
        self.mode = mode
    }

    /// Feeds one chunk, calling `onLine` for every line it completes.
    public mutating func push(_ chunk: Data, onLine: (Data) throws -> Void) rethrows {
        pending.append(contentsOf: chunk)
        var lineStart = 0
        var index = scanned
        while index < pending.count {
            let byte = pending[index]
            if mode == .csv, byte == UInt8(ascii: "\"") {
                insideQuotes.toggle()
            } else if byte == UInt8(ascii: "\n"), !insideQuotes {
                try onLine(line(from: lineStart, to: index))
                lineStart = index + 1
            }
            index += 1
        }
        pending.removeFirst(lineStart)
        scanned = pending.count
    }

    /// Emits the final line if the body did not end with a line break.
    public mutating func finish(onLine: (Data) throws -> Void) rethrows {
        defer { pending.removeAll(); scanned = 0; insideQuotes = false }
        guard !pending.isEmpty else { return }
        try onLine(line(from: 0, to: pending.count))
    }

    /// The bytes of `pending[start..<end]`, without a trailing `\r`.
    private func line(from start: Int, to end: Int) -> Data {
        var end = end
        if end > start, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Data(pending[start..<end])
    }
}
