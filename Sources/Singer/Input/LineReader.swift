#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads newline-delimited text from a file descriptor in large blocks and hands out each line
/// without copying it. Lines of any length are supported; the buffer grows to fit the longest.
///
/// ```swift
/// let reader = LineReader(fileDescriptor: STDIN_FILENO)
/// while let line = try reader.nextLine() { … }   // `line` is valid until the next call
/// ```
public final class LineReader {
    public static let defaultBlockSize = 1 << 20

    private let fileDescriptor: Int32
    private let closesDescriptor: Bool
    private var buffer: UnsafeMutableRawBufferPointer
    private var lineStart = 0
    private var dataEnd = 0
    private var reachedEnd = false

    /// The 1-based number of the line most recently returned.
    public private(set) var lineNumber = 0

    /// End the input when a shutdown signal arrives (see ``ShutdownSignal``): what a target
    /// reading stdin wants, so it can commit and emit its state. Off by default.
    public var stopsOnShutdownSignal = false

    /// Whether reading ended because a shutdown signal arrived; a partly received last line is
    /// then dropped rather than returned.
    public private(set) var stoppedBySignal = false

    public init(fileDescriptor: Int32, blockSize: Int = LineReader.defaultBlockSize) {
        self.fileDescriptor = fileDescriptor
        closesDescriptor = false
        buffer = .allocate(byteCount: max(blockSize, 16), alignment: 16)
    }

    /// Opens `path` for reading; the descriptor is closed with the reader.
    public init(path: String, blockSize: Int = LineReader.defaultBlockSize) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LineReaderError.cannotOpen(path: path, errno: errno) }
        fileDescriptor = descriptor
        closesDescriptor = true
        buffer = .allocate(byteCount: max(blockSize, 16), alignment: 16)
    }

    /// Reads from bytes held in memory (tests, benchmarks).
    public init(bytes: some Collection<UInt8>) {
        fileDescriptor = -1
        closesDescriptor = false
        buffer = .allocate(byteCount: max(bytes.count, 16), alignment: 16)
        buffer.copyBytes(from: bytes)
        dataEnd = bytes.count
        reachedEnd = true
    }

    deinit {
        buffer.deallocate()
        if closesDescriptor { close(fileDescriptor) }
    }

    /// The next line without its `\n` (or `\r\n`), or `nil` at the end of input.
    /// The bytes stay valid until the next call.
    public func nextLine() throws -> UnsafeRawBufferPointer? {
        while true {
            let pending = dataEnd - lineStart
            if pending > 0, let newline = memchr(buffer.baseAddress! + lineStart, 0x0A, pending) {
                let lineEnd = buffer.baseAddress!.distance(to: newline)
                return takeLine(upTo: lineEnd, next: lineEnd + 1)
            }
            if reachedEnd {
                guard pending > 0 else { return nil }
                return takeLine(upTo: dataEnd, next: dataEnd)
            }
            try fill()
        }
    }

    private func takeLine(upTo lineEnd: Int, next: Int) -> UnsafeRawBufferPointer {
        var end = lineEnd
        if end > lineStart, buffer[end - 1] == 0x0D { end -= 1 }
        let line = UnsafeRawBufferPointer(rebasing: buffer[lineStart..<end])
        lineStart = next
        lineNumber += 1
        return line
    }

    /// Moves the unfinished line to the front, grows the buffer if that line fills it, and reads more.
    private func fill() throws {
        let pending = dataEnd - lineStart
        if lineStart > 0 {
            if pending > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + lineStart, byteCount: pending) }
            lineStart = 0
            dataEnd = pending
        }
        if dataEnd == buffer.count {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: dataEnd)
            buffer.deallocate()
            buffer = larger
        }
        while true {
            if try waitForInputOrShutdown() == .shutdown {
                stoppedBySignal = true
                reachedEnd = true
                dataEnd = lineStart  // an unfinished line is not a line
                return
            }
            let count = read(fileDescriptor, buffer.baseAddress! + dataEnd, buffer.count - dataEnd)
            if count > 0 {
                dataEnd += count
                return
            }
            if count == 0 {
                reachedEnd = true
                return
            }
            if errno == EINTR { continue }
            throw LineReaderError.readFailed(errno: errno)
        }
    }
}

extension LineReader {
    private enum Readiness { case input, shutdown }

    /// Blocks until input is readable or a shutdown signal arrived (when one is installed).
    private func waitForInputOrShutdown() throws -> Readiness {
        guard stopsOnShutdownSignal else { return .input }
        if ShutdownSignal.received != nil { return .shutdown }
        guard let wakeup = ShutdownSignal.wakeupDescriptor else { return .input }
        var descriptors = [
            pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeup, events: Int16(POLLIN), revents: 0),
        ]
        while poll(&descriptors, 2, -1) < 0 {
            guard errno == EINTR else { throw LineReaderError.readFailed(errno: errno) }
            if ShutdownSignal.received != nil { return .shutdown }
        }
        return descriptors[1].revents != 0 || ShutdownSignal.received != nil ? .shutdown : .input
    }
}

/// Input that cannot be read. A file that cannot be opened is a usage error (exit 2), as a
/// missing `--config` is; a read failing midway is a runtime failure (exit 1).
public enum LineReaderError: ExitStatusProviding, CustomStringConvertible, Sendable {
    case cannotOpen(path: String, errno: Int32)
    case readFailed(errno: Int32)

    public var exitStatus: SingerExitStatus {
        if case .cannotOpen = self { .usage } else { .failure }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let code): "cannot open \(path): \(systemErrorText(code))"
        case .readFailed(let code): "reading input failed: \(systemErrorText(code))"
        }
    }
}
