#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads Singer messages from a stream of JSON lines: stdin, a file or bytes in memory.
/// Blank lines are skipped; lines of an unknown type are reported to `onUnknownType` and skipped.
///
/// ```swift
/// var reader = MessageReader(lines: LineReader(fileDescriptor: STDIN_FILENO))
/// while let message = try reader.next() { … }    // errors name the input line
/// ```
public struct MessageReader {
    public let lines: LineReader
    private var decoder: MessageDecoder
    /// Called with the type and line number of each message this toolkit does not know.
    public var onUnknownType: (String, Int) -> Void

    public init(
        lines: LineReader, allowsNonFiniteNumbers: Bool = true, recordForm: MessageDecoder.RecordForm = .raw,
        onUnknownType: @escaping (String, Int) -> Void = { _, _ in }
    ) {
        self.lines = lines
        decoder = MessageDecoder(allowsNonFiniteNumbers: allowsNonFiniteNumbers, recordForm: recordForm)
        self.onUnknownType = onUnknownType
    }

    /// The 1-based input line of the message most recently returned.
    public var lineNumber: Int { lines.lineNumber }

    public mutating func next() throws -> Message? {
        while let line = try lines.nextLine() {
            if Self.isBlank(line) { continue }
            switch try decoder.decode(line, lineNumber: lines.lineNumber) {
            case .message(let message): return message
            case .unknownType(let type): onUnknownType(type, lines.lineNumber)
            }
        }
        return nil
    }

    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
