#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes Singer messages as compact JSON lines, buffered, and flushed at every STATE so a
/// downstream target sees a checkpoint as soon as it is emitted.
///
/// ```swift
/// let output = MessageWriter(fileDescriptor: STDOUT_FILENO)
/// try output.write(.record(RecordMessage(stream: "Account", record: ["Id": "001"])))
/// try output.flush()
/// ```
public final class MessageWriter {
    private let fileDescriptor: Int32
    private var writer = JSONWriter(capacity: 1 << 16)
    private let flushThreshold: Int

    public init(fileDescriptor: Int32, flushThreshold: Int = 1 << 16) {
        self.fileDescriptor = fileDescriptor
        self.flushThreshold = flushThreshold
    }

    deinit { try? flush() }

    public func write(_ message: Message) throws {
        MessageEncoder.encode(message, into: &writer)
        if case .state = message {
            try flush()
        } else if writer.bytes.count >= flushThreshold {
            try flush()
        }
    }

    /// Writes bytes that are not a message (a CSV line for a benchmark), through the same buffer.
    public func writeRaw(_ bytes: [UInt8]) throws {
        writer.appendBytes(bytes)
        if writer.bytes.count >= flushThreshold { try flush() }
    }

    /// Writes a STATE's value alone on a line, as targets report state to their orchestrator.
    public func writeStateValue(_ value: JSONValue) throws {
        writer.write(value)
        writer.appendRaw("\n")
        try flush()
    }

    /// Writes out everything buffered. After a failure the buffer is dropped: part of it may
    /// have gone out, and writing it again (say, from `deinit`) would duplicate messages.
    public func flush() throws {
        var written = 0
        let bytes = writer.bytes
        defer { writer.reset() }
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = systemWrite(fileDescriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw OutputWriteError.forWrite(errno: errno)
                }
                written += count
            }
        }
    }
}

/// Writing Singer messages failed for a reason other than a closed pipe (a full disk, say);
/// a closed pipe is a ``DownstreamClosedError``.
public struct OutputWriteError: Error, Sendable, CustomStringConvertible {
    public var errno: Int32

    public init(errno: Int32) { self.errno = errno }

    public var description: String { "cannot write Singer messages to stdout: \(systemErrorText(errno))" }

    /// The error for a failed write: ``DownstreamClosedError`` for `EPIPE`, else this.
    static func forWrite(errno code: Int32) -> any Error {
        code == EPIPE ? DownstreamClosedError() : OutputWriteError(errno: code)
    }
}

/// The wire form of each message: one compact JSON object and a newline, keys in the order
/// the Singer SDK writes them.
public enum MessageEncoder {
    public static func encode(_ message: Message, into writer: inout JSONWriter) {
        writer.appendRaw("{\"type\":")
        writer.writeString(message.typeName)
        switch message {
        case .schema(let schema):
            writeStream(schema.stream, into: &writer)
            writer.appendRaw(",\"schema\":")
            writer.write(schema.schema)
            writer.appendRaw(",\"key_properties\":")
            writer.write(.array((schema.keyProperties ?? []).map(JSONValue.string)))
            if let bookmarkProperties = schema.bookmarkProperties {
                writer.appendRaw(",\"bookmark_properties\":")
                writer.write(.array(bookmarkProperties.map(JSONValue.string)))
            }
        case .record(let record):
            writeStream(record.stream, into: &writer)
            writer.appendRaw(",\"record\":")
            writer.write(record.record)
            writeVersion(record.version, into: &writer)
            if let timeExtracted = record.timeExtracted {
                writer.appendRaw(",\"time_extracted\":")
                writer.writeString(timeExtracted)
            }
        case .state(let state):
            writer.appendRaw(",\"value\":")
            writer.write(state.value)
        case .activateVersion(let activation):
            writeStream(activation.stream, into: &writer)
            writeVersion(activation.version, into: &writer)
        case .batch(let batch):
            writeStream(batch.stream, into: &writer)
            writer.appendRaw(",\"encoding\":")
            var encoding: JSONObject = ["format": .string(batch.encoding.format)]
            if let compression = batch.encoding.compression { encoding["compression"] = .string(compression) }
            writer.write(encoding)
            writer.appendRaw(",\"manifest\":")
            writer.write(.array(batch.manifest.map(JSONValue.string)))
            writeVersion(batch.version, into: &writer)
        }
        writer.appendRaw("}\n")
    }

    /// The line for `message`, newline included.
    public static func line(_ message: Message) -> String {
        var writer = JSONWriter(capacity: 256)
        encode(message, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private static func writeStream(_ stream: String, into writer: inout JSONWriter) {
        writer.appendRaw(",\"stream\":")
        writer.writeString(stream)
    }

    private static func writeVersion(_ version: Int?, into writer: inout JSONWriter) {
        guard let version else { return }
        writer.appendRaw(",\"version\":")
        writer.writeNumber(JSONNumber(version))
    }
}
